"""Builds the Hansard API bodies for the bundled snapshot from quoted text only.

Every contribution's words are checked to be an exact substring of their source file:
PROCUREMENT_BILL.md or a capture in the pack's hansard/ folder. Run it after
reconstruct_procurement_bill.py; it replaces only the bodies/hansard/ lines of index.jsonl.
"""
import html
import json
import re
from pathlib import Path

PACK = Path(__file__).resolve().parents[3] / "shared" / "reference" / "parliament"
MD = (PACK / "PROCUREMENT_BILL.md").read_text(encoding="utf-8")
SNAP = Path(__file__).resolve().parent / "procurement-bill-2022-23"
OUT_BODIES = SNAP / "bodies" / "hansard"
INDEX = SNAP / "index.jsonl"
API = "https://hansard-api.parliament.uk"


def pack_text(name):
    text = (PACK / "hansard" / name).read_text(encoding="utf-8")
    return text.split("--- stored text as returned (unchanged) ---\n", 1)[1]


def between(text, first, last):
    """Paragraphs from the one starting `first` to the one ending `last`, inclusive."""
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return text[start:end]


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


SOURCES = []  # (debate ext id, attributed, source description, words)


def contribution(member_id, attributed_to, source_name, source_text, words_list, timecode=None):
    for words in words_list:
        assert words in source_text, (attributed_to, words[:60])
        assert not re.search(r"[<>&]", words), words
    value = "".join(f"<p>{html.escape(w, quote=False)}</p>" for w in words_list)
    SOURCES.append((attributed_to, member_id, source_name, words_list))
    return {
        "ItemType": "Contribution",
        "ItemId": None,
        "MemberId": member_id,
        "AttributedTo": attributed_to,
        "Value": value,
        "OrderInSection": None,
        "Timecode": timecode,
        "ExternalId": None,
        "HRSTag": None,
        "HansardSection": None,
        "UIN": None,
        "IsReiteration": None,
    }


def debate(ext_id, title, house, date, location, volume, items):
    return {
        "Overview": {
            "Id": None,
            "ExtId": ext_id,
            "Title": title,
            "HRSTag": None,
            "Date": f"{date}T00:00:00",
            "Location": location,
            "House": house,
            "Source": None,
            "VolumeNo": volume,
            "ContentLastUpdated": None,
            "DebateTypeId": None,
            "SectionType": None,
            "NextDebateExtId": None,
            "NextDebateTitle": None,
            "PreviousDebateExtId": None,
            "PreviousDebateTitle": None,
        },
        "Navigator": None,
        "Items": items,
        "ChildDebates": None,
    }


MD_NAME = "PROCUREMENT_BILL.md"
LORDS_HL = "Procurement Bill [HL]"
COMMONS_TITLE = "Procurement Bill [Lords]"

# --- 18 Jul 2022, Lords Grand Committee (Committee day 5): HL Deb 823 cc554-7GC
GC_ID = "00000000-0000-0000-0000-000009100001"  # made up: the record gives no GUID
gc = debate(GC_ID, LORDS_HL, "Lords", "2022-07-18", "Grand Committee", 823, [
    contribution(9000001, "Lord Alton of Liverpool", MD_NAME, MD, ["so admirable"]),
])

# --- 30 Nov 2022, Lords Report (second day)
REPORT_ID = "5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92"
scriven_file = "2022-11-30_lords_report_proceeding-contribution_lord-scriven.txt"
scriven_text = pack_text(scriven_file)
scriven_words = scriven_text.splitlines()[0]
report = debate(REPORT_ID, LORDS_HL, "Lords", "2022-11-30", "Lords Chamber", 825, [
    contribution(9000002, "Lord Blencathra", MD_NAME, MD, [
        "I rise to speak to the cross-party amendment in my name, alongside those of the noble "
        "Lords, Lord Alton, Lord Coaker and Lord Fox … even if we lose the vote in this House tonight …"
    ]),
    contribution(9000005, "Lord Scriven", scriven_file, scriven_text, [scriven_words]),
])

# --- 13 Dec 2022, Lords Third Reading, HL Deb vol 826
THIRD_ID = "5A81D110-3CF0-4713-BF38-429B69A90550"
third_file = "2022-12-13_lords_third-reading_hansard.txt"
third_text = pack_text(third_file)
third_paras = paragraphs(third_text)
moving_third = next(p for p in third_paras if p.startswith("My Lords, before the Procurement Bill"))
moving_amendment = next(p for p in third_paras if p.startswith("My Lords, I will move a minor"))
third = debate(THIRD_ID, LORDS_HL, "Lords", "2022-12-13", None, 826, [
    contribution(None, None, third_file, third_text, [moving_third]),
    contribution(None, None, third_file, third_text, [moving_amendment]),
    contribution(9000001, "Lord Alton of Liverpool", MD_NAME, MD, [
        "I was therefore very grateful to the House for including the cross-party amendment I moved "
        "on the removal of surveillance equipment … Those two amendments are now in the Bill as it "
        "goes to another place."
    ]),
])

