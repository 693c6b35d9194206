import Foundation

/// whisper.cpp's `whisper-cli`, with a ggml model: what most users run. Its full JSON (`-ojf`) gives each token's
/// times. It is never given `-nt` (which drops whole sentences past 30 s) nor `-ot`/`-d` (which do not clip
/// reliably): Tapescript cuts the audio itself.
public struct WhisperCppEngine: SpeechEngine {
    public let name = "whisper.cpp"
    public let program: URL
    public let modelFile: URL
    public var givesWordTimes: Bool { true }
    public var model: String { modelFile.lastPathComponent }

    public init(program: URL, modelFile: URL) {
        self.program = program
        self.modelFile = modelFile
    }

    /// Whether the model knows English only (`ggml-tiny.en.bin`).
    var isEnglishOnly: Bool { modelFile.lastPathComponent.lowercased().contains(".en.") }

    public func recognize(audio: URL, language: String?, threads: Int, scratch: URL) async throws -> Recognition {
        if let language, isEnglishOnly, language.lowercased() != "en" {
            throw EngineError.englishOnlyModel(model: model, language: language)
        }
        let prefix = scratch.appendingPathComponent(audio.deletingPathExtension().lastPathComponent).path
        let arguments = [
            "-m", modelFile.path, "-f", audio.path, "-ojf", "-of", prefix, "-np", "-t", String(max(1, threads)),
            "-l", language ?? (isEnglishOnly ? "en" : "auto"),
        ]
        let outcome = try await EngineProcess.run(program, arguments)
        switch outcome.status {
        case 0: break
        case 2: throw EngineError.badInput(engine: name, detail: outcome.errorTail)
        case 3: throw EngineError.modelUnreadable(path: modelFile.path)
        default: throw EngineError.failed(engine: name, status: outcome.status, detail: outcome.errorTail)
        }
        let jsonFile = URL(fileURLWithPath: prefix + ".json")
        defer { try? FileManager.default.removeItem(at: jsonFile) }
        // whisper-cli exits 0 on a file it cannot read as audio, and on an unknown option: no JSON tells.
        guard let data = try? Data(contentsOf: jsonFile) else {
            if outcome.errorTail.contains("read audio") {
                throw EngineError.badInput(engine: name, detail: outcome.errorTail)
            }
            throw EngineError.unreadableOutput(
                engine: name,
                detail: "it wrote no transcript" + (outcome.errorTail.isEmpty ? "" : " (\(outcome.errorTail))"))
        }
        return try TranscriptJSON.whisperCpp(
            data, endOfTextID: isEnglishOnly ? TranscriptJSON.englishEndOfTextID : TranscriptJSON.englishEndOfTextID + 1
        )
    }
}
