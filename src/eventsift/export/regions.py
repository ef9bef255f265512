"""ACLED's region names, keyed by ISO 3166 alpha-3 country code.

A table of our own, written from ACLED's published list of regions (16 names). ACLED places
Turkey, Cyprus and Iran in the Middle East, Mexico in Central America and the Caucasus with
Central Asia; elsewhere it follows the UN geoscheme, which is what this table does too.
Countries not listed (Antarctica, a few uninhabited territories) get an empty region.
"""
from __future__ import annotations

_REGIONS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MUS MYT REU RWA SYC SOM SSD TZA UGA IOT ATF",
    "Southern Africa": "BWA LSO NAM ZAF SWZ MDG MWI MOZ ZMB ZWE",
    "Northern Africa": "DZA EGY LBY MAR TUN SDN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC TWN JPN KOR PRK MNG",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": (
        "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FRO FIN FRA DEU GIB GRC GGY HUN ISL IRL IMN ITA "
        "JEY XKX LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SJM "
        "SWE CHE UKR GBR VAT ALA"
    ),
    "North America": "USA CAN GRL BMU SPM",
    "Central America": "MEX BLZ CRI SLV GTM HND NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU GUF FLK GUY PRY PER SUR URY VEN SGS",
    "Caribbean": (
        "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF "
        "VCT SXM TTO TCA VIR"
    ),
    "Oceania": (
        "ASM AUS COK FJI PYF GUM KIR MHL FSM NRU NCL NZL NIU NFK MNP PLW PNG PCN WSM SLB TKL TON TUV "
        "UMI VUT WLF CXR CCK HMD"
    ),
}

#: ISO3 → ACLED region name
REGION_BY_ISO3: dict[str, str] = {code: region for region, codes in _REGIONS.items() for code in codes.split()}

#: the 16 region names, in the order above
REGIONS: tuple[str, ...] = tuple(_REGIONS)


def region_of(iso3: str | None) -> str:
    """ACLED's region for a country code, or "" when unknown."""
    return REGION_BY_ISO3.get((iso3 or "").upper(), "")
