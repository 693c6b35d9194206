/// Why a file libsndfile cannot open was not imported through ffmpeg either.
public enum ForeignFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ffmpeg is not installed, so a phone memo (.m4a) and the like cannot be read.
    case needsFFmpeg(path: String, reason: String)
    /// Neither libsndfile nor ffmpeg can read it.
    case unreadable(path: String, reason: String, ffmpegReason: String)

    public var description: String {
        switch self {
        case .needsFFmpeg(let path, let reason):
            return "cannot open audio file '\(path)': \(reason); phone memos (.m4a, AAC) and other formats "
                + "import through ffmpeg, which is not installed: install it (sudo apt-get install ffmpeg) and try again"
        case .unreadable(let path, let reason, let ffmpegReason):
            return "cannot open audio file '\(path)': \(reason), and ffmpeg cannot decode it either (\(ffmpegReason))"
        }
    }
}
