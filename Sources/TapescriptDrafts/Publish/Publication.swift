import Foundation
import TapescriptText
import TapescriptTime

/// The approved Q&A as it is published: the highlights in interview order, each a titled run of paragraphs.
public struct Publication: Sendable, Equatable {
    public var title: String
    public var intro: String
    /// "Approved by the author on 2026-11-21", or that it is not approved yet.
    /// Nil when the publication leaves the approval note out.
    public var approval: String?
    public var sections: [Section]

    public struct Section: Sendable, Equatable {
        public var title: String
        public var startSeconds: Double
        public var endSeconds: Double
        public var paragraphs: [Paragraph]

        public init(title: String, startSeconds: Double, endSeconds: Double, paragraphs: [Paragraph]) {
            self.title = title
            self.startSeconds = startSeconds
            self.endSeconds = endSeconds
            self.paragraphs = paragraphs
        }
    }

    /// A paragraph, or the mark that text was left out here.
    public enum Paragraph: Sendable, Equatable {
        case spoken(speaker: String?, isQuestion: Bool, text: String, startSeconds: Double, endSeconds: Double)
        case omission
    }

    public init(title: String, intro: String, approval: String?, sections: [Section]) {
        self.title = title
        self.intro = intro
        self.approval = approval
        self.sections = sections
    }
}

/// The forms `tapescript publish` writes.
public enum PublicationFormat: String, CaseIterable, Sendable {
    case md, html, txt, srt, vtt, labels, json
}

extension Publication {
    public func rendered(as format: PublicationFormat) throws -> String {
        switch format {
        case .md: return markdown()
        case .html: return html()
        case .txt: return plainText()
        case .srt: return subtitles(webVTT: false)
        case .vtt: return subtitles(webVTT: true)
        case .labels: return labels()
        case .json: return try json()
        }
    }

    func markdown() -> String {
        let escaped = MarkdownText.escaped
        var out = "# \(escaped(title))\n\n\(escaped(intro))\n"
        for section in sections {
            out += "\n## \(escaped(section.title))\n"
            for paragraph in section.paragraphs {
                switch paragraph {
                case .omission: out += "\n[…]\n"
                case .spoken(let speaker, let isQuestion, let text, _, _):
                    let label = speaker.map(escaped).map { isQuestion ? "**\($0):** " : "\($0): " } ?? ""
                    out += "\n" + label + (isQuestion && speaker == nil ? "**\(escaped(text))**" : escaped(text)) + "\n"
                }
            }
        }
        return out + (approval.map { "\n*\($0)*\n" } ?? "")
    }

    /// A readable transcript: each paragraph with the time it is spoken at in the recording and its speaker, the
    /// questions' speaker in capitals; headings underlined to their width on a terminal.
    func plainText() -> String {
        func underline(_ text: String, with mark: String) -> String {
            String(repeating: mark, count: max(1, DisplayWidth.of(text)))
        }
        var out = "\(title)\n\(underline(title, with: "="))\n\n\(intro)\n"
        for section in sections {
            out += "\n\(section.title)\n\(underline(section.title, with: "-"))\n"
            for paragraph in section.paragraphs {
                switch paragraph {
                case .omission: out += "\n[…]\n"
                case .spoken(let speaker, let isQuestion, let text, let start, _):
                    let label = speaker.map { isQuestion ? "\($0.uppercased()): " : "\($0): " } ?? ""
                    out += "\n[\(Timecode.wholeSeconds(Int(start)))] " + label + text + "\n"
                }
            }
        }
        return out + (approval.map { "\n\($0)\n" } ?? "")
    }

    func html() -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(escape(title))</title></head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="intro">\(escape(intro))</p>

            """
        for section in sections {
            out += "<h2>\(escape(section.title))</h2>\n"
            for paragraph in section.paragraphs {
                switch paragraph {
                case .omission: out += "<p class=\"omission\">[…]</p>\n"
                case .spoken(let speaker, let isQuestion, let text, _, _):
                    let label = speaker.map { "<span class=\"speaker\">\(escape($0)):</span> " } ?? ""
                    out +=
                        isQuestion
                        ? "<p class=\"question\"><strong>\(label)\(escape(text))</strong></p>\n"
                        : "<p>\(label)\(escape(text))</p>\n"
                }
            }
        }
        let note = approval.map { "<p class=\"approval\"><em>\(escape($0))</em></p>\n" } ?? ""
        return out + note + "</body>\n</html>\n"
    }

    func labels() -> String {
        CueWriter.labels(
            sections.enumerated().map { index, section in
                Cue(
                    number: index + 1, startSeconds: section.startSeconds, endSeconds: section.endSeconds,
                    text: section.title)
            })
    }

    func subtitles(webVTT: Bool) -> String {
        var cues: [Cue] = []
        for section in sections {
            for case .spoken(let speaker, _, let text, let start, let end) in section.paragraphs {
                cues.append(
                    Cue(
                        number: cues.count + 1, startSeconds: start, endSeconds: end,
                        text: (speaker.map { "\($0): " } ?? "") + text))
            }
        }
        return webVTT ? CueWriter.vtt(cues) : CueWriter.srt(cues)
    }

    func json() throws -> String {
        struct Entry: Encodable {
            var title: String
            var start: Double
            var end: Double
            var paragraphs: [Item]
        }
        struct Item: Encodable {
            var speaker: String?
            var question: Bool
            var text: String
            var start: Double?
            var end: Double?
        }
        let entries = sections.map { section in
            Entry(
                title: section.title, start: section.startSeconds, end: section.endSeconds,
                paragraphs: section.paragraphs.map { paragraph in
                    switch paragraph {
                    case .omission: return Item(speaker: nil, question: false, text: "[…]", start: nil, end: nil)
                    case .spoken(let speaker, let isQuestion, let text, let start, let end):
                        return Item(speaker: speaker, question: isQuestion, text: text, start: start, end: end)
                    }
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
    }
}
