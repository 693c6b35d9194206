import Foundation
import Testing

/// `tapescript review` driven for real on a tmux terminal: keys go in through `send-keys`, the screen comes back
/// through `capture-pane`, and the library is read afterwards with the plain commands.
// One tmux screen at a time: on two busy cores, many at once starve each other of the time to redraw.
@Suite(.serialized) struct ReviewTmuxTests {
    let workspace: Workspace

    init() throws { workspace = try Workspace() }

    /// Imports the stereo call (four segments) and opens it in review; waits for the first screen.
    private func openCall(
        environment: [String: String] = [:], width: Int = 100, height: Int = 24
    ) async throws -> (TmuxSession, String) {
        try await workspace.openReviewOnCall(environment: environment, width: width, height: height)
    }

    /// Quits with `q` and checks that review exited 0, the terminal modes are back, and the pane shows the shell
    /// again rather than the UI.
    private func quitAndExpectARestoredTerminal(
        _ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try session.send("q")
        let exit = try await session.waitForExit()
        #expect(exit == "EXIT=0 TTY=restored", sourceLocation: sourceLocation)
        try expectTheShellIsBack(session, sourceLocation: sourceLocation)
    }

    private func expectTheShellIsBack(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let screen = try session.screen()
        #expect(!screen.contains("q quit"), "\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("press ? for keys"), "\(screen)", sourceLocation: sourceLocation)
        #expect(try session.pane("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try session.pane("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func markingAndTitlingAHighlightIsSavedAndQuittingRestoresTheTerminal() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }
        #expect(try session.pane("#{alternate_on}") == "1")

        try session.send("j", "m")
        let marked = try await session.waitFor("marked segment 2 as highlight 1")
        #expect(marked.contains("★1"), "\(marked)")
        #expect(session.statusLine(of: marked).contains("2/4"), "\(marked)")
        try session.send("t")
        try await session.waitFor("title of highlight 1:")
        try session.type("Early years")
        try session.send("Enter")
        let titled = try await session.waitFor("highlight 1 is now")
        #expect(titled.contains("★1 Early years"), "\(titled)")
        try await quitAndExpectARestoredTerminal(session)

        let highlights = try await workspace.highlights(id)
        #expect(highlights.map(\.number) == [1])
        #expect(highlights.first?.title == "Early years")
        #expect(highlights.first?.firstSegment == 2)
        #expect(try await workspace.highlightNumbers(id) == [nil, 1, nil, nil])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func anInlineEditIsSavedAndCanBeUndoneAndRedone() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }

        try session.send("j", "i")
        try await session.waitFor("text 2:")
        try session.type("Hello there, “Jane”")
        try session.send("Enter")
        let saved = try await session.waitFor("saved the text of segment 2")
        #expect(saved.contains("Hello there, “Jane”"), "\(saved)")
        #expect(try await workspace.texts(id) == [nil, "Hello there, “Jane”", nil, nil])

        try session.send("u")
        try await session.waitFor("undid:")
        #expect(try await workspace.texts(id) == [nil, nil, nil, nil])

        try session.send("C-r")
        try await session.waitFor("redid:")
        #expect(try await workspace.texts(id) == [nil, "Hello there, “Jane”", nil, nil])
        try await quitAndExpectARestoredTerminal(session)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func escapeCancelsAnInlineEdit() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }

        try session.send("i")
        try await session.waitFor("text 1:")
        try session.type("Never saved")
        try session.send("Escape")
        try await session.waitUntil("the text field is gone") { !$0.contains("text 1:") }
        try await quitAndExpectARestoredTerminal(session)

