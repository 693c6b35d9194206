import Foundation
import TapescriptApplication
import TapescriptAudio
import TapescriptLibrary
import TapescriptText

/// Runs `tapescript review`: reads keys, feeds them to the model, carries out its effects (library edits,
/// playback, the external editor) and redraws. The terminal is restored however the session ends.
public final class ReviewSession {
    private let library: Library
    private let reference: InterviewReference
    private let environment: [String: String]
    private let reactionDelaySeconds: Double

    public init(
        library: Library, reference: InterviewReference, environment: [String: String], reactionDelaySeconds: Double
    ) {
        self.library = library
        self.reference = reference
        self.environment = environment
        self.reactionDelaySeconds = reactionDelaySeconds
    }

    /// How a session ended.
    public struct Ending: Sendable {
        /// The signal that ended it (SIGINT for Ctrl-C), or nil when the user quit.
        public var signal: Int32?
        /// What the status line said but could not show whole, to print once the terminal is back.
        public var cutMessages: [String]
    }

    /// Opens the screen and runs until the user quits or a signal ends the session.
    /// - Throws: `TerminalError` when there is no usable terminal, `LibraryError` when the interview cannot be
    ///   read.
    @discardableResult
    public func run() throws -> Ending {
        let snapshot = try library.reviewSnapshot(of: reference)
        let envelope = try library.envelope(of: snapshot.recording)
        let player = PlayerLocator(environment: environment).locate()
        let playback = Playback(
            recordingPath: snapshot.recording.path, sampleRate: snapshot.recording.sampleRate,
            frameCount: snapshot.recording.frameCount, player: player)
        defer { playback.shutdown() }
        let terminal = try RawTerminal()
        let size = terminal.size()
        guard size.width >= ReviewScreen.minimumSize.width, size.height >= ReviewScreen.minimumSize.height else {
            throw ReviewError.terminalTooSmall(width: size.width, height: size.height)
        }
        let signals = try SignalWatcher()
        defer { signals.stop() }
        try terminal.enter()
        defer { terminal.restore() }
        let colour = (environment["NO_COLOR"].map(\.isEmpty) ?? true) && environment["TERM"] != "dumb"
        var loop = Loop(
            session: self, terminal: terminal, signals: signals, playback: playback, colour: colour,
            screen: ReviewScreen(envelope: envelope, playerName: player?.name),
            model: ReviewModel(
                snapshot: snapshot, reactionDelaySeconds: reactionDelaySeconds,
                canChangeSpeed: playback.canChangeSpeed,
                message: player == nil
                    ? "no audio player found (aplay, paplay, play, ffplay…; or set TAPESCRIPT_PLAYER)"
                    : "press ? for keys"))
        let signal = try loop.run()?.number
        return Ending(signal: signal, cutMessages: loop.cutMessages)
    }

    /// The mutable part of a session, in one place.
    private struct Loop {
        let session: ReviewSession
        let terminal: RawTerminal
        let signals: SignalWatcher
        let playback: Playback
        /// Colour unless `NO_COLOR` is set or the terminal is dumb: fixed for the session, so decided once.
        let colour: Bool
        var screen: ReviewScreen
        var model: ReviewModel
        var renderer = ScreenRenderer()
        var size = TerminalSize.fallback
        /// The library's count of commits by others when the screen last read it.
        var seenOutsideChanges: Int?
        /// Messages the status line was too narrow for, in the order they came.
        var cutMessages: [String] = []

        /// Runs until the user quits (nil) or a signal ends the session (that signal).
        mutating func run() throws -> TerminalSignal? {
            resized()
            seenOutsideChanges = try session.library.outsideChangeCount()
            while true {
                try reloadIfChangedElsewhere()
                try draw()
                let playing = { if case .playing = model.playback { return true } else { return false } }()
                let keys = try terminal.readKeys(timeoutMilliseconds: playing ? 50 : 500, wakingOn: signals)
                for signal in signals.take() {
                    switch signal {
                    case .resize:
                        resized()
                    case .terminate, .interrupt, .hangup:
                        playback.stop()
                        return signal
                    }
                }
                for key in keys {
                    switch try perform(model.handle(key)) {
                    case .quit: return nil
                    case .interrupt: return .interrupt
                    case nil: break
                    }
                }
                try followPlayback()
            }
        }

        /// Reads the window's size again and lays the screen out for it.
        private mutating func resized() {
            size = terminal.size()
            model.pageHeight = ReviewScreen.listHeight(for: size)
            model.helpMaximumTop = ReviewHelp.maximumTop(width: size.width, height: size.height)
            renderer.invalidate()
        }

        /// Ctrl-Z: the terminal as the shell left it, the process stopped until `fg`; then the screen again, as
        /// the window and the library are now. Without a shell that does job control the stop is ignored and
        /// the review carries on.
        private mutating func suspend() throws {
            terminal.restore()
            raise(SIGTSTP)
            try terminal.enter()
            resized()
        }

        /// Another program wrote to the library: show it as it is now, so that no edit starts from a stale screen.
        private mutating func reloadIfChangedElsewhere() throws {
            let count = try session.library.outsideChangeCount()
            guard count != seenOutsideChanges else { return }
            seenOutsideChanges = count
            model.reload(
                try session.library.reviewSnapshot(of: session.reference),
                message: "the library was changed by another program; this is how it is now")
        }

