"""How many: number words and the counts stated in a text, read the ACLED-conservative way."""
from __future__ import annotations

import pytest

from eventsift.extract.counts import parse_counts, parse_number


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("12", 12), ("1,200", 1200), ("twelve", 12), ("twenty-five", 25), ("a dozen", 12),
        ("two dozen", 24), ("dozens", 12), ("tens", 10), ("hundreds", 100), ("scores", 20),
        ("several", 3), ("a", 1), ("an", 1), ("one", 1), ("one hundred and five", 105),
        ("many", None), ("a number of", None), ("soldiers", None), ("", None),
    ],
)
def test_parse_number(words, expected):
    assert parse_number(words) == expected


def _counts(text: str):
    return parse_counts(text, 0, len(text))


# (sentence, fatalities, low, high)
FATALITIES = [
    ("12 people were killed in the attack.", 12, 12, 12),
    # translated releases: "were martyred"
    ("Two police officers and six citizens were martyred in the explosion.", 8, 8, 8),
    # what armed gangs have done "in recent years" is the background of the story, not its toll
    ("Gunmen stormed a school on Friday. Gangs have killed thousands of people in the region in recent years.",
     None, None, None),
    # a year that dates someone's rule is no cumulative toll
    ("The death toll from two days of unrest rose to 16 on Thursday, the worst challenge to his rule since 1986.",
     16, 16, 16),
    # a breakdown set off by dashes names the same people again
    ("At least 131 civilians - 102 men, 17 women and 12 children - were killed by the fighters.", 131, 131, 131),
    ("Officials said nine people - three women, four children and two men - were killed.", 9, 9, 9),
    # a revised toll replaces the first figure, however long the words between the toll and its rise
    ("Nine people were killed on Monday. The death toll from the bombing of the market in the town centre "
     "rose to 23 on Tuesday.", 23, 23, 23),
    # an aside between the victims and the verb
    ("The television said six civilians, including two children, were killed when a strike hit a house.", 6, 6, 6),
    ("Nine people, among them four soldiers, were killed in the blast.", 9, 9, 9),
    ("Militants killed 12 soldiers near the border.", 12, 12, 12),
    ("At least 12 civilians were killed.", 12, 12, 12),
    ("More than two dozen people were killed.", 24, 24, 24),
    ("Between 10 and 15 people were killed.", 10, 10, 15),
    ("The raid killed 10-15 militants.", 10, 10, 15),
    ("Up to 30 people were killed.", 30, None, 30),
    ("The blast left 3 dead and 7 wounded.", 3, 3, 3),
    ("Police said 3 bodies were found in the river.", 3, 3, 3),
    ("Gunmen opened fire on a bus, killing two.", 2, 2, 2),
    ("A farmer was shot dead by gunmen.", 1, 1, 1),
    ("One policeman later died of his injuries.", 1, 1, 1),
    ("Gunmen slit the throat of a civilian. It is not confirmed if he died of his injuries.", None, None, None),
    ("1 religious scholar was killed by unknown gunmen.", 1, 1, 1),
    ("5 soldiers and 3 militants were killed in the clash.", 8, 8, 8),
    ("12 militants including 2 commanders were killed.", 12, 12, 12),
    ("1 civilian, a tribal elder, was killed by gunmen.", 1, 1, 1),
    ("A suicide bomber killed 4 people at a checkpoint.", 4, 4, 4),
    ("A suicide bomber killed five policemen. Gunmen who followed exchanged fire before three attackers died.", 8, 8, 8),
    ("Rebels killed at least 18 villagers. A rights group said it had counted 26 bodies.", 18, 18, 26),
    ("Jets struck a market, killing nine civilians. Rescuers put the toll at 14.", 9, 9, 14),
    ("Two soldiers were killed. In all 12 people died.", 12, 12, 12),
    ("One worshipper who tried to flee was shot dead, police said.", 1, 1, 1),
    ("Police said three people who were travelling were killed.", 3, 3, 3),
    ("Gunmen tried to kill 3 people.", None, None, None),
    ("Militants shot and killed a man in his home and decapitated another in the village.", 2, 2, 2),
    ("Villagers captured a thief and beat him and burned him to death.", 1, 1, 1),
    ("A crowd beat a man suspected of stealing a motorcycle to death.", 1, 1, 1),
    ("Police arrived after the killing and arrested three men.", None, None, None),
    ("Herders attacked villagers: six dead and several wounded in two attacks, on Monday and Saturday.", 3, 3, 3),
    ("Residents killed a man in the town. The victim had just stabbed and killed a taxi driver.", 1, 1, 1),
    ("The youths believed that the woman had caused the death of two students.", None, None, None),
    ("Several farmers were killed and wounded in the clashes. Unknown fatalities coded as 3.", 3, 3, 3),
    ("A suicide bomber killed 4 people, including the bomber.", 4, 4, 4),
    ("Police said 12 were killed; residents put the toll at 30.", 12, 12, 30),
    ("Five people were killed on Monday. The death toll rose to 15 on Tuesday.", 15, 15, 15),
    ("Officials later revised the toll to 9.", 9, 9, 9),
    ("There were no casualties.", 0, 0, 0),
    ("No one was hurt in the explosion.", 0, 0, 0),
    ("The attack caused casualties among the guards.", None, None, None),
    ("The war has killed 380,000 people since 2011.", None, None, None),
    ("Soldiers killed 4 militants. The conflict has killed thousands to date.", 4, 4, 4),
    ("Villagers killed six oxen belonging to herders.", None, None, None),
    ("Farmers killed two herders and their livestock.", 2, 2, 2),
    ("A mob beat a suspected thief to death.", 1, 1, 1),
    ("Residents lynched and killed a presumed robber.", 1, 1, 1),
    ("Gunmen killed and beheaded a cattle trader.", 1, 1, 1),
    ("Gunmen shot and killed 1 council member in addition to 3 of his guards.", 4, 4, 4),
    ("Taliban militants attacked a post, killing and injuring 7 policemen.", None, None, None),
    ("The man had killed his neighbour the week before.", None, None, None),
    ("He was accused of killing a villager.", None, None, None),
    ("Militants threatened to kill the hostages.", None, None, None),
    ("Clashes left dozens dead.", 12, 12, 12),
    ("Several soldiers were killed.", 3, 3, 3),
    ("A number of soldiers were killed and wounded.", 0, 0, 0),
    ("Police said nothing about the protest.", None, None, None),
    ("Fatalities coded as 0 (VoJ reported 3 fatalities). 3 soldiers were killed.", 0, 0, 0),
    ("10 militants were killed in three districts. Fatalities are split across 3 events (4).", 4, 4, 4),
    ("The farmers killed between six and about ten people. Fatalities are split across three events.", 2, 2, 2),
    ("1 police officer and an unreported number of residents were killed. Unknown number of fatalities coded as 3.", 4, 4, 4),
    ("5 policemen were killed. Local authorities said 8 militants were also killed. Total fatalities coded as 13.", 13, 13, 13),
    ("A policeman was killed on 3 May 2019 near the market.", 1, 1, 1),
    ("The resulting clashes resulted in the death of a pastoralist.", 1, 1, 1),
    # a toll that contradicts the victims counted: the lowest, the range kept
    ("Gunmen killed 20 villagers on Friday, officials said, while the army put the toll at 12.", 12, 12, 20),
    ("Gunmen killed between 20 and 30 villagers, officials said, while the army put the toll at 12.", 12, 12, 30),
    # a speaker's back-shifted account of its own act is this event's toll; a killing told as background is not
    ("The army said on Sunday it had killed 35 fighters in air strikes on their hideouts.", 35, 35, 35),
    ("Police said the man had killed his wife in 2019.", None, None, None),
]


