import Foundation
import GRDB

/// A highlight: a run of consecutive segments worth publishing, as a frame range of the recording, so that it
/// stays where it is whatever happens to the segments.
public struct Highlight: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "highlight"
    public var id: Int64?
    public var interviewId: Int64
    /// What the user calls it (`title ID 3 …`): given once, the next after the highest the interview has, and
    /// kept whatever is marked before it, as an issue keeps its number.
    public var number: Int
    public var startFrame: Int64
    public var endFrame: Int64
    public var title: String?
    public var note: String?
    public var createdAt: Date

    public enum Columns {
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let number = Column(CodingKeys.number)
        public static let startFrame = Column(CodingKeys.startFrame)
        public static let endFrame = Column(CodingKeys.endFrame)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The number a new highlight of the interview gets.
    static func nextNumber(interviewId: Int64, db: Database) throws -> Int {
        let highest = try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM highlight WHERE interviewId = ?", arguments: [interviewId])
        return (highest ?? 0) + 1
    }
}

/// Who wrote a version of a segment's text.
public enum TextOrigin: String, Codable, Sendable, CaseIterable {
    case interviewer, author, machine
}

/// One version of the text of the segment covering `startFrame..<endFrame`. Versions are never changed or
/// deleted: the newest for a range is the current text.
public struct TextRevision: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "textRevision"
    public var id: Int64?
    public var interviewId: Int64
    public var startFrame: Int64
    public var endFrame: Int64
    public var text: String
    public var origin: TextOrigin
    public var draftId: Int64?
    public var createdAt: Date
    /// For the machine's versions: the engine, the model and the words with their times and confidences.
    public var machine: MachineTranscript? = nil

    public enum Columns {
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let startFrame = Column(CodingKeys.startFrame)
        public static let endFrame = Column(CodingKeys.endFrame)
        public static let id = Column(CodingKeys.id)
        public static let origin = Column(CodingKeys.origin)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The name a speaker goes by in one interview: channel 0 is A until named.
public struct SpeakerName: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "speakerName"
    public var id: Int64?
    public var interviewId: Int64
    public var channel: Int
    public var name: String

    public enum Columns {
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let channel = Column(CodingKeys.channel)
    }
}

/// One undoable edit in the journal: what it did, and the state of the time range it touched, before and after.
struct Edit: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "edit"
    var id: Int64?
    var interviewId: Int64
    /// The sentence a Tapescript from before summaries journalled; nil on every row with a summary. New rows
    /// keep no label: an older Tapescript refuses a library migrated past what it knows, so no reader is left
    /// that would look for one, and the store has no words to write (they are made at the edge).
    var label: String?
    var summary: EditSummary?
    var startFrame: Int64
    var endFrame: Int64
    var before: EditSlice
    var after: EditSlice
    var undone: Bool
    var createdAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let interviewId = Column(CodingKeys.interviewId)
        static let undone = Column(CodingKeys.undone)
    }

    /// The edit as the journal knows it: its summary, or the sentence an older Tapescript stored.
    var journalled: JournalledEdit {
        summary.map(JournalledEdit.summary) ?? .legacy(label: label ?? "")
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    // The slices were written with a plain JSONEncoder before they were typed columns. Foundation's default
    // dates (seconds since 2001) must stay: GRDB's default for JSON columns (milliseconds since 1970) would read
    // every highlight date in an old entry wrong, silently.
    static func databaseJSONDecoder(for column: String) -> JSONDecoder { JSONDecoder() }

    static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
