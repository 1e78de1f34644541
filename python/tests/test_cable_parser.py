"""The Python package, as a notebook user runs it: against the `cable` command's output on the
corpus, over a generated cables.csv, and through DuckDB and pandas.

Run by `make test` (`make python-test`), which builds the wheel, installs it in target/venv
and sets CABLE (the command, built for speed) and CABLES_CSV (1,000 generated rows).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import warnings
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import cable_parser

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
PAGES = CORPUS / "cablegate-2010"
CABLE = os.environ.get("CABLE", str(ROOT / "target" / "cli" / "cable"))
CABLES_CSV = Path(os.environ.get("CABLES_CSV", str(ROOT / "target" / "cables-1000.csv")))


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([CABLE, *args], capture_output=True, check=False)


def json_lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


def corpus_files() -> list[Path]:
    # The order the command walks a folder in: by name.
    return sorted(PAGES.iterdir())


def test_parse_gives_what_the_command_writes_on_the_corpus():
    files = corpus_files()
    assert len(files) == 201
    for flags, compact in (([], False), (["--compact"], True)):
        run = cli("parse", *flags, str(PAGES))
        assert run.returncode == 0, run.stderr
        expected = json_lines(run.stdout)
        got = [cable_parser.parse(f.read_bytes(), compact=compact) for f in files]
        assert len(got) == len(expected) == 201
        for path, mine, theirs in zip(files, got, expected):
            assert mine == theirs, path.name
    assert "spans" not in got[0] and "line" not in got[0]["sections"][0]["paragraphs"][0]


def test_parse_reads_str_and_bytes_alike_and_refuses_other_types():
    text = (ROOT / "src" / "assets" / "09USUNNEWYORK78.txt").read_text()
    assert cable_parser.parse(text) == cable_parser.parse(text.encode())
    cable = cable_parser.parse(text)
    assert (cable["id"], cable["classification"], cable["origin"]) == ("09USUNNEWYORK78", "CONFIDENTIAL", "USUN NEW YORK")
    assert cable["subjectMarking"] is None, "absent values are None, never missing"
    with pytest.raises(TypeError):
        cable_parser.parse(42)


def test_parse_many_keeps_the_order_whatever_the_jobs():
    texts = [f.read_bytes() for f in corpus_files()[:80]]
    one_by_one = [cable_parser.parse(t) for t in texts]
    for jobs in (None, 1, 2, 3):
        assert cable_parser.parse_many(texts, jobs=jobs) == one_by_one, jobs
    assert cable_parser.parse_many(iter(texts[:3]), compact=True) == [cable_parser.parse(t, compact=True) for t in texts[:3]]
    assert cable_parser.parse_many([]) == []


def test_parse_many_hands_its_dicts_to_the_oldest_generation_and_leaves_the_collector_as_found():
    texts = [f.read_bytes() for f in corpus_files()[:20]]
    cables = cable_parser.parse_many(texts)
    assert gc.isenabled()
    # The young passes after the call do not walk them: they are where long-lived objects are.
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(gc.is_tracked(c) and id(c) in oldest for c in cables)
    assert cables == [cable_parser.parse(t) for t in texts]
    # A program's frozen objects stay frozen (what it froze them for, a fork, is not ours to undo).
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        cable_parser.parse_many(texts)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        cable_parser.parse_many(texts[:2])
        assert not gc.isenabled(), "a collector the program turned off stays off"
    finally:
        gc.enable()


def test_explain_names_codes_and_says_what_it_does_not_know():
    assert cable_parser.explain("RUEHME")["meaning"] == "AMEMBASSY MEXICO CITY"
    assert cable_parser.explain("PREL")["kind"] == "subjectTag"
    assert cable_parser.explain("QQ")["certainty"] == "unknown"
    # Field for field what `cable explain` writes, for every kind of code.
    codes = ["RUEHME", "RUEHWEB", "PREL", "KNNP", "MX", "QQ", "NOFORN", "EXDIS", "1.4(b)", "ROUTINE", "ZNY", "C"]
    run = cli("explain", *codes)
    assert run.returncode == 0, run.stderr
    assert [cable_parser.explain(c) for c in codes] == json_lines(run.stdout)


def test_read_csv_streams_the_generated_file_like_the_command():
    rows = list(cable_parser.read_csv(CABLES_CSV))
    assert len(rows) == 1000
    assert all(r["inputFormat"] == "csv" and r["page"]["source"] == "cables.csv row" for r in rows)
    assert len({r["page"]["id"] for r in rows}) == 1000, "every generated row has its own ID"
    agree = sum(r["id"] == r["page"]["id"] for r in rows)
    assert agree >= 990, f"the text's ID agrees with the row's on {agree} of 1000"
    run = cli("parse", str(CABLES_CSV))
    assert run.returncode == 0, run.stderr
    assert json_lines(run.stdout) == rows
    columns = next(cable_parser.read_csv(CABLES_CSV, parse=False))
    assert list(columns) == ["row", "date", "id", "origin", "classification", "references", "header", "body"]
    assert columns["row"] == "1" and isinstance(columns["references"], list)


def test_read_csv_names_bad_rows(tmp_path):
    good = CABLES_CSV.read_text().split('\n"2","', 1)[0] + "\n"
    broken = '"2","1/2/2004 10:00","04X","X","SECRET","","","a body whose quote is never closed\n'
    junk = '"3","1/2/2004 10:00","04Y","X","SECRET","","","lunch is at noon"\n'
    path = tmp_path / "cables.csv"
    path.write_text(good + broken + junk + good.replace('"1","', '"4","', 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = list(cable_parser.read_csv(path))
    assert len(rows) == 2
    messages = [str(w.message) for w in caught if issubclass(w.category, cable_parser.CsvRowWarning)]
    assert len(messages) == 2
    assert messages[0].startswith(f"{path}: row 2: its quotes do not balance")
    assert messages[1].startswith(f"{path}: row 3: this does not look like a cable")
    with pytest.raises(ValueError, match="row 2"):
        list(cable_parser.read_csv(path, errors="raise"))
    with pytest.raises(FileNotFoundError):
        list(cable_parser.read_csv(tmp_path / "missing.csv"))


def test_duckdb_and_pandas_read_what_the_command_writes(tmp_path):
    parsed, index = tmp_path / "cables.jsonl", tmp_path / "index.csv"
    assert cli("parse", "--compact", "-o", str(parsed), str(CABLES_CSV)).returncode == 0
    assert cli("index", "-o", str(index), str(CABLES_CSV)).returncode == 0
    rows = list(cable_parser.read_csv(CABLES_CSV))
    expected = Counter((int(r["date"][:4]), r["classification"]) for r in rows if r["date"])
    query = """
        SELECT year(CAST(date AS TIMESTAMP)) AS year, classification, count(*) AS cables
        FROM {source} WHERE date IS NOT NULL GROUP BY ALL ORDER BY ALL
    """
    for source in (f"read_json_auto('{parsed}')", f"read_csv_auto('{index}')"):
        answer = duckdb.sql(query.format(source=source)).fetchall()
        assert {(y, c): n for y, c, n in answer} == expected, source
        assert len(answer) > 20, "cables of many years and classifications"
    # The README's pandas recipe.
    frame = pd.read_csv(index, parse_dates=["date"])
    counts = frame.groupby([frame["date"].dt.year, "classification"]).size()
    assert {(int(y), c): int(n) for (y, c), n in counts.items()} == expected
    # Lists stay lists: the most common TAG, through unnest.
    top = duckdb.sql(
        f"SELECT tag, count(*) AS n FROM (SELECT unnest(tags) AS tag FROM read_json_auto('{parsed}')) "
        "GROUP BY tag ORDER BY n DESC LIMIT 1"
    ).fetchone()
    assert top[0] == Counter(t for r in rows for t in r["tags"]).most_common(1)[0][0]
