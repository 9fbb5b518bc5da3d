"""The structured account of the Procurement Bill (data/reference/procurement-bill/facts.json):
every fact carries a citation whose sources are named, and the stances the pages take from it
keep the account's dates, and its silences, as they are."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FACTS = json.loads((REPO / "data/reference/procurement-bill/facts.json").read_text(encoding="utf-8"))
CAPTURES = REPO / "data/reference/parliament/hansard"


def _cites(value):
    """Every citation: a record's "cite", or a field's "<field>_cite" beside it."""
    if isinstance(value, dict):
        yield from (cite for key, cite in value.items() if key == "cite" or key.endswith("_cite"))
        for child in value.values():
            yield from _cites(child)
    elif isinstance(value, list):
        for child in value:
            yield from _cites(child)


def test_every_record_has_a_citation_of_named_sources():
    records = [*FACTS["people"].values(), *FACTS["stages"], *(s for st in FACTS["stages"] for s in st["sittings"]),
               *FACTS["publications"], *FACTS["amendments"], *FACTS["ping_pong"], FACTS["lords_division"],
               *FACTS["commons_divisions"], *FACTS["debates"],
               *(c for d in FACTS["debates"] for c in d["contributions"]),
               *FACTS["stances"], FACTS["bill"], FACTS["bill"]["act"]]
    assert all(record["cite"]["sources"] for record in records)
    cited = {name for cite in _cites(FACTS) for name in cite["sources"]}
    assert cited == set(FACTS["sources"])  # every source named is defined, and every one defined is used
    for name, source in FACTS["sources"].items():
        assert source["url"] is None or source["url"].startswith("https://"), name
        if name.startswith("hansard/"):
            assert (CAPTURES / name.removeprefix("hansard/")).is_file(), name


def test_capture_sources_give_the_address_the_capture_was_stored_from():
    for name, source in FACTS["sources"].items():
        if name.startswith("hansard/"):
            first = (CAPTURES / name.removeprefix("hansard/")).read_text(encoding="utf-8").splitlines()[0]
            assert first == f"Stored address: {source['url']}"


def _stances(person: str) -> list[dict]:
    return [s for s in FACTS["stances"] if s["person"] == person]


def test_the_commons_backers_and_the_governments_opposition_are_recorded_with_their_dates():
    assert {s["position"] for s in _stances("loughton") + _stances("kearns") + _stances("blackman")
            + _stances("duncan-smith")} == {"for"}
    assert {s["position"] for s in _stances("neville-rolfe")} == {"against"}
    assert [s["date"] for s in _stances("neville-rolfe")] == ["2023-03-09", "2023-09-11", "2023-10-25"]
    assert {(s["quote"], s["date"]) for s in _stances("quin")} == {
        ("Anything that is added to the Bill must be deliverable and workable", "2023-01-09"),
        ("We are thinking through the Lords amendments", "2023-01-09")}
    (committee,) = [s for s in FACTS["stances"] if s["person"] is None]
    assert (committee["position"], committee["vote"], committee["date"]) == (
        "against", {"to_remove": 8, "to_keep": 5, "members_recorded": False}, None)


def test_what_the_account_does_not_date_stays_undated():
    (kearns,) = _stances("kearns")
    assert (kearns["quote"], kearns["date"]) == ("tantamount to facilitating genocide", None)
    (blackman,) = _stances("blackman")
    assert (blackman["account_words"], blackman["quote"]) == ("SNP will support Clause 65", None)
    assert blackman["date"] is None
    assert "debate" not in kearns and "debate" not in blackman


def test_words_the_account_does_not_date_are_placed_in_no_debate():
    """The reconstruction puts an undated quote in no debate (Kearns's words were once placed in
    the 9 January 2023 Second Reading debate: a guess); nor does the snapshot it builds."""
    undated = {s["person"]: s["quote"] for s in FACTS["stances"] if s["date"] is None and s["quote"] and s["person"]}
    placed = [(d["key"], c["person"]) for d in FACTS["debates"] for c in d["contributions"]
              if c["person"] in undated and any(undated[c["person"]] in words for words in c.get("words", ()))]
    assert placed == []
    hansard = REPO / "data/snapshots/procurement-bill-2022-23/bodies/hansard"
    kearns_id = FACTS["people"]["kearns"]["made_up_id"]
    assert not [path.name for path in hansard.glob("debate_*.json")
                if any(item.get("MemberId") == kearns_id
                       for item in json.loads(path.read_text(encoding="utf-8"))["Items"])]


def test_stances_name_people_and_debates_the_file_defines():
    debates = {d["key"] for d in FACTS["debates"]}
    for stance in FACTS["stances"]:
        assert stance["person"] is None or stance["person"] in FACTS["people"]
        assert stance.get("debate") is None or stance["debate"] in debates
        assert stance["position"] in ("for", "against", "neither")
