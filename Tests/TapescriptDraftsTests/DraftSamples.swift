import Foundation
import TapescriptDrafts

/// A realistic draft and the things mail clients and authors do to it.
enum DraftSamples {
    static let document = DraftDocument(
        slug: "jane-doe-on-networking", title: "Jane Doe on networking", version: 2, date: "2025-03-04",
        sections: [
            DraftSection(
                title: "Finding the first job",
                paragraphs: [
                    paragraph(12, "12:03", "Andy", question: true, "So how did you find your first job?"),
                    paragraph(
                        13, "12:08", "Jane", question: false,
                        "Well, I started by asking around. Everyone I knew from university had an uncle or a "
                            + "neighbour who “knew someone”, and I wrote to every one of them — forty letters, maybe "
                            + "more — before anybody wrote back."),
                    paragraph(
                        14, "12:41", "Jane", question: false,
                        "The first answer came from a printer in Leeds. He didn’t have a job for me, but he had a "
                            + "friend at the Yorkshire Post who needed someone for the night shift."),
                    paragraph(15, "13:02.4", "Andy", question: true, "And you took it straight away?"),
                    paragraph(
                        16, "13:02.9", "Jane", question: false,
                        "I did, and I hated it for a year. Then I learned to love the quiet hours after midnight "
                            + "when the presses were running and nobody needed anything from me."),
                ]),
            DraftSection(
                title: "Mentors",
                paragraphs: [
                    paragraph(40, "1:02:15", "Andy", question: true, "Who taught you the most in those years?"),
                    paragraph(
                        41, "1:02:20", "Jane", question: false,
                        "My editor, Margaret Hale. She read every word I wrote with a red pencil and never once "
                            + "told me what to write instead; she only asked why I had written it."),
                    paragraph(
                        42, "1:03:01", nil, question: false,
                        "Honestly: she was the reason I stayed in the trade long enough to get good at it."),
                ]),
        ])

    static func paragraph(_ segment: Int, _ anchor: String, _ speaker: String?, question: Bool, _ text: String)
        -> DraftParagraph
    {
        DraftParagraph(segmentIndex: segment, anchor: anchor, speaker: speaker, isQuestion: question, text: text)
    }

    /// Paragraphs as one line each, as a client that un-wraps (or an author in an editor without wrapping) leaves
    /// them.
    static func unwrapped(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { $0.replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\n\n")
    }

    /// Lines longer than `width` broken at spaces, as a client re-wraps; unlike the renderer it does not care what a
    /// line starts with.
    static func rewrapped(_ text: String, width: Int) -> String {
        text.components(separatedBy: "\n").flatMap { line -> [String] in
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                if !current.isEmpty, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += (current.isEmpty ? "" : " ") + word
                }
            }
            return lines + [current]
        }.joined(separator: "\n")
    }

    static func quoted(_ text: String, with prefix: String = "> ") -> String {
        text.components(separatedBy: "\n").map { $0.isEmpty ? prefix.trimmingTrailingSpaces : prefix + $0 }
            .joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }

    /// The string with `target` replaced, failing loudly (by returning a marker) when it is not there, so that a test
    /// whose edit did not apply cannot pass.
    func replacing(exactly target: String, with replacement: String) -> String {
        contains(target) ? replacingOccurrences(of: target, with: replacement) : "EDIT NOT APPLIED: \(target)"
    }
}
