import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text of a .docx the author edited in Word or LibreOffice.
public enum DocxReader {
    /// The most `word/document.xml` may inflate to: 16 MiB holds the marked-up text of a transcript of many hours,
    /// and keeps reading a reply within the memory an import may use, whatever the archive claims.
    public static let maximumDocumentBytes = 16 << 20

    /// The text of every paragraph of `word/document.xml`, in document order, headings included.
    ///
    /// Tracked changes are read as the author meant them: insertions are kept, deletions dropped, and a paragraph
    /// whose mark was deleted joins the next one. Tabs become `\t`, line breaks `\n`; field codes and comments are
    /// left out.
    /// - Throws: `DocxError.notADocx` if `data` is not a ZIP archive or is truncated, `.missingDocumentPart`, or
    ///   `.malformedDocumentXML`.
    public static func paragraphs(from data: Data) throws(DocxError) -> [String] {
        let xml = try documentXML(in: data)
        let collector = DocumentTextCollector()
        let parser = XMLParser(data: try DocumentEncoding.utf8(xml))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        if let line = collector.errorLine {
            throw .malformedDocumentXML(line: line)
        }
        guard parsed, parser.parserError == nil else { throw .malformedDocumentXML(line: parser.lineNumber) }
        return collector.finish()
    }

    /// The document as plain text: its non-empty paragraphs separated by blank lines, ending with a newline, as the
    /// plain-text draft reader expects.
    /// - Throws: What ``paragraphs(from:)`` throws.
    public static func text(from data: Data) throws(DocxError) -> String {
        let paragraphs = try paragraphs(from: data).filter {
            !$0.allSatisfy(\.isWhitespace)
        }
        return paragraphs.isEmpty ? "" : paragraphs.joined(separator: "\n\n") + "\n"
    }

    private static func documentXML(in data: Data) throws(DocxError) -> Data {
        // Checking the signature first tells "not a ZIP at all" apart from "a ZIP cut short", which ZIPFoundation
        // reports alike (no end-of-central-directory record).
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            throw .notADocx(reason: data.starts(with: compoundFileSignature) ? .wordBinaryOrEncrypted : .notAZipArchive)
        }
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(data)
        } catch {
            throw .notADocx(reason: .truncatedOrDamaged)
        }
        guard let declared = directory.entries.first(where: { $0.path == "word/document.xml" }) else {
            throw .missingDocumentPart
        }
        guard declared.uncompressedSize <= maximumDocumentBytes else {
            throw .documentTooLarge(limitBytes: maximumDocumentBytes)
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(data), accessMode: .read)
        } catch {
            throw .notADocx(reason: .truncatedOrDamaged)
        }
        guard let entry = archive["word/document.xml"] else { throw .missingDocumentPart }
        var xml = Data()
        do {
            // The declared size can lie: stop inflating once past the limit, whatever the header said.
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= maximumDocumentBytes else {
                    throw DocxError.documentTooLarge(limitBytes: maximumDocumentBytes)
                }
                xml.append(chunk)
            }
        } catch DocxError.documentTooLarge(let limit) {
            throw .documentTooLarge(limitBytes: limit)
        } catch {
            throw .notADocx(reason: .truncatedOrDamaged)
        }
        return xml
    }
}
