import Foundation
import TapescriptAudio
import TapescriptEngines
import TapescriptFiles
import TapescriptLibrary
import TapescriptText

/// The use case behind `tapescript transcribe`: a machine-made first draft of the words of the chosen segments,
/// never over a person's. Segments are sent to the engine in few calls (each a window of consecutive segments of
/// one speaker, from that speaker's own channel on a call), several calls at a time; each window's words are
/// stored as soon as it is done, so an interrupted run keeps them and the next run goes on from there.
public struct Transcriber: Sendable {
    /// Which segments to transcribe.
    public enum Selection: Sendable, Equatable {
        /// Those in highlights (the default).
        case highlights
        case all
        /// These 1-based ranges.
        case segments([ClosedRange<Int>])
    }

    public struct Options: Sendable {
        public var selection: Selection
        public var language: String?
        public var overwriteMachine: Bool
        /// Engine calls at a time.
        public var jobs: Int
        /// The longest window sent in one call, in seconds of speech.
        public var maximumWindowSeconds: Double

        public init(
            selection: Selection = .highlights, language: String? = nil, overwriteMachine: Bool = false,
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maximumWindowSeconds: Double = 240
        ) {
            self.selection = selection
            self.language = language
            self.overwriteMachine = overwriteMachine
            self.jobs = max(1, jobs)
            self.maximumWindowSeconds = maximumWindowSeconds
        }
    }

    /// The segments of one engine call, laid out in its audio.
    public struct Window: Sendable {
        public var segments: [Int]
        public var audio: SpeechWindow
    }

    public struct Plan: Sendable {
        public var slug: String
        public var recordingPath: String
        public var windows: [Window]
        /// Segments left alone because a person wrote their text (or the author deleted it).
        public var keptHuman: [Int]
        /// Segments left alone because the machine already wrote their text (`--overwrite-machine` redoes them).
        public var keptMachine: [Int]
        public var speechSeconds: Double { windows.reduce(0) { $0 + $1.audio.pieces.reduce(0) { $0 + $1.duration } } }
        public var segmentCount: Int { windows.reduce(0) { $0 + $1.segments.count } }
    }

    /// How far a run has got.
    public struct Progress: Sendable {
        public var doneSeconds: Double
        public var totalSeconds: Double
        public var storedSegments: Int
    }

    public struct Outcome: Sendable {
        /// The segments that got machine text.
        public var transcribed: [Int]
        /// Segments the engine heard no words in.
        public var silent: [Int]
    }

    let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// What a run would do.
    /// - Throws: `LibraryError` when the interview is unknown; `TranscriptionError` for segments it does not have.
    public func plan(
        _ reference: InterviewReference, options: Options, engineGivesTimes: Bool
    ) throws -> Plan {
        let snapshot = try library.reviewSnapshot(of: reference)
        let chosen: [ReviewSegment]
        switch options.selection {
        case .highlights: chosen = snapshot.segments.filter { $0.highlight != nil }
        case .all: chosen = snapshot.segments
        case .segments(let ranges):
            for range in ranges where range.upperBound > snapshot.segments.count {
                throw TranscriptionError.noSuchSegment(range.upperBound, count: snapshot.segments.count)
            }
            chosen = snapshot.segments.filter { segment in ranges.contains { $0.contains(segment.index) } }
        }
        var keptHuman: [Int] = []
        var keptMachine: [Int] = []
        var todo: [ReviewSegment] = []
        for segment in chosen {
            if segment.mayTakeMachineText(overwriting: options.overwriteMachine) {
                todo.append(segment)
            } else if segment.hasMachineText {
                keptMachine.append(segment.index)
            } else {
                keptHuman.append(segment.index)
            }
        }
        let rate = snapshot.recording.sampleRate
        let stereo = snapshot.recording.channelCount > 1
        var windows: [Window] = []
        // Consecutive segments of one speaker go together; on a call, each from its own channel.
        var open: [Int?: [ReviewSegment]] = [:]
        func close(_ channel: Int?) {
            guard let segments = open[channel], !segments.isEmpty else { return }
            let stretches = segments.map { (frames: $0.startFrame..<$0.endFrame, channel: stereo ? $0.channel : nil) }
            windows.append(
                Window(segments: segments.map(\.index), audio: SpeechWindow(stretches: stretches, sampleRate: rate)))
            open[channel] = nil
        }
        for segment in todo {
            let channel = stereo ? segment.channel : nil
            let seconds = Double(segment.endFrame - segment.startFrame) / Double(rate)
            let held = (open[channel] ?? []).reduce(0.0) { $0 + Double($1.endFrame - $1.startFrame) / Double(rate) }
            if !engineGivesTimes || held + seconds > options.maximumWindowSeconds { close(channel) }
            open[channel, default: []].append(segment)
        }
        for channel in open.keys.sorted(by: { ($0 ?? -1) < ($1 ?? -1) }) { close(channel) }
        // The longest first, so that the calls running side by side end together.
        windows.sort { $0.audio.duration > $1.audio.duration }
        return Plan(
            slug: snapshot.interview.slug, recordingPath: snapshot.recording.path, windows: windows,
            keptHuman: keptHuman, keptMachine: keptMachine)
    }

