/// Why an excerpt of a recording could not be written. Each case names the file concerned.
public enum AudioExcerptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The source recording could not be opened or read.
    case source(AudioError)
    /// The requested frames lie outside the recording.
    case framesOutsideRecording(path: String, frames: Range<Int64>, frameCount: Int64)
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .source(let error):
            return error.description
        case .framesOutsideRecording(let path, let frames, let frameCount):
            return
                "cannot cut frames \(frames.lowerBound)..<\(frames.upperBound) from '\(path)': it holds \(frameCount) frames"
        case .cannotCreate(let path, let reason):
            return "cannot create audio file '\(path)': \(reason)"
        case .writeFailed(let path, let reason):
            return "writing audio file '\(path)' failed: \(reason)"
        }
    }
}
