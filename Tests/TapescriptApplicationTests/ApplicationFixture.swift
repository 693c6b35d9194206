import Foundation

@testable import TapescriptAudio
@testable import TapescriptLibrary

/// An in-memory library holding one call recording of four 1 s turns, every 2 s, at 8 kHz: A asks, B answers.
enum ApplicationFixture {
    static let interview = InterviewReference.slug("test")

    static func library(channels: Int = 2, path: String = "/t.wav") throws -> Library {
        let library = try Library.inMemory()
        let rate = 8000
        let windows = 10 * 100
        let envelope = Envelope(
            sampleRate: rate, windowFrameCount: 80, channelCount: channels,
            levelCodes: Array(repeating: 10, count: windows * channels), pitchCodes: Array(repeating: 0, count: windows)
        )
        let analysis = RecordingAnalysis(
            format: AudioFormat(
                container: "WAV", encoding: "PCM 16", sampleRate: rate, channelCount: channels, frameCount: 80_000,
                sampleKind: .integer),
            envelope: envelope, fingerprint: "test-\(channels)", markers: [], decodedFrameCount: 80_000,
            truncation: nil, nonFiniteSampleCount: 0)
        let regions = (0..<4).map { index in
            SpeechRegion(
                startFrame: Int64(index * 2 * rate), endFrame: Int64((index * 2 + 1) * rate),
                channel: channels > 1 ? index % 2 : nil)
        }
        _ = try library.importRecording(
            analysis, path: path, title: "Test", regions: regions, parameters: .interview)
        return library
    }

    /// The fixture with segments 1–4 as one highlight, each with words; with two titles, 1–2 and 3–4 as two
    /// highlights (nil for an untitled one).
    static func highlightedLibrary(titles: [String?] = ["Beginnings"]) throws -> Library {
        let library = try library()
        let texts = ["Where did you start?", "In a garage, with two friends.", "And then?", "Then we grew."]
        for (index, text) in texts.enumerated() {
            _ = try library.setText(interview, segment: index + 1, text: text)
        }
        let size = 4 / titles.count
        for (index, title) in titles.enumerated() {
            _ = try library.mark(interview, segments: index * size + 1, through: (index + 1) * size, title: title)
        }
        return library
    }
}
