"""ACLED's actor conventions for typing violence: who acted decides the sub-event type.

Unorganised people (a crowd, villagers, farmers or herders who beat or brawl, a family feud) riot:
Mob violence by "Rioters" (type 5). A community with firearms, raiding a camp or village, or
killing, is a communal militia (type 4). Organised armed actors attack civilians (Attack) or fight
each other (Armed clash). Demonstrations are Protests unless the demonstrators turn violent.
"""
import pytest


@pytest.fixture(scope="module")
def first(extract_text):
    def _run(text):
        mentions, _ = extract_text(text)
        assert mentions, f"no event in {text!r}"
        m = mentions[0]
        return m.sub_event_type, m.actor1.inter if m.actor1 else None, m.actor2.inter if m.actor2 else None

    return _run


@pytest.mark.parametrize("text,sub,inter1", [
    # unorganised violence: rioters
    ("A group of farmers beat a herder after his cattle strayed onto their fields.", "Mob violence", 5),
    ("Several herders assaulted and wounded a farmer near the river.", "Mob violence", 5),
    ("Villagers lynched a suspected thief at the market on Sunday.", "Mob violence", 5),
    ("A number of residents caught two motorbike thieves and assaulted them in the village of Kora.", "Mob violence", 5),
    ("Two men beat a woman to death after accusing her of witchcraft.", "Mob violence", 5),
    ("Fighting broke out between two families over a land dispute, wounding three people.", "Mob violence", 5),
    ("Several herders killed their brother after a quarrel over cattle.", "Mob violence", 5),  # a family feud
    ("KAMPALA — Residents of the town, angry at a spate of thefts, beat and burned to death two men they "
     "accused of stealing, police said.", "Mob violence", 5),
    ("Farmers and herders fought over a damaged field; two people were hurt.", "Mob violence", 5),
    # a community that is armed, raids a settlement or kills: a communal militia
    ("Farmers armed with hunting rifles attacked herders and wounded two of them.", "Attack", 4),
    ("A group of farmers attacked a herders' camp and burned the huts.", "Attack", 4),
    ("Villagers attacked a pastoralist settlement and wounded a child.", "Attack", 4),
    ("Farmers and herders clashed near the river, leaving four people dead.", "Armed clash", 4),
    # a fight whose victims the next sentence tells were shot was fought with guns
    ("Pastoralists and farmers clashed near the river overnight. Several farmers were wounded by machetes and "
     "gunshots.", "Armed clash", 4),
    ("Pastoralists and farmers clashed near the river overnight. Several farmers were wounded by machetes.",
     "Mob violence", 5),
    ("People from Kandoro attacked herders near the village and wounded two of them.", "Attack", 4),  # a village's people
    ("Herders wounded three civilians on the road to the market.", "Attack", 4),  # named as civilians: targeted
    # what the victim did before is no demonstration
    ("A farmer was killed by a group of herders after protesting against the devastation of his field.", "Attack", 4),
    ("A group of pastoralist men equipped with machetes killed a farmer in his field.", "Attack", 4),
    # organised armed actors
    ("Gunmen killed two farmers in the village.", "Attack", 3),
    ("Unknown individuals killed a trader with a machete on the road.", "Attack", 3),
    # a state's "strike" that kills is from the air; a workers' strike is not
    ("An Israeli strike killed two people in the town on Tuesday.", "Air/drone strike", 1),
    # a capitalised day before the owner makes no proper name of the strike
    ("Officials said Tuesday's Israeli strike on a village killed two people.", "Air/drone strike", 1),
    ("Police killed two people during the Nigerian strike in the city.", "Attack", 1),
    # an armed man killed by no one named: unidentified attackers fought him
    ("A militia commander was shot dead in the town on Monday.", "Armed clash", 3),
    # the police killed by a bomb did not plant it
    ("Four police officers were killed when their vehicle hit a roadside bomb near the town.",
     "Remote explosive/landmine/IED", 3),
    ("Gunmen opened fire on a minibus on the highway.", "Attack", 3),  # fire at a vehicle is no exchange
    ("An armed group killed an individual found near the river.", "Attack", 3),  # the individual is the victim
    ("Soldiers clashed with militants near the border.", "Armed clash", 1),
    ("A gunbattle between two rival gangs left six people dead in the port city.", "Armed clash", 3),
    ("Two armed groups fought with heavy machine guns in the capital, killing three people.", "Armed clash", 3),
    ("Militants fired mortar shells filled with a chemical agent at army positions.", "Chemical weapon", 3),
    ("Soldiers shot and killed a suicide bomber before he could reach the checkpoint.", "Armed clash", 1),  # no bombing
    ("Taliban militants pounded a military base overnight.", "Shelling/artillery/missile attack", 2),
    # explosions inside a battle belong to the battle
    ("Militants carried out an ambush with roadside bombs, rockets and gunfire against an army patrol.", "Armed clash", 3),
    ("Soldiers backed by helicopter gunships clashed with insurgents near the river.", "Armed clash", 1),
    ("Militants fired mortar rounds at an army post overnight.", "Shelling/artillery/missile attack", 3),
    # carrying guns is no event; two armed sides conjoined as the subject fight each other
    ("Soldiers and police exchanged fire with gunmen near the market, killing a civilian.", "Armed clash", 1),
])
def test_who_acted_decides_the_violence_type(first, text, sub, inter1):
    got_sub, got_inter1, _ = first(text)
    assert (got_sub, got_inter1) == (sub, inter1)


