"""Earlier states of the bundled Procurement Bill snapshot, for the alerts walk-through in
the README and its test: the bill as it stood at its Commons Committee stage, then at its
Commons Report stage, so replaying the second after the first is a real stage change.

DERIVED, adding nothing: each cut keeps the bundled (reconstructed) snapshot's own bodies,
removes the stages after the cut stage and the publications, amendments, divisions and
debates dated after its first sitting, and sets the bill's currentStage to that stage,
isAct to false and currentHouse to the stage's House. Everything else (titles, sponsors,
members) is as the bundled snapshot gives it, not as the API gave it on that date.

    .venv/bin/python -m tests.alerts.procurement_cuts     # rewrites both, byte for byte
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

REPO = Path(__file__).resolve().parent.parent.parent
BUNDLED = REPO / "data" / "snapshots" / "procurement-bill-2022-23"
OUT = REPO / "tests" / "fixtures" / "snapshots"
CUTS = {  # directory name: the bill-stage id (bundled manifest) the bill stands at
    "procurement-bill-2022-23-at-commons-committee": 9003008,
    "procurement-bill-2022-23-at-commons-report": 9003009,
}
BILL = "https://bills-api.parliament.uk/api/v1/Bills/3159"
STAGES = f"{BILL}/Stages?Skip=0&Take=20"
PUBLICATIONS = f"{BILL}/Publications"
DIVISION_SEARCHES = {"commonsvotes-api": "Date", "lordsvotes-api": "date"}  # host part: the date field


def cut(*, name: str, bill_stage_id: int, out: Path = OUT) -> Path:
    lines = [json.loads(line) for line in (BUNDLED / "index.jsonl").read_text(encoding="utf-8").splitlines() if line]
    body = {line["url"]: json.loads((BUNDLED / line["body"]).read_text(encoding="utf-8")) for line in lines}
    stages = body[STAGES]["items"]
    current = next(stage for stage in stages if stage["id"] == bill_stage_id)
    date = min(sitting["date"] for sitting in current["stageSittings"])[:10]
    kept = [stage for stage in stages if stage["sortOrder"] <= current["sortOrder"]]
    changed = {
        BILL: {**body[BILL], "currentStage": current, "isAct": False, "currentHouse": current["house"]},
        STAGES: {**body[STAGES], "items": kept, "totalResults": len(kept)},
        PUBLICATIONS: {**body[PUBLICATIONS], "publications": [
            p for p in body[PUBLICATIONS]["publications"]
            if p["publicationType"]["name"] != "Act of Parliament" and p.get("displayDate", "")[:10] <= date]},
    }
    for url, answer in body.items():
        for host, field in DIVISION_SEARCHES.items():
            if host in url and _is_search(url):
                changed[url] = [division for division in answer if division[field][:10] <= date]
    searches = {url for url in body if _is_search(url)
                and parse_qs(urlsplit(url).query).get("queryParameters.startDate", [date])[0] <= date}
    named = json.dumps([changed.get(url, body[url]) for url in searches])  # what the kept searches list
    kept_ids = {stage["id"] for stage in kept}

    def wanted(url: str) -> bool:
        stage = re.search(r"/Stages/(\d+)/", url)
        if stage:
            return int(stage.group(1)) in kept_ids
        if _is_search(url):
            return url in searches
        if "hansard-api" in url or any(host in url for host in DIVISION_SEARCHES):
            return url.rsplit("/", 1)[-1].removesuffix(".json") in named  # a debate or division a search lists
        return True

    directory = out / name
    shutil.rmtree(directory, ignore_errors=True)
    index = []
    for line in lines:
        url = line["url"]
        if not wanted(url):
            continue
        target = directory / line["body"]
        target.parent.mkdir(parents=True, exist_ok=True)
        if url in changed:
            target.write_text(json.dumps(changed[url], indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            shutil.copyfile(BUNDLED / line["body"], target)
        index.append(json.dumps(line) + "\n")
    (directory / "index.jsonl").write_text("".join(index), encoding="utf-8")
    (directory / "manifest.json").write_text(json.dumps(_manifest(name, current, date), indent=2) + "\n",
                                             encoding="utf-8")
    return directory


def _is_search(url: str) -> bool:
    return "/search" in url.lower()


def _manifest(name: str, current: dict, date: str) -> dict:
    bundled = json.loads((BUNDLED / "manifest.json").read_text(encoding="utf-8"))
    where = f"{current['house']} {current['description']}"
    return {
        "format": 1,
        "name": name,
        "description": (
            f"DERIVED for the alerts walk-through: the bundled snapshot {bundled['name']} (itself reconstructed, not "
            f"recorded) cut to the Procurement Bill [HL] as it stood at its {where} ({date}). Built by "
            "tests/alerts/procurement_cuts.py, which adds nothing: it removes the later stages, the Act, and the "
            f"publications, amendments, divisions and debates dated after {date}, and sets currentStage to that stage, "
            "isAct to false and currentHouse to its House. Everything else (titles, sponsors, members) is as the "
            "bundled snapshot gives it, not as the API gave it on that date."),
        "recorded_at": bundled["recorded_at"],
        "bills": bundled["bills"],
        "reconstructed": True,
        "derived_from": f"data/snapshots/{bundled['name']}",
        "current_bill_stage_id": current["id"],
        "made_up_ids": "as listed in the bundled snapshot's manifest",
    }


if __name__ == "__main__":
    for name, stage_id in CUTS.items():
        print(cut(name=name, bill_stage_id=stage_id))
