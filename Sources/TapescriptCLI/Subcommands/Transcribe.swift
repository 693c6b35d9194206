import ArgumentParser
import Dispatch
import Foundation
import TapescriptApplication
import TapescriptEngines
import TapescriptLibrary
import TapescriptTime

extension EngineKind: ExpressibleByArgument {}

extension Tapescript {
    struct Transcribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a machine-made first draft of the words, offline, with Whisper.",
            discussion: """
                Transcribes the highlights (by default), every segment (--all) or the segments named, with \
                whisper.cpp (whisper-cli and a ggml model), faster-whisper (whisper-ctranslate2 and a CTranslate2 \
                model folder) or any program (--engine command --engine-path PROG: it gets a 16 kHz mono WAV as \
                its last argument and prints JSON with times, or plain text with --engine-output text). Nothing \
                leaves the machine.

                The text is stored as the machine's version: review shows it marked, with the words the engine \
                was unsure of, and your correction is a new version on top. Text a person wrote is never \
                replaced; earlier machine text only with --overwrite-machine. On a call, each segment is \
                transcribed from its speaker's own channel. Ctrl-C stops and keeps what is done; running again \
                goes on.

                Without --engine-path and --model, it looks for $TAPESCRIPT_WHISPER_MODEL, then for what \
                'make engine' installed in $XDG_CACHE_HOME/tapescript/engine, then for whisper-cli on the PATH. \
                --check says what it would use, or what is missing.
                """)

        @OptionGroup var libraryOptions: LibraryOptions

        @Argument(help: "The interview: its slug or number.", completion: .custom(SlugCompletion.slugs))
        var interview: String?

        @Argument(help: "Segments to transcribe, e.g. 12-14 or 3 5 7 (default: the highlights).")
        var segments: [SegmentSelection] = []

        @Flag(help: "Transcribe every segment, not only the highlights.")
        var all = false

        @Option(help: "whisper.cpp, faster-whisper or command (default: the first one found).")
        var engine: EngineKind?

        @Option(help: ArgumentHelp("The engine's program.", valueName: "path"), completion: .file())
        var enginePath: String?

        @Option(help: "For --engine command: json (words with times, the default) or text.")
        var engineOutput: CommandOutput = .json

        @Option(
            help: ArgumentHelp("The model: a ggml-....bin file, or a CTranslate2 folder.", valueName: "path"),
            completion: .file())
        var model: String?

        @Option(help: "The language spoken, as an ISO 639-1 code (de, fr, ...); default: the model's.")
        var language: String?

        @Option(help: "Engine calls at a time (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Transcribe again the segments whose text is still the machine's. A person's text is kept.")
        var overwriteMachine = false

        @Flag(help: "Say which engine and model would be used, or what is missing, and stop.")
        var check = false

        @Flag(help: "Print what was done as JSON.")
        var json = false

        enum CommandOutput: String, ExpressibleByArgument, CaseIterable {
            case json, text
        }

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
            if !check, interview == nil { throw ValidationError("name the interview to transcribe") }
            if all, !segments.isEmpty { throw ValidationError("give --all or segments, not both") }
            if let language,
                language.isEmpty || language.count > 8 || !language.allSatisfy({ $0.isLetter || $0 == "-" })
            {
                throw ValidationError("--language takes a language code such as en or de")
            }
        }

        func run() throws {
            let request = EngineLocator.Request(
                kind: engine, program: enginePath, model: model, commandPrintsTimes: engineOutput == .json)
            let chosen = try EngineLocator().locate(request)
            if check {
                Output.line("engine: \(chosen.name)")
                Output.line("program: \(Self.program(of: chosen))")
                Output.line("model: \(Self.modelPath(of: chosen))")
                return
            }
            guard let interview, let library = try libraryOptions.openForReading() else {
                throw LibraryError.unknownInterview(reference: interview ?? "")
            }
            let reference = InterviewReference(interview)
            let options = Transcriber.Options(
                selection: all ? .all : segments.isEmpty ? .highlights : .segments(segments.map { $0.first...$0.last }),
                language: language, overwriteMachine: overwriteMachine, jobs: jobs)
            let transcriber = Transcriber(library: library)
            let plan = try transcriber.plan(reference, options: options, engineGivesTimes: chosen.givesWordTimes)
            let diagnostics = libraryOptions.diagnostics
            if plan.windows.isEmpty {
                if json {
                    try printJSON(Report(plan: plan, engine: chosen, outcome: nil, interrupted: false))
                } else {
                    diagnostics.line(Self.nothingToDo(plan))
                }
                return
            }
            let bar = ProgressBar("transcribing", total: 0, unit: .audioSeconds, diagnostics: diagnostics)
            let result = Self.runCancellably {
                try await transcriber.run(plan, engine: chosen, options: options, reference: reference) { progress in
                    bar.show(done: progress.doneSeconds, of: progress.totalSeconds)
                }
            }
            diagnostics.clearProgress()
            switch result {
            case .success(let outcome):
                if json {
                    try printJSON(Report(plan: plan, engine: chosen, outcome: outcome, interrupted: false))
                } else {
                    diagnostics.line(Self.summary(plan, outcome, engine: chosen))
                }
            case .failure(let error) where error is CancellationError:
                let stored =
                    (try? transcriber.plan(reference, options: options, engineGivesTimes: true))
                    .map { plan.segmentCount - $0.segmentCount } ?? 0
                diagnostics.line(
                    "Interrupted: \(stored) of \(plan.segmentCount) segments transcribed and kept; run the same command "
                        + "again to go on.")
                throw ExitCode(130)
            case .failure(let error):
                throw error
            }
        }

        /// Runs `body` on the cooperative pool, cancelling it on SIGINT or SIGTERM, and waits for it.
        static func runCancellably<T: Sendable>(
            _ body: @escaping @Sendable () async throws -> T
        ) -> Result<T, any Error> {
            let done = DispatchSemaphore(value: 0)
            let box = ResultBox<T>()
            let cancelled = CancelFlag()
            // The handlers are in place before any work starts, so that no signal finds the default action.
            let sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { cancelled.cancel() }
                source.resume()
                return source
            }
            let task = Task {
                do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
                done.signal()
            }
            cancelled.onCancel { task.cancel() }
            done.wait()
            for source in sources { source.cancel() }
            return box.result ?? .failure(CancellationError())
        }

        static func program(of engine: any SpeechEngine) -> String {
            switch engine {
            case let whisper as WhisperCppEngine: whisper.program.path
            case let faster as FasterWhisperEngine: faster.program.path
            case let command as CommandEngine: command.program.path
            default: engine.name
            }
        }

        static func modelPath(of engine: any SpeechEngine) -> String {
            switch engine {
            case let whisper as WhisperCppEngine: whisper.modelFile.path
            case let faster as FasterWhisperEngine: faster.modelDirectory.path
            default: "(the program's own)"
            }
        }

        static func nothingToDo(_ plan: Transcriber.Plan) -> TerminalText {
            if plan.keptHuman.isEmpty, plan.keptMachine.isEmpty {
                return "Nothing to transcribe in '\(plan.slug)': no segments chosen (mark highlights, or use --all)."
            }
            var parts: [String] = []
            if !plan.keptHuman.isEmpty { parts.append("\(Self.count(plan.keptHuman.count)) with text a person wrote") }
            if !plan.keptMachine.isEmpty {
                parts.append(
                    "\(Self.count(plan.keptMachine.count)) already transcribed (--overwrite-machine redoes them)")
            }
            return "Nothing to transcribe in '\(plan.slug)': \(parts.joined(separator: ", "))."
        }

        static func summary(
            _ plan: Transcriber.Plan, _ outcome: Transcriber.Outcome, engine: any SpeechEngine
        ) -> TerminalText {
            var line =
                "Transcribed \(Self.count(outcome.transcribed.count)) of '\(plan.slug)' with \(engine.name) "
                + "(\(engine.model)), \(Timecode.duration(plan.speechSeconds)) of speech in "
                + "\(plan.windows.count) call\(plan.windows.count == 1 ? "" : "s")"
            if !outcome.silent.isEmpty { line += "; no words heard in \(Self.count(outcome.silent.count))" }
            if !plan.keptHuman.isEmpty { line += "; kept \(Self.count(plan.keptHuman.count)) with a person's text" }
            return TerminalText(line + ".")
        }

        static func count(_ number: Int) -> String { number == 1 ? "1 segment" : "\(number) segments" }

        struct Report: Encodable {
            var interview: String
            var engine: String
            var model: String
            var transcribed: [Int]
            var silent: [Int]
            var keptHuman: [Int]
            var keptMachine: [Int]
            var calls: Int
            var speechSeconds: Double
            var interrupted: Bool

            init(plan: Transcriber.Plan, engine: any SpeechEngine, outcome: Transcriber.Outcome?, interrupted: Bool) {
                interview = plan.slug
                self.engine = engine.name
                model = engine.model
                transcribed = outcome?.transcribed ?? []
                silent = outcome?.silent ?? []
                keptHuman = plan.keptHuman
                keptMachine = plan.keptMachine
                calls = outcome == nil ? 0 : plan.windows.count
                speechSeconds = (plan.speechSeconds * 100).rounded() / 100
                self.interrupted = interrupted
            }
        }
    }
}

/// A signal that came, and what to do about it: the task to cancel is known only once it started.
private final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isCancelled = false
    private var action: (@Sendable () -> Void)?

    func cancel() {
        let run: (@Sendable () -> Void)? = lock.withLock {
            isCancelled = true
            return action
        }
        run?()
    }

    func onCancel(_ body: @escaping @Sendable () -> Void) {
        let already: Bool = lock.withLock {
            action = body
            return isCancelled
        }
        if already { body() }
    }
}

/// The result a task hands back to the thread waiting for it.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<T, any Error>?
    var result: Result<T, any Error>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
