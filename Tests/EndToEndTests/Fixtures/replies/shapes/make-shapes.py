#!/usr/bin/env python3
"""Makes the reply-shape fixtures of ReplyShapeTests.swift: one set of author edits (words inserted, deleted and
replaced in questions and answers, a paragraph added after each answer, a question deleted, a [[comment]]) sent
back in every shape a reply arrives in, each made by the program that makes it in life (Python's `email`,
LibreOffice headless) or by the XML Word writes.

Run after `swift build`, with LibreOffice installed (Debian: libreoffice-writer-nogui):

    python3 Tests/EndToEndTests/Fixtures/replies/shapes/make-shapes.py [path/to/tapescript]

The library is the one make-replies.py builds (its SETUP, RoundTrip.setUp in the tests); each fixture gets an
`.expected.json` with the texts the library must hold after `apply --yes` (null: the author deleted it). The tests
never run this script; they only read what it wrote.
"""

import difflib
import email.policy
import html
import importlib.util
import io
import json
import mailbox
import os
import re
import shutil
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("replies", os.path.join(HERE, "..", "make-replies.py"))
replies = importlib.util.module_from_spec(spec)
spec.loader.exec_module(replies)

ORIGINAL = replies.ORIGINAL
ANCHORS = replies.ANCHORS
COMMENT = replies.COMMENT

# Words inserted ("very") and deleted ("just") in a question, replaced in the answers, a question deleted whole.
AUTHOR = {
    1: "So how did you find your very first job, back when you were starting out and nobody knew your name?",
    2: replies.AUTHOR[2],
    3: None,
    4: replies.AUTHOR[4],
}
# The paragraphs the author adds, by the segment they follow.
ADDED = {
    2: "That manager — Maria — is still a friend; we have lunch every month.",
    4: "She retired last year, and I finally got to thank her properly.",
}


def expected_texts():
    texts = {}
    for index, text in AUTHOR.items():
        if text is None:
            texts[str(index)] = None
        else:
            texts[str(index)] = text + ("\n\n" + ADDED[index] if index in ADDED else "")
    return texts


def edited(draft_paragraphs):
    """The author's edited draft, one line per paragraph."""
    result = []
    for paragraph in draft_paragraphs:
        index = replies.segment_of(paragraph)
        if index is None:
            result.append(paragraph)
            continue
        if AUTHOR[index] is None:
            continue
        paragraph = paragraph.replace(ORIGINAL[index], AUTHOR[index])
        if index == 4:
            paragraph += " " + COMMENT
        result.append(paragraph)
        if index in ADDED:
            result.append(ADDED[index])
    return result


def write(name, data, draft):
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(data)
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as file:
        json.dump({"draft": draft, "texts": expected_texts()}, file, ensure_ascii=False, indent=2, sort_keys=True)
        file.write("\n")


def text(pars, width, newline="\n", prefix=""):
    return newline.join(replies.text_lines(pars, width, prefix)) + newline


def subject():
    return "Re: Draft 1 of “call-stereo” for your review"


# --- .docx, as Word writes it -------------------------------------------------------------------------------------

W_PARAGRAPH = re.compile(r"<w:p>.*?</w:p>", re.S)
DATE = 'w:author="Jane Doe" w:date="2026-11-22T10:00:00Z"'


def runs(words, kind, ids):
    body = escape(" ".join(words))
    if kind == "same":
        return f'<w:r><w:t xml:space="preserve">{body}</w:t></w:r>'
    if kind == "del":
        return f'<w:del w:id="{next(ids)}" {DATE}><w:r><w:delText xml:space="preserve">{body}</w:delText></w:r></w:del>'
    return f'<w:ins w:id="{next(ids)}" {DATE}><w:r><w:t xml:space="preserve">{body}</w:t></w:r></w:ins>'


def escape(value):
    return html.escape(value, quote=False)


