"""Everyday news that uses the words of conflict in other senses stays quiet.

General news is full of "according to", "demonstrated", "fired", "fight", "beat", "hit", "clashed",
"arrested" and "killed" that code no political violence: reported speech, skills shown, staff
dismissed, legal and sporting contests, figures that hit a record, ordinary crime before the
courts, deaths in accidents and from illness. Each row is a sentence of our own, grouped by the
sense it uses; none may become an event. The last table keeps the real events that look like them.
"""
from datetime import date

import pytest


@pytest.fixture(scope="module")
def run(extract_text):
    def _run(text):
        return extract_text(text, published=date(2021, 6, 9))

    return _run


QUIET = [
    # what someone is accused of is no event told
    "A court in the capital convicted three men charged with kidnapping a girl in 2019.",
    "The former mayor, accused of ordering the killing of a journalist, appeared before the judges on Monday.",
    # reported speech and agreement of opinion
    "Last year three million passengers flew between the two cities, according to the airport authority.",
    "According to the census, a third of the town's households rent their homes.",
    "Both mayors agree that the new tram line is a better option than widening the road.",
    "The minister signed legislation last week that raises teachers' salaries by ten percent.",
    "The singer kicked a volley of signed footballs into the crowd.",
    "Many patients find dealing with the diagnosis confusing and isolating.",
    # showing, gathering, creating, joining
    "The young pianist demonstrated remarkable skill in the final round.",
    "The figures demonstrate the strain that the pension system places on public finances.",
    "It was gathered that most of the victims of the outbreak are women and children.",
    "The two drivers gathered twenty podiums between them last season.",
    "The pupils created a salad that won first place in the cooking contest.",
    "The council established a committee to review planning appeals.",
    "The team has been invited to join the regional choir for the festival.",
    "The volunteers are split evenly between parishioners and newcomers.",
    "The boys were last seen at a bus stop on Tuesday morning.",
    # dismissals, engines and fires that are not gunfire
    "The prime minister has fired critics within the cabinet since the scandal broke.",
    "The plan phases out coal-fired power stations by 2030.",
    "Firefighters spent the night fighting two apartment fires.",
    # contests that are not fights
    "The club is in a relegation fight with four games left.",
    "The commission was disbanded amid a slew of legal fights.",
    "The senator vowed to fight for more funding for rural roads.",
    "The farmers have fought the pipeline project in court for years.",
    "The chief of staff has clashed with the president's advisers over the budget.",
    "The clash reflects the tension between the two parties over trade.",
    "The home side held on to beat the visitors in the final inning.",
    "The incumbent narrowly beat her rival in the state's primary.",
    "The unemployment rate hit its highest level in sixteen months in March.",
    "The jackpot was hit for the first time since January.",
    "He looks like a shell of the man he was before his illness.",
    "A balance must be struck between cooling the equipment and saving energy.",
    "The guard scored on a late layup to lift the Rockets to a two-point win.",
    # crime before the courts, and arrests for ordinary crime
    "A man has been charged with murder over the stabbing of a shop owner last month.",
    "The court heard that the victim was stabbed outside a nightclub.",
    "Police arrested a man on drink-driving charges after a crash on the ring road.",
    "Two people were arrested on drug and theft charges in the town centre.",
    "The restaurant owner was arrested on federal charges of insider trading.",
    "A suspect in the theft of farm equipment has been apprehended.",
    "Three puppies were stolen from a farm near the village this week.",
    "He was rushed to hospital after suffering a cardiac arrest.",
    # deaths and injuries with no one to blame
    "A man is dead after a crash on the motorway on Thursday morning.",
    "A woman died after being struck by a car in the city centre.",
    "A pedestrian was killed when a tree fell on a parked car during the storm.",
    "The man, believed to be in his forties, died at the scene.",
    "Road fatalities have fallen sharply since 1973.",
    "It is the second leading cause of cancer-related deaths among women.",
    "Two strong earthquakes struck the region, leaving dozens dead.",
]


@pytest.mark.parametrize("text", QUIET)
def test_everyday_news_is_quiet(run, text):
    mentions, _ = run(text)
    assert not mentions, [(m.sub_event_type, m.trigger.text if m.trigger else None) for m in mentions]


