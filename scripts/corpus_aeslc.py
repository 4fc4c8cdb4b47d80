"""Turn the Annotated Enron Subject Line Corpus (AESLC) into labelled corpus rows.

AESLC (Zhang & Tetreault, ACL 2019; CC BY-NC-SA 4.0) holds Enron emails already cut
down to the body: headers, quoted replies and forwarded text removed, one sentence a
line. Most are ordinary person-to-person work email, the genuine side of the corpus.
A few are unsolicited offers from outside the company; those are written to a review
file instead, so that a person labels each one by hand (see ``--review``).

Usage: python scripts/corpus_aeslc.py AESLC_DIR OUT_TRAIN OUT_DEV [--review FILE]
where AESLC_DIR is a checkout of github.com/ryanzhumich/AESLC.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

SOURCE = "https://github.com/ryanzhumich/AESLC"
LICENCE = "CC BY-NC-SA 4.0 (AESLC); emails from the Enron corpus released by FERC"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{3}[\s.-]\d{4}\b|x\d{4,5}\b")
# Bulk mail, forwarded threads and machine text are not one person writing to another.
NOT_PERSONAL = re.compile(
    r"unsubscribe|click here|forwarded by|original message|this e-?mail (and any|is confidential)"
    r"|privileged|distribution list|do not reply|automatically generated|\bhttp|www\.|\t|={3,}|-{4,}|\*{3,}",
    re.I,
)
# Offers from outside the company: these go to a person for labelling, never straight in.
OFFER = re.compile(
    r"\b(we offer|our (company|firm|services?|products?|solutions?|team|software|clients)|special offer"
    r"|free (trial|demo|consultation)|discount|register (now|today)|seminar|webcast|workshop"
    r"|we specialize|introduce (myself|our)|i represent|% off|limited time|subscribe|opportunity)\b",
    re.I,
)

# Read and labelled one by one by a person (file under enron_subject_line/ -> verdict).
# Offer-like rows not listed here are left out. pitch_heavy rows are unsolicited offers
# (vendors, conferences, newsletters, recruiters, job seekers listing credentials);
# ask_first rows ask a stranger for time or a favour; ok rows are thanks, congratulations,
# farewells and replies that happened to use a sales-sounding word.
HAND_LABELS = {
    # Bulk marketing mail that reached Enron inboxes: promotions of a product, service or event.
    "dev/baughman-d_inbox_187.subject": "pitch_heavy",
    "dev/harris-s_inbox_28.subject": "pitch_heavy",
    "dev/ward-k_inbox_264.subject": "pitch_heavy",
    "dev/wolfe-j_inbox_340.subject": "pitch_heavy",
    "test/baughman-d_inbox_194.subject": "pitch_heavy",
    "test/lewis-a_inbox_1.subject": "pitch_heavy",
    "test/shackleton-s_inbox_783.subject": "pitch_heavy",
    "test/skilling-j_inbox_1188.subject": "pitch_heavy",
    "train/arora-h_inbox_10.subject": "pitch_heavy",
    "train/buy-r_inbox_106.subject": "pitch_heavy",
    "train/campbell-l_inbox_103.subject": "pitch_heavy",
    "train/campbell-l_inbox_1070.subject": "pitch_heavy",
    "train/campbell-l_inbox_327.subject": "pitch_heavy",
    "train/corman-s_inbox_4.subject": "pitch_heavy",
    "train/dasovich-j_inbox_916.subject": "pitch_heavy",
    "train/donohoe-t_inbox_80.subject": "pitch_heavy",
    "train/haedicke-m_inbox_577.subject": "pitch_heavy",
    "train/harris-s_inbox_53.subject": "pitch_heavy",
    "train/kaminski-v_inbox_155.subject": "pitch_heavy",
    "train/kaminski-v_inbox_2.subject": "pitch_heavy",
    "train/kaminski-v_inbox_488.subject": "pitch_heavy",
    "train/lay-k_inbox_1053.subject": "pitch_heavy",
    "train/lay-k_inbox_1689.subject": "pitch_heavy",
    "train/mims-thurston-p_inbox_1.subject": "pitch_heavy",
    "train/mims-thurston-p_inbox_132.subject": "pitch_heavy",
    "train/mims-thurston-p_inbox_137.subject": "pitch_heavy",
    "train/platter-p_inbox_155.subject": "pitch_heavy",
    "train/quenet-j_inbox_15.subject": "pitch_heavy",
    "train/ring-r_inbox_52.subject": "pitch_heavy",
    "train/sager-e_inbox_24.subject": "pitch_heavy",
    "train/saibi-e_inbox_1041.subject": "pitch_heavy",
    "train/saibi-e_inbox_3.subject": "pitch_heavy",
    "train/scott-s_inbox_195.subject": "pitch_heavy",
    "train/scott-s_inbox_280.subject": "pitch_heavy",
    "train/scott-s_inbox_447.subject": "pitch_heavy",
    "train/skilling-j_inbox_1057.subject": "pitch_heavy",
    "train/skilling-j_inbox_2521.subject": "pitch_heavy",
    "train/staab-t_inbox_95.subject": "pitch_heavy",
    "train/tholt-j_inbox_52.subject": "pitch_heavy",
    "train/ward-k_inbox_272.subject": "pitch_heavy",
    "train/ward-k_inbox_273.subject": "pitch_heavy",
    "train/wolfe-j_inbox_335.subject": "pitch_heavy",
    # Individual messages.
    # Introductions from strangers, recruiters, job seekers and thank-you notes.
    "dev/giron-d_inbox_272.subject": "pitch_heavy",
    "test/buy-r_inbox_689.subject": "pitch_heavy",
    "test/ermis-f_inbox_512.subject": "pitch_heavy",
    "test/griffith-j_inbox_49.subject": "pitch_heavy",
    "train/buy-r_inbox_572.subject": "pitch_heavy",
    "train/geaccone-t_inbox_531.subject": "pitch_heavy",
    "train/giron-d_inbox_281.subject": "pitch_heavy",
    "train/haedicke-m_inbox_622.subject": "pitch_heavy",
    "train/hernandez-j_inbox_54.subject": "pitch_heavy",
    "train/kaminski-v_inbox_758.subject": "pitch_heavy",
    "train/kean-s_inbox_48.subject": "pitch_heavy",
    "train/kitchen-l_inbox_96.subject": "pitch_heavy",
    "train/lay-k_inbox_236.subject": "pitch_heavy",
    "train/lay-k_inbox_728.subject": "pitch_heavy",
    "train/lay-k_inbox_74.subject": "pitch_heavy",
    "train/lay-k_inbox_750.subject": "pitch_heavy",
    "train/saibi-e_inbox_1127.subject": "pitch_heavy",
    "train/shively-h_inbox_114.subject": "pitch_heavy",
    "train/skilling-j_inbox_1155.subject": "pitch_heavy",
    "train/skilling-j_inbox_1350.subject": "pitch_heavy",
    "train/skilling-j_inbox_141.subject": "pitch_heavy",
    "train/skilling-j_inbox_1507.subject": "pitch_heavy",
    "train/skilling-j_inbox_192.subject": "pitch_heavy",
    "train/slinger-r_inbox_46.subject": "pitch_heavy",
    "train/swerzbin-m_inbox_183.subject": "pitch_heavy",
    "train/ward-k_inbox_117.subject": "pitch_heavy",
    "train/wolfe-j_inbox_127.subject": "pitch_heavy",
    "dev/dasovich-j_inbox_182.subject": "pitch_heavy",
    "test/horton-s_inbox_67.subject": "pitch_heavy",
    "train/arnold-j_inbox_74.subject": "pitch_heavy",
    "train/lay-k_inbox_1386.subject": "pitch_heavy",
    "dev/skilling-j_inbox_189.subject": "ask_first",
    "test/kaminski-v_inbox_321.subject": "ask_first",
    "test/shively-h_inbox_111.subject": "ask_first",
    "test/white-s_inbox_64.subject": "ask_first",
    "train/buy-r_inbox_927.subject": "ask_first",
    "train/kaminski-v_inbox_261.subject": "ask_first",
    "train/kaminski-v_inbox_582.subject": "ask_first",
    "train/shankman-j_inbox_58.subject": "ask_first",
    "train/thomas-p_inbox_349.subject": "ask_first",
    "train/tycholiz-b_inbox_572.subject": "ask_first",
    "train/kaminski-v_inbox_322.subject": "ask_first",
    "train/kaminski-v_inbox_734.subject": "ask_first",
    "test/buy-r_inbox_983.subject": "ask_first",
    "dev/may-l_inbox_281.subject": "ok",
    "test/semperger-c_inbox_4.subject": "ok",
    "train/beck-s_inbox_353.subject": "ok",
    "test/skilling-j_inbox_393.subject": "ok",
    "dev/skilling-j_inbox_1511.subject": "ok",
    "train/kaminski-v_inbox_682.subject": "ok",
    "train/lay-k_inbox_377.subject": "ok",
    "train/lay-k_inbox_535.subject": "ok",
    "train/lay-k_inbox_927.subject": "ok",
    "train/nemec-g_inbox_1369.subject": "ok",
    "train/wolfe-j_inbox_80.subject": "ok",
    "train/scott-s_inbox_322.subject": "ok",
    "train/zipper-a_inbox_114.subject": "ok",
    "train/skilling-j_inbox_394.subject": "ok",
    "train/mcconnell-m_inbox_40.subject": "ok",
    "test/neal-s_inbox_43.subject": "ok",
    "dev/rogers-b_inbox_287.subject": "ok",
    "train/lokey-t_inbox_824.subject": "ok",
    "dev/donoho-l_inbox_8.subject": "pitch_heavy",
    "dev/hodge-j_inbox_151.subject": "pitch_heavy",
    "dev/horton-s_inbox_56.subject": "pitch_heavy",
    "dev/skilling-j_inbox_1347.subject": "pitch_heavy",
    "dev/skilling-j_inbox_1546.subject": "pitch_heavy",
    "dev/skilling-j_inbox_30.subject": "ask_first",
    "dev/skilling-j_inbox_995.subject": "pitch_heavy",
    "dev/whalley-g_inbox_522.subject": "pitch_heavy",
    "dev/williams-j_inbox_239.subject": "pitch_heavy",
    "test/buy-r_inbox_321.subject": "pitch_heavy",
    "test/lay-k_inbox_1879.subject": "pitch_heavy",
    "test/lay-k_inbox_258.subject": "pitch_heavy",
    "test/saibi-e_inbox_456.subject": "pitch_heavy",
    "test/skilling-j_inbox_118.subject": "ok",
    "test/skilling-j_inbox_216.subject": "pitch_heavy",
    "test/skilling-j_inbox_2510.subject": "pitch_heavy",
    "test/thomas-p_inbox_386.subject": "ok",
    "test/tycholiz-b_inbox_539.subject": "pitch_heavy",
    "train/bass-e_inbox_229.subject": "pitch_heavy",
    "train/baughman-d_inbox_352.subject": "ok",
    "train/beck-s_inbox_746.subject": "ok",
    "train/buy-r_inbox_1114.subject": "ask_first",
    "train/buy-r_inbox_685.subject": "pitch_heavy",
    "train/causholli-m_inbox_13.subject": "pitch_heavy",
    "train/dasovich-j_inbox_1001.subject": "ok",
    "train/dasovich-j_inbox_1636.subject": "pitch_heavy",
    "train/haedicke-m_inbox_208.subject": "ok",
    "train/haedicke-m_inbox_328.subject": "pitch_heavy",
    "train/jones-t_inbox_1035.subject": "pitch_heavy",
    "train/kaminski-v_inbox_190.subject": "ok",
    "train/kaminski-v_inbox_203.subject": "ok",
    "train/kaminski-v_inbox_242.subject": "ask_first",
    "train/keavey-p_inbox_262.subject": "pitch_heavy",
    "train/kitchen-l_inbox_90.subject": "ok",
    "train/lay-k_inbox_100.subject": "pitch_heavy",
    "train/lay-k_inbox_1020.subject": "pitch_heavy",
    "train/lay-k_inbox_1042.subject": "pitch_heavy",
    "train/lay-k_inbox_194.subject": "pitch_heavy",
    "train/lay-k_inbox_300.subject": "ok",
    "train/lay-k_inbox_343.subject": "pitch_heavy",
    "train/lay-k_inbox_428.subject": "pitch_heavy",
    "train/lay-k_inbox_510.subject": "pitch_heavy",
    "train/lay-k_inbox_678.subject": "pitch_heavy",
    "train/lay-k_inbox_700.subject": "ok",
    "train/lay-k_inbox_713.subject": "ok",
    "train/lay-k_inbox_853.subject": "ok",
    "train/lay-k_inbox_973.subject": "pitch_heavy",
    "train/lewis-a_inbox_33.subject": "pitch_heavy",
    "train/may-l_inbox_230.subject": "pitch_heavy",
    "train/may-l_inbox_279.subject": "ok",
    "train/nemec-g_inbox_1368.subject": "ok",
    "train/nemec-g_inbox_385.subject": "pitch_heavy",
    "train/pereira-s_inbox_75.subject": "pitch_heavy",
    "train/perlingiere-d_inbox_39.subject": "pitch_heavy",
    "train/saibi-e_inbox_534.subject": "pitch_heavy",
    "train/saibi-e_inbox_786.subject": "pitch_heavy",
    "train/scott-s_inbox_351.subject": "ok",
    "train/skilling-j_inbox_1186.subject": "pitch_heavy",
    "train/skilling-j_inbox_1303.subject": "pitch_heavy",
    "train/skilling-j_inbox_1349.subject": "pitch_heavy",
    "train/skilling-j_inbox_1380.subject": "pitch_heavy",
    "train/skilling-j_inbox_1423.subject": "ask_first",
    "train/skilling-j_inbox_1445.subject": "ok",
    "train/skilling-j_inbox_1464.subject": "pitch_heavy",
    "train/skilling-j_inbox_1475.subject": "ask_first",
    "train/skilling-j_inbox_1504.subject": "pitch_heavy",
    "train/skilling-j_inbox_1515.subject": "ok",
    "train/skilling-j_inbox_1571.subject": "pitch_heavy",
    "train/skilling-j_inbox_1572.subject": "ok",
    "train/skilling-j_inbox_1583.subject": "ok",
    "train/skilling-j_inbox_1585.subject": "pitch_heavy",
    "train/skilling-j_inbox_181.subject": "pitch_heavy",
    "train/skilling-j_inbox_251.subject": "pitch_heavy",
    "train/skilling-j_inbox_329.subject": "pitch_heavy",
    "train/skilling-j_inbox_359.subject": "pitch_heavy",
    "train/skilling-j_inbox_387.subject": "ask_first",
    "train/skilling-j_inbox_47.subject": "pitch_heavy",
    "train/thomas-p_inbox_273.subject": "pitch_heavy",
    "train/whalley-g_inbox_277.subject": "pitch_heavy",
    "train/white-s_inbox_72.subject": "pitch_heavy",
    "train/whitt-m_inbox_212.subject": "pitch_heavy",
    "train/whitt-m_inbox_773.subject": "pitch_heavy",
    "train/ybarbo-p_inbox_564.subject": "pitch_heavy",
    "train/zipper-a_inbox_171.subject": "pitch_heavy",
}

# Introductions, job requests and meeting requests: also read by a person, never
# assumed to be ordinary correspondence.
INTRO = re.compile(
    r"\b(my name is|i am writing to|i'm writing to|allow me to|i would like to introduce|let me introduce"
    r"|we would like to|i represent|would you be (interested|available|open)|opportunity to (meet|present|discuss|speak)"
    r"|schedule a (call|meeting|time)|brief (call|meeting)|\d+ minutes|look forward to hearing from you|resume"
    r"|internship|recruit\w*|headhunt\w*|job opening|position (at|with))\b",
    re.I,
)

# Mail that the mailbox owner wrote to a colleague or acquaintance and that merely uses
# offer-like words ("opportunity", "we would like to", "seminar", "30 minutes") is kept
# whole as ok, so that such words also appear in genuine notes; anything about jobs,
# candidates or résumés stays out, since those are often a pitch for someone.
JOBS = re.compile(r"resume|recruit|intern|candidate|headhunt|position (at|with)|\bjobs?\b|\bhir(e|ing)\b", re.I)


def stable(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


def read_body(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = raw.split("@subject", 1)[0]
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in body.splitlines()]
    return " ".join(ln for ln in lines if ln)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("aeslc", type=Path)
    ap.add_argument("out_train", type=Path)
    ap.add_argument("out_dev", type=Path)
    ap.add_argument("--review", type=Path)
    ap.add_argument("--train-n", type=int, default=1000)
    ap.add_argument("--dev-n", type=int, default=260)
    args = ap.parse_args()

    root = args.aeslc / "enron_subject_line"
    files = sorted(root.glob("*/*.subject"))
    owners = sorted({f.name.split("_")[0] for f in files})
    # Whole mailboxes go to the development set, so no owner is on both sides.
    dev_owners = {o for o in owners if stable("dev:" + o) % 5 == 0}

    keep: dict[str, list[dict]] = {"train": [], "dev": []}
    labelled: dict[str, list[dict]] = {"train": [], "dev": []}
    review = []
    for f in files:
        text = read_body(f)
        hand = HAND_LABELS.get(f"{f.parent.name}/{f.name}")
        if hand:
            text = PHONE.sub("[phone]", EMAIL.sub("[email]", text))
        words = len(text.split())
        if words < 5 or words > 250:
            continue
        if not hand and (EMAIL.search(text) or PHONE.search(text) or NOT_PERSONAL.search(text)):
            continue
        owner = f.name.split("_")[0]
        split = "dev" if owner in dev_owners else "train"
        row = {
            "id": f"aeslc-{f.parent.name}-{f.stem}",
            "text": text,
            "kind": "message",
            "label": "ok",
            "pitch": False,
            "source": f"{SOURCE} enron_subject_line/{f.parent.name}/{f.name}",
            "licence": LICENCE,
            "family": "enron-aeslc-dev" if split == "dev" else "enron-aeslc",
            "split": split,
        }
        if hand:
            row["label"] = hand
            row["pitch"] = hand == "pitch_heavy" or (hand == "ask_first" and bool(OFFER.search(text)))
            labelled[split].append(row)
            continue
        if OFFER.search(text) or INTRO.search(text):
            if "_sent_" in f.name and not JOBS.search(text):
                labelled[split].append(row)
            else:
                review.append(row)
            continue
        keep[split].append(row)

    for split, out, n in (("train", args.out_train, args.train_n), ("dev", args.out_dev, args.dev_n)):
        rows = sorted(keep[split], key=lambda r: stable(r["id"]))[:n] + labelled[split]
        seen: set[str] = set()
        unique = []
        for r in rows:
            key = r["text"][:60].lower()
            if key not in seen:
                seen.add(key)
                unique.append(r)
        rows = unique
        rows.sort(key=lambda r: r["id"])
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(split, len(keep[split]), "eligible,", len(rows), "written to", out)
    if args.review:
        args.review.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in review), encoding="utf-8")
        print(len(review), "offer-like rows for review in", args.review)


if __name__ == "__main__":
    main()