@pytest.mark.parametrize(("text", "fatalities", "low", "high"), FATALITIES)
def test_fatalities(text, fatalities, low, high):
    c = _counts(text)
    assert (c.fatalities, c.fatalities_low, c.fatalities_high) == (fatalities, low, high), c.reason
    assert c.reason


@pytest.mark.parametrize(
    ("text", "injured", "arrested", "displaced"),
    [
        ("3 soldiers were killed and 5 were wounded.", 5, None, None),
        ("The bomb killed 1 policeman and injured 7.", 7, None, None),
        ("Two people were hurt and police arrested 12 protesters.", 2, 12, None),
        ("Security forces detained 30 people.", None, 30, None),
        ("Four men were taken into custody.", None, 4, None),
        ("About 5,000 people were displaced by the fighting.", None, None, 5000),
        ("Some 200 families fled their homes.", None, None, 200),
        ("No one was hurt.", 0, None, None),
    ],
)
def test_other_counts(text, injured, arrested, displaced):
    c = _counts(text)
    assert (c.injured, c.arrested, c.displaced) == (injured, arrested, displaced), c.reason


def test_cumulative_toll_is_flagged_in_reason():
    c = _counts("The civil war has killed more than 300,000 people since 2011.")
    assert c.fatalities is None
    assert "cumulative toll ignored" in c.reason


def test_offsets_point_into_the_text_and_limit_the_range():
    text = "Intro: 9 people were killed last year. Today 4 soldiers were killed in an ambush."
    start = text.index("Today")
    c = parse_counts(text, start, len(text))
    assert c.fatalities == 4
    assert c.spans
    for sp in c.spans:
        assert start <= sp.start < sp.end <= len(text)
        assert text[sp.start:sp.end] == sp.text
    assert "4 soldiers were killed" in c.spans[0].text


def test_doc_keyword_is_accepted():
    text = "Gunmen killed 2 farmers."
    assert parse_counts(text, 0, len(text), doc=None).fatalities == 2


@pytest.mark.parametrize("text,fatalities", [
    # one more victim named by a possessive
    ("Maoists detonated a bomb under a jeep, killing six policemen and their driver, officials said.", 7),
    ("Gunmen killed a trader and his son on the road.", 2),
    # what an attempt did, after the comma, happened
    ("Militants tried to storm a military compound, killing eight soldiers, the army said.", 8),
    ("Militants tried to kill eight soldiers at the gate.", None),
    # victims of both sides told in two sentences add up
    ("Militants tried to storm a military compound, killing eight soldiers, the army said. All ten attackers "
     "were killed, the army said.", 18),
])
def test_victims_named_apart_add_up(text, fatalities):
    assert parse_counts(text).fatalities == fatalities
