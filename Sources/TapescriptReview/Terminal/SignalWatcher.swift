/// Catches the signals the review screen must survive (resize, terminate, interrupt, hangup) and keeps them for
/// the app loop to collect with `take()`, so that a `kill` ends the review through the same path as `q`: the loop
/// returns and the terminal is restored, instead of the process dying in raw mode on the alternate screen.
///
/// The handler only writes the signal's number into a pipe (the self-pipe trick): that is async-signal-safe, needs
/// no lock, and makes `wakeUpDescriptor` readable so a `poll` for keys wakes at once. `stop()` (or `deinit`) gives
/// each signal back the action it had. Signal actions belong to the whole process, so use one watcher at a time.
///
/// Not `DispatchSource.makeSignalSource`: on Linux, libdispatch installs its own handler the first time a signal
/// gets a source and never again, so after the actions are restored a second watcher in the same process (a test,
/// a second review) would never hear of a signal. Restoring is not optional: a process that swallowed SIGTERM
/// after the review could not be stopped. A handler installed with `sigaction` is also reset to the default in a
/// child after `exec`, so a media player started during the review still dies of SIGTERM.
final class SignalWatcher {
    private let pipe: SignalPipe
    private let watched: Set<TerminalSignal>
    private let previousActions: [(number: Int32, action: sigaction)]
    private var stopped = false

    /// The read end of a pipe that becomes readable when a signal arrives, for `poll` to wake on; `take()` drains
    /// it.
    var wakeUpDescriptor: Int32 { pipe.readEnd }

    /// Starts catching `signals`.
    ///
    /// - Throws: `TerminalError.cannotConfigure` when the pipe cannot be made or a handler cannot be installed.
    init(signals: Set<TerminalSignal> = Set(TerminalSignal.allCases)) throws {
        guard let pipe = signalPipe else {
            throw TerminalError.noSignalPipe
        }
        self.pipe = pipe
        watched = signals
        // Bytes left by an earlier watcher are not news for this one.
        pipe.drain()
        var previousActions: [(number: Int32, action: sigaction)] = []
        for signal in TerminalSignal.allCases where signals.contains(signal) {
            var action = sigaction()
            action.handler = { number in recordSignal(number) }
            sigemptyset(&action.sa_mask)
            // Interrupted reads and writes elsewhere in the process carry on; `poll` still returns EINTR.
            action.sa_flags = SA_RESTART
            var previous = sigaction()
            guard sigaction(signal.number, &action, &previous) == 0 else {
                let errorNumber = errno
                for (number, action) in previousActions.reversed() {
                    var action = action
                    sigaction(number, &action, nil)
                }
                throw TerminalError.cannotCatchSignal(signal.number, errorNumber: errorNumber)
            }
            previousActions.append((signal.number, previous))
        }
        self.previousActions = previousActions
    }

    deinit {
        stop()
    }

    /// The signals that arrived since the last call.
    func take() -> Set<TerminalSignal> {
        let numbers = pipe.drain()
        return watched.filter { numbers.contains(UInt8(truncatingIfNeeded: $0.number)) }
    }

    /// Gives each signal back the action it had before. Safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        for (number, action) in previousActions.reversed() {
            var action = action
            sigaction(number, &action, nil)
        }
    }
}

/// The pipe the signal handler writes to. A signal handler is a C function and can reach nothing but globals, so
/// this is one: a constant, made once before the first handler is installed, shared by the watchers in turn.
private let signalPipe = SignalPipe()

/// The handler: one byte, the signal's number, into the pipe. Only async-signal-safe calls, and `errno` kept,
/// since the handler interrupts code that may be about to read it.
private func recordSignal(_ number: Int32) {
    let savedError = errno
    var byte = UInt8(truncatingIfNeeded: number)
    // A full pipe already wakes the reader, so a failed write loses nothing that matters. Not through `systemCall`:
    // throwing allocates, which a handler must not.
    if let signalPipe { _ = write(signalPipe.writeEnd, &byte, 1) }
    errno = savedError
}

/// Both ends of a non-blocking pipe.
private struct SignalPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init?() {
        var descriptors: [Int32] = [-1, -1]
        // `pipe2` is hidden behind _GNU_SOURCE in Glibc's module and missing on Darwin, hence `pipe` and `fcntl`.
        guard pipe(&descriptors) == 0 else { return nil }
        for descriptor in descriptors {
            // Non-blocking: the handler must never stall on a full pipe, nor `drain` on an empty one. Close on
            // exec: a player started during the review has no business with it.
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    /// Reads everything in the pipe: the numbers of the signals caught since the last drain.
    @discardableResult
    func drain() -> Set<UInt8> {
        var numbers: Set<UInt8> = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count: Int
            do throws(SystemCallError) {
                count = try systemCall("read") { read(readEnd, &buffer, buffer.count) }
            } catch {
                // Empty (EAGAIN, the usual way out) or failing: either way there is nothing more to read.
                return numbers
            }
            guard count > 0 else { return numbers }
            numbers.formUnion(buffer.prefix(count))
        }
    }
}
