"""Seats of first-level regions that the packaged data cannot tell.

The cities files carry no feature codes, so a region's seat is found by rule: the town named like the region,
else the region's biggest town. That rule fails where the capital is not the biggest town (Qala-i-Naw in
Badghis, Kandi in Alibori, Asaba in Delta, Toluca in Mexico State) or where the sources join a town to the wrong
region. ACLED codes an event known only to a province at the provincial capital, so the seat matters.

This table is our own list of the administrative centres of first-level regions in conflict-affected and
large countries where the rule picks the wrong town. Keys: ISO country code, then the region's name as the
gazetteer spells it (compared by name key); values: the seat's name as the gazetteer may spell it. A seat is
looked for inside its region first, then anywhere in the country (Kyiv for Kyiv oblast, Bogotá for
Cundinamarca: capitals that form their own region).
"""
from __future__ import annotations

ADMIN1_SEATS: dict[str, dict[str, str]] = {
    "AF": {"Vardak": "Maydan Shahr", "Paktika": "Sharan", "Bamian": "Bamyan", "Ghowr": "Chaghcharan",
           "Oruzgan": "Tarinkot", "Kapisa": "Mahmud-e Raqi", "Badghis": "Qal'ah-ye Now", "Balkh": "Mazar-e Sharif",
           "Wilayat-e Baghlan": "Pul-e Khumri", "Lowgar": "Pul-e 'Alam"},
    "IQ": {"Salah ad Din Governorate": "Tikrit", "Diyala": "Baqubah", "Basra Governorate": "Basra",
           "Ninawa": "Mosul"},
    "YE": {"Raymah": "Al Jabin"},
    "SO": {"Middle Juba": "Bu'aale", "Bari": "Bosaso", "Gedo": "Garbahaarey", "Galguduud": "Dhuusamarreeb"},
    "NG": {"Delta": "Asaba", "Anambra": "Awka", "Abia": "Umuahia", "Oyo": "Ibadan", "Jigawa": "Dutse",
           "Yobe": "Damaturu", "Ondo": "Akure", "Kogi": "Lokoja"},
    "BF": {"Plateau-Central": "Ziniare", "Centre-Est": "Tenkodogo", "Centre-Sud": "Manga", "Sahel": "Dori"},
    "BJ": {"Atlantique": "Allada", "Kouffo": "Aplahoue", "Atakora": "Natitingou", "Alibori": "Kandi",
           "Collines": "Dassa-Zoume"},
    "CD": {"Bandundu": "Bandundu"},
    "SD": {"White Nile": "Rabak", "River Nile": "Ed Damer"},
    "SS": {"Northern Bahr al Ghazal": "Aweil", "Eastern Equatoria": "Torit", "Unity": "Bentiu"},
    "ET": {"Amhara": "Bahir Dar"},
    "CF": {"Ouham-Pende": "Bozoum", "Mambere-Kadei": "Berberati", "Basse-Kotto": "Mobaye", "Haut-Mbomou": "Obo"},
    "CM": {"North Province": "Garoua", "South-West Province": "Buea"},
    "MZ": {"Manica": "Chimoio"},
    "PK": {"Gilgit-Baltistan": "Gilgit"},
    "MM": {"Sagain": "Sagaing", "Shan": "Taunggyi", "Rakhine": "Sittwe", "Tanintharyi": "Dawei"},
    "UA": {"Kiev": "Kyiv"},
    "TD": {"Batha": "Ati", "Chari-Baguirmi": "Massenya"},
    "PH": {"Soccsksargen": "Koronadal", "Autonomous Region in Muslim Mindanao": "Cotabato", "Bicol": "Legazpi",
           "Calabarzon": "Calamba"},
    "TR": {"Kocaeli": "Izmit"},
    "LB": {"Baalbek-Hermel": "Baalbek", "Mont-Liban": "Baabda"},
    "IL": {"Central District": "Ramla", "Southern District": "Beersheba"},
    "GH": {"Brong-Ahafo": "Sunyani", "Upper West": "Wa"},
    "CI": {"Zanzan": "Bondoukou"},
    "MR": {"Trarza": "Rosso", "Brakna": "Aleg"},
    "DZ": {"Tipaza": "Tipaza", "Wilaya de Naama": "Naama"},
    "TN": {"Nabul": "Nabeul", "Zaghwan": "Zaghouan", "Qibili": "Kebili", "Ariana": "Ariana", "Madanin": "Medenine"},
    "EG": {"Muhafazat al Gharbiyah": "Tanta", "Muhafazat al Qalyubiyah": "Banha", "South Sinai": "El Tor"},
    "CO": {"Cundinamarca": "Bogota", "Boyaca": "Tunja", "Narino": "Pasto", "Putumayo": "Mocoa", "Sucre": "Sincelejo",
           "Vichada": "Puerto Carreno"},
    "MX": {"Tamaulipas": "Ciudad Victoria", "Mexico": "Toluca", "Guerrero": "Chilpancingo", "Veracruz": "Xalapa",
           "Quintana Roo": "Chetumal", "Coahuila": "Saltillo", "Jalisco": "Guadalajara", "Baja California": "Mexicali"},
    "HT": {"Nord-Est": "Fort-Liberte", "Artibonite": "Gonaives"},
    "VE": {"Nueva Esparta": "La Asuncion", "Guarico": "San Juan de los Morros", "Portuguesa": "Guanare",
           "Bolivar": "Ciudad Bolivar", "Miranda": "Los Teques", "Cojedes": "San Carlos", "Vargas": "La Guaira"},
    "IN": {"Uttar Pradesh": "Lucknow", "Haryana": "Chandigarh", "Goa": "Panaji", "Madhya Pradesh": "Bhopal",
           "Gujarat": "Gandhinagar", "Kerala": "Thiruvananthapuram", "Punjab": "Chandigarh", "Odisha": "Bhubaneswar",
           "Jharkhand": "Ranchi", "Nagaland": "Kohima", "Daman and Diu": "Daman", "Andhra Pradesh": "Amaravati"},
}

#: Countries whose government sits outside the official capital, where a coder puts a national event (a march
#: "in the capital", a strike known only to the country): Benin's government and ACLED's national events are in
#: Cotonou, not Porto-Novo; Côte d'Ivoire's in Abidjan, not Yamoussoukro; Bolivia's in La Paz, not Sucre; the
#: Netherlands' in The Hague; Tanzania's largely in Dar es Salaam. Keys: ISO country code; values: the town's name.
GOVERNMENT_SEATS: dict[str, str] = {"BJ": "Cotonou", "CI": "Abidjan", "BO": "La Paz", "NL": "The Hague",
                                    "TZ": "Dar es Salaam"}
