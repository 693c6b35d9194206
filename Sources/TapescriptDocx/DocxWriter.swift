import Foundation
import ZIPFoundation

/// Writes a draft as a minimal WordprocessingML package (.docx) that Word and LibreOffice open and save back.
public enum DocxWriter {
    /// The .docx bytes for `paragraphs`, with `title` as the document's title property.
    ///
    /// Headings use Word's built-in `Heading1` and `Heading2` styles so that the author sees them in the navigation
    /// pane; body paragraphs use `Normal`. Anchors such as `[12:03]` are plain text and survive editing.
    /// - Throws: `DocxError.cannotWritePart` if ZIPFoundation cannot build the archive.
    public static func document(title: String, paragraphs: [DocxParagraph]) throws(DocxError) -> Data {
        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("word/document.xml", DocxParts.document(paragraphs)),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxParts.styles),
            ("docProps/core.xml", DocxParts.coreProperties(title: title)),
        ]
        return try package(parts)
    }

    /// A ZIP archive of `parts` (paths inside the package, XML text), in that order.
    static func package(_ parts: [(path: String, xml: String)]) throws(DocxError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw .cannotWritePart("[Content_Types].xml")
        }
        for part in parts {
            let bytes = Data(part.xml.utf8)
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: fixedModificationDate, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(start + size, bytes.count))
                }
            } catch {
                throw .cannotWritePart(part.path)
            }
        }
        guard let data = archive.data else { throw .cannotWritePart("[Content_Types].xml") }
        return data
    }

    // A fixed entry date keeps the output identical for identical input (2001-01-01, well inside the DOS date range
    // that ZIP stores in every time zone).
    private static let fixedModificationDate = Date(timeIntervalSinceReferenceDate: 0)
}
