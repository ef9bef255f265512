"""Conflicts the dev data does not cover (the Sahel, eastern Congo, Sudan, Myanmar, Haiti, Mexico,
India, Pakistan, Ethiopia, Yemen): their examples are corpus/sentences/abroad.jsonl; what is left
here asserts more than a record can say."""


def test_a_truce_keeps_no_toll_of_the_fighting_it_ended(extract_text):
    mentions, _ = extract_text("On 2 April 2024, elders of two rival clans signed a ceasefire agreement in the town, "
                               "ending weeks of fighting that had killed more than 30 people.")
    assert not mentions[0].counts.fatalities
