import Foundation
import TapescriptAudio
import TapescriptFiles
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
    /// that fails leaves no new library behind.
    /// - Parameters:
    ///   - title: the interview's title; the file's name without extension when nil.
    ///   - library: opens (or creates) the library to store into.
    ///   - progress: called with the fraction decoded, from 0 to 1.
    /// A file libsndfile cannot open is decoded by ffmpeg, once, into a FLAC copy in the library's
    /// `Library.decodedFolder`, and the interview's recording is that copy: playback, clips and transcription
    /// read it like any other, and the original may go anywhere.
    /// - Throws: `AudioError` when the file cannot be decoded, `ForeignFormatError` when it needs ffmpeg or
    ///   ffmpeg cannot read it either, `LibraryError` when it cannot be stored (the same audio is already
    ///   there, the library is not writable).
    public func importRecording(
        _ file: String, title: String?, into library: () throws -> Library,
        progress: (Double) -> Void = { _ in }
    ) throws -> ImportedRecording {
        let analysis: RecordingAnalysis
        do {
            analysis = try RecordingAnalyzer.analyze(path: file, progress: progress)
        } catch .unreadable(_, let reason) {
            guard let foreignDecoder else { throw ForeignFormatError.needsFFmpeg(path: file, reason: reason) }
            return try importDecoded(
                file, reason: reason, with: foreignDecoder, title: title, into: library, progress: progress)
        }
        return try store(analysis, path: Self.absolute(file), of: file, title: title, into: library())
    }

    private func importDecoded(
        _ file: String, reason: String, with decoder: FFmpegDecoder, title: String?, into library: () throws -> Library,
        progress: (Double) -> Void
    ) throws -> ImportedRecording {
        // Decoded where nothing is left behind if it fails; moved beside the library once it is known to be audio.
        let scratch = try PrivateFile.makeScratchFolder(prefix: "tapescript-decode")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let decoded = scratch + "/decoded.flac"
        do {
            // Decoding is most of the work; reading the copy back is the last fifth.
            try decoder.decode(file, to: decoded) { progress($0 * 0.8) }
        } catch {
            let said = error.reason.replacingOccurrences(of: "file:" + FFmpegDecoder.absolute(file) + ": ", with: "")
            throw ForeignFormatError.unreadable(path: file, reason: reason, ffmpegReason: said)
        }
        // ffmpeg writes through the umask; the copy is as private as the library.
        chmod(decoded, 0o600)
        let analysis = try RecordingAnalyzer.analyze(path: decoded) { progress(0.8 + $0 * 0.2) }
        let target = try library()
        try PrivateFile.makeFolder(target.decodedFolder)
        // Named by its audio: the same memo decodes to the same copy, which an interview may already hold.
        let digest = analysis.fingerprint.split(separator: ":").last.map(String.init) ?? "recording"
        let copy = target.decodedFolder + "/" + digest + ".flac"
        let placed = !FileManager.default.fileExists(atPath: copy)
        if placed { try FileManager.default.moveItem(atPath: decoded, toPath: copy) }
        do {
            var imported = try store(analysis, path: copy, of: file, title: title, into: target)
            imported.decodedCopy = copy
            return imported
        } catch LibraryError.duplicateRecording(_, let existing) {
            // Said of the file the user named, not of the copy they never saw.
            if placed { try? FileManager.default.removeItem(atPath: copy) }
            throw LibraryError.duplicateRecording(path: file, existing: existing)
        } catch {
            if placed { try? FileManager.default.removeItem(atPath: copy) }
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
