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
    /// Where the FLAC copy ffmpeg decoded is kept, when libsndfile could not read `file` itself.
    public var decodedCopy: String?
}

/// The use case behind `tapescript import`: decode a recording once, segment it, and store it.
public struct RecordingImporter: Sendable {
    let parameters: SegmentationParameters
    /// Reads what libsndfile cannot (phone memos); nil when ffmpeg is not installed.
    let foreignDecoder: FFmpegDecoder?

    public init(parameters: SegmentationParameters, foreignDecoder: FFmpegDecoder? = FFmpegDecoder.installed()) {
        self.parameters = parameters
        self.foreignDecoder = foreignDecoder
    }

    /// Imports `file` in one transaction. The library is asked for only once the file has decoded, so that a file
    /// that fails leaves no new library behind. A file libsndfile cannot open is decoded by ffmpeg, once, into a
    /// FLAC copy in the library's `Library.decodedFolder`, and the interview's recording is that copy: playback,
    /// clips and transcription read it like any other, and the original may go anywhere.
    /// - Parameters:
    ///   - title: the interview's title; the file's name without extension when nil.
    ///   - library: opens (or creates) the library to store into.
    ///   - progress: called with the fraction decoded, from 0 to 1.
    /// - Throws: `AudioError` when the file cannot be decoded, `ForeignFormatError` when it needs ffmpeg or
    ///   ffmpeg cannot read it either, `LibraryError` when it cannot be stored (the same audio is already
    ///   there, the library is not writable).
    public func importRecording(
        _ file: String, title: String?, into library: () throws -> Library,
        progress: (Double) -> Void = { _ in }
    ) throws -> ImportedRecording {
        switch try Self.read(file, foreignDecoder: foreignDecoder, progress: progress) {
        case .readable(let analysis):
            return try store(analysis, path: Self.absolute(file), of: file, title: title, into: library())
        case .decoded(let decoded):
            defer { decoded.discard() }
            return try importDecoded(decoded, of: file, title: title, into: library())
        }
    }

    /// What reading a file gave: its analysis, or, for a file only ffmpeg reads, the decoded copy still to place.
    private enum ReadRecording {
        case readable(RecordingAnalysis)
        case decoded(DecodedRecording)
    }

    /// Reads `file` through libsndfile, or through ffmpeg when libsndfile cannot open it.
    private static func read(
        _ file: String, foreignDecoder: FFmpegDecoder?, progress: (Double) -> Void
    ) throws -> ReadRecording {
        do {
            return .readable(try RecordingAnalyzer.analyze(path: file, progress: progress))
        } catch .unreadable(_, let reason) {
            guard let foreignDecoder else { throw ForeignFormatError.needsFFmpeg(path: file, reason: reason) }
            return .decoded(
                try DecodedRecording.decode(file, refusedFor: reason, with: foreignDecoder, progress: progress))
        }
    }

    private func importDecoded(
        _ decoded: DecodedRecording, of file: String, title: String?, into library: Library
    ) throws -> ImportedRecording {
        let copy = try decoded.place(in: library)
        do {
            var imported = try store(decoded.analysis, path: copy.path, of: file, title: title, into: library)
            imported.decodedCopy = copy.path
            return imported
        } catch LibraryError.duplicateRecording(_, let existing) {
            // Said of the file the user named, not of the copy they never saw.
            copy.withdraw()
            throw LibraryError.duplicateRecording(path: file, existing: existing)
        } catch {
            copy.withdraw()
            throw error
        }
    }

    private func store(
        _ analysis: RecordingAnalysis, path: String, of file: String, title: String?, into library: Library
    ) throws -> ImportedRecording {
        let regions = SilenceDetector(parameters: parameters).detect(in: analysis.envelope)
        let interview = try library.importRecording(
            analysis, path: path, title: title ?? Self.defaultTitle(for: file), regions: regions,
            parameters: parameters)
        return ImportedRecording(interview: interview, analysis: analysis, regions: regions, file: file)
    }

    /// Points an interview at its recording's new place, once the file there is heard to hold the same audio
    /// (the fingerprint import took: one decoding pass).
    /// A file only ffmpeg reads is decoded again into the library's copy, as on import.
    /// - Throws: `AudioError` when the file cannot be decoded, `ForeignFormatError` when it needs ffmpeg or ffmpeg
    ///   cannot read it, `LibraryError.differentAudio` when it is other audio.
    public static func relink(
        _ reference: InterviewReference, to file: String, in library: Library,
        foreignDecoder: FFmpegDecoder? = FFmpegDecoder.installed(), progress: (Double) -> Void = { _ in }
    ) throws -> Recording {
        switch try read(file, foreignDecoder: foreignDecoder, progress: progress) {
        case .readable(let analysis):
            return try library.relink(reference, path: absolute(file), fingerprint: analysis.fingerprint)
        case .decoded(let decoded):
            defer { decoded.discard() }
            // Compared before it is placed, so that other audio leaves the library's folder as it was.
            let current = try library.detail(of: reference)
            guard current.recording.fingerprint == decoded.analysis.fingerprint else {
                throw LibraryError.differentAudio(path: file, interview: current.interview.slug)
            }
            let copy = try decoded.place(in: library)
            do {
                return try library.relink(reference, path: copy.path, fingerprint: decoded.analysis.fingerprint)
            } catch {
                copy.withdraw()
                throw error
            }
        }
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