def tracked(old, new, ids):
    """Word's tracked changes from `old` to `new`: the kept words plain, the rest in w:del and w:ins, word by word."""
    a, b = old.split(" "), new.split(" ")
    pieces = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        # A space after each piece but the last, as Word keeps the separating space in the run before it.
        if tag == "equal":
            pieces.append(("same", a[i1:i2]))
        if tag in ("delete", "replace"):
            pieces.append(("del", a[i1:i2]))
        if tag in ("insert", "replace"):
            pieces.append(("ins", b[j1:j2]))
    out = []
    for position, (kind, words) in enumerate(pieces):
        words = list(words)
        later = [k for k, _ in pieces[position + 1 :]]
        if later and not (kind == "del" and later[0] == "ins"):
            words[-1] += " "
        if kind == "ins" and later:
            words[-1] = words[-1].rstrip(" ") + " "
        out.append(runs(words, kind, ids).replace(escape(" ".join(words)), escape(" ".join(words))))
    return "".join(out)


def added_paragraph(words, ids, track):
    run = f'<w:r><w:t xml:space="preserve">{escape(words)}</w:t></w:r>'
    if not track:
        return f"<w:p>{run}</w:p>"
    return f'<w:p><w:pPr><w:rPr><w:ins w:id="{next(ids)}" {DATE}/></w:rPr></w:pPr><w:ins w:id="{next(ids)}" {DATE}>{run}</w:ins></w:p>'


def word_edit(docx, track):
    """The tool's own .docx edited as Word saves it: without Track Changes the words simply changed (a word set in
    italics splits its run); with it, every change a w:del/w:ins of its words, a deleted paragraph's runs and mark
    in w:del, an added paragraph in w:ins."""
    ids = iter(range(100, 10_000))
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read("word/document.xml").decode("utf-8")

    def edit(match):
        paragraph = match.group(0)
        index = next((i for i in ORIGINAL if escape(ORIGINAL[i]) in paragraph), None)
        if index is None:
            return paragraph
        old = escape(ORIGINAL[index])
        if AUTHOR[index] is None:
            if not track:
                return ""
            inner = paragraph[len("<w:p>") : -len("</w:p>")]
            inner = inner.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
            return f'<w:p><w:pPr><w:rPr><w:del w:id="{next(ids)}" {DATE}/></w:rPr></w:pPr><w:del w:id="{next(ids)}" {DATE}>{inner}</w:del></w:p>'
        new_text = AUTHOR[index] + (" " + COMMENT if index == 4 else "")
        if track:
            replacement = "</w:t></w:r>" + tracked(ORIGINAL[index], new_text, ids) + '<w:r><w:t xml:space="preserve">'
        else:
            replacement = escape(new_text)
            if index == 2:
                replacement = replacement.replace(
                    "“letter”",
                    "“</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>letter</w:t></w:r>"
                    '<w:r><w:t xml:space="preserve">”',
                )
        paragraph = paragraph.replace(old, replacement)
        if index in ADDED:
            paragraph += added_paragraph(ADDED[index], ids, track)
        return paragraph

    xml = W_PARAGRAPH.sub(edit, xml)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item, data)
    return output.getvalue()


