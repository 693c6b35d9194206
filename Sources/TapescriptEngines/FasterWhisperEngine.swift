import Foundation

/// faster-whisper (CTranslate2) through the `whisper-ctranslate2` command, for users who have Python: a model
/// folder in CTranslate2's format, JSON with word times.
public struct FasterWhisperEngine: SpeechEngine {
    public let name = "faster-whisper"
    public let program: URL
    public let modelDirectory: URL
    public var givesWordTimes: Bool { true }
    public var model: String { modelDirectory.lastPathComponent }

    public init(program: URL, modelDirectory: URL) {
        self.program = program
        self.modelDirectory = modelDirectory
    }

    public func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition {
        var arguments = [
            audio.path, "--model_directory", modelDirectory.path, "--output_format", "json", "--output_dir",
            scratch.path, "--word_timestamps", "True", "--device", "cpu", "--compute_type", "default", "--threads",
            String(max(1, threads)), "--verbose", "False",
        ]
        if let language { arguments += ["--language", language] }
        let outcome = try await EngineProcess.run(program, arguments)
        guard outcome.status == 0 else {
            throw EngineError.failed(engine: name, status: outcome.status, detail: outcome.errorTail)
        }
        let jsonFile = scratch.appendingPathComponent(audio.deletingPathExtension().lastPathComponent + ".json")
        defer { try? FileManager.default.removeItem(at: jsonFile) }
        let data: Data
        do {
            data = try Data(contentsOf: jsonFile)
        } catch {
            throw EngineError.unreadableOutput(engine: name, detail: "it wrote no \(jsonFile.lastPathComponent)")
        }
        return try TranscriptJSON.fasterWhisper(data)
    }
}
