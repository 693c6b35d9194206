import Foundation

extension Library {
    /// Where the FLAC copies of recordings libsndfile cannot read (decoded by ffmpeg on import) are kept: a
    /// private folder beside the library file, named after it (`library.sqlite` → `library-decoded/`).
    public var decodedFolder: String {
        (path as NSString).deletingPathExtension + "-decoded"
    }

    /// Whether `recordingPath` is one of those copies, which belongs to the library and goes with its interview.
    public func holdsDecodedCopy(_ recordingPath: String) -> Bool {
        recordingPath.hasPrefix(decodedFolder + "/")
    }
}