        #expect(try await workspace.texts(id) == [nil, nil, nil, nil])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func theEditorGetsOneParagraphPerSegmentOfTheHighlightAndItsWordsAreSaved() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
        for arguments in [["mark", id, "1-2"], ["text", id, "1", "Old one"], ["text", id, "2", "Old two"]] {
            let result = try await workspace.run(arguments)
            try #require(result.exitCode == 0, "\(result)")
        }
        // The editor keeps a copy of what it was given, and rewrites the paragraph under each `# segment N`.
        let seen = workspace.file("editor-saw.txt")
        let editor = workspace.file("editor")
        let script = """
            #!/bin/sh
            cp "$1" \(PseudoTerminal.quoted(seen))
            stat -c %a "$1" "$(dirname "$1")" > \(PseudoTerminal.quoted(seen)).modes
            set -- "$1" $(cat /proc/$$/stat)
            if [ "$6" = "$9" ]; then echo yes; else echo no; fi > \(PseudoTerminal.quoted(seen)).foreground
            awk '
            /^# segment 1$/ { print; print "Words from the editor for one."; skip = 1; next }
            /^# segment 2$/ { print; print "And for two."; skip = 1; next }
            /^#/ { skip = 0 }
            skip && /^$/ { skip = 0 }
            !skip { print }
            ' "$1" > "$1.new" && mv "$1.new" "$1"

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: editor))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let session = try TmuxSession.start(review: [id], in: workspace, environment: ["EDITOR": editor])
        defer { session.kill() }
        try await session.waitFor("press ? for keys")

        try session.send("e")
        try await session.waitFor("saved the text of 2 segments")

        let given = try String(contentsOfFile: seen, encoding: .utf8)
        #expect(given.contains("# segment 1\nOld one\n"), "\(given)")
        #expect(given.contains("# segment 2\nOld two\n"), "\(given)")
        // The interview's words in the temporary folder: the file and its folder are the owner's alone.
        #expect(try String(contentsOfFile: seen + ".modes", encoding: .utf8) == "600\n700\n")
        // In the terminal's foreground process group, where a real editor can set the terminal up and read keys.
        #expect(try String(contentsOfFile: seen + ".foreground", encoding: .utf8) == "yes\n")
        #expect(
            try await workspace.texts(id) == [
                "Words from the editor for one.", "And for two.", nil, nil,
            ])
        try await quitAndExpectARestoredTerminal(session)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.file("tmp")).isEmpty)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func aVisualSelectionIsMarkedAsOneHighlight() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }

        try session.send("v")
        try await session.waitUntil("the status line says VISUAL") { session.statusLine(of: $0).contains("VISUAL") }
        try session.send("j", "m")
        try await session.waitFor("marked segments 1–2 as highlight 1")
        try await quitAndExpectARestoredTerminal(session)

        #expect(try await workspace.highlightNumbers(id) == [1, 1, nil, nil])
        let highlights = try await workspace.highlights(id)
        #expect(highlights.map(\.number) == [1])
        #expect(highlights.first?.firstSegment == 1)
        #expect(highlights.first?.lastSegment == 2)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func spaceStartsAndStopsThePlayer() async throws {
        let (session, _) = try await openCall()
        defer { session.kill() }
        #expect(session.statusLine(of: try session.screen()).contains("fake-player"))

        try session.send("Space")
        let playing = try await session.waitUntil("the status line shows ▶") {
            session.statusLine(of: $0).contains("▶")
        }
        #expect(!session.statusLine(of: playing).contains("stopped"), "\(playing)")
        let (playerPID, played) = try await session.firstPlayerStart()
        #expect(played.hasSuffix(".wav"), "\(played)")
        #expect(isRunning(playerPID))

        try session.send("Space")
        let stopped = try await session.waitUntil("the status line shows ■ stopped") {
            session.statusLine(of: $0).contains("■ stopped")
        }
        #expect(!session.statusLine(of: stopped).contains("▶"), "\(stopped)")
        try await expectEventually("the player has ended") { !isRunning(playerPID) }
        try await quitAndExpectARestoredTerminal(session)
        #expect(session.playerStarts().count == 1)
        // The excerpt the player was given is gone with the review.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.file("tmp")).isEmpty)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func questionMarkShowsTheHelpAndAnyKeyClosesIt() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }
        let before = try await workspace.editState(id)

        try session.send("?")
        // Its last line: a capture between the first row drawn and the last would miss what follows.
        let help = try await session.waitFor("any key closes this")
        #expect(help.contains("Listening"), "\(help)")
        #expect(help.contains("Marking"), "\(help)")
        #expect(help.contains("any key closes this"), "\(help)")
        try session.send("z")
        let closed = try await session.waitUntil("the help is closed") { !$0.contains("Listening") }
        #expect(closed.contains("   1   0:00.5"), "\(closed)")
        #expect(closed.contains("q quit"), "\(closed)")
        try await quitAndExpectARestoredTerminal(session)
        #expect(try await workspace.editState(id) == before)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func speakersAreNamedThroughThePrompt() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }

        try session.send("S")
        try await session.waitFor("speakers (A=Name B=Name):")
        // The field starts with the current names (`A= B=`); clear it first.
        try session.send("C-e", "C-u")
        try session.type("A=Andy B=Jane")
        try session.send("Enter")
        let named = try await session.waitFor("speakers:")
        #expect(named.contains("Andy"), "\(named)")
        try await quitAndExpectARestoredTerminal(session)

        #expect(try await workspace.speakers(id) == ["Andy", "Jane", "Andy", "Jane"])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func sigtermRestoresTheTerminalStopsThePlayerAndKeepsWhatWasSaved() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }
        try session.send("m")
        try await session.waitFor("marked segment 1 as highlight 1")
        try session.send("t")
        try await session.waitFor("title of highlight 1:")
        try session.type("Before the signal")
        try session.send("Enter")
        try await session.waitFor("highlight 1 is now")
        try session.send("Space")
        try await session.waitUntil("the status line shows ▶") { session.statusLine(of: $0).contains("▶") }
        let playerPID = try await session.firstPlayerStart().pid

        let pid = try await session.reviewPID()
        #expect(kill(pid, SIGTERM) == 0)

        let exit = try await session.waitForExit()
        // 128 + 15: the exit status of a process ended by SIGTERM, after restoring the terminal.
        #expect(exit == "EXIT=143 TTY=restored", "\(exit)")
        try expectTheShellIsBack(session)
        try await expectEventually("the player has ended") { !isRunning(playerPID) }
        let highlights = try await workspace.highlights(id)
        #expect(highlights.map(\.title) == ["Before the signal"])
        #expect(try await workspace.highlightNumbers(id) == [1, nil, nil, nil])
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func controlCQuitsAsAnInterruptedProgramDoesWith130() async throws {
        let (session, _) = try await openCall()
        defer { session.kill() }

        try session.send("C-c")
        let exit = try await session.waitForExit()
        #expect(exit == "EXIT=130 TTY=restored")
        try expectTheShellIsBack(session)
    }

    @Test func withoutATerminalReviewFailsWithOneLineNamingTheScriptableCommands() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
        let before = try await workspace.editState(id)

        let result = try await workspace.run("review", id)

        expectOneErrorLine(result, naming: "review needs a terminal")
        for command in ["mark", "unmark", "text", "speakers", "split", "merge", "undo"] {
            #expect(result.stderr.contains(command), "\(command): \(result)")
        }
        #expect(try await workspace.editState(id) == before)
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func aTerminalSmallerThan60By12IsRefused() async throws {
        let id = String(try await workspace.importRecording(CLI.sample("call-stereo.wav")).id)
        let session = try TmuxSession.start(review: [id], in: workspace, width: 50, height: 10)
        defer { session.kill() }

        let exit = try await session.waitForExit()

        #expect(exit == "EXIT=1 TTY=restored")
        let screen = try session.screen(joiningWrappedLines: true)
        let errors = session.rows(of: screen).filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(screen)")
        let error = errors.first ?? ""
        #expect(error.contains("50×10"), "\(screen)")
        #expect(error.contains("60×12"), "\(screen)")
        try expectTheShellIsBack(session)
    }

    @Test(
        .enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"),
        arguments: [true, false])
    func noColorDropsTheColoursButKeepsTheCursorRowInReverseVideo(noColor: Bool) async throws {
        let (session, _) = try await openCall(environment: noColor ? ["NO_COLOR": "1"] : [:])
        defer { session.kill() }

        let screen = try session.screen(escapes: true)

        let colours = sgrParameters(in: screen).filter(setsColour)
        if noColor {
            #expect(colours.isEmpty, "\(colours)")
        } else {
            #expect(!colours.isEmpty, "the control case should have colours")
        }
        let rows = session.rows(of: screen)
        let first = try #require(rows.first { withoutEscapes($0).hasPrefix("    1 ") }, "\(screen)")
        let second = try #require(rows.first { withoutEscapes($0).hasPrefix("    2 ") }, "\(screen)")
        #expect(sgrParameters(in: first).contains { $0.contains(7) }, "\(first)")
        #expect(!sgrParameters(in: second).contains { $0.contains(7) }, "\(second)")
    }

    @Test(.enabled(if: TmuxSession.isAvailable, "needs tmux and the built tapescript"))
    func aGivesTheSegmentToTheNextSpeakerAndUndoTakesItBack() async throws {
        let (session, id) = try await openCall()
        defer { session.kill() }

        try session.send("a")
        let given = try await session.waitFor("segment 1 is now speaker B's")
        let row = try #require(session.rows(of: given).first { $0.hasPrefix("    1 ") }, "\(given)")
        #expect(row.contains(" B "), "\(row)")
        #expect(try await workspace.segments(id).map(\.speaker) == ["B", "B", "A", "B"])

        try session.send("u")
        try await session.waitFor("undid: segment 1 is now speaker B's")
        #expect(try await workspace.segments(id).map(\.speaker) == ["A", "B", "A", "B"])
        try await quitAndExpectARestoredTerminal(session)
    }
}

/// Polls `condition` until it holds, for up to `timeoutSeconds`.
func expectEventually(
    _ description: String, timeoutSeconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () -> Bool
) async throws {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    while Date() < deadline {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out after \(timeoutSeconds) s waiting until \(description)", sourceLocation: sourceLocation)
}
