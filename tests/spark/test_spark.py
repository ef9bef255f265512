"""eventsift on Spark in local[2]: the bundled samples give the same event ids (and values) as
`eventsift run` + `export --format jsonl`, every input has an article row, and the DataFrame
function codes a DataFrame of articles. Needs pyspark and Java (installed by `make setup`)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventsift.cli import app
from eventsift.store import Store

pytest.importorskip("pyspark")
pytestmark = [pytest.mark.spark, pytest.mark.slow]
if shutil.which("java") is None:
    pytest.skip("Spark needs Java on PATH", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
COMPARED = ("event_type", "sub_event_type", "actor1", "actor2", "location", "iso3", "fatalities", "source_count")


@pytest.fixture(scope="module")
def spark():
    from eventsift.spark.job import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def read_dataset(path: Path) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(str(path), format="parquet", partitioning="hive").to_table().to_pylist()


def test_samples_give_the_same_event_ids_as_run(tmp_path, spark, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    result = runner.invoke(app, ["spark", "samples", "--output", str(out), "--master", "local[2]"])
    assert result.exit_code == 0, result.output
    db = tmp_path / "e.db"
    ran = runner.invoke(app, ["run", "samples", "--db", str(db)])
    with Store.open(db, readonly=True) as store:
        failed = store.summary()["articles_by_status"].get("failed", 0)
    # run's status says whether inputs failed (the report groups of samples/fusion are not articles)
    assert ran.exit_code == (1 if failed else 0), ran.output
    exported = tmp_path / "e.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(exported)]).exit_code == 0
    local = {e["event_id"]: e for e in map(json.loads, exported.read_text().splitlines())}
    on_spark = {e["event_id"]: e for e in read_dataset(out / "events")}
    assert len(local) > 100
    assert set(on_spark) == set(local)
    assert any(e["source_count"] > 1 for e in local.values()), "the samples hold reports fused across articles"
    for eid, event in local.items():
        assert {k: on_spark[eid][k] for k in COMPARED} == {k: event[k] for k in COMPARED}, eid
        day = on_spark[eid]["event_date"]
        assert (day.isoformat() if day else None) == event["event_date"]
    # one article row per input, with its status and reason, as in the store
    import sqlite3

    conn = sqlite3.connect(db)
    stored = sorted(conn.execute("SELECT id, status, reason FROM articles").fetchall())
    conn.close()
    rows = read_dataset(out / "articles")
    assert sorted((r["id"], r["status"], r["reason"]) for r in rows) == stored
    # events are partitioned by country and month
    assert any(p.name.startswith("country=") for p in (out / "events").iterdir())
    assert all(q.name.startswith("year_month=") for p in (out / "events").glob("country=*") for q in p.iterdir())


def test_code_articles_on_a_dataframe(spark):
    from eventsift.spark import code_articles

    rows = [
        ("a1", "Police fired tear gas at protesters in Lagos, Nigeria on Monday, and arrested 12 people.",
         "2022-05-03", None),
        ("a2", "", "2022-05-03", None),
        ("a3", "Bonjour tout le monde.", "2022-05-03", "fr"),
        ("a4", "Gunmen killed four villagers in an attack on Tuesday in Zamfara state, Nigeria, police said.",
         "2022-05-04", "en"),
    ]
    df = spark.createDataFrame(rows, "id string, text string, published string, language string")
    events, articles = code_articles(df, partitions=2)
    by_id = {r["id"]: r for r in articles.collect()}
    assert {k: by_id[k]["status"] for k in by_id} == {"a1": "ok", "a2": "skipped", "a3": "skipped", "a4": "ok"}
    assert "language fr" in by_id["a3"]["reason"] and by_id["a2"]["reason"] == "empty input"
    coded = events.collect()
    assert {r["iso3"] for r in coded} == {"NGA"}
    assert {r["year_month"] for r in coded} == {"2022-05"}
    assert sum(r["events"] for r in by_id.values()) >= len(coded) >= 2


PLACED = [
    "Police fired tear gas at protesters in Kano, Nigeria on Monday, witnesses said.",
    "Gunmen killed three farmers in Zamfara state, Nigeria, on Tuesday, police said.",
    "Soldiers clashed with militants near Maiduguri, Nigeria on Wednesday, killing five.",
]
UNPLACED = "Hundreds of nurses marched on Sunday to demand unpaid wages, their union said."


def test_a_report_naming_no_place_takes_its_own_country_as_in_run(tmp_path, spark):
    """Spread over three partitions, the report that names no place is put in the country its input gives,
    as `run` puts it, with the same event ids."""
    from eventsift.spark import code_articles

    rows = [{"id": f"r{i}", "text": t, "published": "2023-02-0%d" % (1 + i % 7)} for i, t in enumerate(PLACED)]
    rows.append({"id": "r9", "text": UNPLACED, "published": "2023-02-06", "country": "Nigeria"})
    corpus = tmp_path / "r.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "r.db"
    assert runner.invoke(app, ["run", str(corpus), "--db", str(db)]).exit_code == 0
    exported = tmp_path / "r.out.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(exported)]).exit_code == 0
    exported_events = list(map(json.loads, exported.read_text().splitlines()))
    local = {e["event_id"]: e["iso3"] for e in exported_events}
    unplaced = [e for e in exported_events if "r9" in {s["article_id"] for s in e["sources"]}]
    assert unplaced and {e["iso3"] for e in unplaced} == {"NGA"}
    df = spark.createDataFrame([(r["id"], r["text"], r["published"], r.get("country")) for r in rows],
                               "id string, text string, published string, country string")
    events, _ = code_articles(df, partitions=3)
    on_spark = {r["event_id"]: r["iso3"] for r in events.collect()}
    assert on_spark == local


def test_parquet_warc_and_gzipped_jsonl_inputs(tmp_path, spark):
    """Each kind of input gives one article row per input; the JSONL.gz and WARC ones give the
    events `run` gives for the same files, and a Parquet row with html is read as a page."""
    import gzip
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from eventsift.spark import run_job

    lines = [json.loads(x) for x in (ROOT / "samples" / "reports.gold.jsonl").read_text().splitlines()[:6]]
    gz = tmp_path / "wire.jsonl.gz"
    gz.write_bytes(gzip.compress("".join(json.dumps({k: r[k] for k in ("id", "text", "published")}) + "\n"
                                         for r in lines).encode()))
    warc = tmp_path / "pages.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in sorted((ROOT / "samples" / "html").glob("*.html")):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://outlet.test/{page.stem}", "response",
                                                          payload=io.BytesIO(page.read_bytes()), http_headers=http))
    table = pa.table({"id": ["p1", "p2", "p3"],
                      "html": [(ROOT / "samples" / "html" / "es-0104.html").read_text(), None, None],
                      "text": [None, lines[0]["text"], None], "published": ["2020-01-02", lines[0]["published"], None]})
    parquet = tmp_path / "rows.parquet"
    pq.write_table(table, parquet)

    out = tmp_path / "out"
    run_job([str(gz), str(warc), str(parquet)], out, master="local[2]")
    rows = {r["id"]: r for r in read_dataset(out / "articles")}
    assert len(rows) == 6 + 2 + 3
    assert (rows["p1"]["status"], rows["p2"]["status"], rows["p3"]["status"]) == ("ok", "ok", "failed")
    assert rows["p3"]["reason"] == "no text or html"
    assert rows["p1"]["events"] > 0 and rows["p1"]["url"] is None

    db = tmp_path / "files.db"
    assert runner.invoke(app, ["run", str(gz), str(warc), "--db", str(db)]).exit_code == 0
    exported = tmp_path / "files.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(exported)]).exit_code == 0
    local = {e["event_id"] for e in map(json.loads, exported.read_text().splitlines())}
    files_only = {e["event_id"] for e in read_dataset(out / "events")
                  if not {s["article_id"] for s in e["sources"]} <= {"p1", "p2", "p3"}}
    assert local and local == files_only  # the Parquet rows come last: they join events, never re-id them
