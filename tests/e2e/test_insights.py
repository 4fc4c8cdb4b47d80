"""Insights from a synthetic LinkedIn export with planted reply patterns: `askfirst import`
scores the sent messages, `askfirst insights --json` and the extension's Insights page show
exactly the planted rates, and the page draws its weekly charts."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from playwright.sync_api import Page, expect

ARTIFACTS = Path(__file__).parent / "artifacts"
ME = "https://www.linkedin.com/in/me-insights-user/"
# Openers as people write them; the first asks about the other person, the second pitches.
CURIOUS = "Hi {first}, congrats on the new role at {company}! How are you finding the team so far?"
PITCH = ("Hi {first}, I'm the founder of Acme. We help companies like yours cut hiring costs by 40%. "
         "Our platform is trusted by 200+ clients. Book a demo here: https://acme.example/demo")
# The plant: 30 curious openers, 12 answered within 7 days (40%); 25 pitches, 2 answered
# (8%), 3 more of them answered only after 9 days (outside the window: not replies).
PLANT = [("curious", 30, 12, 0), ("pitch", 25, 2, 3)]
HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
          "DATE", "SUBJECT", "CONTENT", "FOLDER"]


def write_export(folder: Path, tag: str) -> dict:
    """Connections.csv and messages.csv for the plant; people are named after `tag`."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    connections, messages = [], []
    n = 0
    for kind, count, replied, late in PLANT:
        for i in range(count):
            n += 1
            first, company = f"P{n}", f"Company{n}"
            url = f"https://www.linkedin.com/in/{tag}-{n}/"
            connected = now - timedelta(days=100 + n)
            sent = now - timedelta(days=20 + (n % 60), hours=n % 7)
            connections.append([first, tag.title(), url, "", company, "Engineer", connected.strftime("%d %b %Y")])
            conv = f"2-{tag}-{n}"
            body = (CURIOUS if kind == "curious" else PITCH).format(first=first, company=company)
            messages.append([conv, "", "Me Insights", ME, f"{first} {tag.title()}", url,
                             sent.strftime("%Y-%m-%d %H:%M:%S UTC"), "", body, "INBOX"])
            after = timedelta(days=2) if i < replied else timedelta(days=9) if i < replied + late else None
            if after:
                messages.append([conv, "", f"{first} {tag.title()}", url, "Me Insights", ME,
                                 (sent + after).strftime("%Y-%m-%d %H:%M:%S UTC"), "", "Thanks for reaching out!",
                                 "INBOX"])
    with open(folder / "Connections.csv", "w", newline="", encoding="utf-8") as f:
        f.write("Notes:\n\"Email addresses are missing for some connections.\"\n\n")
        w = csv.writer(f)
        w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        w.writerows(connections)
    with open(folder / "messages.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(reversed(messages))  # newest first, like LinkedIn's file
    return {"connections": len(connections), "messages": len(messages)}


def askfirst(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "askfirst", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=120)


def verdicts_of_the_templates() -> dict[str, str]:
    from askfirst.analysis import analyze

    return {kind: analyze(t.format(first="P1", company="Company1"), "message").verdict
            for kind, t in (("curious", CURIOUS), ("pitch", PITCH))}


def check_planted(report: dict) -> None:
    rates = report["reply_rates"]
    by_asked = {r["key"]: r for r in rates["by_asked"]}
    assert (by_asked["true"]["messages"], by_asked["true"]["replied"], by_asked["true"]["percent"]) == (30, 12, 40)
    assert (by_asked["false"]["messages"], by_asked["false"]["replied"], by_asked["false"]["percent"]) == (25, 2, 8)
    assert not by_asked["true"]["few"] and not by_asked["false"]["few"]
    by_verdict = {r["key"]: r for r in rates["by_verdict"]}
    planted: dict[str, list[int]] = {}
    for (_kind, count, replied, _), verdict in zip(PLANT, verdicts_of_the_templates().values()):
        planted.setdefault(verdict, [0, 0])
        planted[verdict][0] += count
        planted[verdict][1] += replied
    for verdict, (count, replied) in planted.items():
        assert (by_verdict[verdict]["messages"], by_verdict[verdict]["replied"]) == (count, replied), verdict
    assert sum(w["sent"] for w in report["weeks"]) >= 55


def test_import_scores_sent_messages_and_insights_show_the_planted_rates(tmp_path: Path):
    write_export(tmp_path / "export", "ins")
    data = tmp_path / "data"
    out = askfirst(data, "import", "linkedin", str(tmp_path / "export"))
    assert out.returncode == 0, out.stderr
    assert "scored:" in out.stdout
    report = json.loads(askfirst(data, "insights", "--json").stdout)
    check_planted(report)
    assert report["scoring"] is None
    # The text was read to score, not kept: storing text is off by default.
    events = json.loads(askfirst(data, "export").stdout)["events"]
    sent = [e for e in events if e["type"] == "message_sent"]
    assert len(sent) == 55 and all("text" not in e and "verdict" in e and "asked" in e for e in sent)
    text = askfirst(data, "insights").stdout
    assert "40%  (12 of 30)" in text


def test_the_insights_page_shows_the_planted_rates_and_draws_its_charts(paired, page: Page, tmp_path: Path):
    tag = f"insp{uuid.uuid4().hex[:6]}"
    write_export(tmp_path / "export", tag)
    # Into the running companion's own data: other tests' messages are all younger than
    # 7 days, so the reply rates count only this plant.
    out = askfirst(paired.companion.data_dir, "import", "linkedin", str(tmp_path / "export"),
                   "--me", ME)
    assert out.returncode == 0, out.stderr
    status, report = paired.api("GET", "/insights")
    assert status == 200
    check_planted(report)

    page.set_viewport_size({"width": 1100, "height": 1400})
    page.goto(paired.browser.url("insights/insights.html"))
    expect(page.locator("body[data-loaded=true]")).to_have_count(1)
    asked = page.locator('[data-group=asked] tr[data-rate="true"]')
    expect(asked).to_contain_text("Asked a question about them")
    expect(asked).to_contain_text("40%")
    expect(asked).to_contain_text("12 of 30")
    expect(page.locator('[data-group=asked] tr[data-rate="false"]')).to_contain_text("2 of 25")
    charts = page.locator("figure[data-chart]")
    expect(charts).to_have_count(6)
    for title in ("Messages sent", "Median pitch score", "Share that asked about them", "Replies received",
                  "Follow-ups done on time", "Sends held, and what you did"):
        expect(page.locator(f'figure[data-chart="{title}"] svg[role=img]')).to_be_visible()
    assert page.locator('figure[data-chart="Messages sent"] rect[data-bar]').count() >= 5
    assert page.locator('figure[data-chart="Median pitch score"] circle').count() >= 5
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "insights-page.png"), full_page=True)


def test_the_insights_route_needs_the_token(paired):
    status, body = paired.companion.call("GET", "/insights")
    assert status == 401 and body["error"]["code"]


def test_the_popup_links_to_insights(paired, page: Page):
    page.goto(paired.browser.url("popup/popup.html"))
    link = page.get_by_role("link", name="Insights")
    expect(link).to_have_count(1)
    assert link.get_attribute("href").endswith("insights/insights.html")
