import Foundation
import TapescriptTime

/// Writes the e-mail that carries a draft to the interviewee.
public enum MailComposer {
    /// The sender used when none is given.
    public static let defaultSender = "Tapescript <tapescript@localhost>"

    /// A complete RFC 5322 message with CRLF line ends: the text as `text/plain; charset=utf-8; format=flowed`
    /// (7bit when it is ASCII, else quoted-printable), and the attachment, if any, base64 in `multipart/mixed`.
    ///
    /// The lines of `text` are kept as they are, but those inside a paragraph (followed by a line that goes on with
    /// it) end in a soft break, so that the recipient's client can reflow each paragraph; `MailMessage.parse` gives
    /// back `text` with the lines of each paragraph joined by a space, once its line ends are "\n". Text with a line
    /// that ends in a space is sent as it is, without `format=flowed`, in quoted-printable, since flowed text would
    /// read that space as a soft break. Line breaks in `to`, `from` and `subject` become spaces.
    public static func compose(
        to recipient: String, from sender: String?, subject: String, text: String,
        attachment: (filename: String, contentType: String, data: Data)?, date: Date, messageID: String
    ) -> Data {
        let body = TextBody(text.normalizingLineEnds())
        var message = [
            "From: \(address(sender ?? defaultSender))",
            "To: \(address(recipient))",
            "Subject: \(EncodedWord.encode(singleLine(subject)))",
            "Date: \(DateStamp.rfc5322(date))",
            "Message-ID: <\(singleLine(messageID).trimmingCharacters(in: CharacterSet(charactersIn: "<> ")))>",
            "MIME-Version: 1.0",
        ]
        guard let attachment else {
            message += body.headers + ["", body.encoded]
            return Data(message.joined(separator: "\r\n").utf8)
        }
        let encodedAttachment = TransferEncoding.encodeBase64(attachment.data)
        let boundary = boundary(for: messageID, avoiding: body.encoded)
        let filename = singleLine(attachment.filename)
        message += [
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "This is a multi-part message in MIME format.",
            "--\(boundary)",
        ]
        message += body.headers + ["", body.encoded, "--\(boundary)"]
        message += [
            "Content-Type: \(singleLine(attachment.contentType));\r\n \(parameter("name", filename))",
            "Content-Disposition: attachment;\r\n \(parameter("filename", filename))",
            "Content-Transfer-Encoding: base64",
            "",
            encodedAttachment + "--\(boundary)--",
            "",
        ]
        return Data(message.joined(separator: "\r\n").utf8)
    }

    /// The text part: its header fields and its encoded body.
    private struct TextBody {
        var headers: [String]
        var encoded: String

        init(_ text: String) {
            let flowedLines = FlowedText.encode(text)
            let lines = flowedLines ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let format = flowedLines == nil ? "" : "; format=flowed"
            // SMTP allows 998 octets a line; control characters and lines ending in white space are safer encoded.
            let needsEncoding =
                flowedLines == nil
                || lines.contains { line in
                    line.utf8.count > 998
                        || line.unicodeScalars.contains { !$0.isASCII || ($0.value < 0x20 && $0 != "\t") }
                }
            headers = [
                "Content-Type: text/plain; charset=utf-8\(format)",
                "Content-Transfer-Encoding: \(needsEncoding ? "quoted-printable" : "7bit")",
            ]
            encoded =
                needsEncoding ? TransferEncoding.encodeQuotedPrintable(lines: lines) : lines.joined(separator: "\r\n")
        }
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// An address with a display name encoded when it is not ASCII: `=?utf-8?B?…?= <jane@example.org>`.
    private static func address(_ text: String) -> String {
        let line = singleLine(text)
        guard line.unicodeScalars.contains(where: { !$0.isASCII }) else { return line }
        guard let open = line.lastIndex(of: "<") else { return EncodedWord.encode(line) }
        let name = line[..<open].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return "\(EncodedWord.encode(name)) \(line[open...])"
    }

    /// A parameter quoted, or in RFC 2231 form when the value is not ASCII.
    private static func parameter(_ name: String, _ value: String) -> String {
        guard value.unicodeScalars.allSatisfy(\.isASCII) else {
            let unreserved = CharacterSet(
                charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
            let percentEncoded = value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
            return "\(name)*=utf-8''\(percentEncoded)"
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(name)=\"\(escaped)\""
    }

    /// A boundary derived from the message ID, lengthened until no line of `body` starts with it.
    private static func boundary(for messageID: String, avoiding body: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var boundary = "=_Tapescript_\(String(hash, radix: 36))"
        while body.contains("--\(boundary)") {
            boundary += "_"
        }
        return boundary
    }
}
