import Foundation
import TapescriptFiles

/// Finds the recogniser to run: what the command line names, then the environment, then what `make engine`
/// installed in the cache folder, then the PATH. When nothing is found, the error says how to install it.
public struct EngineLocator: Sendable {
    /// What the user asked for; nil fields are looked for.
    public struct Request: Sendable {
        public var kind: EngineKind?
        public var program: String?
        public var model: String?
        /// For `command`: whether the program prints JSON with times.
        public var commandPrintsTimes: Bool

        public init(
            kind: EngineKind? = nil, program: String? = nil, model: String? = nil, commandPrintsTimes: Bool = true
        ) {
            self.kind = kind
            self.program = program
            self.model = model
            self.commandPrintsTimes = commandPrintsTimes
        }
    }

    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `$XDG_CACHE_HOME/tapescript/engine` (`~/.cache/tapescript/engine`): where `make engine` puts whisper-cli
    /// and its models.
    public var cacheFolder: URL {
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return URL(fileURLWithPath: cache).appendingPathComponent("tapescript/engine")
    }

    static let installHint =
        "install whisper.cpp (brew install whisper-cpp, or your own build of whisper-cli) and a ggml model, "
        + "or run `make engine` in Tapescript's source folder; or pass --engine-path and --model"

    /// The engine for `request`.
    /// - Throws: `EngineError.programNotFound` or `.modelNotFound`, saying how to install what is missing.
    public func locate(_ request: Request) throws(EngineError) -> any SpeechEngine {
        switch request.kind {
        case .whisperCpp: return try whisperCpp(request)
        case .fasterWhisper: return try fasterWhisper(request)
        case .command: return try command(request)
        case nil:
            if let found = try? whisperCpp(request) { return found }
            if let found = try? fasterWhisper(request) { return found }
            return try whisperCpp(request)
        }
    }

    func whisperCpp(_ request: Request) throws(EngineError) -> WhisperCppEngine {
        let engine = EngineKind.whisperCpp.rawValue
        guard
            let program = request.program.flatMap(executable)
                ?? executable(cacheFolder.appendingPathComponent("bin/whisper-cli").path)
                ?? executable("whisper-cli") ?? executable("whisper-cpp")
        else {
            if let named = request.program {
                throw .programNotFound(engine: engine, hint: "'\(named)' is not an executable program")
            }
            throw .programNotFound(engine: engine, hint: Self.installHint)
        }
        let models = cacheFolder.appendingPathComponent("models")
        let candidates = [request.model, environment["TAPESCRIPT_WHISPER_MODEL"]].compactMap { $0 }
        if let named = candidates.first {
            guard FileManager.default.isReadableFile(atPath: named) else {
                throw .modelNotFound(engine: engine, hint: "'\(named)' is not a readable file")
            }
            return WhisperCppEngine(program: program, modelFile: URL(fileURLWithPath: named))
        }
        let installed = ["ggml-base.en.bin", "ggml-tiny.en.bin", "ggml-base.bin", "ggml-tiny.bin"]
            .map { models.appendingPathComponent($0) }
            .first { FileManager.default.isReadableFile(atPath: $0.path) }
        guard let installed else {
            throw .modelNotFound(
                engine: engine,
                hint: "pass --model ggml-….bin or set TAPESCRIPT_WHISPER_MODEL, or run `make engine` in Tapescript's "
                    + "source folder")
        }
        return WhisperCppEngine(program: program, modelFile: installed)
    }

    func fasterWhisper(_ request: Request) throws(EngineError) -> FasterWhisperEngine {
        let engine = EngineKind.fasterWhisper.rawValue
        guard let program = request.program.flatMap(executable) ?? executable("whisper-ctranslate2") else {
            throw .programNotFound(
                engine: engine, hint: "pip install whisper-ctranslate2, or pass --engine-path to its program")
        }
        let named = request.model ?? environment["TAPESCRIPT_FASTER_WHISPER_MODEL"]
        let folder = named ?? cacheFolder.appendingPathComponent("models/ct2-tiny.en").path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder + "/model.bin", isDirectory: &isFolder), !isFolder.boolValue
        else {
            throw .modelNotFound(
                engine: engine,
                hint: "pass --model with a CTranslate2 model folder (one holding model.bin), or set "
                    + "TAPESCRIPT_FASTER_WHISPER_MODEL")
        }
        return FasterWhisperEngine(program: program, modelDirectory: URL(fileURLWithPath: folder))
    }

    func command(_ request: Request) throws(EngineError) -> CommandEngine {
        guard let named = request.program else {
            throw .programNotFound(engine: "command", hint: "pass --engine-path with the program to run")
        }
        guard let program = executable(named) else {
            throw .programNotFound(engine: "command", hint: "'\(named)' is not an executable program")
        }
        return CommandEngine(program: program, printsTimes: request.commandPrintsTimes)
    }

    /// A program named by path, or by name on `PATH`.
    private func executable(_ program: String) -> URL? {
        ProgramLookup.find(program, environment: environment).map { URL(fileURLWithPath: $0) }
    }
}
