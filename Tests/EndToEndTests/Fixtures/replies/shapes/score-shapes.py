#!/usr/bin/env python3
"""Applies every reply shape in this folder to a fresh library and prints how much of the author's text came back:
shape × (paragraphs exact, words lost, comment kept), as a Markdown table (docs/round-trip.md holds its output).

    python3 Tests/EndToEndTests/Fixtures/replies/shapes/score-shapes.py [path/to/tapescript]

A paragraph is exact when the library holds it word for word where the author put it (a deleted one, when the
library no longer publishes it); words lost counts the author's words, with repeats, that the library does not hold.
Exits 1 when any shape is not exact.
"""

import collections
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("replies", os.path.join(HERE, "..", "make-replies.py"))
replies = importlib.util.module_from_spec(spec)
spec.loader.exec_module(replies)


def library_with_drafts(tapescript, folder):
    library = os.path.join(folder, "library.sqlite")
    environment = dict(os.environ, TAPESCRIPT_LIBRARY=library)
    commands = [["import", os.path.join(replies.ROOT, "Samples", "call-stereo.wav")], *replies.SETUP,
                ["draft", "1", "-o", os.path.join(folder, "draft-1.txt")],
                ["draft", "1", "--format", "docx", "-o", os.path.join(folder, "draft-2.docx")]]
    for command in commands:
        subprocess.run([tapescript, *command], check=True, env=environment, capture_output=True)
    return library


def paragraphs(text):
    return [] if text is None else [p for p in text.split("\n\n") if p]


def score(tapescript, reply):
    with open(reply + ".expected.json", encoding="utf-8") as file:
        expected = json.load(file)["texts"]
    folder = tempfile.mkdtemp()
    try:
        library = library_with_drafts(tapescript, folder)
        environment = dict(os.environ, TAPESCRIPT_LIBRARY=library)
        applied = subprocess.run([tapescript, "apply", reply, "--yes", "--json"], env=environment,
                                 capture_output=True, text=True)
        listing = subprocess.run([tapescript, "segments", "1", "--format", "json"], env=environment,
                                 capture_output=True, text=True, check=True)
        actual = {str(row["index"]): row.get("text") for row in json.loads(listing.stdout)}
        comments = json.loads(applied.stdout).get("comments", []) if applied.returncode == 0 else []
    finally:
        shutil.rmtree(folder)
    exact = total = lost = 0
    for index, text in expected.items():
        wanted, got = paragraphs(text), paragraphs(actual.get(index))
        if not wanted:
            total += 1
            exact += not got
            continue
        total += len(wanted)
        exact += sum(1 for position, paragraph in enumerate(wanted) if position < len(got) and got[position] == paragraph)
        missing = collections.Counter(" ".join(wanted).split()) - collections.Counter(" ".join(got).split())
        lost += sum(missing.values())
    kept = any("Friday bit" in comment for comment in comments)
    return applied.returncode, exact, total, lost, kept


def main():
    tapescript = sys.argv[1] if len(sys.argv) > 1 else os.path.join(replies.ROOT, ".build", "debug", "tapescript")
    rows = []
    perfect = True
    for reply in sorted(glob.glob(os.path.join(HERE, "*"))):
        if reply.endswith((".json", ".py")):
            continue
        code, exact, total, lost, kept = score(tapescript, reply)
        perfect &= code == 0 and exact == total and lost == 0 and kept
        rows.append(f"| `{os.path.basename(reply)}` | {code} | {exact}/{total} | {lost} | {'yes' if kept else 'no'} |")
    print("| shape | exit | paragraphs exact | words lost | comment kept |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    sys.exit(0 if perfect else 1)


if __name__ == "__main__":
    main()
