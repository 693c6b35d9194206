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
    /// What a static site generator's front matter says of the interview.
    public var metadata: Metadata

    /// The interview's facts beyond its text; nil where unknown.
    public struct Metadata: Sendable, Equatable {
        /// The day the author approved the text, when they did.
        public var approvedOn: Date?
        public var guest: String?
        public var interviewer: String?

        public init(approvedOn: Date? = nil, guest: String? = nil, interviewer: String? = nil) {
            self.approvedOn = approvedOn
            self.guest = guest
            self.interviewer = interviewer
        }
    }

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

    public init(
        title: String, intro: String, approval: String?, sections: [Section], metadata: Metadata = Metadata()
    ) {
        self.title = title
        self.intro = intro
        self.approval = approval
        self.sections = sections
        self.metadata = metadata
    }
}

/// The forms `tapescript publish` writes.
public enum PublicationFormat: String, CaseIterable, Sendable {
    case md, html, txt, srt, vtt, labels, json
}

/// How a publication is wrapped for where it goes.
public struct PublicationOptions: Sendable, Equatable {
    /// HTML: just the `<article>`, to paste into a blog's editor, instead of a page of its own.
    public var fragment: Bool
    /// Markdown: YAML front matter (title, date, guest) first, for Jekyll, Hugo, Eleventy and the like.
    public var frontMatter: Bool
    /// The front matter's date when the author has not approved the text.
    public var today: Date

    public init(fragment: Bool = false, frontMatter: Bool = false, today: Date = Date()) {
        self.fragment = fragment
        self.frontMatter = frontMatter
        self.today = today
    }
}

extension Publication {
    public func rendered(as format: PublicationFormat, options: PublicationOptions = PublicationOptions()) throws
        -> String
    {
        switch format {
        case .md: return (options.frontMatter ? frontMatter(today: options.today) : "") + markdown()
        case .html: return options.fragment ? htmlArticle() : htmlPage()
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

    /// A page of its own: readable on a phone and a desktop without anything else, so a small stylesheet is
    /// embedded (a measure of about 65 characters, a serif at a size that reads, dark mode) and the viewport is set.
    func htmlPage() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(Self.stylesheet)</style>
        </head>
        <body>
        \(htmlArticle())</body>
        </html>

        """
    }

    /// Just the interview: an `<article>` whose classes a blog's own stylesheet can style.
    func htmlArticle() -> String {
        let escape = HTMLEscape.text
        var out = """
            <article class="tapescript-interview">
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
        return out + note + "</article>\n"
    }

    static let stylesheet = """
        :root { color-scheme: light dark; }
        body { margin: 0; padding: 2rem 1.25rem 4rem; background: #fdfdfb; color: #1f1f1f;
          font: 1.125rem/1.65 Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "DejaVu Serif", serif; }
        .tapescript-interview { max-width: 38rem; margin: 0 auto; }
        h1, h2 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          line-height: 1.25; }
        h1 { font-size: 2rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; }
        p { margin: 0 0 1rem; overflow-wrap: break-word; }
        .intro { color: #5a5a5a; font-style: italic; }
        .question strong { font-weight: 650; }
        .speaker { font-variant: small-caps; letter-spacing: .03em; }
        .omission { text-align: center; color: #8a8a8a; }
        .approval { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #ddd; color: #6a6a6a;
          font-size: .9rem; }
        @media (prefers-color-scheme: dark) {
          body { background: #161616; color: #e4e4e4; }
          .intro, .approval { color: #a8a8a8; }
          .approval { border-color: #333; }
        }

        """

    /// YAML front matter: every value a double-quoted string (escaped), so no title can end the block or turn
    /// into YAML of its own.
    func frontMatter(today: Date) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                        out += "\\u" + String(format: "%04X", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        var lines = ["---", "title: \(quoted(title))", "date: \(DateStamp.day(metadata.approvedOn ?? today))"]
        if let guest = metadata.guest { lines.append("guest: \(quoted(guest))") }
        if let interviewer = metadata.interviewer { lines.append("interviewer: \(quoted(interviewer))") }
        lines.append("approved: \(metadata.approvedOn != nil)")
        return (lines + ["---", ""]).joined(separator: "\n") + "\n"
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

/// Text made safe to put between HTML tags or in a quoted attribute.
enum HTMLEscape {
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
