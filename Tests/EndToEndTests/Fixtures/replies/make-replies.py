#!/usr/bin/env python3
"""Makes the reply fixtures of DraftRoundTripTests.swift: the author's known edits applied to a real draft, then
passed through what mail clients and word processors do to it.

Run from anywhere, after `swift build`:

    python3 Tests/EndToEndTests/Fixtures/replies/make-replies.py [path/to/tapescript]

It builds the same library the tests build (SETUP below, which must match `RoundTrip.setUp` in
DraftRoundTripTests.swift), keeps the drafts it makes (draft-1.txt, draft-2.docx) and writes, next to this script,
one reply per transformation and a sibling `.expected.json` with the segment texts the library must hold after
`apply --yes`. Only the standard library is used; LibreOffice (`soffice`), when installed, adds a .docx that went
through a LibreOffice round trip. The tests never run this script; they only read what it wrote.
"""

import email.policy
import html
import io
import json
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from email.message import EmailMessage

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))

# The interviewer's texts: segment index -> text. Long enough that every width re-wraps them.
ORIGINAL = {
    1: "So how did you find your first job, back when you were just starting out and nobody knew your name?",
    2: "Well, I started by asking around. I wrote to everyone I knew from school and from the summer jobs, and "
    "most of them never answered, but two did, and one of those two passed my letter on to her manager, who "
    "called me the following week to ask whether I could start on Monday.",
    3: "And what came next, after that first job & the move to the city?",
    4: "A mentor found me, really. I was the newest person on a team of twelve, and she noticed that I stayed late "
    "to fix the build every Friday. She said she would rather teach me properly than watch me learn everything "
    "the hard way, and she kept that promise for six years.",
}

# The commands that build the library (after `import Samples/call-stereo.wav`, which becomes interview 1).
SETUP = [
    ["speakers", "1", "A=Andy", "B=Jane"],
    ["mark", "1", "1-2", "--title", "Early years"],
    ["mark", "1", "3-4", "--title", "Finding mentors"],
] + [["text", "1", str(index), text] for index, text in ORIGINAL.items()]

# The author's exact words: segment 1 untouched; 2 with dashes and curly quotes (and its anchor damaged); 3 with an
# en dash (and its anchor removed); 4 with curly apostrophes and a comment after it.
AUTHOR = {
    1: ORIGINAL[1],
    2: "Well, I started by asking around. I wrote to everyone I knew — from school and from the summer jobs — and "
    "most of them never answered, but two did, and one of those two passed my “letter” on to her manager, who "
    "called me the very next week to ask whether I could start on Monday.",
    3: "And what came next – after that first job & the move to the city?",
    4: "A mentor found me, really. I was the newest person on a team of twelve, and she noticed that I’d stay late "
    "to fix the build every Friday. She said she’d rather teach me properly than watch me learn everything the "
    "hard way, and she kept that promise for six years.",
}
COMMENT = "[[Could we cut the Friday bit if it’s too long?]]"
ANCHORS = {1: "[0:00]", 2: "[0:02]", 3: "[0:13]", 4: "[0:17]"}
DAMAGED = {2: "0:02]"}  # the opening bracket lost
REMOVED = {3}

ATTRIBUTION = "On Sun, 22 Nov 2026 at 10:04, Andy <andy@example.com> wrote:"


def run(tapescript, library, *arguments):
    environment = dict(os.environ, TAPESCRIPT_LIBRARY=library)
    subprocess.run([tapescript, *arguments], check=True, env=environment, stdout=subprocess.DEVNULL)


def make_drafts(tapescript):
    """Builds the library and returns (draft 1 as text, draft 2 as .docx bytes)."""
    folder = tempfile.mkdtemp()
    try:
        library = os.path.join(folder, "library.sqlite")
        run(tapescript, library, "import", os.path.join(ROOT, "Samples", "call-stereo.wav"))
        for command in SETUP:
            run(tapescript, library, *command)
        run(tapescript, library, "draft", "1", "-o", os.path.join(folder, "draft-1.txt"))
        run(tapescript, library, "draft", "1", "--format", "docx", "-o", os.path.join(folder, "draft-2.docx"))
        with open(os.path.join(folder, "draft-1.txt"), "rb") as file:
            text = file.read()
        with open(os.path.join(folder, "draft-2.docx"), "rb") as file:
            docx = file.read()
        return text, docx
    finally:
        shutil.rmtree(folder)


def paragraphs(draft):
    """The draft's paragraphs, each one line (the draft wraps at 72)."""
    return [" ".join(block.split("\n")) for block in draft.strip("\n").split("\n\n")]


def segment_of(paragraph):
    for index, anchor in ANCHORS.items():
        if paragraph.startswith(anchor + " "):
            return index
    return None


