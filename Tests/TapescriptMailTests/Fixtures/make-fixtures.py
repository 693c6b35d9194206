#!/usr/bin/env python3
"""Regenerates the e-mail fixtures of MailMessageTests with Python's email package.

Run from anywhere: python3 make-fixtures.py. Each message carries a known text, which the tests check exactly.
"""

import random
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The generator draws MIME boundaries from `random`: seeded, the fixtures come out the same on every run.
random.seed(1963)
DATE = format_datetime(datetime(2026, 4, 14, 9, 30, tzinfo=timezone.utc))


def message(subject="Re: Your interview draft", sender="Jane Doe <jane@example.org>"):
    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    msg["To"] = "Interviewer <interviewer@example.org>"
    msg["Subject"] = subject
    msg["Date"] = DATE
    msg["Message-ID"] = "<fixture@example.org>"
    return msg


def write(name, msg, linesep="\n"):
    data = msg.as_bytes(policy=msg.policy.clone(linesep=linesep))
    (HERE / name).write_bytes(data)
    return data


# Quoted-printable with soft line breaks (a line longer than 76) and =E2=80=99 curly quotes.
QP_TEXT = (
    "I\u2019d like to change one thing: it wasn\u2019t 1962 but 1963, the year we moved to the farm "
    "near the river and my father bought the first tractor.\n"
    "Otherwise it\u2019s all right.\n"
)
msg = message()
msg.set_content(QP_TEXT, cte="quoted-printable")
write("qp-soft-breaks.eml", msg)

# A base64 body, and a subject and sender that need RFC 2047 encoded-words.
BASE64_TEXT = "Grüße aus Köln!\nDer Entwurf ist gut.\n"
msg = message(subject="Re: Entwurf – Grüße", sender="Jürgen Groß <juergen@example.org>")
msg.set_content(BASE64_TEXT, cte="base64")
write("base64-body.eml", msg)

# Raw UTF-8 in an 8bit body.
EIGHTBIT_TEXT = "Ça va — merci ! Le brouillon est très bien.\n"
msg = message()
msg.set_content(EIGHTBIT_TEXT, cte="8bit")
write("utf8-8bit.eml", msg)

# Windows-1252 in an 8bit body, with its curly quotes in 0x80-0x9F.
CP1252_TEXT = "\u201cIt\u2019s fine,\u201d she said \u2013 caf\u00e9 \u20ac5.\n"
msg = message()
msg.set_content(CP1252_TEXT.encode("cp1252"), maintype="text", subtype="plain", cte="8bit")
msg.set_param("charset", "windows-1252")
write("windows-1252.eml", msg)

# format=flowed; DelSp=yes: soft breaks whose space is not content, space-stuffing, quote depth.
FLOWED_BODY = (
    "Thanks, I corrected two names. The first paragraph now rea \r\n"
    "ds well.\r\n"
    " From now on I will reply sooner.\r\n"
    "\r\n"
    "> You wrote that the mill closed in 1 \r\n"
    "> 970.\r\n"
    ">> Earlier quote that is flo \r\n"
    ">> wed too.\r\n"
    ">\r\n"
    "> Last quoted line.\r\n"
    "-- \r\n"
    "Jane\r\n"
)
msg = message()
msg.set_content(FLOWED_BODY.replace("\r\n", "\n"), cte="7bit")
msg.set_param("format", "flowed")
msg.set_param("delsp", "yes")
write("flowed-delsp.eml", msg)

# format=flowed without DelSp: the trailing space is content.
FLOWED_PLAIN_BODY = "This line is \nsoft broken twice \nand ends here.\n>> Deep \n>> quote.\n"
msg = message()
msg.set_content(FLOWED_PLAIN_BODY, cte="7bit")
msg.set_param("format", "flowed")
write("flowed-plain.eml", msg)