def main():
    tapescript = sys.argv[1] if len(sys.argv) > 1 else os.path.join(replies.ROOT, ".build", "debug", "tapescript")
    if not shutil.which("soffice"):
        sys.exit("make-shapes.py: LibreOffice's soffice is needed (Debian: libreoffice-writer-nogui)")
    draft_bytes, docx = replies.make_drafts(tapescript)
    original = replies.paragraphs(draft_bytes.decode("utf-8"))
    author = edited(original)

    write("plain-text.txt", text(author, 72).encode(), 1)
    write("crlf-bom.txt", ("\ufeff" + text(author, 72, "\r\n")).encode(), 1)
    write("rewrapped-66.txt", text(author, 66).encode(), 1)
    write("rewrapped-76.txt", text(author, 76).encode(), 1)

    # Outlook: each paragraph one long line, CRLF, quoted-printable, the draft as sent below its header block.
    mail = replies.message(subject())
    header = ["", "-----Original Message-----", "From: Andy <andy@example.com>", "Sent: Sunday, 22 November 2026 10:04",
              "Subject: Draft 1 of “call-stereo” for your review", ""]
    body = "\r\n\r\n".join(author) + "\r\n" + "\r\n".join(header) + "\r\n" + "\r\n\r\n".join(original) + "\r\n"
    mail.set_content(body, cte="quoted-printable")
    write("outlook-joined-lines.eml", mail.as_bytes(), 1)

    # Outlook again, the author having edited the draft in place below the header block, a note on top.
    mail = replies.message(subject())
    body = "Hi Andy,\r\n\r\nmy edits are in your text below.\r\n\r\nJane\r\n" + "\r\n".join(header) + "\r\n"
    mail.set_content(body + "\r\n\r\n".join(author) + "\r\n", cte="quoted-printable")
    write("outlook-edited-below.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.set_content("\n".join(["Hi Andy,", "", "my changes are inline.", "", replies.ATTRIBUTION])
                     + "\n" + text(author, 66, prefix="> "), cte="quoted-printable")
    write("inline-quoted.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.set_content("\n".join(replies.flowed_lines(author, 72) + ["", "-- ", "Jane"]) + "\n", cte="quoted-printable")
    mail.set_param("format", "flowed")
    mail.set_param("delsp", "yes")
    write("flowed-quoted-printable.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.set_content(text(author, 72), cte="base64")
    write("base64.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.set_content(text(author, 72), charset="windows-1252", cte="8bit")
    write("windows-1252.eml", mail.as_bytes(), 1)

    page = "<html><body>" + "".join(
        "<p>" + "<br>\n".join(replies.html_text(line) for line in replies.wrapped(p, 72)) + "</p>\n" for p in author
    ) + "</body></html>\n"
    mail = replies.message(subject())
    mail.set_content(page, subtype="html", cte="quoted-printable")
    write("html-only.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.set_content(text(author, 72), cte="quoted-printable")
    mail.add_alternative(page, subtype="html", cte="quoted-printable")
    write("multipart-alternative.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    body = ["Hi Andy,", "", "my changes are in the attached copy.", "", "Jane", "", replies.ATTRIBUTION]
    mail.set_content("\n".join(body + replies.text_lines(original, 72, "> ")) + "\n", cte="quoted-printable")
    mail.add_attachment(text(author, 72).encode(), maintype="text", subtype="plain", filename="draft-1-jane.txt")
    write("top-posted-edited-attached.eml", mail.as_bytes(), 1)

    mail = replies.message(subject())
    mail.policy = email.policy.default
    mail.set_content("\n".join([replies.ATTRIBUTION] + replies.text_lines(author, 74, "> ") + ["", "Jane"]) + "\n",
                     cte="8bit")
    folder = tempfile.mkdtemp()
    try:
        box = mailbox.mbox(os.path.join(folder, "reply.mbox"))
        box.add(mailbox.mboxMessage(mail))
        box.close()
        with open(os.path.join(folder, "reply.mbox"), "rb") as file:
            write("mbox.mbox", file.read(), 1)
    finally:
        shutil.rmtree(folder)

    write("text-saved-as-docx-libreoffice.docx", replies.libreoffice_text_to_docx(text(author, 72).encode()), 1)

    plain_word = word_edit(docx, track=False)
    tracked_word = word_edit(docx, track=True)
    write("word-edited.docx", plain_word, 2)
    write("word-track-changes.docx", tracked_word, 2)
    write("word-track-changes-libreoffice.docx", replies.libreoffice_round_trip(tracked_word), 2)

    mail = replies.message(subject())
    mail.set_content("Hi Andy,\n\nmy changes are in the attached document.\n\nJane\n")
    mail.add_attachment(plain_word, maintype="application",
                        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                        filename="call-stereo-draft-2 (Jane).docx")
    write("docx-attached.eml", mail.as_bytes(), 2)
    print("wrote the shapes in", HERE)


if __name__ == "__main__":
    main()
