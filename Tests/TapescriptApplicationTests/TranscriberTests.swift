import CSndfile
import Foundation
import TapescriptAudio
import TapescriptEngines
import TapescriptLibrary
import TapescriptTestSupport
import Testing

@testable import TapescriptApplication

/// A recogniser that hears levels: for each stretch of sound in the 16 kHz WAV it is given, one word naming its
/// level (`L-10` for -10 dBFS) with the stretch's times. What it returns shows which audio each segment was
/// taken from, and where in the window.
struct LevelEngine: SpeechEngine {
    let name = "levels"
    let model = "none"
    let givesWordTimes = true
    let calls = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition {
        calls.increment()
        var info = SF_INFO()
        guard let file = sf_open(audio.path, Int32(SFM_READ), &info) else {
            throw EngineError.badInput(engine: name, detail: "")
        }
        defer { sf_close(file) }
        #expect(info.samplerate == 16_000 && info.channels == 1)
        var samples = [Float](repeating: 0, count: Int(info.frames))
        _ = samples.withUnsafeMutableBufferPointer { sf_readf_float(file, $0.baseAddress, info.frames) }
        let window = 160
        var words: [RecognizedWord] = []
        var run: (start: Int, energy: Double, count: Int)?
        for start in stride(from: 0, to: samples.count, by: window) {
            let block = samples[start..<min(samples.count, start + window)]
            let energy = block.reduce(0.0) { $0 + Double($1 * $1) } / Double(block.count)
            if energy > 1e-5 {
                run = (run?.start ?? start, (run?.energy ?? 0) + energy, (run?.count ?? 0) + 1)
            } else if let open = run {
                words.append(Self.word(open, end: start))
                run = nil
            }
        }
        if let open = run { words.append(Self.word(open, end: samples.count)) }
        return Recognition(words: words, hasTimes: true)
    }

    static func word(_ run: (start: Int, energy: Double, count: Int), end: Int) -> RecognizedWord {
        let decibels = 10 * log10(run.energy / Double(run.count))
        return RecognizedWord(
            text: "L\(Int((decibels / 3).rounded()) * 3)", start: Double(run.start) / 16_000, end: Double(end) / 16_000,
            probability: 0.9)
    }
}

@Suite struct TranscriberTests {
    let folder: TemporaryFolder
    let library: Library

    /// The fixture's call (four 1 s turns every 2 s, A then B) as a real 8 kHz WAV: each turn on its speaker's
    /// channel at -12 dB, and during the first turn B's line 6 dB louder still (a cough, a noisy line).
    init() throws {
        folder = try TemporaryFolder()
        var recording = TestRecording(sampleRate: 8000, channelCount: 2, seconds: 10)
        for turn in 0..<4 {
            recording.addSpeech(
                from: Double(turn * 2), to: Double(turn * 2 + 1), decibels: -12, channel: turn % 2, seed: UInt64(turn))
        }
        recording.addSpeech(from: 0, to: 1, decibels: -6, channel: 1, seed: 9)
        let path = folder.file("call.wav")
        try recording.write(to: path)
        library = try ApplicationFixture.library(path: path)
        _ = try library.mark(ApplicationFixture.interview, segments: 1, through: 4, title: nil)
    }

    func texts() throws -> [String?] {
        try library.reviewSnapshot(of: ApplicationFixture.interview).segments.map(\.text)
    }

    func run(_ options: Transcriber.Options, engine: LevelEngine = LevelEngine()) async throws -> Transcriber.Outcome {
        let transcriber = Transcriber(library: library)
        let plan = try transcriber.plan(ApplicationFixture.interview, options: options, engineGivesTimes: true)
        return try await transcriber.run(
            plan, engine: engine, options: options, reference: ApplicationFixture.interview)
    }

    @Test func eachSegmentGetsTheWordsOfItsOwnStretchFromItsSpeakersChannel() async throws {
        let engine = LevelEngine()
        let outcome = try await run(Transcriber.Options(selection: .all, jobs: 2), engine: engine)

        #expect(outcome.transcribed == [1, 2, 3, 4])
        // One call per speaker: the two turns of each are one window.
        #expect(engine.calls.count == 2)
        // From the mix, the first turn would be louder than the third (B's line adds to it).
        let texts = try texts()
        #expect(texts.allSatisfy { $0?.hasPrefix("L-") ?? false }, "\(texts)")
        #expect(texts[0] == texts[2], "\(texts)")
        let snapshot = try library.reviewSnapshot(of: ApplicationFixture.interview)
        #expect(snapshot.segments.allSatisfy { $0.textOrigin == .machine })
        let words = try #require(snapshot.segments[2].machine?.words)
        #expect(words.count == 1 && words[0].start < 0.1 && abs(words[0].end - 1) < 0.1)
        #expect(snapshot.segments[2].machine?.engine == "levels")
    }

