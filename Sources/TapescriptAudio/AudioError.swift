/// Why a recording could not be read. Each case names the file and says what is wrong with it.
public enum AudioError: Error, Equatable, Sendable, CustomStringConvertible {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case emptyFile(path: String)
    case unreadable(path: String, reason: String)
    case noAudioFrames(path: String)
    case tooManyChannels(path: String, channelCount: Int)
    case readFailed(path: String, reason: String)
    /// The header declares a sample rate no recording has.
    case impossibleSampleRate(path: String, sampleRate: Int)

    /// The same error said of `path`: a copy decoded for a file is the user's file to them.
    public func naming(_ path: String) -> AudioError {
        switch self {
        case .fileNotFound: return .fileNotFound(path: path)
        case .isDirectory: return .isDirectory(path: path)
        case .emptyFile: return .emptyFile(path: path)
        case .unreadable(_, let reason): return .unreadable(path: path, reason: reason)
        case .noAudioFrames: return .noAudioFrames(path: path)
        case .tooManyChannels(_, let count): return .tooManyChannels(path: path, channelCount: count)
        case .readFailed(_, let reason): return .readFailed(path: path, reason: reason)
        case .impossibleSampleRate(_, let rate): return .impossibleSampleRate(path: path, sampleRate: rate)
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "cannot open audio file '\(path)': no such file"
        case .isDirectory(let path):
            return "cannot open audio file '\(path)': it is a directory, not a file"
        case .emptyFile(let path):
            return "cannot open audio file '\(path)': the file is empty (0 bytes)"
        case .unreadable(let path, let reason):
            return "cannot open audio file '\(path)': \(reason)"
        case .noAudioFrames(let path):
            return "audio file '\(path)' holds no audio frames"
        case .tooManyChannels(let path, let channelCount):
            return
                "audio file '\(path)' has \(channelCount) channels; Tapescript reads 1 to \(AudioFile.maximumChannelCount)"
        case .impossibleSampleRate(let path, let rate):
            let range = AudioFile.sampleRates
            return "audio file '\(path)' declares a sample rate of \(rate) Hz, which no recording has "
                + "(\(range.lowerBound)–\(range.upperBound) Hz); its header is damaged"
        case .readFailed(let path, let reason):
            return "reading audio file '\(path)' failed: \(reason)"
        }
    }
}