@pytest.mark.parametrize("text,sub,inter1", [
    ("Hundreds of teachers marched peacefully to the ministry to demand their salaries.", "Peaceful protest", 6),
    ("Students staged a violent demonstration at the university campus.", "Violent demonstration", 5),
    ("Traders demonstrated against the new tax and set tyres ablaze on the main road.", "Violent demonstration", 5),
    ("Residents protested at the town hall. The police dispersed the demonstration.", "Protest with intervention", 6),
    ("Police fired on demonstrators, killing two protesters.", "Excessive force against protesters", 1),  # police first
    ("Drivers marched peacefully through the town centre.", "Peaceful protest", 6),
    ("LAGOS, Nigeria — Police opened fire on a sit-in by students, killing two of them.",
     "Excessive force against protesters", 1),  # the subject is the police, not the dateline
    ("Two killed as police fire on striking miners' protest", "Excessive force against protesters", 1),  # a headline
    ("Motorcycle taxi drivers demonstrated after a colleague was killed in a road accident.", "Peaceful protest", 6),
    ("Youths set fire to tyres and threw stones at policemen who had come to arrest a trader.", "Violent demonstration", 5),
    ("Residents stoned a man they accused of theft.", "Mob violence", 5),
    # a clash between demonstrators and the police is violent on both sides, whoever is named first
    ("Police clashed with protesters outside the courthouse.", "Violent demonstration", 5),
    ("Hundreds of students marched and scuffled with gendarmes near the campus.", "Violent demonstration", 5),
    ("Teachers demonstrated after clashes between police and youths in the market.", "Peaceful protest", 6),  # its cause
    # what the protesters did is no cause of theirs, whatever they protested against
    ("Demonstrators against the election results burned a cotton warehouse on Friday.", "Violent demonstration", 5),
    # later sentences of the same demonstration: a pronoun, a passive with no actor, a clash with its police
    ("Vendors demonstrated against the ban on Monday. They barricaded the main road and burned tyres.",
     "Violent demonstration", 5),
    ("Inmates demonstrated over a search of their cells. Chairs were burnt and property destroyed.",
     "Violent demonstration", 5),
    ("Demonstrators blocked the highway at the bridge. Police intervened and clashed with the demonstrators.",
     "Violent demonstration", 5),
    ("Residents demonstrated at the town hall. Police dispersed them and arrested two.", "Protest with intervention", 6),
    # an unpunctuated last sentence is the report's end, not a headline
    ("Protesters took to the streets of the town to demand fair elections. Police made arrests and dispersed the crowd",
     "Protest with intervention", 6),
    ("An anti-government march was stopped by the police in the capital.", "Protest with intervention", 6),
    # demonstrators who are hurt are not violent; demonstrators who hurt others are
    ("Police used tear gas to disperse a protest by several unions. 12 demonstrators injured.",
     "Protest with intervention", 1),
    ("Police wounded 12 demonstrators outside the ministry.", "Protest with intervention", 6),
    ("Demonstrators wounded two policemen outside the ministry.", "Violent demonstration", 5),
    # coming out onto the streets hits no one
    ("Protesters hit the streets of the capital to demand inclusive elections.", "Peaceful protest", 6),
    # arrests the protesters are angry about were not made at their protest
    ("Market women marched through the town. The march came in reaction to the arrest of three traders.",
     "Peaceful protest", 6),
    ("Herders protested in the town against what they called 'unfair arrests' after 12 of them were detained.",
     "Peaceful protest", 6),
    ("Students demonstrated against the fee rise and police arrested six of them.", "Protest with intervention", 6),
])
def test_demonstrations(first, text, sub, inter1):
    got_sub, got_inter1, _ = first(text)
    assert (got_sub, got_inter1) == (sub, inter1)