# --- 9 Jan 2023, Commons Second Reading
SECOND_ID = "2936011F-A818-40FC-941B-D53E05672870"
twfy_file = "2023-01-09_commons_second-reading_theyworkforyou.txt"
twfy_text = pack_text(twfy_file)
burghart_2r = paragraphs(between(twfy_text, "I warmly welcome Samantha Dixon.", "international obliga"))
second = debate(SECOND_ID, COMMONS_TITLE, "Commons", "2023-01-09", None, None, [
    contribution(9000012, "Jeremy Quin", MD_NAME, MD, [
        "Anything that is added to the Bill must be deliverable and workable",
        "We are thinking through the Lords amendments",
    ]),
    contribution(9000014, "Tim Loughton", MD_NAME, MD, [
        "Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance in the "
        "other House …"
    ]),
    contribution(9000015, "Alicia Kearns", MD_NAME, MD, ["tantamount to facilitating genocide"]),
    contribution(9000013, "Alex Burghart", twfy_file, twfy_text, burghart_2r,
                 timecode="2023-01-09T21:42:00"),
])

# --- 13 Jun 2023, Commons Report
COMMONS_REPORT_ID = "5F35C5A7-83E8-4E16-A1DF-0E56E4CDF48D"
street_file = "2023-06-13_commons_report_hansard-mirror-streetguide.txt"
street_text = pack_text(street_file)
laing = paragraphs(between(street_text, "With this it will be convenient", "(4) Subject to su"))
commons_report = debate(COMMONS_REPORT_ID, COMMONS_TITLE, "Commons", "2023-06-13", "Commons Chamber", None, [
    contribution(9000013, "Alex Burghart", street_file, street_text,
                 ["I beg to move, That the clause be read a Second time."]),
    contribution(None, "Dame Eleanor Laing", street_file, street_text, laing),
])

# --- 11 Sep 2023, Lords consideration of Commons amendments
PING_ID = "9A57D130-6537-40A0-BD39-1A6393EABA8D"
pp_file = "2023-09-11_lords_commons-amendments_parallelparliament.txt"
pp_text = pack_text(pp_file)
alton_file = "2023-09-11_lords_commons-amendments_proceeding-contribution_lord-alton.txt"
alton_text = pack_text(alton_file)
alton_words = paragraphs(between(alton_text, "My Lords, I begin by thanking the Minister.", "It would in"))
ping = debate(PING_ID, LORDS_HL, "Lords", "2023-09-11", "Lords Chamber", None, [
    contribution(9000007, "Baroness Neville-Rolfe", pp_file, pp_text,
                 ["That the House do agree with the Commons in their Amendment 1."]),
    contribution(9000007, "The Minister of State, Cabinet Office (Baroness Neville-Rolfe) (Con)", pp_file,
                 pp_text, paragraphs(between(pp_text, "My Lords, in moving this Motion", "the nati"))),
    contribution(9000007, "Baroness Neville-Rolfe", MD_NAME, MD, [
        "significantly strengthen the exclusions and debarment provisions on national security grounds"
    ]),
    contribution(9000001, "Lord Alton of Liverpool", alton_file, alton_text, alton_words),
])

# --- 25 Oct 2023, Lords: Motion A (do not insist on Amendment 102B)
LAST_ID = "00000000-0000-0000-0000-000009100002"  # made up: the record gives no GUID
last = debate(LAST_ID, LORDS_HL, "Lords", "2023-10-25", None, None, [
    contribution(9000007, "Baroness Neville-Rolfe", MD_NAME, MD, [
        "We will be sharing annual reports on the removal of surveillance equipment, as I promised "
        "the House when we last debated this on 11 September."
    ]),
])

DEBATES = [gc, report, third, second, commons_report, ping, last]


def search_url(house, date):
    query = (
        f"queryParameters.house={house}&queryParameters.startDate={date}"
        f"&queryParameters.endDate={date}&queryParameters.searchTerm=Procurement%20Bill"
        f"&queryParameters.skip=0&queryParameters.take=20"
    )
    return f"{API}/search/debates.json?{query}"


def without_nulls(value):
    """Swagger 2 cannot say "nullable" and the Hansard API has no sample showing which fields
    it sends as null, so a field the record does not give is left out rather than null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def main():
    OUT_BODIES.mkdir(parents=True, exist_ok=True)
    lines = []
    for body in DEBATES:
        ov = body["Overview"]
        date = ov["Date"][:10]
        search = {
            "Results": [{
                "DebateSection": None,
                "SittingDate": ov["Date"],
                "House": ov["House"],
                "Title": ov["Title"],
                "Rank": None,
                "DebateSectionExtId": ov["ExtId"],
            }],
            "TotalResultCount": None,
        }
        search_name = f"search-debates_{ov['House'].lower()}_{date}.json"
        debate_name = f"debate_{ov['ExtId']}.json"
        for name, content in ((search_name, search), (debate_name, body)):
            (OUT_BODIES / name).write_text(json.dumps(without_nulls(content), indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        for url, name in ((search_url(ov["House"], date), search_name),
                          (f"{API}/debates/debate/{ov['ExtId']}.json", debate_name)):
            lines.append({"method": "GET", "url": url, "status": 200,
                          "headers": {"Content-Type": "application/json; charset=utf-8"},
                          "body": f"bodies/hansard/{name}"})
    others = [line for line in INDEX.read_text(encoding="utf-8").splitlines(keepends=True)
              if line.strip() and not json.loads(line)["body"].startswith("bodies/hansard/")]
    INDEX.write_text("".join(others) + "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                     encoding="utf-8")
    for attributed, member, source, words in SOURCES:
        print(member, attributed, "<-", source, "|", " // ".join(w[:50] for w in words))


if __name__ == "__main__":
    main()