def edited(draft_paragraphs):
    """The author's edited draft, one line per paragraph."""
    result = []
    for paragraph in draft_paragraphs:
        index = segment_of(paragraph)
        if index is None:
            result.append(paragraph)
            continue
        assert ORIGINAL[index] in paragraph, f"segment {index} is not in the draft as expected: {paragraph!r}"
        paragraph = paragraph.replace(ORIGINAL[index], AUTHOR[index])
        if index in DAMAGED:
            paragraph = DAMAGED[index] + paragraph[len(ANCHORS[index]) :]
        if index in REMOVED:
            paragraph = paragraph[len(ANCHORS[index]) + 1 :]
        if index == 4:
            paragraph += " " + COMMENT
        result.append(paragraph)
    return result


def wrapped(paragraph, width):
    return textwrap.wrap(paragraph, width=width, break_long_words=False, break_on_hyphens=False) or [""]


def text_lines(pars, width, prefix=""):
    """Paragraphs wrapped at `width` columns including `prefix`, with a blank (prefixed) line between them."""
    lines = []
    for number, paragraph in enumerate(pars):
        if number:
            lines.append(prefix.rstrip())
        lines += [prefix + line for line in wrapped(paragraph, width - len(prefix))]
    return lines


def flowed_lines(pars, width, prefix=""):
    """RFC 3676 format=flowed with DelSp=yes: a soft break is the word's own space plus one more, deleted on reading."""
    lines = []
    for number, paragraph in enumerate(pars):
        if number:
            lines.append(prefix.rstrip())
        chunks = wrapped(paragraph, width - len(prefix) - 1)
        for position, chunk in enumerate(chunks):
            last = position == len(chunks) - 1
            stuffed = " " + chunk if chunk.startswith((" ", "From ", ">")) and not prefix else chunk
            lines.append(prefix + stuffed + ("" if last else "  "))
    return lines


def message(subject, in_reply_to="<draft-1@tapescript>"):
    mail = EmailMessage(policy=email.policy.SMTP)
    mail["From"] = "Jane Doe <jane@example.com>"
    mail["To"] = "Andy <andy@example.com>"
    mail["Subject"] = subject
    mail["Date"] = "Sun, 22 Nov 2026 11:30:00 +0100"
    mail["Message-ID"] = "<reply-" + re.sub(r"\W+", "-", subject.lower()).strip("-") + "@example.com>"
    mail["In-Reply-To"] = in_reply_to
    return mail


def write(name, data, expected_draft):
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(data)
    expected = {"draft": expected_draft, "texts": {str(index): text for index, text in AUTHOR.items()}}
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as file:
        json.dump(expected, file, ensure_ascii=False, indent=2, sort_keys=True)
        file.write("\n")


def html_text(text):
    """Escaped as a mail client writes it: markup characters and typographic ones as entities."""
    escaped = html.escape(text, quote=False)
    for character, entity in {"“": "&ldquo;", "”": "&rdquo;", "’": "&rsquo;", "—": "&mdash;", "–": "&ndash;"}.items():
        escaped = escaped.replace(character, entity)
    return escaped


def edit_docx(docx):
    """The author's edits made in document.xml, the way Word splits runs: one word in italics in a run of its own."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read("word/document.xml").decode("utf-8")
    for index in ORIGINAL:
        old = html.escape(ORIGINAL[index], quote=False)
        assert xml.count(old) == 1, f"segment {index} is not in document.xml once"
        new = html.escape(AUTHOR[index], quote=False)
        if index == 2:
            new = new.replace(
                "“letter”",
                '“</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>letter</w:t></w:r><w:r><w:t xml:space="preserve">”',
            )
        if index == 4:
            new += " " + html.escape(COMMENT, quote=False)
        xml = xml.replace(old, new)
    for index in DAMAGED:
        xml = xml.replace(ANCHORS[index] + " ", DAMAGED[index] + " ", 1)
    for index in REMOVED:
        xml = xml.replace(ANCHORS[index] + " ", "", 1)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item, data)
    return output.getvalue()


def libreoffice_round_trip(docx):
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    folder = tempfile.mkdtemp()
    try:
        source = os.path.join(folder, "edited.docx")
        with open(source, "wb") as file:
            file.write(docx)
        out = os.path.join(folder, "out")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                'docx:MS Word 2007 XML',
                "--outdir",
                out,
                source,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180,
        )
        with open(os.path.join(out, "edited.docx"), "rb") as file:
            return file.read()
    finally:
        shutil.rmtree(folder)


def libreoffice_text_to_docx(text):
    """The text opened in LibreOffice Writer and saved as .docx: one paragraph per line, an empty one per blank line."""
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    folder = tempfile.mkdtemp()
    try:
        source = os.path.join(folder, "draft.txt")
        with open(source, "wb") as file:
            file.write(text)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--infilter=Text (encoded):UTF8,LF,,,",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                folder,
                source,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180,
        )
        with open(os.path.join(folder, "draft.docx"), "rb") as file:
            return file.read()
    finally:
        shutil.rmtree(folder)


def write_text_saved_as_docx(author):
    """(h) The edited text draft (as in a-edited.txt) opened in LibreOffice and saved as .docx."""
    converted = libreoffice_text_to_docx(("\n".join(text_lines(author, 72)) + "\n").encode("utf-8"))
    if converted is None:
        print("soffice not found: h-text-saved-as-docx.docx kept as it was")
    else:
        write("h-text-saved-as-docx.docx", converted, 1)


def write_top_posted_with_attachment(original, author):
    """(i) A short note on top, the draft as sent quoted below it, and the author's edited copy attached as text."""
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    body = ["Hi Andy,", "", "my changes are in the attached copy.", "", "Jane", "", ATTRIBUTION]
    body += text_lines(original, 72, "> ")
    mail.set_content("\n".join(body) + "\n", cte="quoted-printable")
    attachment = ("\n".join(text_lines(author, 72)) + "\n").encode("utf-8")
    mail.add_attachment(attachment, maintype="text", subtype="plain", filename="call-stereo-draft-1-jane.txt")
    write("i-top-posted-attached-txt.eml", mail.as_bytes(), 1)