HTML = """<!DOCTYPE html>
<html><head><title>Re: draft</title><style>p { color: red; }</style>
<script>var x = "<p>not shown</p>";</script></head>
<body><div dir="ltr"><p>Dear Anna,</p>
<p>I&rsquo;ve read the draft &ndash; it&#39;s   very
good &amp; accurate.<br>One fix&hellip;</p>
<blockquote><p>The mill closed in 1970.</p><blockquote>We moved&nbsp;in &#x201C;63&#8221;.</blockquote></blockquote>
<p>Best,<br>Jane</p></div></body></html>
"""
HTML_TEXT = (
    "Dear Anna,\n\n"
    "I\u2019ve read the draft \u2013 it's very good & accurate.\n"
    "One fix\u2026\n\n"
    "> The mill closed in 1970.\n>\n"
    "> > We moved in \u201c63\u201d.\n\n"
    "Best,\nJane"
)
msg = message()
msg.set_content(HTML, subtype="html", cte="quoted-printable")
write("html-only.eml", msg)
(HERE / "html-only.expected.txt").write_text(HTML_TEXT, encoding="utf-8")

# multipart/alternative: plain and HTML.
ALT_TEXT = "Plain version of the reply.\n"
msg = message()
msg.set_content(ALT_TEXT)
msg.add_alternative("<p>HTML version of the reply.</p>\n", subtype="html")
write("alternative.eml", msg)

# A reply whose draft comes back attached as .txt, with the quoted original in a nested alternative part.
DRAFT_TEXT = "Interviewer: When did you arrive?\n\nJane: In the spring of 1963.\n"
msg = message()
msg.set_content("See the corrected draft attached.\n")
msg.add_alternative("<p>See the corrected draft attached.</p>\n", subtype="html")
msg.add_attachment(DRAFT_TEXT.encode("utf-8"), maintype="text", subtype="plain", filename="draft.txt")
write("reply-with-txt.eml", msg)

# A reply with a .docx (stand-in bytes) whose name needs RFC 2231, and an .md draft.
msg = message()
msg.set_content("Two versions attached.\n")
msg.add_attachment(b"PK\x03\x04 not really a docx", maintype="application",
                   subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                   filename="Entwurf – korrigiert.docx")
msg.add_attachment("# Draft\n\nJane: Yes.\n".encode("utf-8"), maintype="text", subtype="markdown",
                   filename="draft.md")
write("reply-with-docx.eml", msg)

# An mbox file with CRLF line ends, a From_ line and mboxrd escaping of body lines.
MBOX_TEXT = "From the start I liked it.\n>From a quoted line.\nThe end.\n"
msg = message()
msg.set_content(MBOX_TEXT, cte="7bit")
raw = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
lines = raw.split(b"\r\n")
escaped = [b">" + line if line.lstrip(b">").startswith(b"From ") else line for line in lines]
mbox = b"From jane@example.org Tue Apr 14 09:30:00 2026\r\n" + b"\r\n".join(escaped)
if not mbox.endswith(b"\r\n"):
    mbox += b"\r\n"
(HERE / "crlf.mbox").write_bytes(mbox + b"\r\n")

# Two messages in one mbox.
(HERE / "two-messages.mbox").write_bytes(
    b"From a@example.org Tue Apr 14 09:30:00 2026\nSubject: one\n\nFirst.\n\n"
    b"From b@example.org Tue Apr 14 09:31:00 2026\nSubject: two\n\nSecond.\n\n"
)

# An unrelated message: only an image.
msg = message(subject="Holiday photo")
msg.make_mixed()
msg.add_attachment(bytes.fromhex("89504e470d0a1a0a") + bytes(16), maintype="image", subtype="png",
                   filename="photo.png")
write("image-only.eml", msg)

# The reply-with-txt message cut off in its attachment.
data = (HERE / "reply-with-txt.eml").read_bytes()
(HERE / "truncated.eml").write_bytes(data[: int(len(data) * 0.8)])

# Bytes that are no e-mail at all.
(HERE / "garbage.bin").write_bytes(bytes(random.Random(7).randrange(256) for _ in range(300)))
