import Foundation
import TapescriptTestSupport
import Testing

@testable import TapescriptAudio

@Suite struct EnvelopeTests {
    @Test func encodingRoundTripsEveryCode() throws {
        let envelope = Envelope(
            sampleRate: 48_000, windowFrameCount: 480, channelCount: 2,
            levelCodes: (0..<512).map { UInt8($0 % 256) }, pitchCodes: (0..<256).map { UInt8($0) })
        let decoded = try #require(Envelope(encoded: envelope.encoded()))
        #expect(decoded == envelope)
    }

    @Test func bytesThatAreNotAnEnvelopeAreRejected() {
        #expect(Envelope(encoded: Data("not an envelope at all".utf8)) == nil)
        let truncated = Envelope(
            sampleRate: 8000, windowFrameCount: 80, channelCount: 1, levelCodes: [1, 2, 3], pitchCodes: [0, 0, 0]
        ).encoded().dropLast()
        #expect(Envelope(encoded: Data(truncated)) == nil)
    }

    @Test(arguments: [-120.0, -63.5, -20.0, 0.0, 7.5] as [Float])
    func levelCodesKeepHalfDecibels(decibels: Float) {
        #expect(abs(LevelCode.decibels(LevelCode.code(decibels: decibels)) - decibels) <= 0.25)
    }

    @Test(arguments: [55.0, 110.0, 196.0, 392.0] as [Float])
    func pitchCodesKeepQuarterSemitones(hertz: Float) throws {
        let semitones = try #require(PitchCode.semitones(PitchCode.code(hertz: hertz)))
        #expect(abs(semitones - 12 * log2f(hertz)) <= 0.13)
        #expect(PitchCode.code(hertz: 0) == 0)
    }

    @Test(arguments: [8000, 11025, 16000, 22050, 44100, 48000, 96000])
    func windowsAreAboutTenMillisecondsOfWholeDecimationGroups(sampleRate: Int) {
        let frames = Envelope.windowFrameCount(sampleRate: sampleRate)
        #expect(frames % EnvelopeBuilder.decimation(sampleRate: sampleRate) == 0)
        #expect(abs(Double(frames) / Double(sampleRate) - 0.01) < 0.0006)
    }

    @Test func aToneInTheVoiceBandMeasuresItsLevel() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 2)
        // 500 Hz: inside the voice band, and low enough that averaging down to 4 kHz costs well under 0.5 dB.
        recording.addHum(frequency: 500, decibels: -20)
        try recording.write(to: folder.file("tone.wav"))
        let analysis = try RecordingAnalyzer.analyze(path: folder.file("tone.wav"))
        let middle = analysis.envelope.windowCount / 2
        #expect(abs(analysis.envelope.level(window: middle, channel: 0) + 20) < 1)
    }

    @Test func humBelowTheVoiceBandIsFilteredOut() throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 2)
        recording.addHum(frequency: 50, decibels: -20)
        try recording.write(to: folder.file("hum.wav"))
        let analysis = try RecordingAnalyzer.analyze(path: folder.file("hum.wav"))
        let middle = analysis.envelope.windowCount / 2
        #expect(analysis.envelope.level(window: middle, channel: 0) < -40)
    }

    @Test(arguments: [110.0, 180.0, 260.0])
    func pitchOfAVoicedSoundIsFound(hertz: Double) throws {
        let folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 16_000, channelCount: 1, seconds: 2)
        recording.addSpeech(from: 0, to: 2, decibels: -25, pitch: hertz)
        try recording.write(to: folder.file("voice.wav"))
        let envelope = try RecordingAnalyzer.analyze(path: folder.file("voice.wav")).envelope
        let voiced = (0..<envelope.windowCount).compactMap { envelope.pitchSemitones(window: $0) }
        let median = try #require(SpeakerEvidence.medianCode(voiced.map { PitchCode.code(hertz: powf(2, $0 / 12)) }))
        let found = try #require(PitchCode.semitones(median))
        #expect(voiced.count > envelope.windowCount / 2)
        #expect(abs(found - 12 * log2f(Float(hertz))) < 0.5)
    }
}
