"""Names the package sources lack: macro-regions, seas and oceans, and the abbreviations of states and
provinces that news writing uses ("Calif.", "N.J.", "Ont.", "NSW").

The coordinates are our own rounded reference points (the middle of the area as drawn on a common atlas
map, to a degree or so); they stand for the whole area, so they are given at geo_precision 3.
"""
from __future__ import annotations

#: name -> (lat, lon, other names). A macro-region or a sea: feature class L, code RGN.
MACRO_REGIONS: dict[str, tuple[float, float, tuple[str, ...]]] = {
    "Middle East": (29.0, 41.0, ("Mideast", "Near East")),
    "Persian Gulf": (27.0, 51.0, ("Gulf", "Arabian Gulf", "The Gulf", "Gulf region")),
    "Arabian Peninsula": (23.0, 47.0, ("Arabia",)),
    "Levant": (33.5, 36.5, ()),
    "Maghreb": (31.0, 3.0, ("Maghrib",)),
    "North Africa": (27.0, 14.0, ("Northern Africa",)),
    "West Africa": (12.0, -3.0, ("Western Africa",)),
    "East Africa": (1.0, 37.0, ("Eastern Africa",)),
    "Central Africa": (2.0, 20.0, ()),
    "Southern Africa": (-24.0, 25.0, ()),
    "Sub-Saharan Africa": (2.0, 20.0, ("Sub Saharan Africa",)),
    "Horn of Africa": (8.0, 45.0, ()),
    "Sahel": (15.0, 5.0, ()),
    "Sahara": (23.0, 10.0, ("Sahara Desert",)),
    "Central America": (13.5, -86.0, ()),
    "Latin America": (-10.0, -60.0, ()),
    "Caribbean": (17.0, -72.0, ("Caribbean Sea", "West Indies")),
    "Southeast Asia": (5.0, 110.0, ("South-East Asia", "South East Asia")),
    "South Asia": (22.0, 78.0, ()),
    "Central Asia": (42.0, 65.0, ()),
    "East Asia": (35.0, 115.0, ("Far East",)),
    "Asia-Pacific": (10.0, 125.0, ("Asia Pacific",)),
    "Korean Peninsula": (37.5, 127.5, ()),
    "Balkans": (43.0, 21.0, ("Balkan Peninsula", "Western Balkans")),
    "Caucasus": (42.0, 44.5, ("North Caucasus", "South Caucasus")),
    "Scandinavia": (63.0, 15.0, ()),
    "Western Europe": (48.0, 5.0, ()),
    "Eastern Europe": (50.0, 28.0, ()),
    "Northern Europe": (60.0, 15.0, ()),
    "Southern Europe": (41.0, 13.0, ()),
    "Central Europe": (49.0, 16.0, ()),
    "Siberia": (60.0, 105.0, ()),
    "Mediterranean": (35.0, 18.0, ("Mediterranean Sea",)),
    "Red Sea": (20.0, 38.5, ()),
    "Black Sea": (43.0, 35.0, ()),
    "Caspian Sea": (42.0, 50.5, ()),
    "South China Sea": (12.0, 114.0, ()),
    "Gulf of Aden": (12.5, 48.0, ()),
    "Gulf of Mexico": (25.0, -90.0, ()),
    "Gulf of Guinea": (2.0, 3.0, ()),
    "Arctic": (78.0, 0.0, ("Arctic Ocean",)),
    "Atlantic": (25.0, -40.0, ("Atlantic Ocean",)),
    "Pacific": (0.0, -160.0, ("Pacific Ocean",)),
    "Indian Ocean": (-15.0, 75.0, ()),
    "Sinai": (29.5, 33.8, ("Sinai Peninsula",)),
    "Kashmir": (34.0, 75.5, ()),
    "Kurdistan": (36.5, 44.0, ()),
    "Gaza Strip": (31.42, 34.37, ("Gaza strip",)),
    "West Bank": (31.95, 35.25, ()),
    "Golan Heights": (33.0, 35.75, ("Golan",)),
    "Donbas": (48.0, 38.5, ("Donbass",)),
    "Crimea": (45.3, 34.4, ()),
    "Darfur": (13.5, 24.0, ()),
    "Patagonia": (-45.0, -69.0, ()),
    "Amazonia": (-4.0, -62.0, ("Amazon rainforest", "Amazon basin")),
    "Midwest": (42.0, -92.0, ("Middle West",)),
    "West Coast": (40.0, -122.0, ()),
    "East Coast": (38.0, -76.0, ("Eastern Seaboard",)),
    "New England": (43.5, -71.5, ()),
    "Great Lakes": (45.0, -84.0, ()),
    "Appalachia": (38.0, -81.0, ("Appalachians", "Appalachian Mountains")),
    "Himalayas": (28.5, 84.0, ("Himalaya",)),
    "Alps": (46.5, 10.0, ()),
    "Soviet Union": (60.0, 100.0, ("USSR", "U.S.S.R.", "former Soviet Union")),
    # former states and breakaway territories that news still names
    "Yugoslavia": (44.0, 20.0, ("former Yugoslavia",)),
    "Czechoslovakia": (49.5, 17.0, ()),
    "Somaliland": (9.5, 46.0, ()),
    "Puntland": (8.5, 49.0, ()),
    "Transnistria": (47.2, 29.4, ("Transdniestria", "Pridnestrovie")),
    "Abkhazia": (43.0, 41.0, ()),
    "South Ossetia": (42.3, 44.0, ()),
    "Nagorno-Karabakh": (39.9, 46.7, ("Nagorno Karabakh", "Karabakh", "Artsakh")),
    "Eastern Ghouta": (33.55, 36.45, ("Ghouta", "East Ghouta")),
}

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
