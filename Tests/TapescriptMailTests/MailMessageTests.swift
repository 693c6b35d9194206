import Foundation
import Testing

@testable import TapescriptMail

/// The messages in `Fixtures`, written by `make-fixtures.py` with Python's email package.
enum MailFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    static func message(_ name: String) throws -> MailMessage {
        try MailMessage.parse(data(name))
    }
}

@Suite struct MailMessageTests {
    @Test func quotedPrintableSoftBreaksAreJoinedAndCurlyQuotesDecoded() throws {
        let message = try MailFixture.message("qp-soft-breaks.eml")
        #expect(
            message.textBodies == [
                "I\u{2019}d like to change one thing: it wasn\u{2019}t 1962 but 1963, the year we moved to the farm "
                    + "near the river and my father bought the first tractor.\nOtherwise it\u{2019}s all right.\n"
            ])
        #expect(message.subject == "Re: Your interview draft")
        #expect(message.from == "Jane Doe <jane@example.org>")
        #expect(message.header("message-id") == "<fixture@example.org>")
        #expect(message.attachments.isEmpty)
    }

    @Test func aBase64BodyAndEncodedWordsInSubjectAndSenderAreDecoded() throws {
        let message = try MailFixture.message("base64-body.eml")
        #expect(message.textBodies == ["Grüße aus Köln!\nDer Entwurf ist gut.\n"])
        #expect(message.subject == "Re: Entwurf – Grüße")
        #expect(message.from == "Jürgen Groß <juergen@example.org>")
        #expect(message.header("Subject")?.contains("=?utf-8?") == true)
    }

    @Test func anEightBitUTF8BodyIsReadAsIs() throws {
        #expect(
            try MailFixture.message("utf8-8bit.eml").textBodies == ["Ça va — merci ! Le brouillon est très bien.\n"])
    }

    @Test func windows1252QuotesAndTheEuroSignAreDecoded() throws {
        #expect(
            try MailFixture.message("windows-1252.eml").textBodies == [
                "\u{201C}It\u{2019}s fine,\u{201D} she said \u{2013} caf\u{E9} \u{20AC}5.\n"
            ])
    }

    @Test func flowedTextWithDelSpJoinsSoftBreaksUnstuffsAndKeepsQuoteDepth() throws {
        let message = try MailFixture.message("flowed-delsp.eml")
        #expect(
            message.textBodies == [
                """
                Thanks, I corrected two names. The first paragraph now reads well.
                From now on I will reply sooner.

                > You wrote that the mill closed in 1970.
                > > Earlier quote that is flowed too.
                >
                > Last quoted line.
                -- 
                Jane

                """
            ])
    }

    @Test func flowedTextWithoutDelSpKeepsTheSoftBreakSpace() throws {
        #expect(
            try MailFixture.message("flowed-plain.eml").textBodies == [
                "This line is soft broken twice and ends here.\n> > Deep quote.\n"
            ])
    }

    @Test func anHTMLOnlyMessageHasAnHTMLBodyAndNoTextBody() throws {
        let message = try MailFixture.message("html-only.eml")
        #expect(message.textBodies.isEmpty)
        #expect(message.htmlBodies.count == 1)
        #expect(message.htmlBodies.first?.contains("<blockquote>") == true)
    }

    @Test func multipartAlternativeGivesOneTextAndOneHTMLBody() throws {
        let message = try MailFixture.message("alternative.eml")
        #expect(message.textBodies == ["Plain version of the reply.\n"])
        #expect(message.htmlBodies == ["<p>HTML version of the reply.</p>\n"])
        #expect(message.attachments.isEmpty)
    }

    @Test func aTextFileAttachedBesideANestedAlternativeIsAnAttachment() throws {
        let message = try MailFixture.message("reply-with-txt.eml")
        #expect(message.textBodies == ["See the corrected draft attached.\n"])
        #expect(message.htmlBodies == ["<p>See the corrected draft attached.</p>\n"])
        let attachment = try #require(message.attachments.first)
        #expect(message.attachments.count == 1)
        #expect(attachment.filename == "draft.txt")
        #expect(attachment.contentType == "text/plain")
        #expect(attachment.isPlainText && !attachment.isDocx)
        #expect(attachment.text == "Interviewer: When did you arrive?\n\nJane: In the spring of 1963.\n")
    }

    @Test func anRFC2231FileNameIsDecodedAndADocxIsRecognised() throws {
        let message = try MailFixture.message("reply-with-docx.eml")
        #expect(message.attachments.map(\.filename) == ["Entwurf – korrigiert.docx", "draft.md"])
        #expect(message.attachments.map(\.isDocx) == [true, false])
        #expect(message.attachments.first?.data == Data("PK\u{3}\u{4} not really a docx".utf8))
    }

    @Test func aCRLFMboxLosesItsFromLineAndItsFromEscaping() throws {
        let message = try MailFixture.message("crlf.mbox")
        #expect(message.textBodies == ["From the start I liked it.\n>From a quoted line.\nThe end.\n"])
        #expect(message.subject == "Re: Your interview draft")
        #expect(message.headers.first?.name == "From")
    }

    @Test func anMboxWithTwoMessagesIsRefused() {
        #expect(throws: MailError.severalMessages(count: 2)) { try MailFixture.message("two-messages.mbox") }
    }

    @Test func aTruncatedMessageIsReportedAsTruncated() throws {
        let error = #expect(throws: MailError.self) { try MailFixture.message("truncated.eml") }
        guard case .truncated(let boundary) = error else {
            Issue.record("expected .truncated, got \(String(describing: error))")
            return
        }
        #expect(boundary.hasPrefix("====="))
        #expect(error?.description.hasPrefix("the e-mail is truncated") == true)
    }

    @Test func bytesThatAreNoMessageAreRefused() {
        #expect(throws: MailError.notAMessage) { try MailFixture.message("garbage.bin") }
        #expect(throws: MailError.notAMessage) { try MailMessage.parse(Data("Hello,\nthis is a note.\n".utf8)) }
        #expect(throws: MailError.empty) { try MailMessage.parse(Data(" \r\n".utf8)) }
    }

    @Test func foldedHeadersAreUnfoldedAndAdjacentEncodedWordsJoined() throws {
        let raw = """
            Subject: =?utf-8?Q?Gr=C3=BC?=
             =?utf-8?Q?=C3=9Fe?= aus
            \tK=?iso-8859-1?q?=F6ln?=
            From: "Doe, Jane" <jane@example.org>
            Content-Type: text/plain; charset=iso-8859-1

            caf\u{E9}
            """
        let message = try MailMessage.parse(Data(raw.replacingOccurrences(of: "é", with: "\u{E9}").utf8))
        #expect(message.subject == "Grüße aus\tKöln")
        #expect(message.from == "\"Doe, Jane\" <jane@example.org>")
    }

    @Test func iso88591BytesAndAnUnknownTransferEncodingPassThrough() throws {
        var bytes = Array(
            "Subject: t\nContent-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: x-weird\n\n".utf8)
        bytes += [0x63, 0x61, 0x66, 0xE9, 0x92]
        #expect(try MailMessage.parse(Data(bytes)).textBodies == ["café\u{2019}"])
    }

    @Test func aCharsetKnownOnlyByItsIANANameIsDecoded() throws {
        var bytes = Array("Subject: t\nContent-Type: text/plain; charset=iso-8859-2\n\n".utf8)
        bytes += [0xA3, 0xF3, 0x64, 0xBC]
        #expect(try MailMessage.parse(Data(bytes)).textBodies == ["Łódź"])
    }

    @Test func aMultipartWithoutBoundaryAndCorruptBase64AreReported() {
        let noBoundary = "Subject: t\nContent-Type: multipart/mixed\n\nbody\n"
        #expect(throws: MailError.missingBoundary(contentType: "multipart/mixed")) {
            try MailMessage.parse(Data(noBoundary.utf8))
        }
        let badBase64 = "Subject: t\nContent-Transfer-Encoding: base64\n\nQUJD\nR\n"
        #expect(throws: MailError.invalidBase64(part: "text/plain part")) {
            try MailMessage.parse(Data(badBase64.utf8))
        }
    }

    @Test func relatedPartsNestedInAlternativeGiveBodiesAndAnInlineImage() throws {
        let raw = """
            Subject: nested
            Content-Type: multipart/alternative; boundary=outer

            --outer
            Content-Type: text/plain; charset=us-ascii

            Plain.
            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>HTML =E2=80=93 with image</p>
            --inner
            Content-Type: image/png
            Content-ID: <logo>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --inner--
            --outer--
            """
        let message = try MailMessage.parse(Data(raw.utf8))
        #expect(message.textBodies == ["Plain."])
        #expect(message.htmlBodies == ["<p>HTML \u{2013} with image</p>"])
        #expect(
            message.attachments == [
                MailAttachment(
                    filename: nil, contentType: "image/png",
                    data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            ])
    }

    @Test func partsNestedBeyondTheLimitAreRefused() {
        var raw = "Subject: deep\n"
        for level in 0..<40 {
            raw += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n"
        }
        raw += "\ntext\n"
        for level in (0..<40).reversed() {
            raw += "--b\(level)--\n"
        }
        #expect(throws: MailError.nestedTooDeeply(limit: 32)) { try MailMessage.parse(Data(raw.utf8)) }
    }

    @Test func everyErrorDescribesItselfOnOneLine() {
        let errors: [MailError] = [
            .empty, .notAMessage, .severalMessages(count: 3), .truncated(boundary: "b"),
            .missingBoundary(contentType: "multipart/mixed"), .invalidBase64(part: "text/plain part"),
            .nestedTooDeeply(limit: 32), .noText,
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
        #expect(MailError.noText.description == "the e-mail has no text part and no .txt, .md or .docx attachment")
    }
}
