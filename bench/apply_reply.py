#!/usr/bin/env python3
"""bench/apply_reply.py -- the content for bench/apply: segment texts, and the author's reply to a draft.

    apply_reply.py texts  --dir DIR --segments 10-14,60-64,...   one file per segment, DIR/SEG.txt
    apply_reply.py reply  --draft draft.txt --out reply.eml [--fraction 0.3] [--width 70]
    apply_reply.py check  --plan plan.json --expect expect.json   compares `apply --dry-run --json`

Deterministic (fixed seeds): the same texts and the same reply every run. `texts` writes interview-like
text (short questions on odd segments, speaker A; longer answers on even ones, speaker B), with curly
apostrophes, dashes and accents so the quoted-printable body has something to encode. `reply` edits the
words of a fraction of the draft's paragraphs the way an author does (a word replaced, one removed, one
added, a phrase reworded, now and then a [[comment]]), quotes the whole draft with "> " re-wrapped at
WIDTH columns the way a mail client does, puts a short note above it, and writes an RFC 5322 message,
text/plain; charset=utf-8, quoted-printable. It prints (stdout) a JSON object with what it changed,
which `check` compares with the plan `tapescript apply --dry-run --json` makes of the reply.
"""

import argparse
import json
import random
import re
import sys
import textwrap
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path

WORDS = """
network school district cable switch router printer budget year people team manager question answer
problem outage exam student teacher holiday documentation heroics vendor contract migration server
office building floor closet spreadsheet diagram password firewall backup spare garage weekend night
morning colleague mentor career promotion training course book conference talk idea mistake lesson
failure success change process rule exception habit story history decade month week day hour minute
school’s district’s nobody’s café naïve résumé fibre copper wireless laptop phone call email ticket
queue priority deadline project plan estimate cost price invoice approval meeting committee board
""".split()
VERBS = """
started learned fixed broke replaced documented explained asked called wrote ran built moved tested
planned changed kept lost found needed wanted tried noticed remembered forgot promised measured
""".split()
QUESTION_VERBS = """
start learn fix break replace document explain ask call write run build move test plan change keep lose
find need want try notice remember forget promise measure
""".split()
FILLERS = ["honestly", "really", "actually", "basically", "of course", "to be fair", "in the end",
           "at the time", "looking back", "by the way", "I think", "you know"]
OPENERS = ["Well,", "So", "And", "But", "Honestly,", "Right,", "Look,", "Yes —", "No,", "I mean,"]
QUESTION_STARTS = ["How did you", "Why did you", "What made you", "When did you", "Who taught you",
                   "Where did you", "Was it hard to", "Do you still", "Would you ever", "Can you tell me how you"]


def sentence(rng, question=False):
    if question:
        body = rng.choice(QUESTION_STARTS).split() + [rng.choice(QUESTION_VERBS), "the", rng.choice(WORDS)]
        if rng.random() < 0.5:
            body += ["after", "the", rng.choice(WORDS)]
        text = " ".join(body)
        return text[0].upper() + text[1:] + "?"
    parts = [rng.choice(OPENERS)] if rng.random() < 0.35 else []
    parts += [rng.choice(["we", "I", "they", "the team", "my manager", "nobody"]), rng.choice(VERBS),
              "the", rng.choice(WORDS)]
    for _ in range(rng.randint(1, 4)):
        parts += [rng.choice(["and", "because", "so", "when", "before", "after", "with", "for"]),
                  rng.choice(["the", "a", "every", "our", "that"]), rng.choice(WORDS)]
        if rng.random() < 0.3:
            parts.append(rng.choice(FILLERS))
    if rng.random() < 0.15:
        parts += ["in", str(rng.randint(1990, 2024))]
    text = " ".join(parts)
    text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", "!", " — that’s how it was."])


def paragraph(rng, question):
    if question:
        return " ".join(sentence(rng, True) for _ in range(rng.randint(1, 2)))
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))


def parse_ranges(spec):
    segments = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        segments += range(int(first), int(last or first) + 1)
    return segments


def cmd_texts(args):
    rng = random.Random(20261122)
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    for seg in parse_ranges(args.segments):
        # The call starts with speaker A (the interviewer): odd segments ask, even ones answer.
        (out / f"{seg}.txt").write_text(paragraph(rng, question=seg % 2 == 1) + "\n", encoding="utf-8")


ANCHOR = re.compile(r"^\[(\d+:)?\d+:\d{2}\]")


