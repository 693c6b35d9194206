import Foundation

/// A received e-mail, read from an `.eml` file or an mbox file holding one message.
public struct MailMessage: Sendable {
    /// The top-level header fields in order, unfolded, values as written (encoded-words not decoded).
    public var headers: [(name: String, value: String)]
    /// The subject, with encoded-words decoded for display.
    public var subject: String?
    /// The sender, with encoded-words decoded for display: `Jane Doe <jane@example.org>`.
    public var from: String?
    /// The `text/plain` body parts in message order, decoded, line ends as "\n", `format=flowed` joined.
    public var textBodies: [String]
    /// The `text/html` body parts in message order, decoded.
    public var htmlBodies: [String]
    /// Every other leaf part, and text parts sent as files.
    public var attachments: [MailAttachment]

    public init(
        headers: [(name: String, value: String)], subject: String?, from: String?, textBodies: [String],
        htmlBodies: [String], attachments: [MailAttachment]
    ) {
        self.headers = headers
        self.subject = subject
        self.from = from
        self.textBodies = textBodies
        self.htmlBodies = htmlBodies
        self.attachments = attachments
    }

    /// The value of the first top-level field called `name`, compared without case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Reads a message (RFC 5322 with MIME), or an mbox file holding one message.
    /// - Throws: `MailError` when the bytes are empty, not a message, hold several messages, or are truncated.
    public static func parse(_ data: Data) throws(MailError) -> MailMessage {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard bytes.contains(where: { !(Character(UnicodeScalar($0)).isWhitespace) }) else { throw .empty }
        if bytes.starts(with: Array("From ".utf8)) {
            bytes = try Mbox.singleMessage(bytes)
        }
        let entity = MIMEEntity(bytes[...])
        let known: Set<String> = [
            "from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type", "received",
            "return-path", "reply-to", "in-reply-to", "references", "sender", "delivered-to",
        ]
        guard entity.headers.contains(where: { known.contains($0.name.lowercased()) }) else { throw .notAMessage }
        var collector = PartCollector()
        try collector.collect(entity, depth: 0, defaultType: "text/plain")
        return MailMessage(
            headers: entity.headers,
            subject: entity.header("Subject").map(EncodedWord.decode),
            from: entity.header("From").map(EncodedWord.decode),
            textBodies: collector.textBodies,
            htmlBodies: collector.htmlBodies,
            attachments: collector.attachments
        )
    }
}

/// Walks the MIME tree depth first, sorting leaf parts into bodies and attachments.
private struct PartCollector {
    static let depthLimit = 32
    var textBodies: [String] = []
    var htmlBodies: [String] = []
    var attachments: [MailAttachment] = []

    mutating func collect(_ entity: MIMEEntity, depth: Int, defaultType: String) throws(MailError) {
        guard depth <= Self.depthLimit else { throw .nestedTooDeeply(limit: Self.depthLimit) }
        var contentType = HeaderValue(entity.header("Content-Type") ?? defaultType)
        if !contentType.token.contains("/") { contentType = HeaderValue(defaultType) }
        if contentType.token.hasPrefix("multipart/") {
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                throw .missingBoundary(contentType: contentType.token)
            }
            let childType = contentType.token == "multipart/digest" ? "message/rfc822" : "text/plain"
            for part in try MIMEEntity.parts(of: entity.body, boundary: boundary) {
                try collect(MIMEEntity(part), depth: depth + 1, defaultType: childType)
            }
            return
        }
        let disposition = entity.header("Content-Disposition").map(HeaderValue.init)
        let filename = disposition?.parameters["filename"] ?? contentType.parameters["name"]
        let charset = contentType.parameters["charset"]
        let bytes = try TransferEncoding.decode(
            entity.body, encoding: entity.header("Content-Transfer-Encoding"),
            part: filename.map { "attachment '\($0)'" } ?? "\(contentType.token) part")
        let isAttachment = disposition?.token == "attachment" || filename != nil
        switch contentType.token {
        case "text/plain" where !isAttachment:
            var text = Charset.decode(bytes, charset: charset).normalizingLineEnds()
            if contentType.parameters["format"]?.lowercased() == "flowed" {
                text = FlowedText.decode(text, deleteSpace: contentType.parameters["delsp"]?.lowercased() == "yes")
            }
            textBodies.append(text)
        case "text/html" where !isAttachment:
            htmlBodies.append(Charset.decode(bytes, charset: charset).normalizingLineEnds())
        default:
            attachments.append(
                MailAttachment(filename: filename, contentType: contentType.token, charset: charset, data: Data(bytes)))
        }
    }
}

/// The mbox wrapping of a single message: a `From ` separator line, `>From ` escaping, a blank line after.
enum Mbox {
    /// The message inside an mbox file holding exactly one.
    /// - Throws: `MailError.severalMessages` when another `From ` separator line follows an empty line.
    static func singleMessage(_ bytes: [UInt8]) throws(MailError) -> [UInt8] {
        let from = Array("From ".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var messageCount = 1
        var previousWasEmpty = false
        for (number, line) in ByteLines(bytes[...]).enumerated() {
            let content = bytes[line.start..<line.contentEnd]
            defer { previousWasEmpty = content.isEmpty }
            if number == 0 { continue }
            if previousWasEmpty && content.starts(with: from) {
                messageCount += 1
                continue
            }
            // mboxrd: one '>' is removed from any line of '>'s followed by "From ".
            let quoteCount = content.prefix { $0 == UInt8(ascii: ">") }.count
            let skip = quoteCount > 0 && content.dropFirst(quoteCount).starts(with: from) ? 1 : 0
            output += bytes[(line.start + skip)..<line.next]
        }
        guard messageCount == 1 else { throw .severalMessages(count: messageCount) }
        // The empty line that ends each message in an mbox is the separator's, not the message's.
        if output.last == TransferEncoding.lineFeed {
            var end = output.count - 1
            if end > 0, output[end - 1] == TransferEncoding.carriageReturn { end -= 1 }
            if end > 0, output[end - 1] == TransferEncoding.lineFeed { output.removeSubrange(end...) }
        }
        return output
    }
}
