/// A draft as a sequence of blocks, before any rendering: what a word processor shows as paragraphs and headings.
/// The plain text and the .docx are both made from it, so they carry the same words and markers.
public enum DraftBlock: Sendable, Equatable {
    /// The document's title (level 1) or a highlight's (level 2).
    case heading(level: Int, text: String)
    /// The `[tapescript slug draft N]` line that names the interview and version.
    case marker(String)
    /// What the author is asked to do.
    case instructions(String)
    /// One segment: `label` is its anchor and speaker (`[12:03] Andy:`), set in bold when `isQuestion`.
    case paragraph(label: String, isQuestion: Bool, text: String)
}

extension DraftDocument {
    /// The blocks of the draft, in order; whitespace inside each is collapsed to single spaces.
    public var blocks: [DraftBlock] {
        var blocks: [DraftBlock] = [
            .heading(level: 1, text: DraftMarkers.collapsingBlanks("\(title) — draft \(version)")),
            .marker("[tapescript \(slug) draft \(version)]"),
            .instructions(DraftMarkers.collapsingBlanks(DraftRenderer.instructions)),
        ]
        for section in sections {
            if let title = section.title, !DraftMarkers.collapsingBlanks(title).isEmpty {
                blocks.append(.heading(level: 2, text: DraftMarkers.collapsingBlanks(title)))
            }
            for paragraph in section.paragraphs {
                let speaker = paragraph.speaker.map(DraftMarkers.collapsingBlanks) ?? ""
                // A question is set apart by its speaker in bold; with no speaker there is nothing to embolden.
                blocks.append(
                    .paragraph(
                        label: "[\(paragraph.anchor)]" + (speaker.isEmpty ? "" : " \(speaker):"),
                        isQuestion: paragraph.isQuestion && !speaker.isEmpty,
                        text: DraftMarkers.collapsingBlanks(paragraph.text)))
            }
        }
        return blocks
    }
}