def main():
    tapescript = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "tapescript")
    draft_bytes, docx = make_drafts(tapescript)
    with open(os.path.join(HERE, "draft-1.txt"), "wb") as file:
        file.write(draft_bytes)
    with open(os.path.join(HERE, "draft-2.docx"), "wb") as file:
        file.write(docx)
    draft = draft_bytes.decode("utf-8")
    original = paragraphs(draft)
    author = edited(original)

    # (a) The edited draft as a plain text file, re-wrapped at 72 by the author's editor.
    write("a-edited.txt", ("\n".join(text_lines(author, 72)) + "\n").encode("utf-8"), 1)

    # (b) A reply with the draft quoted inline and edited in place, re-wrapped at 66, quoted-printable, CRLF.
    body = ["Hi Andy,", "", "my changes are inline below.", "", "Jane", "", ATTRIBUTION]
    body += text_lines(author, 66, "> ")
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    mail.set_content("\n".join(body) + "\n", cte="quoted-printable")
    write("b-inline-quoted-qp.eml", mail.as_bytes(), 1)

    # (c) Top-posted: the edited draft above the untouched quote; base64, format=flowed with DelSp=yes.
    body = flowed_lines(author, 72) + ["", "-- ", "Jane", "", ATTRIBUTION] + flowed_lines(original, 72, "> ")
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    mail.set_content("\n".join(body) + "\n", cte="base64")
    mail.set_param("format", "flowed")
    mail.set_param("delsp", "yes")
    write("c-top-posted-flowed-base64.eml", mail.as_bytes(), 1)

    # (d) HTML only, the draft edited inside the <blockquote> a mail client made of it.
    quoted = "\n".join(
        "<div>" + "<br>\n".join(html_text(line) for line in wrapped(paragraph, 72)) + "</div>\n<div><br></div>"
        for paragraph in author
    )
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n'
        '<div dir="ltr">Hi Andy, here it is with my changes.<br><br>Jane</div><br>\n'
        f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{html.escape(ATTRIBUTION)}<br></div>\n'
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
        'rgb(204,204,204);padding-left:1ex">\n' + quoted + "\n</blockquote></div></body></html>\n"
    )
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    mail.set_content(page, subtype="html", cte="quoted-printable")
    write("d-html-only.eml", mail.as_bytes(), 1)

    # (e) The edited draft attached as a .txt (with a BOM and CRLF, as Windows Notepad saves it).
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    mail.set_content("Hi Andy,\n\nmy changes are in the attached file.\n\nJane\n")
    attachment = ("\ufeff" + "\r\n".join(text_lines(author, 72)) + "\r\n").encode("utf-8")
    mail.add_attachment(attachment, maintype="text", subtype="plain", filename="call-stereo draft 1 (edited).txt")
    write("e-attached-txt.eml", mail.as_bytes(), 1)

    # (f) An mbox holding one message: 8bit, the draft quoted at its own width and edited in place.
    mail = message("Re: Draft 1 of “call-stereo” for your review")
    mail.policy = email.policy.default
    body = [ATTRIBUTION] + text_lines(author, 74, "> ") + ["", "Thanks!", "Jane"]
    mail.set_content("\n".join(body) + "\n", cte="8bit")
    folder = tempfile.mkdtemp()
    try:
        box = mailbox.mbox(os.path.join(folder, "reply.mbox"))
        box.add(mailbox.mboxMessage(mail))
        box.flush()
        box.close()
        with open(os.path.join(folder, "reply.mbox"), "rb") as file:
            write("f-one-message.mbox", file.read(), 1)
    finally:
        shutil.rmtree(folder)

    # (g) The .docx draft edited in document.xml, and the same after a LibreOffice round trip.
    edited_docx = edit_docx(docx)
    write("g-edited.docx", edited_docx, 2)
    converted = libreoffice_round_trip(edited_docx)
    if converted is None:
        print("soffice not found: no LibreOffice round trip (g-libreoffice.docx kept as it was)")
    else:
        write("g-libreoffice.docx", converted, 2)

    write_text_saved_as_docx(author)
    write_top_posted_with_attachment(original, author)
    print("wrote the fixtures in", HERE)


if __name__ == "__main__":
    main()
