/// Why a recogniser could not be used or failed; each sentence says what to do.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    case programNotFound(engine: String, hint: String)
    case modelNotFound(engine: String, hint: String)
    case modelUnreadable(path: String)
    case englishOnlyModel(model: String, language: String)
    case badInput(engine: String, detail: String)
    case failed(engine: String, status: Int32, detail: String)
    case unreadableOutput(engine: String, detail: String)
    case cannotStart(program: String, reason: String)

    public var description: String {
        switch self {
        case .programNotFound(let engine, let hint):
            return "no \(engine) found: \(hint)"
        case .modelNotFound(let engine, let hint):
            return "no model for \(engine): \(hint)"
        case .modelUnreadable(let path):
            return "the model '\(path)' could not be loaded: is it a whisper.cpp ggml model (ggml-*.bin)?"
        case .englishOnlyModel(let model, let language):
            return "the model '\(model)' knows English only; for --language \(language) use a multilingual model "
                + "(one without .en in its name)"
        case .badInput(let engine, let detail):
            return "\(engine) could not read the audio it was given\(detail.isEmpty ? "" : ": \(detail)")"
        case .failed(let engine, let status, let detail):
            return "\(engine) failed (exit \(status))\(detail.isEmpty ? "" : ": \(detail)")"
        case .unreadableOutput(let engine, let detail):
            return "\(engine) printed something that is not a transcript: \(detail)"
        case .cannotStart(let program, let reason):
            return "cannot run '\(program)': \(reason)"
        }
    }
}
