import Foundation
import TapescriptAudio
import TapescriptFiles
import TapescriptLibrary

/// A recording only ffmpeg reads, decoded once: ffmpeg writes a FLAC copy into a private scratch folder and, in
/// the same pass, pipes the same samples to the analyser. `place(in:)` moves the copy beside the library, where
/// it stays as the interview's recording.
struct DecodedRecording {
    let analysis: RecordingAnalysis
    private let scratch: String
    private let decoded: String

    /// Decodes `file` (which libsndfile refused for `reason`) and reads the copy.
    /// - Throws: `ForeignFormatError.unreadable` when ffmpeg cannot decode it either, `AudioError` when the copy
    ///   holds no audio, `FileError` when no scratch folder can be made.
    static func decode(
        _ file: String, refusedFor reason: String, with decoder: FFmpegDecoder, progress: (Double) -> Void
    ) throws -> DecodedRecording {
        // Decoded where nothing is left behind if it fails.
        let scratch = try PrivateFile.makeScratchFolder(prefix: "tapescript-decode")
        let decoded = scratch + "/decoded.flac"
        do {
            var analysis: RecordingAnalysis
            do {
                analysis = try decoder.decode(file, copyTo: decoded, progress: progress) { pcm, seconds, tick in
                    let stream = try AudioFile(streamingFrom: pcm, name: file, expectedSeconds: seconds)
                    return try RecordingAnalyzer.analyze(stream) { _ in tick() }
                }
            } catch let failure as FFmpegFailure {
                throw ForeignFormatError.unreadable(path: file, reason: reason, ffmpegReason: failure.reason)
            }
            // ffmpeg writes through the umask; the copy is as private as the library.
            chmod(decoded, 0o600)
            // The stream promised no length; the copy's header says it exactly, and must hold what was heard.
            let copy: AudioFormat
            do {
                copy = try AudioFile(path: decoded).format
            } catch {
                throw error.naming(file)
            }
            guard copy.frameCount == analysis.decodedFrameCount, copy.sampleRate == analysis.format.sampleRate,
                copy.channelCount == analysis.format.channelCount
            else {
                throw AudioError.readFailed(
                    path: file,
                    reason: "ffmpeg's copy holds \(copy.frameCount) frames, its stream \(analysis.decodedFrameCount)")
            }
            analysis.format = copy
            progress(1)
            return DecodedRecording(analysis: analysis, scratch: scratch, decoded: decoded)
        } catch {
            try? FileManager.default.removeItem(atPath: scratch)
            throw error
        }
    }

    /// The copy in the library's folder.
    struct PlacedCopy {
        let path: String
        /// Whether placing put it there, rather than finding it there already.
        let isNew: Bool

        /// Takes the copy away again when storing it failed, unless it was there before.
        func withdraw() {
            if isNew { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Moves the copy into `library.decodedFolder`, named by its audio (the same memo decodes to the same copy,
    /// which an interview may already hold).
    func place(in library: Library) throws -> PlacedCopy {
        try PrivateFile.makeFolder(library.decodedFolder)
        let digest = analysis.fingerprint.split(separator: ":").last.map(String.init) ?? "recording"
        let copy = library.decodedFolder + "/" + digest + ".flac"
        let isNew = !FileManager.default.fileExists(atPath: copy)
        if isNew { try FileManager.default.moveItem(atPath: decoded, toPath: copy) }
        return PlacedCopy(path: copy, isNew: isNew)
    }

    /// Removes the scratch folder and whatever is still in it.
    func discard() { try? FileManager.default.removeItem(atPath: scratch) }
}
