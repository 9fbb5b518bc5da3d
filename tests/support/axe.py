"""axe-core (vendored, tests/support/vendor/axe-core/) run in a Playwright page: its violations,
each with the rule, what it means and where on the page, for an assertion message."""

from __future__ import annotations

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, headings, regions).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Runs axe on the page as it is now. Injected through the DevTools protocol, so the site's
    Content Security Policy (script-src 'self') does not have to let it in."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:4])}"
            f"{' …' if len(v['nodes']) > 4 else ''}" for v in result["violations"]]