    /// Runs `plan` with `engine`, `options.jobs` calls at a time, storing each window's text when it is done.
    /// Cancelling the task stops the running calls; what was stored stays.
    /// - Throws: `EngineError`, `AudioExcerptError`, `LibraryError`, `FileError`; `CancellationError` when cancelled.
    public func run(
        _ plan: Plan, engine: any SpeechEngine, options: Options, reference: InterviewReference,
        progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Outcome {
        let scratch = try PrivateFile.makeScratchFolder(prefix: "tapescript-transcribe")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / options.jobs)
        let total = plan.speechSeconds
        var outcome = Outcome(transcribed: [], silent: [])
        var done = 0.0
        progress(Progress(doneSeconds: 0, totalSeconds: total, storedSegments: 0))
        try await withThrowingTaskGroup(of: (Window, [MachineText]).self) { group in
            var pending = plan.windows[...]
            func startNext() {
                guard let window = pending.popFirst() else { return }
                let number = plan.windows.count - pending.count
                group.addTask {
                    let texts = try await Self.transcribe(
                        window, number: number, recordingPath: plan.recordingPath, engine: engine,
                        language: options.language, threads: threads, scratch: scratch)
                    return (window, texts)
                }
            }
            for _ in 0..<options.jobs { startNext() }
            while let (window, texts) = try await group.next() {
                let stored = try library.storeMachineTexts(
                    reference, texts, overwriteMachine: options.overwriteMachine)
                outcome.transcribed += stored
                outcome.silent += window.segments.filter { !stored.contains($0) }
                done += window.audio.pieces.reduce(0) { $0 + $1.duration }
                progress(Progress(doneSeconds: done, totalSeconds: total, storedSegments: outcome.transcribed.count))
                startNext()
            }
        }
        outcome.transcribed.sort()
        outcome.silent.sort()
        return outcome
    }

    /// One engine call: the window's audio written, recognised, and its words handed back to their segments.
    static func transcribe(
        _ window: Window, number: Int, recordingPath: String, engine: any SpeechEngine, language: String?,
        threads: Int, scratch: String
    ) async throws -> [MachineText] {
        let audio = URL(fileURLWithPath: scratch).appendingPathComponent("window-\(number).wav")
        defer { try? FileManager.default.removeItem(at: audio) }
        try window.audio.write(from: recordingPath, to: audio.path)
        var recognition = try await engine.recognize(
            audio: audio, language: language, threads: threads, scratch: URL(fileURLWithPath: scratch))
        // An engine is a program's output like any other: the library never keeps control characters.
        recognition.words = recognition.words.compactMap { word in
            var clean = word
            clean.text = ControlCharacters.stripped(word.text).text
            return clean.text.isEmpty ? nil : clean
        }
        var wordsByPiece = Array(repeating: [MachineTranscript.Word](), count: window.audio.pieces.count)
        if recognition.hasTimes {
            for word in recognition.words {
                guard let index = window.audio.piece(startingWordAt: word.start) else { continue }
                let piece = window.audio.pieces[index]
                let start = min(max(0, word.start - piece.windowStart), piece.duration)
                let end = min(max(start, word.end - piece.windowStart), piece.duration)
                wordsByPiece[index].append(
                    MachineTranscript.Word(text: word.text, start: start, end: end, probability: word.probability))
            }
        } else if !wordsByPiece.isEmpty {
            // Without times a window holds one segment: all the words are its.
            wordsByPiece[0] = recognition.words.map {
                MachineTranscript.Word(text: $0.text, start: 0, end: 0, probability: $0.probability)
            }
        }
        return zip(window.audio.pieces, wordsByPiece).compactMap { piece, words in
            let text = words.map(\.text).joined(separator: " ")
            guard !text.isEmpty else { return nil }
            return MachineText(
                startFrame: piece.frames.lowerBound, endFrame: piece.frames.upperBound, text: text,
                transcript: MachineTranscript(
                    engine: engine.name, model: engine.model, language: language, words: words))
        }
    }
}

/// Why a transcription was refused before any engine ran.
public enum TranscriptionError: Error, Equatable, Sendable, CustomStringConvertible {
    case noSuchSegment(Int, count: Int)

    public var description: String {
        switch self {
        case .noSuchSegment(let index, let count):
            return "there is no segment \(index): the interview has \(count) segment\(count == 1 ? "" : "s")"
        }
    }
}
