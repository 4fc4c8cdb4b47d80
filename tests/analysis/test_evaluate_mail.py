"""scripts/evaluate.py --spamassassin judges what each sender wrote, not what they quoted."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import evaluate  # noqa: E402

sys.path.remove(str(ROOT / "scripts"))

REPLY = b"""From: Ann <ann@example.org>
To: tools-list@example.org
List-Id: Tools discussion <tools-list.example.org>
Subject: Re: build fails on arm64
Content-Type: text/plain; charset=us-ascii

On Tue, 3 Sep 2002, Bob wrote:
> Has anyone seen the linker crash on arm64?
> It started after the upgrade.

Yes, same here. Rolling back binutils fixed it for me.

--
Ann
_______________________________________________
Tools-list mailing list
https://lists.example.org/mailman/listinfo/tools-list
"""

HTML_ONLY = b"""From: Deals <deals@example.com>
To: you@example.net
Subject: Offer
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><style>p { color: red }</style></head><body><p>Save 50% today &amp; every day.</p>
<p>Order now at our online store!</p></body></html>
"""

BROKEN_CHARSET = b"""From: Cy <cy@example.org>
Subject: hello
Content-Type: text/plain; charset=x-no-such-charset

Caf\xe9 at noon?
"""


def test_a_reply_is_judged_on_its_own_lines_only():
    assert evaluate.sender_text(REPLY) == "Yes, same here. Rolling back binutils fixed it for me."


def test_an_html_mail_is_read_as_its_text_without_styles():
    assert evaluate.sender_text(HTML_ONLY).split() == "Save 50% today & every day. Order now at our online store!".split()


def test_an_unknown_charset_is_read_rather_than_skipped():
    assert evaluate.sender_text(BROKEN_CHARSET) == "Caf\xe9 at noon?"


def test_the_report_counts_each_folder_and_the_list_posts_among_ham(tmp_path):
    (tmp_path / "easy_ham").mkdir()
    (tmp_path / "spam").mkdir()
    (tmp_path / "easy_ham" / "00001.abc").write_bytes(REPLY)
    (tmp_path / "easy_ham" / "cmds").write_text("not a message")
    (tmp_path / "spam" / "00001.def").write_bytes(HTML_ONLY)
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--spamassassin", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    lines = {line.split("  ")[1].strip(): line for line in out.splitlines() if " messages: " in line}
    assert set(lines) == {"easy_ham", "easy_ham: list posts", "spam"}
    assert "1 messages: flagged 0" in lines["easy_ham"] and "1 messages: flagged 0" in lines["easy_ham: list posts"]
    assert "1 messages:" in lines["spam"]
