"""Names the package sources lack: the abbreviations of states and provinces that news writing uses
("Calif.", "N.J.", "Ont.", "NSW"). Macro-regions, seas and oceans are in the reference-point table
(points.py, data/geo/reference_points.tsv)."""
from __future__ import annotations

#: state and province abbreviations (AP style with dots, and postal codes): written form -> (cc, admin1 name).
#: Looked up only as written (case and dots), never folded, so "Ga." is Georgia but "ga" is nothing.
_US = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("AK",), "Arizona": ("Ariz.", "AZ"), "Arkansas": ("Ark.", "AR"),
    "California": ("Calif.", "Cal.", "CA"), "Colorado": ("Colo.", "CO"), "Connecticut": ("Conn.", "CT"),
    "Delaware": ("Del.", "DE"), "Florida": ("Fla.", "FL"), "Georgia": ("Ga.", "GA"), "Hawaii": ("HI",),
    "Idaho": ("ID",), "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("IA",),
    "Kansas": ("Kan.", "Kans.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"), "Maine": ("ME",),
    "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "MA"), "Michigan": ("Mich.", "MI"),
    "Minnesota": ("Minn.", "MN"), "Mississippi": ("Miss.", "MS"), "Missouri": ("Mo.", "MO"),
    "Montana": ("Mont.", "MT"), "Nebraska": ("Neb.", "Nebr.", "NE"), "Nevada": ("Nev.", "NV"),
    "New Hampshire": ("N.H.", "NH"), "New Jersey": ("N.J.", "NJ"), "New Mexico": ("N.M.", "N.Mex.", "NM"),
    "New York": ("N.Y.", "NY"), "North Carolina": ("N.C.", "NC"), "North Dakota": ("N.D.", "N.Dak.", "ND"),
    "Ohio": ("OH",), "Oklahoma": ("Okla.", "OK"), "Oregon": ("Ore.", "Oreg.", "OR"),
    "Pennsylvania": ("Pa.", "Penn.", "PA"), "Rhode Island": ("R.I.", "RI"), "South Carolina": ("S.C.", "SC"),
    "South Dakota": ("S.D.", "S.Dak.", "SD"), "Tennessee": ("Tenn.", "TN"), "Texas": ("Tex.", "TX"),
    "Utah": ("UT",), "Vermont": ("Vt.", "VT"), "Virginia": ("Va.", "VA"), "Washington": ("Wash.", "WA"),
    "West Virginia": ("W.Va.", "W. Va.", "WV"), "Wisconsin": ("Wis.", "Wisc.", "WI"), "Wyoming": ("Wyo.", "WY"),
}
_CA = {
    "Alberta": ("Alta.", "AB"), "British Columbia": ("B.C.", "BC"), "Manitoba": ("Man.", "MB"),
    "New Brunswick": ("N.B.", "NB"), "Newfoundland and Labrador": ("N.L.", "Nfld.", "NL"),
    "Nova Scotia": ("N.S.", "NS"), "Ontario": ("Ont.", "ON"), "Prince Edward Island": ("P.E.I.", "PEI"),
    "Quebec": ("Que.", "Qué.", "QC"), "Saskatchewan": ("Sask.", "SK"), "Northwest Territories": ("N.W.T.", "NWT"),
    "Yukon": ("YT",), "Nunavut": ("NU",),
}
_AU = {
    "New South Wales": ("NSW", "N.S.W."), "Queensland": ("Qld", "Qld.", "QLD"), "Victoria": ("Vic.", "VIC"),
    "Western Australia": ("WA",), "South Australia": ("SA",), "Tasmania": ("Tas.", "TAS"),
    "Northern Territory": ("NT",), "Australian Capital Territory": ("ACT",),
}

#: written form -> every (cc, admin1 name) it may stand for ("WA": Washington or Western Australia);
#: the article's country focus chooses among them
ABBREVIATIONS: dict[str, tuple[tuple[str, str], ...]] = {}
for _cc, _table in (("US", _US), ("CA", _CA), ("AU", _AU)):
    for _name, _forms in _table.items():
        for _form in _forms:
            ABBREVIATIONS[_form] = ABBREVIATIONS.get(_form, ()) + ((_cc, _name),)

#: short forms of cities (written as is) -> (cc, city name)
CITY_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "D.C.": ("US", "Washington"), "DC": ("US", "Washington"), "Washington, D.C.": ("US", "Washington"),
    "Washington DC": ("US", "Washington"), "L.A.": ("US", "Los Angeles"), "NYC": ("US", "New York City"),
}

#: postal forms that news writing also uses on their own, not only after a town ("in BC", "across NSW"):
#: none of them is an everyday English word or a common acronym outside a year ("500 BC", kept out by the finder)
STANDALONE_ABBREVIATIONS = frozenset({"BC", "NSW", "PEI", "NWT", "QLD", "Qld"})
