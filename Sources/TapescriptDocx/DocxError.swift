/// Why a .docx could not be written or read.
public enum DocxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the bytes are not a readable .docx package.
    public enum NotADocxReason: Sendable, Equatable {
        /// The bytes do not start like a ZIP archive.
        case notAZipArchive
        /// An OLE compound file: a Word 97–2003 `.doc`, or a password-protected (encrypted) document.
        case wordBinaryOrEncrypted
        /// It starts like a ZIP archive but its directory or an entry cannot be read.
        case truncatedOrDamaged
    }

    /// The bytes are not a .docx at all, or the archive is cut short or corrupt.
    case notADocx(reason: NotADocxReason)
    /// The archive is readable but holds no `word/document.xml`.
    case missingDocumentPart
    /// `word/document.xml` is not well-formed XML; `line` is where the parser stopped.
    case malformedDocumentXML(line: Int)
    /// `word/document.xml` inflates to more than `limitBytes`: no draft is that long, a zip bomb is.
    case documentTooLarge(limitBytes: Int)
    /// ZIPFoundation could not add `part` to the in-memory archive.
    case cannotWritePart(String)

    public var description: String {
        switch self {
        case .notADocx(.notAZipArchive):
            "the file is not a .docx (not a ZIP archive)"
        case .notADocx(.wordBinaryOrEncrypted):
            "the file is not a .docx (a Word 97–2003 .doc or a password-protected document)"
        case .notADocx(.truncatedOrDamaged):
            "the .docx is truncated or damaged"
        case .missingDocumentPart:
            "the .docx has no word/document.xml (is it a Word document?)"
        case .malformedDocumentXML(let line):
            "the .docx is damaged: word/document.xml is not well-formed XML (line \(line))"
        case .documentTooLarge(let limit):
            "the .docx is not a draft: its text would inflate to more than \(limit >> 20) MB"
        case .cannotWritePart(let part):
            "cannot write '\(part)' into the .docx archive"
        }
    }
}
