import Foundation

/// One MIME entity: its header fields (unfolded, undecoded) and its raw body.
struct MIMEEntity {
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    /// The value of the first field called `name`, compared without case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Splits an entity at the first empty line. A line that is neither a field nor a continuation also starts the
    /// body, as in Python's parser; an entity without fields is all body.
    init(_ bytes: ArraySlice<UInt8>) {
        headers = []
        body = bytes[bytes.endIndex...]
        for line in ByteLines(bytes) {
            let content = bytes[line.start..<line.contentEnd]
            if content.isEmpty {
                body = bytes[line.next...]
                break
            }
            if let first = content.first, first == 0x20 || first == 0x09, let last = headers.indices.last {
                headers[last].value += Self.text(content)
                continue
            }
            guard let colon = Self.fieldNameEnd(content) else {
                body = bytes[line.start...]
                break
            }
            headers.append((name: Self.text(content[..<colon]), value: Self.text(content[(colon + 1)...])))
        }
        headers = headers.map { ($0.name, $0.value.trimmingCharacters(in: .whitespaces)) }
    }

    /// The index of the colon after a field name of printable ASCII (RFC 5322 §2.2), if `line` starts a field.
    static func fieldNameEnd(_ line: ArraySlice<UInt8>) -> Int? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        var nameEnd = colon
        // Tolerate white space before the colon, as in obsolete syntax.
        while nameEnd > line.startIndex, line[nameEnd - 1] == 0x20 || line[nameEnd - 1] == 0x09 {
            nameEnd -= 1
        }
        guard nameEnd > line.startIndex, line[line.startIndex..<nameEnd].allSatisfy({ (33...126).contains($0) })
        else { return nil }
        return colon
    }

    // Header fields are ASCII by RFC 5322 and UTF-8 by RFC 6532; anything else is most likely Windows-1252.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? Charset.windows1252(bytes)
    }
}

/// The lines of a byte buffer, each ended by LF, CRLF or the end of the buffer.
struct ByteLines: Sequence, IteratorProtocol {
    struct Line {
        /// The first byte of the line.
        var start: Int
        /// Just past the last byte before the line end.
        var contentEnd: Int
        /// The first byte of the next line.
        var next: Int
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func next() -> Line? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        guard let lineFeed = bytes[start...].firstIndex(of: TransferEncoding.lineFeed) else {
            position = bytes.endIndex
            return Line(start: start, contentEnd: bytes.endIndex, next: bytes.endIndex)
        }
        position = lineFeed + 1
        let contentEnd =
            lineFeed > start && bytes[lineFeed - 1] == TransferEncoding.carriageReturn ? lineFeed - 1 : lineFeed
        return Line(start: start, contentEnd: contentEnd, next: lineFeed + 1)
    }
}

extension MIMEEntity {
    /// The body parts of a multipart body (RFC 2046 §5.1.1), without preamble and epilogue.
    /// - Throws: `MailError.truncated` when the closing delimiter is missing.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) throws(MailError) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        for line in ByteLines(body) {
            let content = body[line.start..<line.contentEnd]
            guard content.starts(with: delimiter) else { continue }
            var rest = content.dropFirst(delimiter.count)
            let isClosing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
            if isClosing { rest = rest.dropFirst(2) }
            // Only transport padding may follow; otherwise the boundary is merely a prefix of this line.
            guard rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            if let start = partStart {
                // The line break before a delimiter belongs to the delimiter.
                var end = line.start
                if end > start, body[end - 1] == TransferEncoding.lineFeed { end -= 1 }
                if end > start, body[end - 1] == TransferEncoding.carriageReturn { end -= 1 }
                parts.append(body[start..<end])
            }
            if isClosing { return parts }
            partStart = line.next
        }
        throw .truncated(boundary: boundary)
    }
}