    @Test func aPersonsTextIsNeverReplacedAndMachineTextOnlyWhenAsked() async throws {
        _ = try library.setText(ApplicationFixture.interview, segment: 2, text: "Typed by me.")
        _ = try await run(Transcriber.Options(selection: .all))
        #expect(try texts()[1] == "Typed by me.")

        let transcriber = Transcriber(library: library)
        let again = try transcriber.plan(
            ApplicationFixture.interview, options: Transcriber.Options(selection: .all), engineGivesTimes: true)
        #expect(again.windows.isEmpty)
        #expect(again.keptHuman == [2])
        #expect(again.keptMachine == [1, 3, 4])

        let overwrite = try transcriber.plan(
            ApplicationFixture.interview, options: Transcriber.Options(selection: .all, overwriteMachine: true),
            engineGivesTimes: true)
        #expect(overwrite.segmentCount == 3)
        #expect(overwrite.keptHuman == [2])
        _ = try await run(Transcriber.Options(selection: .all, overwriteMachine: true))
        #expect(try texts()[1] == "Typed by me.")
        #expect(try library.history(ApplicationFixture.interview, segment: 1).count == 2)
    }

    @Test func theHighlightsAreTheDefaultAndSegmentsCanBeNamed() throws {
        _ = try library.unmark(ApplicationFixture.interview, segments: 1, through: 4)
        _ = try library.mark(ApplicationFixture.interview, segments: 3, through: 4, title: nil)
        let transcriber = Transcriber(library: library)
        let highlights = try transcriber.plan(
            ApplicationFixture.interview, options: Transcriber.Options(), engineGivesTimes: true)
        #expect(highlights.windows.flatMap(\.segments).sorted() == [3, 4])
        let named = try transcriber.plan(
            ApplicationFixture.interview, options: Transcriber.Options(selection: .segments([1...2])),
            engineGivesTimes: false)
        // Without word times, one segment per call.
        #expect(named.windows.map(\.segments) == [[1], [2]] || named.windows.map(\.segments) == [[2], [1]])
        #expect(throws: TranscriptionError.noSuchSegment(9, count: 4)) {
            try transcriber.plan(
                ApplicationFixture.interview, options: Transcriber.Options(selection: .segments([9...9])),
                engineGivesTimes: true)
        }
    }

    @Test func aWindowPutsEachStretchWhereItSaysAndWordsFindTheirStretch() {
        let window = SpeechWindow(stretches: [(0..<8000, 0), (16_000..<40_000, 0)], sampleRate: 8000)
        #expect(window.pieces.map(\.windowStart) == [0, 1 + SpeechWindow.gapSeconds])
        #expect(window.duration == 1 + SpeechWindow.gapSeconds + 3)
        #expect(window.piece(startingWordAt: 0.5) == 0)
        // A last word timed late, in the silence after its stretch, is still that stretch's.
        #expect(window.piece(startingWordAt: 1.4) == 0)
        #expect(window.piece(startingWordAt: 1 + SpeechWindow.gapSeconds - 0.1) == 1)
        #expect(window.piece(startingWordAt: 99) == 1)
    }
}

/// An engine whose words carry terminal codes, as a hostile or broken program's output might.
struct EscapingEngine: SpeechEngine {
    let name = "escaping"
    let model = "none"
    let givesWordTimes = true

    func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition {
        Recognition(
            words: [
                RecognizedWord(text: "evil\u{1B}[2J", start: 0.1, end: 0.3, probability: 1),
                RecognizedWord(text: "\u{1B}]0;x\u{07}", start: 0.3, end: 0.4, probability: 1),
                RecognizedWord(text: "words", start: 0.4, end: 0.6, probability: 1),
            ], hasTimes: true)
    }
}

extension TranscriberTests {
    @Test func anEnginesControlCharactersNeverReachTheLibrary() async throws {
        let options = Transcriber.Options(selection: .segments([1...1]))
        let transcriber = Transcriber(library: library)
        let plan = try transcriber.plan(ApplicationFixture.interview, options: options, engineGivesTimes: true)
        _ = try await transcriber.run(
            plan, engine: EscapingEngine(), options: options, reference: ApplicationFixture.interview)

        let segment = try library.reviewSnapshot(of: ApplicationFixture.interview).segments[0]
        #expect(segment.text == "evil[2J ]0;x words")
        #expect(segment.machine?.words.map(\.text) == ["evil[2J", "]0;x", "words"])
    }
}
