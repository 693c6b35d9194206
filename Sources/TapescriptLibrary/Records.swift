import Foundation
import GRDB
import TapescriptAudio

/// One interview: a title, a short name to type, and (through `Recording`) the audio it came from.
public struct Interview: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "interview"
    public var id: Int64?
    public var slug: String
    public var title: String
    public var createdAt: Date
    /// The speaker whose paragraphs are the questions, when someone chose one; nil: whoever speaks first.
    public var interviewerSpeaker: Int? = nil

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let slug = Column(CodingKeys.slug)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The audio behind an interview, with what import learned from it.
public struct Recording: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "recording"
    public var id: Int64?
    public var interviewId: Int64
    public var path: String
    public var fingerprint: String
    public var container: String
    public var encoding: String
    public var sampleRate: Int
    public var channelCount: Int
    /// Frames decoded on import.
    public var frameCount: Int64
    /// Frames the header promised, when the file turned out shorter (a truncated recording).
    public var expectedFrameCount: Int64?
    public var nonFiniteSampleCount: Int
    /// The level envelope, as `Envelope.encodedLevels()` writes it; a mono voiceprint is in the `voiceprint`
    /// table (libraries written before v8 have it appended here, as `Envelope.encoded()` writes it).
    public var envelope: Data
    /// The parameters the current segments were made with (stored as JSON).
    public var segmentation: SegmentationParameters
    public var importedAt: Date

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let interviewId = Column(CodingKeys.interviewId)
        public static let fingerprint = Column(CodingKeys.fingerprint)
    }

    static let interview = belongsTo(Interview.self)
    static let segments = hasMany(Segment.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var durationSeconds: Double { Double(frameCount) / Double(sampleRate) }
}

/// A stretch of speech, in frames of its recording (end exclusive).
public struct Segment: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "segment"
    public var id: Int64?
    public var recordingId: Int64
    public var startFrame: Int64
    public var endFrame: Int64
    /// Who talks: on call recordings the channel that carries them, on mono the voice import told apart (0 is
    /// whoever talks first); nil when the recording cannot tell (mono imported before voiceprints).
    public var channel: Int?
    /// How sure import was of the voice, from 0 to 1; nil where the channel tells, or a person chose.
    public var speakerConfidence: Double? = nil
    /// Whether a person gave this segment its speaker (`tapescript speaker`, or `a` in review).
    public var speakerSetByHand: Bool = false

    public enum Columns {
        public static let recordingId = Column(CodingKeys.recordingId)
        public static let startFrame = Column(CodingKeys.startFrame)
        public static let endFrame = Column(CodingKeys.endFrame)
        public static let speakerSetByHand = Column(CodingKeys.speakerSetByHand)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A moment marked in a recording: a cue point the recorder wrote into the file, or one the listener dropped
/// while reviewing.
public struct Marker: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "marker"
    public var id: Int64?
    public var recordingId: Int64
    public var frame: Int64
    public var label: String
    public var origin: Origin = .recorder

    public enum Origin: String, Codable, Sendable {
        case recorder, listener
    }

    public enum Columns {
        public static let recordingId = Column(CodingKeys.recordingId)
        public static let frame = Column(CodingKeys.frame)
        public static let origin = Column(CodingKeys.origin)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
