import Foundation
import Testing

/// `make install`: the binary, the man page and the shell completions under `$(DESTDIR)$(PREFIX)`; completions
/// that know the library's interviews.
@Suite struct InstallTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Runs a program to its end; its standard output.
    private func output(of program: String, _ arguments: [String], in folder: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func bashCompletesAnInterviewsSlugFromTheLibraryTheCommandLineNames() async throws {
        guard let binary = CLI.binary else { throw CLIError(description: "needs the built tapescript") }
        try await workspace.importRecording(CLI.sample("interview-mono.wav"), title: "Jane on mentors")
        try await workspace.importRecording(CLI.sample("call-stereo.wav"), title: "Andy on radio")
        let script = workspace.file("tapescript.bash")
        let generated = try await workspace.run("--generate-completion-script", "bash")
        try Data(generated.stdout.utf8).write(to: URL(fileURLWithPath: script))

        func complete(_ line: String) throws -> [String] {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let quoted = words.map(PseudoTerminal.quoted).joined(separator: " ")
            let program = """
                source \(PseudoTerminal.quoted(script))
                COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
                COMP_LINE=\(PseudoTerminal.quoted(line)); COMP_POINT=${#COMP_LINE}
                _tapescript; printf '%s\\n' "${COMPREPLY[@]}"
                """
            return try output(of: "/bin/bash", ["-c", program]).split(separator: "\n").map(String.init).sorted()
        }

        #expect(
            try complete("\(binary) segments --library \(workspace.library) ") == ["andy-on-radio", "jane-on-mentors"])
        #expect(try complete("\(binary) highlights --library \(workspace.library) ja") == ["jane-on-mentors"])
        #expect(try complete("\(binary) segments --library \(workspace.file("none.sqlite")) ").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.file("none.sqlite")), "completing makes nothing")
    }

    @Test func installAndUninstallPutEverythingUnderDestdirAndPrefix() throws {
        let root = CLI.packageRoot.path
        let planned = try output(
            of: "/usr/bin/make", ["-n", "install", "DESTDIR=/stage", "PREFIX=/opt/ts"], in: root)
        let removal = try output(
            of: "/usr/bin/make", ["-n", "uninstall", "DESTDIR=/stage", "PREFIX=/opt/ts"], in: root)

        for path in [
            "/stage/opt/ts/bin/tapescript", "/stage/opt/ts/share/man/man1/tapescript.1",
            "/stage/opt/ts/share/bash-completion/completions/tapescript",
            "/stage/opt/ts/share/zsh/site-functions/_tapescript",
            "/stage/opt/ts/share/fish/vendor_completions.d/tapescript.fish",
        ] {
            #expect(planned.contains(path), "install: \(path)\n\(planned)")
            #expect(removal.contains(path), "uninstall: \(path)\n\(removal)")
        }
        #expect(planned.contains("generate-manual"), "the man page comes from the commands' help")
    }

    @Test func theHelpTheManPageIsMadeFromIsPlainASCII() async throws {
        // generate-manual leaves out what mdoc cannot hold: an ellipsis or a dash in a help text would vanish.
        let help = try await workspace.run("--experimental-dump-help")

        #expect(help.exitCode == 0)
        let foreign = help.stdout.unicodeScalars.filter { !$0.isASCII }.map(String.init)
        #expect(foreign.isEmpty, "\(Set(foreign))")
    }
}
