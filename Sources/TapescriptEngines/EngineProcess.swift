import Foundation

/// Runs a recogniser's program to its end: its standard output kept (up to a bound), the end of its standard
/// error kept for the error message, stopped when the task is cancelled.
enum EngineProcess {
    struct Outcome {
        var status: Int32
        var output: Data
        var errorTail: String
    }

    /// The most standard output kept: a transcript of hours is a few megabytes.
    static let outputLimit = 64 << 20

    static func run(_ program: URL, _ arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { handle in
            collected.appendOutput(handle.availableData)
        }
        errors.fileHandleForReading.readabilityHandler = { handle in
            collected.appendError(handle.availableData)
        }
        let finished = AsyncStream<Int32> { continuation in
            process.terminationHandler = { ended in
                continuation.yield(ended.terminationStatus)
                continuation.finish()
            }
        }
        do {
            try process.run()
        } catch {
            throw EngineError.cannotStart(program: program.path, reason: error.localizedDescription)
        }
        let status = await withTaskCancellationHandler {
            var status: Int32 = -1
            for await ended in finished { status = ended }
            return status
        } onCancel: {
            process.terminate()
        }
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        collected.appendOutput(output.fileHandleForReading.readDataToEndOfFile())
        collected.appendError(errors.fileHandleForReading.readDataToEndOfFile())
        try Task.checkCancellation()
        return Outcome(status: status, output: collected.output, errorTail: collected.errorTail)
    }

    /// What the two pipes have given so far; their handlers run on other threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var outputData = Data()
        private var errorData = Data()

        func appendOutput(_ data: Data) {
            lock.withLock {
                if outputData.count < EngineProcess.outputLimit {
                    outputData.append(data.prefix(EngineProcess.outputLimit - outputData.count))
                }
            }
        }

        func appendError(_ data: Data) {
            lock.withLock {
                errorData.append(data)
                if errorData.count > 8192 { errorData = errorData.suffix(4096) }
            }
        }

        var output: Data { lock.withLock { outputData } }

        /// The last lines of standard error, for a one-line reason.
        var errorTail: String {
            let bytes: Data = lock.withLock { errorData }
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.last { !$0.isEmpty } ?? ""
        }
    }
}
