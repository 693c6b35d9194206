/// A moment a recorder marked in the file (a cue point), kept with the recording as a highlight candidate.
public struct RecorderMarker: Sendable, Equatable, Codable {
    public var frame: Int64
    /// The marker's name where the file gives one; empty otherwise.
    public var label: String

    public init(frame: Int64, label: String) {
        self.frame = frame
        self.label = label
    }
}
