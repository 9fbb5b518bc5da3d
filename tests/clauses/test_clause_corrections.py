"""An admin's correction of how a clause is followed: it wins over every rule and survives
every later run. On the Procurement Bill snapshot without Hansard, where no rule can tell which
clause of the bill brought from the Lords Lord Alton's new clause became."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.models import Amendment
from tests.clauses.test_clause_procurement import ALTON_CLAUSE, BROUGHT_FROM_LORDS, WITHOUT_HANSARD, load
from tests.support.queries import data_writes
from tracker.clauses.admin import ClauseLinkForm
from tracker.clauses.corrections import clause_link_correct
from tracker.clauses.models import Clause, ClauseLink, ClauseVersion, Print

pytestmark = pytest.mark.django_db
EVIDENCE = "Tim Loughton, Commons Second Reading, 9 January 2023: Clause 65 was added by Lord Alton."


def correct():
    return clause_link_correct(
        older_print=Print.objects.get(key="stage-9003004"), newer_print=Print.objects.get(key=BROUGHT_FROM_LORDS),
        older=None, newer=ClauseVersion.objects.get(print__key=BROUGHT_FROM_LORDS, number="65"),
        amendment=Amendment.objects.get(bills_api_id=9006001), evidence=EVIDENCE)


def test_the_correction_applies_at_once_and_survives_later_runs():
    load(WITHOUT_HANSARD)
    link = correct()
    clause = Clause.objects.get(key=ALTON_CLAUSE)
    assert (clause.label, clause.status) == ("Clause 65", "not_enacted")
    for _ in range(2):
        load(WITHOUT_HANSARD)
    link.refresh_from_db()
    assert (link.method, link.evidence) == ("admin", EVIDENCE)
    clause.refresh_from_db()
    assert [v.number for v in clause.versions.all()] == ["65"]
    assert [e.kind for e in clause.events.all()] == ["tabled", "inserted", "numbered", "left_out", "not_enacted"]
    assert Clause.objects.get(key=f"{BROUGHT_FROM_LORDS}-clause-65").superseded_by == clause
    with CaptureQueriesContext(connection) as queries:
        load(WITHOUT_HANSARD)
    assert not [sql for sql in data_writes(queries.captured_queries) if '"clauses_' in sql]


def test_the_correction_wins_over_the_debate_evidence_rule():
    load()
    correct()
    load()
    [link] = ClauseLink.objects.filter(newer__number="65", newer__print__key=BROUGHT_FROM_LORDS)
    assert link.method == "admin"


def test_a_correction_must_join_consecutive_prints_of_one_bill():
    load(WITHOUT_HANSARD)
    version = ClauseVersion.objects.get(print__key=BROUGHT_FROM_LORDS, number="65")
    form = ClauseLinkForm(data={"older_print": Print.objects.get(key="stage-9003003").pk,
                                "newer_print": Print.objects.get(key=BROUGHT_FROM_LORDS).pk, "newer": version.pk,
                                "evidence": "wrong prints"})
    assert not form.is_valid()
    assert "consecutive prints" in str(form.errors)
    with pytest.raises(ValidationError):
        clause_link_correct(older_print=Print.objects.get(key="stage-9003004"), newer_print=version.print,
                            older=None, newer=None, evidence="nothing named")


def test_an_admin_adds_the_correction_in_the_admin(admin_client):
    load(WITHOUT_HANSARD)
    data = {"older_print": Print.objects.get(key="stage-9003004").pk,
            "newer_print": Print.objects.get(key=BROUGHT_FROM_LORDS).pk,
            "newer": ClauseVersion.objects.get(print__key=BROUGHT_FROM_LORDS, number="65").pk,
            "amendment": Amendment.objects.get(bills_api_id=9006001).pk, "evidence": EVIDENCE}
    response = admin_client.post("/admin/clauses/clauselink/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ClauseLink.objects.get(method="admin").evidence == EVIDENCE
    assert Clause.objects.get(key=ALTON_CLAUSE).label == "Clause 65"
