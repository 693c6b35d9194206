import Foundation
import TapescriptDocx
import TapescriptDrafts

/// The draft as a Word document: the same blocks as the text, with Word's headings and bold questions.
enum DraftDocx {
    /// - Throws: `DocxError` when the archive cannot be written.
    static func data(for document: DraftDocument) throws(DocxError) -> Data {
        let paragraphs = document.blocks.map { block in
            switch block {
            case .heading(let level, let text):
                return DocxParagraph(kind: level == 1 ? .heading1 : .heading2, text: text)
            case .marker(let text), .instructions(let text):
                return DocxParagraph(kind: .body, text: text)
            case .paragraph(let label, true, let text):
                let words = text.isEmpty ? "" : " " + text
                return DocxParagraph(kind: .body, runs: [DocxRun(text: label, bold: true), DocxRun(text: words)])
            case .paragraph(let label, false, let text):
                return DocxParagraph(kind: .body, text: text.isEmpty ? label : label + " " + text)
            }
        }
        return try DocxWriter.document(title: "\(document.title) — draft \(document.version)", paragraphs: paragraphs)
    }
}