@pytest.mark.parametrize("text,sub,inter2", [
    ("Farmers and herders fought over a damaged field; two people were hurt.", "Mob violence", 5),  # rioters on both sides
    ("Suspected militants killed five villagers in their homes.", "Attack", 7),
    ("Presumed rebel fighters killed ten people in the village.", "Attack", 7),  # not the rebels against themselves
    # "between X and Y", however the parser groups it, names two sides
    ("Fighting between the army and M23 rebels displaced 5,000 people near the town.", "Armed clash", 2),
])
def test_the_other_side(first, text, sub, inter2):
    got_sub, _, got_inter2 = first(text)
    assert (got_sub, got_inter2) == (sub, inter2)


@pytest.mark.parametrize("text,sub,inter1,inter2", [
    # the subject of "is suspected / believed to have" did it
    ("An unidentified armed group is suspected to have killed a woman found in her home.", "Attack", 3, 7),
    ("Gunmen are believed to have abducted three traders near the market.", "Abduction/forced disappearance", 3, 7),
    # a person ambushed is a civilian target, not a side of a battle
    ("Unknown gunmen shot and wounded a presidential candidate in an ambush near the town.", "Attack", 3, 7),
    # the victim of a passive attack is no crowd
    ("A supporter of the opposition was attacked at his home and died the next day.", "Attack", 3, 7),
    # what a victim is suspected of being does not make him a fighter
    ("Police killed a man suspected of being a member of an armed group.", "Attack", 1, 7),
    ("Soldiers killed two jihadists near the village.", "Armed clash", 1, 3),
    # shots at a person, and a camp attacked and burned, harm people, not only property
    ("The militants fired at the site director, looted supplies and burned the inn.", "Attack", 3, 7),
    ("Armed youths attacked and burned down a herders' camp near the river.", "Attack", 4, 7),
    # what the victim is accused of is not what happened: a mob beat a suspect
    ("A crowd beat to death two men suspected of burglary and rape near the market.", "Mob violence", 5, 7),
    ("Villagers wounded an old man accused of witchcraft to kill his nephew and to steal crops.", "Mob violence", 5, 7),
])
def test_who_was_hurt(first, text, sub, inter1, inter2):
    assert first(text) == (sub, inter1, inter2)


@pytest.mark.parametrize("text,sub,inter2", [
    # an attack that armed defenders fought back is a battle, whatever it aimed at
    ("Gunmen attacked the mayor's home in the town overnight and were repelled by the security forces.", "Armed clash", 1),
    ("An armed group exchanged fire with soldiers who repelled the attack on the town hall.", "Armed clash", 1),
    ("Gunmen attacked the town's prison on Monday. Prison guards repelled the attack by firing warning shots.",
     "Armed clash", 1),
    ("Militants attacked the district office on Friday. They exchanged fire with the army before leaving.",
     "Armed clash", 1),
    # villagers, farmers or hunters who fought the attackers were a side of the fight
    ("Gunmen with rifles attacked the village and clashed with farmers; three people were killed.", "Armed clash", 4),
    ("Bandits exchanged fire with hunters near the park on Sunday.", "Armed clash", 4),
    # no defender: an attack on civilians stays one; a pursuit after a massacre is no battle
    ("Gunmen attacked the mayor's home in the town overnight and fled.", "Attack", 7),
    ("Gunmen killed six villagers on Sunday. The army said troops were pursuing the attackers.", "Attack", 7),
])
def test_defenders_make_a_battle(first, text, sub, inter2):
    got_sub, _, got_inter2 = first(text)
    assert (got_sub, got_inter2) == (sub, inter2)



@pytest.mark.parametrize("text,sub,inter2", [
    ("Insurgents shot dead a former soldier at a bus stop.", "Attack", 7),  # out of service: a civilian
    ("Gunmen killed a retired police officer outside his home.", "Attack", 7),
    ("Militants ambushed and killed a government employee on his way to work.", "Attack", 7),
    ("Rebels attacked a base in the north of the province.", "Armed clash", 1),  # a base under attack is the army's
    ("Rebels attacked a local police post near the market.", "Armed clash", 1),  # "local" qualifies the post
])
def test_targets(first, text, sub, inter2):
    got_sub, _, got_inter2 = first(text)
    assert (got_sub, got_inter2) == (sub, inter2)


@pytest.mark.parametrize("text,sub", [
    ("A shepherd was killed by a militant because he had got engaged to the militant's cousin.", "Attack"),
    ("Residents protested against insecurity in the city following the death of a shopkeeper.", "Peaceful protest"),
])
def test_words_that_only_look_violent(first, text, sub):
    assert first(text)[0] == sub


