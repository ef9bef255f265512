"""Facts about places kept as data (src/eventsift/data/geo/*.tsv): the seats and abbreviation tables load in
file order, and a missing set is a clear error."""
import pytest

from eventsift import lexicon as lex
from eventsift.resolve.geo import facts, regions, seats


@pytest.mark.parametrize("written, meanings", [
    ("WA", (("US", "Washington"), ("AU", "Western Australia"))),   # both, in the table's order
    ("Calif.", (("US", "California"),)),
    ("N.S.W.", (("AU", "New South Wales"),)),
    ("Qué.", (("CA", "Quebec"),)),
])
def test_state_abbreviations_stand_for_every_region_they_may_mean(written, meanings):
    assert regions.ABBREVIATIONS[written] == meanings


def test_city_and_standalone_abbreviations():
    assert regions.CITY_ABBREVIATIONS["D.C."] == ("US", "Washington")
    assert "NSW" in regions.STANDALONE_ABBREVIATIONS and "WA" not in regions.STANDALONE_ABBREVIATIONS


@pytest.mark.parametrize("cc, region, seat", [("BJ", "Alibori", "Kandi"), ("AF", "Badghis", "Qal'ah-ye Now"),
                                              ("MX", "Mexico", "Toluca")])
def test_listed_region_seats(cc, region, seat):
    assert seats.ADMIN1_SEATS[cc][region] == seat


def test_government_seats():
    assert seats.GOVERNMENT_SEATS["BJ"] == "Cotonou" and "AF" not in seats.GOVERNMENT_SEATS


def test_rows_keep_file_order_and_all_columns():
    rows = facts.rows("abbreviations.tsv", "state_abbreviations")
    assert rows[0][:3] == ("US", "Alabama", "Ala.")
    assert all(len(r) >= 3 for r in rows)


def test_a_missing_set_names_the_file():
    with pytest.raises(lex.LexiconError, match="no set named 'no_such_set' in data/geo/seats.tsv"):
        facts.rows("seats.tsv", "no_such_set")
