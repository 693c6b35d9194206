import Foundation
import TapescriptAudio
import TapescriptLibrary
import TapescriptText

/// One recording in the library, with what import learned on the way.
public struct ImportedRecording: Sendable {
    public var interview: Interview
    public var analysis: RecordingAnalysis
    public var regions: [SpeechRegion]
    /// The file as it was named on the command line.
    public var file: String
}

/// The use case behind `tapescript import`: decode a recording once, segment it, and store it.
public struct RecordingImporter: Sendable {
    let parameters: SegmentationParameters

    public init(parameters: SegmentationParameters) {
        self.parameters = parameters
    }

    /// Imports `file` in one transaction. The library is asked for only once the file has decoded, so that a file
    /// that fails leaves no new library behind.
    /// - Parameters:
    ///   - title: the interview's title; the file's name without extension when nil.
    ///   - library: opens (or creates) the library to store into.
    ///   - progress: called with the fraction decoded, from 0 to 1.
    /// - Throws: `AudioError` when the file cannot be decoded, `LibraryError` when it cannot be stored (the same
    ///   audio is already there, the library is not writable).
    public func importRecording(
        _ file: String, title: String?, into library: () throws -> Library,
        progress: (Double) -> Void = { _ in }
    ) throws -> ImportedRecording {
        let analysis = try RecordingAnalyzer.analyze(path: file, progress: progress)
        let target = try library()
        let regions = SilenceDetector(parameters: parameters).detect(in: analysis.envelope)
        let interview = try target.importRecording(
            analysis, path: Self.absolute(file), title: title ?? Self.defaultTitle(for: file), regions: regions,
            parameters: parameters)
        return ImportedRecording(interview: interview, analysis: analysis, regions: regions, file: file)
    }

    /// Points an interview at its recording's new place, once the file there is heard to hold the same audio
    /// (the fingerprint import took: one decoding pass).
    /// - Throws: `AudioError` when the file cannot be decoded, `LibraryError.differentAudio` when it is other
    ///   audio.
    public static func relink(
        _ reference: InterviewReference, to file: String, in library: Library, progress: (Double) -> Void = { _ in }
    ) throws -> Recording {
        let analysis = try RecordingAnalyzer.analyze(path: file, progress: progress)
        return try library.relink(reference, path: absolute(file), fingerprint: analysis.fingerprint)
    }

    static func defaultTitle(for file: String) -> String {
        // A file name may hold any byte but / and NUL; the title keeps none that would drive a terminal.
        let stem = ControlCharacters.stripped(((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        return stem.text.isEmpty ? "Interview" : stem.text
    }

    static func absolute(_ file: String) -> String {
        file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
    }
}
