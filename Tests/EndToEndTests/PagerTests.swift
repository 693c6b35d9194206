import Foundation
import Testing

/// Long listings go through `$PAGER` (`less -FRX` by default) on a terminal, as git does; never into a pipe, and
/// not with `--no-pager`.
@Suite(.serialized) struct PagerTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    static let less: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/less")

    /// A pager that keeps what it was given, and whether it ran in the terminal's foreground process group (where
    /// it can read keys) — from /proc, as `ps` may be missing.
    private func recordingPager() throws -> (command: String, pages: String, foreground: String) {
        let (pages, foreground) = (workspace.file("paged.txt"), workspace.file("foreground.txt"))
        let pager = workspace.file("pager")
        let script = """
            #!/bin/sh
            cat > \(PseudoTerminal.quoted(pages))
            set -- $(cat /proc/$$/stat)
            if [ "$5" = "$8" ]; then echo yes; else echo no; fi > \(PseudoTerminal.quoted(foreground))
            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: pager))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager)
        return (pager, pages, foreground)
    }

    @Test func aListingOnATerminalGoesThroughThePagerInTheForegroundAndStillFitsTheWindow() async throws {
        let interview = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let words = "Well, I started out in radio, long before podcasts, and it taught me to listen."
        #expect(try await workspace.run("text", interview.slug, "1", words).exitCode == 0)
        let pager = try recordingPager()

        let result = try await workspace.runInTerminal(
            ["segments", interview.slug], environment: ["PAGER": pager.command, "COLUMNS": "50", "NO_COLOR": "1"])

        #expect(result.exitCode == 0, "\(result)")
        let paged = try String(contentsOfFile: pager.pages, encoding: .utf8)
        #expect(paged.contains("interview-mono") && paged.contains("speaker"), "\(paged)")
        let first = paged.split(separator: "\n").first { $0.contains("Well, I started") } ?? ""
        #expect(first.count <= 50 && !first.contains("listen"), "cut to the terminal's width: \(paged)")
        #expect(try String(contentsOfFile: pager.foreground, encoding: .utf8) == "yes\n", "it can read keys")
        #expect(!result.stdout.contains("speaker"), "the listing went to the pager, not past it")
    }

    @Test func noPagerOrAPipeWritesStraightOut() async throws {
        let interview = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let pager = try recordingPager()

        let direct = try await workspace.runInTerminal(
            ["segments", interview.slug, "--no-pager"], environment: ["PAGER": pager.command])
        let piped = try await workspace.run("list", environment: ["PAGER": pager.command])

        #expect(direct.exitCode == 0 && direct.stdout.contains("speaker"), "\(direct)")
        #expect(piped.exitCode == 0 && piped.stdout.contains("interview-mono"), "\(piped)")
        #expect(!FileManager.default.fileExists(atPath: pager.pages), "no pager ran")
    }

    @Test(.enabled(if: TmuxSession.isAvailable && less, "needs tmux, less and the built tapescript"))
    func lessWaitsForTheReaderAndTheShellComesBackAfterQ() async throws {
        let interview = try await workspace.importRecording(CLI.sample("interview-mono.wav"))
        let session = try TmuxSession.start(
            review: [interview.slug], in: workspace, width: 80, height: 8, subcommand: "segments")
        defer { session.kill() }

        let paging = try await session.waitFor("interview-mono")
        #expect(!paging.contains("EXIT="), "less holds the listing until q: \(paging)")
        try session.send("q")
        #expect(try await session.waitForExit() == "EXIT=0 TTY=restored")
    }
}