@pytest.mark.parametrize("text,sub", [
    ("Hundreds of demonstrators gathered outside the parliament to protest against the new tax.", "Peaceful protest"),
    ("Police arrested three opposition activists at their homes in the capital.", "Arrests"),
    ("Soldiers arrested two suspected militants at a checkpoint.", "Arrests"),
    ("Gunmen fired on a police patrol near the border, wounding two officers.", "Armed clash"),
    ("The rebels agreed to a ceasefire with the army.", "Agreement"),
    ("Militants have formed a new armed group in the north of the country.", "Change to group/activity"),
    # refugees and residents fighting with fists at a water point: a mob, not a night out
    ("Refugee women engaged in fistfights with local women at a water point in the town.", "Mob violence"),
    ("A mob beat a suspected thief to death outside a bar in the market town.", "Mob violence"),
])
def test_the_real_events_that_look_like_them(run, text, sub):
    mentions, _ = run(text)
    assert [m.sub_event_type for m in mentions] == [sub]


QUIET_MORE = [
    # a night out gone wrong
    "Two men were arrested after a bar fight in the city centre on Saturday night.",
    "A pub brawl left one man with a broken nose, police said.",
    "The minister said the government was happy to engage with the unions.",
    "The couple wanted more space to engage in gardening.",
    "Investigators believe the hackers hacked the emails of three officials.",
    "The bridge projects were executed by army engineers with the ministry.",
    "Absent teachers hurt student learning, the report said.",
    "A prize fund of ten thousand euros is up for grabs.",
    "The lawyer had defended victims of land seizures for a decade.",
    "The country has been hit by several protests by farmers this year.",
    "The thieves took jewellery and electronics before fleeing the scene.",
    "A man who stabbed his neighbour has been jailed for ten years.",
    "The accused is facing an attempted murder charge after a woman was stabbed at home.",
    "The man is charged with trafficking in persons and assault with a weapon.",
    "The visitors sealed the series with a three-run blast in the ninth inning.",
    "She goes into the season as the driver to beat.",
    "The guard hit a late layup to lift the Houston Rockets to a two-point win.",
    "The country values its partner's role in the fight against terrorism and organised crime.",
    "Relatives said the young actor had committed suicide at his flat in the capital.",
]


@pytest.mark.parametrize("text", QUIET_MORE)
def test_more_everyday_news_is_quiet(run, text):
    mentions, _ = run(text)
    assert not mentions, [(m.sub_event_type, m.trigger.text if m.trigger else None) for m in mentions]


@pytest.mark.parametrize("text,n", [
    # an arrest in a report with no political or conflict word is ordinary police work
    ("All three were arrested on Main Street on Thursday afternoon and taken to the county jail.", 0),
    ("Police arrested two suspected militants at a checkpoint on Thursday.", 1),
    ("Police arrested two journalists who had reported on the strike.", 1),
    # agreements ACLED codes are between conflict parties or about their fighting
    ("The five largest airline groups agreed to cut their fees for next year.", 0),
    ("The government agreed to pay the nurse compensation after the story aired.", 0),
    ("Clan elders and the district administration agreed to a truce after weeks of fighting.", 1),
])
def test_what_makes_an_arrest_or_an_agreement_an_event(run, text, n):
    mentions, _ = run(text)
    assert len(mentions) == n, [m.sub_event_type for m in mentions]


@pytest.mark.parametrize("text,kind,words", [
    ("The NFL suspended the player for two games.", "sport", "NFL"),
    ("the nfl suspended the player for two games.", "sport", "nfl"),
    ("He was arrested for DUI on the highway.", "court", "DUI"),
    # a letter whose lower case is longer keeps the offsets right (the case-blind path)
    ("İstanbul police said the NFL game was cancelled.", "sport", "NFL"),
])
def test_frame_cues_are_found_whatever_the_case(text, kind, words):
    from eventsift.extract import context

    found = context.sentence_frame(text)
    assert found is not None and found == (kind, words), found
    assert context.frame_cues(text)[0][1] == words
