import Foundation
import Testing

@testable import TapescriptMail

@Suite struct MailComposerTests {
    static let date = Date(timeIntervalSince1970: 1_776_159_000)  // Tue, 14 Apr 2026 09:30:00 +0000

    static let texts: [String] = [
        "Short and ASCII.",
        "Ends with a line break.\n",
        "",
        "\n\n",
        String(repeating: "A long paragraph of words that must be wrapped with soft breaks. ", count: 12)
            + "End.\nSecond line.",
        "I\u{2019}d say \u{201C}yes\u{201D} \u{2014} caf\u{E9}, Gr\u{FC}\u{DF}e, \u{1F600} and a long line: "
            + String(repeating: "\u{E9}t\u{E9} ", count: 40) + "fin",
        "From the start.\n>Not a quote.\n  indented\n-- \nSignature",
        "Spaces   between   words " + String(repeating: "x", count: 70) + "    and   more "
            + String(repeating: "y", count: 90),
        "A line ending in spaces   \nand one ending in a tab\t\nFrom here.",
        String(repeating: "z", count: 1200),
        "Tabs\tinside\tand = signs = and =41 and a trailing =",
        "\u{201C}" + String(repeating: "Wörter ", count: 30) + "\u{201D}\n\n> quoted? no, stuffed\n",
    ]

    /// The text as a flowed reader gets it back: each paragraph's lines joined by a space. Only the long paragraph
    /// of `texts` has a second line of its own; the others' lines are paragraphs, quotations, indented, or after
    /// the signature separator.
    static func flowed(_ text: String) -> String {
        text.replacingOccurrences(of: "End.\nSecond line.", with: "End. Second line.")
    }

    @Test(arguments: texts)
    func aComposedMessageGivesBackItsTextWithEachParagraphOnOneLine(text: String) throws {
        let data = MailComposer.compose(
            to: "Jane Doe <jane@example.org>", from: nil, subject: "Your interview draft", text: text, attachment: nil,
            date: Self.date, messageID: "draft-1@tapescript")
        let message = try MailMessage.parse(data)
        #expect(message.textBodies == [Self.flowed(text)])
        #expect(message.attachments.isEmpty)
    }

    /// RFC 3676: inside a paragraph each line ends in a space (a soft break), its last line does not; a heading's
    /// underline and the signature separator keep their own lines.
    @Test func theLinesOfAParagraphEndInASoftBreakAndItsLastLineDoesNot() throws {
        let text =
            "A title over\ntwo lines\n===\n\nOne paragraph,\nwrapped at\nthree lines.\n\nFrom here on\n-- \nJane\n"
        let data = MailComposer.compose(
            to: "j@example.org", from: nil, subject: "s", text: text, attachment: nil, date: Self.date,
            messageID: "m@x")

        let raw = String(decoding: data, as: UTF8.self)
        let body = raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(
            body.components(separatedBy: "\r\n") == [
                "A title over ", "two lines", "===", "", "One paragraph, ", "wrapped at ", "three lines.", "",
                " From here on", "-- ", "Jane", "",
            ])
        #expect(
            try MailMessage.parse(data).textBodies == [
                "A title over two lines\n===\n\nOne paragraph, wrapped at three lines.\n\nFrom here on\n-- \nJane\n"
            ])
    }

    @Test(arguments: texts)
    func aComposedMessageWithAnAttachmentGivesBackTextAndAttachment(text: String) throws {
        let bytes = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let data = MailComposer.compose(
            to: "jane@example.org", from: "Anna <anna@example.org>", subject: "Draft", text: text,
            attachment: (filename: "Entwurf – Jane.docx", contentType: "application/octet-stream", data: bytes),
            date: Self.date, messageID: "<draft-2@tapescript>")
        let message = try MailMessage.parse(data)
        #expect(message.textBodies == [Self.flowed(text)])
        #expect(
            message.attachments == [
                MailAttachment(filename: "Entwurf – Jane.docx", contentType: "application/octet-stream", data: bytes)
            ])
    }

    @Test func theMessageHasItsHeadersCRLFLinesAndFlowedWrapping() throws {
        let text = String(repeating: "word ", count: 40) + "end"
        let data = MailComposer.compose(
            to: "Jane <jane@example.org>", from: nil, subject: "Grüße – Entwurf", text: text, attachment: nil,
            date: Self.date, messageID: "m1@tapescript")
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.hasPrefix("From: Tapescript <tapescript@localhost>\r\nTo: Jane <jane@example.org>\r\n"))
        #expect(raw.contains("\r\nDate: Tue, 14 Apr 2026 09:30:00 +0000\r\n"))
        #expect(raw.contains("\r\nMessage-ID: <m1@tapescript>\r\nMIME-Version: 1.0\r\n"))
        #expect(
            raw.contains("Content-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: 7bit"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let bodyLines = try #require(raw.components(separatedBy: "\r\n\r\n").last).components(separatedBy: "\r\n")
        #expect(bodyLines.count > 1)
        #expect(bodyLines.allSatisfy { $0.count <= 78 })
        #expect(bodyLines.dropLast().allSatisfy { $0.hasSuffix(" ") })
        let message = try MailMessage.parse(data)
        #expect(message.subject == "Grüße – Entwurf")
        #expect(message.header("Subject")?.hasPrefix("=?utf-8?B?") == true)
        #expect(message.from == MailComposer.defaultSender)
    }

    @Test func nonASCIITextIsQuotedPrintableWithSoftBreakSpacesEncoded() {
        let text = String(repeating: "Grüße ", count: 20) + "Ende"
        let raw = String(
            decoding: MailComposer.compose(
                to: "j@example.org", from: nil, subject: "s", text: text, attachment: nil, date: Self.date,
                messageID: "m@x"), as: UTF8.self)
        #expect(raw.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(raw.contains("=20\r\n"))
        let body = raw.components(separatedBy: "\r\n\r\n").last ?? ""
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 && !$0.hasSuffix(" ") })
    }

    @Test func theAttachmentIsBase64InLinesOf76() throws {
        let data = MailComposer.compose(
            to: "j@example.org", from: "Ünal <u@example.org>", subject: "s", text: "t",
            attachment: (filename: "draft.txt", contentType: "text/plain", data: Data(repeating: 65, count: 500)),
            date: Self.date, messageID: "m@x")
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.contains("Content-Type: multipart/mixed; boundary="))
        #expect(raw.contains("Content-Disposition: attachment;\r\n filename=\"draft.txt\"\r\n"))
        #expect(raw.contains(String(repeating: "QUFB", count: 19) + "\r\n"))
        #expect(try MailMessage.parse(data).from == "Ünal <u@example.org>")
        #expect(raw.hasSuffix("--\r\n"))
    }
}
