import TapescriptTime

/// A draft of an interview's highlights as it is sent to the interviewee: one section per highlight, one paragraph
/// per segment.
public struct DraftDocument: Sendable, Equatable, Codable {
    public var slug: String
    public var title: String
    public var version: Int
    /// The day the draft was made, `yyyy-MM-dd`.
    public var date: String
    public var sections: [DraftSection]

    public init(slug: String, title: String, version: Int, date: String, sections: [DraftSection]) {
        self.slug = slug
        self.title = title
        self.version = version
        self.date = date
        self.sections = sections
    }

    /// Every paragraph of every section, in order; the alignment's sent indices count in this list.
    public var paragraphs: [DraftParagraph] { sections.flatMap(\.paragraphs) }

    /// The anchor of each segment: its start as `m:ss` (`h:mm:ss` from an hour on), with tenths added where two
    /// segments start in the same second (`12:03.4`) and a letter where they start in the same tenth (`12:03.4b`).
    public static func anchors(forStartSeconds startSeconds: [Double]) -> [String] {
        let tenths = startSeconds.map { seconds in
            // Integer tenths so that two starts compare equal exactly when they print alike.
            seconds.isFinite && seconds > 0 ? Int((seconds * 10).rounded(.down)) : 0
        }
        let bases = tenths.map { Timecode.wholeSeconds($0 / 10) }
        var baseCounts: [String: Int] = [:]
        for base in bases { baseCounts[base, default: 0] += 1 }
        let precise = zip(bases, tenths).map { base, tenth in
            baseCounts[base, default: 0] > 1 ? "\(base).\(tenth % 10)" : base
        }
        var seen: [String: Int] = [:]
        return precise.map { anchor in
            let earlier = seen[anchor, default: 0]
            seen[anchor] = earlier + 1
            return earlier == 0 ? anchor : anchor + suffix(earlier)
        }
    }

    /// `b` for the second of a kind, `c` for the third, …; `z` followed by a number past the alphabet.
    private static func suffix(_ earlier: Int) -> String {
        let letters = Array("bcdefghijklmnopqrstuvwxy")
        return earlier <= letters.count ? String(letters[earlier - 1]) : "z\(earlier)"
    }
}

/// One highlight of a draft: an optional title and its paragraphs.
public struct DraftSection: Sendable, Equatable, Codable {
    public var title: String?
    public var paragraphs: [DraftParagraph]

    public init(title: String?, paragraphs: [DraftParagraph]) {
        self.title = title
        self.paragraphs = paragraphs
    }
}

/// One segment's text in a draft, tied to the recording by its anchor.
public struct DraftParagraph: Sendable, Equatable, Codable {
    /// The segment's index in the interview (as the library numbers it).
    public var segmentIndex: Int
    /// The segment's start as the author sees it, `12:03`; unique within the draft.
    public var anchor: String
    public var speaker: String?
    /// A question of the interviewer's; its speaker is shown in bold.
    public var isQuestion: Bool
    public var text: String

    public init(segmentIndex: Int, anchor: String, speaker: String?, isQuestion: Bool, text: String) {
        self.segmentIndex = segmentIndex
        self.anchor = anchor
        self.speaker = speaker
        self.isQuestion = isQuestion
        self.text = text
    }
}
