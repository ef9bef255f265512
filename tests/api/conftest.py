"""A small hand-built store: three reports, four events, saved through the store's own API."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.models import Article, Event, Evidence, Source, Stance
from eventsift.store import Store

REPORT_A = ("Fighting resumed near Kafr Hamra on Sunday. Government troops clashed with rebel fighters north of "
            "the city, killing 7 fighters, a monitoring group said.\nResidents fled towards the east.")
REPORT_B = ("Police fired tear gas at hundreds of protesters in Tunis on Monday. The demonstrators had gathered "
            "outside parliament to demand jobs.")
REPORT_C = ("An air strike hit a market in Maarat al-Numan on 3 March, killing 15 civilians, local officials said. "
            "A second strike was reported later that day.")


def span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def make_event(article: Article, sentence: str, **kw) -> Event:
    start, end = span(article.text, sentence)
    base = dict(disorder_type="Political violence", actor1=None, inter1=None, actor2=None, inter2=None,
                interaction=None, evidence=(Evidence(article.id, start, end, sentence),),
                sources=(Source(article.id, outlet=article.outlet, url=article.url, published=article.published),),
                confidence=0.8)
    base.update(kw)
    return Event(**base)


ARTICLES = {
    "a": Article(id="a", text=REPORT_A, outlet="Wire One", url="https://example.org/a", published=date(2016, 12, 11),
                 title="Clashes north of Kafr Hamra"),
    "b": Article(id="b", text=REPORT_B, outlet="Daily Two", url="https://example.org/b", published=date(2018, 1, 8),
                 title="Tear gas in Tunis"),
    "c": Article(id="c", text=REPORT_C, outlet="Wire One", url="https://example.org/c", published=date(2020, 3, 4)),
}


def events_by_article() -> dict[str, list[Event]]:
    a, b, c = ARTICLES["a"], ARTICLES["b"], ARTICLES["c"]
    return {
        "a": [make_event(a, "Government troops clashed with rebel fighters north of the city, killing 7 fighters, "
                            "a monitoring group said.", event_id="ev-clash", event_type="Battles",
                         sub_event_type="Armed clash", actor1="Military Forces of Syria", inter1=1,
                         actor2="Rebel fighters", inter2=2, interaction=12, location="Kafr Hamra", admin1="Aleppo",
                         country="Syria", iso3="SYR", latitude=36.29, longitude=37.1, event_date=date(2016, 12, 11),
                         time_precision=1, fatalities=7, stance=Stance.ASSERTED)],
        "b": [make_event(b, "Police fired tear gas at hundreds of protesters in Tunis on Monday.",
                         event_id="ev-protest", event_type="Protests", sub_event_type="Protest with intervention",
                         disorder_type="Demonstrations", actor1="Protesters (Tunisia)", inter1=6,
                         actor2="Police Forces of Tunisia", inter2=1, interaction=16, location="Tunis", admin1="Tunis",
                         country="Tunisia", iso3="TUN", latitude=36.82, longitude=10.17, event_date=date(2018, 1, 8),
                         time_precision=1, fatalities=0)],
        "c": [make_event(c, "An air strike hit a market in Maarat al-Numan on 3 March, killing 15 civilians, local "
                            "officials said.", event_id="ev-strike", event_type="Explosions/Remote violence",
                         sub_event_type="Air/drone strike", actor1="Military Forces of Syria", inter1=1,
                         actor2="Civilians (Syria)", inter2=7, interaction=17, civilian_targeting=True,
                         location="Maarat al-Numan", admin1="Idlib", country="Syria", iso3="SYR", latitude=35.64,
                         longitude=36.67, event_date=date(2020, 3, 3), time_precision=1, fatalities=15),
              make_event(c, "A second strike was reported later that day.", event_id="ev-undated",
                         event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                         country="Syria", iso3="SYR", event_date=None, fatalities=None)],
    }


def build_store(path) -> None:
    events = events_by_article()
    with Store.open(path) as store:
        for article_id, article in ARTICLES.items():
            store.save_article(article, events[article_id])


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "events.db"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(sample_db):
    from fastapi.testclient import TestClient

    from eventsift.api import create_app

    with TestClient(create_app(sample_db), base_url="http://127.0.0.1") as c:
        yield c