        private mutating func draw() throws {
            // A message naming a file (where the editor's text was kept) that the status line cuts is said again
            // in full after quitting: the path is how the user finds their words.
            if model.message.contains(/(^|\s)\/\S/), DisplayWidth.of(screen.statusText(model)) > size.width,
                cutMessages.last != model.message
            {
                cutMessages.append(model.message)
            }
            let (lines, cursor) = screen.lines(for: model, size: size)
            try terminal.write(renderer.render(lines, size: size, cursor: cursor, colour: colour))
        }

        /// How the user ended the session.
        enum Ending {
            case quit, interrupt
        }

        /// Carries out effects; how the session ends, or nil to go on.
        private mutating func perform(_ effects: [ReviewEffect]) throws -> Ending? {
            for effect in effects {
                switch effect {
                case .quit:
                    return .quit
                case .interrupt:
                    return .interrupt
                case .suspend:
                    try suspend()
                case .stopPlayback:
                    playback.stop()
                case .play(let start, let end):
                    do {
                        try playback.play(from: start, to: end, speed: model.speed)
                        model.playbackStarted(at: start)
                    } catch {
                        model.playbackFailed(error.description)
                    }
                case .edit(let request):
                    apply(request, basedOn: model.takeTextEditBase())
                case .openEditor(let first, let last):
                    try editInEditor(first: first, last: last)
                }
            }
            return nil
        }

        private mutating func followPlayback() throws {
            guard case .playing = model.playback else { return }
            if playback.isPlaying, let frame = playback.position(now: ContinuousClock.now) {
                model.playbackMoved(to: frame)
            } else if !playback.isPlaying {
                _ = try perform(model.playbackEnded(failure: playback.playerFailure?.description))
            }
        }

        /// Carries out an edit; a text edit names the segment (by its start) and the text it began from.
        private mutating func apply(_ request: EditRequest, basedOn base: (startFrame: Int64, text: String)? = nil) {
            do {
                var request = request
                var changedMeanwhile = false
                if case .text(_, let text) = request, let base {
                    // The library as it is now, not as the screen last showed it: the segment may have moved or its
                    // text changed under another program's hand while this one was typed.
                    let fresh = try session.library.reviewSnapshot(of: session.reference)
                    if let row = fresh.segmentIndex(containing: base.startFrame) {
                        request = .text(segment: row + 1, text)
                        changedMeanwhile = (fresh.segments[row].text ?? "") != base.text
                    }
                }
                var message = try session.perform(request)
                if changedMeanwhile, case .text(let segment, _) = request {
                    // Both versions are kept: the other program's words stay in the segment's history.
                    message += "; changed elsewhere too: both texts kept (tapescript history … \(segment))"
                }
                // The snapshot read next shows any change made elsewhere so far; counting it as seen keeps the next
                // turn of the loop from reloading again and covering this edit's message with its own.
                seenOutsideChanges = try session.library.outsideChangeCount()
                model.reload(try session.library.reviewSnapshot(of: session.reference), message: message)
            } catch {
                model.message = "not saved: \(error)"
            }
        }

        private mutating func editInEditor(first: Int, last: Int) throws {
            playback.stop()
            terminal.restore()
            let originals = Array(model.snapshot.segments[(first - 1)...(last - 1)])
            let outcome = ExternalEditor(environment: session.environment).edit(segments: originals)
            try terminal.enter()
            renderer.invalidate()
            switch outcome {
            case .failure(let reason):
                model.message = reason
            case .success(let texts):
                var saved = 0
                for (segment, text) in zip(originals, texts) where text != (segment.text ?? "") {
                    apply(.text(segment: segment.index, text), basedOn: (segment.startFrame, segment.text ?? ""))
                    saved += 1
                }
                model.message = saved == 0 ? "no changes" : "saved the text of \(saved) segment\(saved == 1 ? "" : "s")"
            }
        }
    }

    /// Carries out one edit in the library; returns the sentence that describes it.
    func perform(_ request: EditRequest) throws -> String {
        let summary: EditSummary
        switch request {
        case .mark(let first, let last): summary = try library.mark(reference, segments: first, through: last)
        case .unmark(let first, let last): summary = try library.unmark(reference, segments: first, through: last)
        case .title(let highlight, let title):
            summary = try library.describeHighlight(reference, number: highlight, title: title, note: nil)
        case .note(let highlight, let note):
            summary = try library.describeHighlight(reference, number: highlight, title: nil, note: note)
        case .text(let segment, let text): summary = try library.setText(reference, segment: segment, text: text)
        case .speakers(let assignments):
            summary = try library.nameSpeakers(reference, assignments.map { ($0.speaker, $0.name) })
        case .assignSpeaker(let first, let last, let speaker):
            summary = try library.assignSpeaker(reference, segments: first, through: last, to: speaker)
        case .split(let segment, let frame): summary = try library.split(reference, segment: segment, atFrame: frame)
        case .merge(let segment): summary = try library.merge(reference, segment: segment)
        case .marker(let frame): summary = try library.addMarker(reference, atFrame: frame)
        case .undo: return EditWording.sentence(for: try library.undo(reference))
        case .redo: return EditWording.sentence(for: try library.redo(reference))
        }
        return EditWording.sentence(for: summary)
    }
}
