import Foundation
import Testing

/// Help for every command, and output that stays plain when it is not for a colour terminal.
@Suite struct HelpAndTerminalTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let subcommands = ["import", "list", "segments", "resegment", "pauses"]

    @Test func theRootHelpListsEverySubcommand() async throws {
        let result = try await workspace.run("--help")

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: tapescript"))
        for subcommand in Self.subcommands { #expect(result.stdout.contains(subcommand), "\(subcommand)") }
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test(arguments: subcommands)
    func everySubcommandHasHelp(subcommand: String) async throws {
        let flag = try await workspace.run(subcommand, "--help")
        let helpCommand = try await workspace.run("help", subcommand)

        #expect(flag.exitCode == 0, "\(flag)")
        #expect(flag.stdout.contains("USAGE: tapescript \(subcommand)"), "\(flag)")
        #expect(flag.stdout.contains("--library"))
        #expect(helpCommand.exitCode == 0, "\(helpCommand)")
        #expect(helpCommand.stdout == flag.stdout)
        #expect(!FileManager.default.fileExists(atPath: workspace.library))
    }

    @Test func theVersionIsPrinted() async throws {
        let result = try await workspace.run("--version")

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result)")
    }

    @Test func anUnknownSubcommandIsAUsageError() async throws {
        let result = try await workspace.run("transcribe")

        expectUsageError(result, naming: "transcribe")
    }

    @Test(arguments: [[:], ["NO_COLOR": "1"], ["TERM": "xterm-256color"]])
    func outputThatIsNotForATerminalHasNoEscapeSequences(environment: [String: String]) async throws {
        let imported = try await workspace.run(
            ["import", CLI.sample("call-stereo.wav")], environment: environment)
        let cutShort = workspace.file("cut-short.wav")
        try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview-mono.wav"))).prefix(44 + 16_000)
            .write(to: URL(fileURLWithPath: cutShort))
        let warned = try await workspace.run(["import", cutShort], environment: environment)
        var results = [imported, warned]
        for command in [["list"], ["segments", "1"], ["pauses", "1"], ["resegment", "1"], ["--help"]] {
            results.append(try await workspace.run(command, environment: environment))
        }

        #expect(imported.exitCode == 0, "\(imported)")
        #expect(warned.stderr.contains("warning:"), "\(warned)")
        for result in results {
            #expect(!result.stdout.contains("\u{1B}"), "\(result)")
            #expect(!result.stderr.contains("\u{1B}"), "\(result)")
            #expect(!result.stderr.contains("\r"), "\(result)")
        }
    }

    @Test(.enabled(if: PseudoTerminal.isAvailable, "needs util-linux 'script' to give tapescript a terminal"))
    func aColourTerminalGetsBoldHeadings() async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))

        let result = try await workspace.runInTerminal(["segments", "1"], environment: ["TERM": "xterm-256color"])

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("\u{1B}[1mcall-stereo\u{1B}[0m"), "\(result)")
    }

    @Test(
        .enabled(if: PseudoTerminal.isAvailable, "needs util-linux 'script' to give tapescript a terminal"),
        arguments: [["NO_COLOR": "1", "TERM": "xterm-256color"], ["TERM": "dumb"]])
    func aTerminalThatRefusesColourGetsNone(environment: [String: String]) async throws {
        try await workspace.importRecording(CLI.sample("call-stereo.wav"))
        let cutShort = workspace.file("cut-short.wav")
        try Data(contentsOf: URL(fileURLWithPath: CLI.sample("interview-mono.wav"))).prefix(44 + 16_000)
            .write(to: URL(fileURLWithPath: cutShort))

        var results: [CLIResult] = []
        for command in [["import", cutShort], ["list"], ["segments", "1"], ["pauses", "1"]] {
            results.append(try await workspace.runInTerminal(command, environment: environment))
        }

        for result in results {
            #expect(result.exitCode == 0, "\(result)")
            // Colour and style are SGR sequences, ESC [ … m; the progress line's ESC [ K is not colour.
            #expect(result.stdout.firstMatch(of: /\x{1B}\[[0-9;]*m/) == nil, "\(result)")
        }
        #expect(results[0].stdout.contains("warning: "))
    }
}