def draft_blocks(text):
    """The draft's blocks (separated by blank lines), each joined into one line."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip("\n"))]
    return [" ".join(line.strip() for line in b.splitlines()) for b in blocks]


def edit_paragraph(rng, block, comment):
    """Edits the words after the anchor and speaker label; returns the new block."""
    words = block.split(" ")
    # The label: the anchor, then the speaker up to the word ending in ':' or ':**'.
    start = 1
    for i, w in enumerate(words[1:6], 1):
        if w.endswith(":") or w.endswith(":**"):
            start = i + 1
            break
    body = words[start:]
    edits = rng.randint(1, 3)
    for _ in range(edits):
        kind = rng.choice(["replace", "replace", "delete", "insert", "reword"])
        i = rng.randrange(len(body))
        if kind == "replace":
            tail = re.sub(r"^[\w’']+", "", body[i])
            body[i] = rng.choice(WORDS) + tail
        elif kind == "delete" and len(body) > 4:
            del body[i]
        elif kind == "insert":
            body.insert(i, rng.choice(["really", "truly", "certainly", "frankly", "quite"]))
        else:
            body[i:i + 2] = ["what", "I", "mean", "is"]
    if comment:
        body.append(f"[[{comment}]]")
    return " ".join(words[:start] + body)


def cmd_reply(args):
    rng = random.Random(4242)
    draft = Path(args.draft).read_text(encoding="utf-8")
    blocks = draft_blocks(draft)
    paragraphs = [i for i, b in enumerate(blocks) if ANCHOR.match(b)]
    chosen = sorted(rng.sample(paragraphs, round(len(paragraphs) * args.fraction)))
    comments = ["Please check this date with me.", "I’d rather not name the school here.",
                "Is this too long? Cut it if so."]
    comment_at = set(chosen[:: max(1, len(chosen) // len(comments))][: len(comments)])
    edited = list(blocks)
    for n, i in enumerate(chosen):
        before = blocks[i]
        for _ in range(10):  # an edit that happens to change nothing (a delete then re-insert) is retried
            edited[i] = edit_paragraph(rng, before, comments[len([c for c in comment_at if c < i])]
                                       if i in comment_at else None)
            if edited[i] != before:
                break

    # Quoted the way a mail client quotes a reply: every line prefixed "> ", paragraphs re-wrapped
    # to the client's width, blank lines between them as a bare ">".
    quoted = []
    for b in edited:
        if b.startswith("#") or b.startswith("[tapescript"):
            quoted.append("> " + b)
        else:
            quoted.append(textwrap.fill(b, width=args.width, initial_indent="> ", subsequent_indent="> ",
                                        break_long_words=False, break_on_hyphens=False))
    sent = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
    body = ("Hi Andy,\n\nThank you, this reads well. I changed a few words here and there, all\n"
            "inline below, and left you three notes in double brackets.\n\nBest,\nJane\n\n"
            f"On {sent.strftime('%a, %d %b %Y at %H:%M')}, Andy <andy@example.com> wrote:\n"
            + "\n>\n".join(quoted) + "\n")

    title = blocks[0].lstrip("# ").strip()
    msg = EmailMessage()
    msg["From"] = "Jane Doe <jane@example.com>"
    msg["To"] = "Andy <andy@example.com>"
    msg["Subject"] = f"Re: {title}"
    msg["Date"] = format_datetime(datetime(2026, 11, 21, 18, 5, tzinfo=timezone.utc))
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg["In-Reply-To"] = "<draft@example.com>"
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    Path(args.out).write_bytes(msg.as_bytes())

    json.dump({"paragraphs": len(paragraphs), "edited": len(chosen), "comments": len(comment_at),
               "quoted_lines": sum(q.count("\n") + 1 for q in quoted), "eml_bytes": len(msg.as_bytes())},
              sys.stdout)
    print()


def cmd_check(args):
    plan = json.loads(Path(args.plan).read_text(encoding="utf-8"))
    expect = json.loads(Path(args.expect).read_text(encoding="utf-8"))
    got = {"changes": len(plan.get("changes", [])), "conflicts": len(plan.get("conflicts", [])),
           "deletedByAuthor": len(plan.get("deletedByAuthor", [])),
           "addedByAuthor": len(plan.get("addedByAuthor", [])), "comments": len(plan.get("comments", []))}
    want = {"changes": expect["edited"], "conflicts": 0, "deletedByAuthor": 0, "addedByAuthor": 0,
            "comments": expect["comments"]}
    print(" ".join(f"{k}={got[k]}" for k in got))
    if got != want:
        print("expected " + " ".join(f"{k}={want[k]}" for k in want), file=sys.stderr)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("texts")
    p.add_argument("--dir", required=True)
    p.add_argument("--segments", required=True)
    p.set_defaults(run=cmd_texts)
    p = sub.add_parser("reply")
    p.add_argument("--draft", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--fraction", type=float, default=0.3)
    p.add_argument("--width", type=int, default=70)
    p.set_defaults(run=cmd_reply)
    p = sub.add_parser("check")
    p.add_argument("--plan", required=True)
    p.add_argument("--expect", required=True)
    p.set_defaults(run=cmd_check)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
