import Foundation
import TapescriptApplication
import TapescriptAudio
import TapescriptLibrary
import TapescriptTime

/// What `tapescript import` says about one imported file, for people and (as JSON) for scripts.
struct ImportReport: Encodable {
    var id: Int64
    var slug: String
    var title: String
    var duration: Double
    var sampleRate: Int
    var channels: Int
    var format: String
    var segments: Int
    var markers: Int
    var truncated: Bool
    var missingSeconds: Double?

    init(_ imported: ImportedRecording) {
        let (interview, analysis) = (imported.interview, imported.analysis)
        let rate = Double(analysis.format.sampleRate)
        id = interview.id ?? 0
        slug = interview.slug
        title = interview.title
        duration = Double(analysis.decodedFrameCount) / rate
        sampleRate = analysis.format.sampleRate
        channels = analysis.format.channelCount
        format = "\(analysis.format.container), \(analysis.format.encoding)"
        segments = imported.regions.count
        markers = analysis.markers.count
        truncated = analysis.truncation != nil
        missingSeconds = analysis.truncation?.missingFrameCount.map { Double($0) / rate }
    }

    var summary: String {
        let channelText = channels == 1 ? "mono" : "\(channels) channels"
        let markerText = markers > 0 ? ", \(markers) marker\(markers == 1 ? "" : "s")" : ""
        return "imported '\(title)' as \(slug) (#\(id)): \(Timecode.duration(duration)), \(channelText), "
            + "\(segments) segment\(segments == 1 ? "" : "s")\(markerText)"
    }
}

/// Warnings and notes about a recording that imported but is not quite whole.
struct ImportNotes {
    let analysis: RecordingAnalysis
    let file: String
    let regions: [SpeechRegion]
    let decodedCopy: String?

    init(_ imported: ImportedRecording) {
        (analysis, file, regions) = (imported.analysis, imported.file, imported.regions)
        decodedCopy = imported.decodedCopy
    }

    func report(to diagnostics: Diagnostics) {
        if let decodedCopy {
            diagnostics.note(
                "libsndfile cannot read '\(file)', so ffmpeg decoded it; the library keeps the FLAC copy "
                    + "\(decodedCopy) to play and export")
        }
        let rate = Double(analysis.format.sampleRate)
        let readSeconds = Double(analysis.decodedFrameCount) / rate
        if let truncation = analysis.truncation {
            if let missing = truncation.missingFrameCount {
                let expected = Double(truncation.expectedFrameCount ?? 0) / rate
                diagnostics.warning(
                    "'\(file)' ends early: \(Timecode.duration(readSeconds)) of \(Timecode.duration(expected)) "
                        + "could be read, \(Timecode.duration(Double(missing) / rate)) are missing; "
                        + "imported what is there")
            } else {
                diagnostics.warning(
                    "the header of '\(file)' was never finished (the recorder stopped abruptly); "
                        + "imported the \(Timecode.duration(readSeconds)) that are on disk")
            }
        }
        if analysis.nonFiniteSampleCount > 0 {
            diagnostics.note(
                "\(analysis.nonFiniteSampleCount) samples in '\(file)' are not numbers (NaN or infinite); "
                    + "they count as silence")
        }
        if regions.isEmpty {
            diagnostics.note("no speech found in '\(file)': it is silent or never rises above its noise floor")
        }
    }
}
