import ArgumentParser
import Foundation
import TapescriptFiles

/// `--no-pager`, on the commands whose output can be long.
struct PagingOptions: ParsableArguments {
    @Flag(help: "Write straight to the terminal instead of through $PAGER.")
    var noPager = false

    /// Starts the pager when standard output is a terminal and the user has not said no.
    func start() -> Pager? { noPager ? nil : Pager.start() }
}

/// A long listing read through `$TAPESCRIPT_PAGER`, else `$PAGER`, else `less -FRX` (which quits at once when
/// the output fits on one screen, keeps colours, and leaves the text on the screen afterwards), as git does.
/// Only when standard output is a terminal; an empty pager or `cat` means none.
final class Pager {
    /// Said to the `Terminal` of standard output once it is the pager's pipe: the width of the terminal
    /// behind the pager, so that colour and fitting to the window stay as they would be without it. git
    /// passes the same through its environment (`GIT_PAGER_IN_USE`).
    static let columnsVariable = "TAPESCRIPT_PAGER_COLUMNS"
    static let defaultCommand = "less -FRX"

    private let process: ForegroundProcess
    private let savedOutput: Int32

    private init(process: ForegroundProcess, savedOutput: Int32) {
        (self.process, self.savedOutput) = (process, savedOutput)
    }

    static func command(environment: [String: String]) -> String? {
        let chosen = environment["TAPESCRIPT_PAGER"] ?? environment["PAGER"] ?? defaultCommand
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
    }

    /// Points standard output at a new pager; nil (and output unchanged) off a terminal or when it cannot start.
    static func start(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pager? {
        let terminal = Terminal.standardOutput
        guard terminal.isTTY, let command = command(environment: environment) else { return nil }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        let (reading, writing) = (ends[0], ends[1])
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
        if pagerEnvironment["LV"] == nil { pagerEnvironment["LV"] = "-c" }
        let process: ForegroundProcess
        do {
            process = try ForegroundProcess.shell(
                command, environment: pagerEnvironment, standardInput: reading, closing: [writing])
        } catch {
            close(reading)
            close(writing)
            return nil
        }
        close(reading)
        fflush(nil)
        let savedOutput = dup(STDOUT_FILENO)
        guard savedOutput >= 0, dup2(writing, STDOUT_FILENO) >= 0 else {
            close(writing)
            process.wait()
            return nil
        }
        close(writing)
        setenv(columnsVariable, String(terminal.columns ?? 80), 1)
        return Pager(process: process, savedOutput: savedOutput)
    }

    /// Ends the output and waits for the reader to quit the pager, so that the shell's prompt comes back after it.
    func finish() {
        fflush(nil)
        dup2(savedOutput, STDOUT_FILENO)
        close(savedOutput)
        unsetenv(Self.columnsVariable)
        process.wait()
    }
}