@pytest.mark.parametrize("text,sub", [
    # a rally, a march or a crowd that a bomb hits is the target, not the event
    ("An explosion tore through a campaign rally in the city on Saturday, wounding dozens of people.",
     "Remote explosive/landmine/IED"),
    ("A suicide bombing at an election rally killed 20 people on Tuesday.", "Suicide bomb"),
    ("Unknown men threw a grenade into a march of opposition supporters, killing two of them.", "Grenade"),
    # but police who fire on a protest meet it with force: still a protest event
    ("Police opened fire on a march of opposition supporters, killing two of them.",
     "Excessive force against protesters"),
    # a weapon destroyed as it is stopped is the stopping, not property destruction
    ("All three missiles were intercepted and destroyed by the air defence forces on Sunday.", "Disrupted weapons use"),
    ("Air defences intercepted two drones and destroyed them over the city.", "Disrupted weapons use"),
    # property destroyed stays so
    ("Militants destroyed a telecommunications mast near the town on Sunday.", "Looting/property destruction"),
    # an aircraft shot down by a missile is what was hit, not the weapon
    ("The passenger jet that crashed on Wednesday, killing all 90 on board, was shot down by a surface-to-air "
     "missile, officials said.", "Shelling/artillery/missile attack"),
    ("Warplanes struck the town on Monday, killing four people.", "Air/drone strike"),
    # a weapon thrown is violence; support thrown behind someone is not
    ("A grenade was thrown into a crowd that had gathered in the main square on Saturday, killing one person.",
     "Grenade"),
    # a rampage of mobs
    ("Mobs went on the rampage in the town on Monday night, setting fire to shops and a mosque.", "Mob violence"),
    # "riot police" are police, not a riot
    ("Crowds gathered in the square after dark, chanting slogans, and riot police fired tear gas to disperse them.",
     "Protest with intervention"),
    ("Thousands marched peacefully past lines of riot police in the capital on Sunday.", "Peaceful protest"),
    # a group that renames itself, cuts its ties or pledges allegiance changes; forces that set up posts establish them
    ("The rebel alliance announced on Thursday that it was cutting ties with its foreign backers and changing its "
     "name.", "Change to group/activity"),
    ("The militia pledged allegiance to the Islamic State in a video released on Monday.", "Change to group/activity"),
    ("Turkish troops set up new positions around the town over the weekend.", "Headquarters or base established"),
])
def test_what_the_sentence_tells(first, text, sub):
    assert first(text)[0] == sub


@pytest.mark.parametrize("text,sub,inter1", [
    ("An army truck struck a roadside bomb planted by Taliban fighters; two soldiers were hurt.",
     "Remote explosive/landmine/IED", 2),  # who laid the bomb acts, not the vehicle that hit it
    ("Members of the Yoruba community attacked a herders' camp and wounded four people.", "Attack", 4),
    ("Farmers burned the huts and granaries of a herders' camp.", "Looting/property destruction", 4),
    ("Security forces used tear gas to disperse a protest in the capital.", "Protest with intervention", 1),
    # "agents" of translated press are police; firing at a bus of students is an attack on civilians
    ("Municipal agents opened fire against a bus carrying students, killing three of them.", "Attack", 1),
])
def test_actor_one(first, text, sub, inter1):
    got_sub, got_inter1, _ = first(text)
    assert (got_sub, got_inter1) == (sub, inter1)


@pytest.mark.parametrize("text,sub", [
    # people taken by force, however the report words it
    ("Three women fetching water near the camp were taken away by the gunmen, a local leader said.",
     "Abduction/forced disappearance"),
    ("Armed men seized four travellers on the highway south of the town on Monday.", "Abduction/forced disappearance"),
    ("Bandits carried off two schoolboys from a village near the border.", "Abduction/forced disappearance"),
    ("Dozens of pupils were unaccounted for after gunmen raided their school on Friday.",
     "Abduction/forced disappearance"),
    ("Forty schoolgirls are missing after militants raided their college on Monday.", "Abduction/forced disappearance"),
    # someone wounded or killed besides those taken, or a kidnapping that failed: the attack
    ("Gunmen shot and wounded a trader and abducted his son on the road to the market.", "Attack"),
    ("Armed men tried to kidnap a village chief and fired shots at his house before fleeing.", "Attack"),
    # a crowd that goes home by itself was not dispersed by anyone
    ("Several hundred people marched through the town centre with placards and dispersed without incident.",
     "Peaceful protest"),
    ("Teachers rallied outside the ministry to demand unpaid wages and later dispersed peacefully.", "Peaceful protest"),
    ("Police dispersed the protesters who had blocked the main road, witnesses said.", "Protest with intervention"),
    # air defence stopping projectiles is the event, not the firing
    ("Most of the rockets fired at the town were intercepted by air defences, the army said.",
     "Disrupted weapons use"),
    ("Air defences intercepted three missiles fired at the capital overnight, the army said.",
     "Disrupted weapons use"),
])
def test_taking_dispersal_and_interception(first, text, sub):
    assert first(text)[0] == sub
