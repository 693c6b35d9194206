import Foundation

/// A part of a message that is not its body: an attached file, an inline image, a forwarded message.
public struct MailAttachment: Sendable, Equatable {
    /// The file name the sender gave, if any, with RFC 2231 and RFC 2047 encodings resolved.
    public var filename: String?
    /// The lower-cased media type, without parameters: `text/plain`, `application/pdf`.
    public var contentType: String
    /// The declared charset of a text attachment.
    public var charset: String?
    /// The decoded bytes.
    public var data: Data

    public init(filename: String?, contentType: String, charset: String? = nil, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.charset = charset
        self.data = data
    }

    private var fileExtension: String {
        guard let filename, let dot = filename.lastIndex(of: ".") else { return "" }
        return filename[filename.index(after: dot)...].lowercased()
    }

    /// Whether this is a Word document, by its name or its media type.
    public var isDocx: Bool {
        fileExtension == "docx"
            || contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    }

    /// Whether this is a plain-text or Markdown file (`.txt`, `.text`, `.md`, `.markdown`).
    public var isPlainText: Bool {
        ["txt", "text", "md", "markdown"].contains(fileExtension)
    }

    /// The attachment as text, with line ends as "\n": decoded by its byte-order mark, its declared charset, or as
    /// UTF-8 when valid, else Windows-1252.
    public var text: String {
        Charset.decodeGuessing([UInt8](data), declared: charset).normalizingLineEnds()
    }
}

extension String {
    func normalizingLineEnds() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
