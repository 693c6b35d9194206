import Dispatch
import Glibc
import Testing

@testable import TapescriptReview

// Signal actions belong to the whole process: two watchers alive at once would undo each other's, so these tests
// take turns. Only SIGWINCH is sent, whose default action is to do nothing, so a test that goes wrong cannot kill
// the test runner. It is sent to the process, not `raise`d: the test runner's worker threads block signals, so one
// raised on such a thread would stay pending there; sent to the process, it reaches the main thread.
@Suite(.serialized) struct SignalWatcherTests {
    /// Sends `signal` to this process until the watcher reports it or two seconds pass.
    private func sendUntilSeen(_ signal: TerminalSignal, by watcher: SignalWatcher) -> Set<TerminalSignal> {
        for _ in 0..<200 {
            kill(getpid(), signal.number)
            usleep(10_000)
            let taken = watcher.take()
            if !taken.isEmpty { return taken }
        }
        return []
    }

    /// The signal's handler (SIG_DFL, SIG_IGN or a function) as a number, since C function pointers do not compare.
    private func handlerAddress(of signal: Int32) -> UInt {
        var action = sigaction()
        sigaction(signal, nil, &action)
        return unsafeBitCast(action.__sigaction_handler, to: UInt.self)
    }

    @Test func aResizeSignalIsReportedOnce() throws {
        let watcher = try SignalWatcher()
        defer { watcher.stop() }
        #expect(sendUntilSeen(.resize, by: watcher) == [.resize])
        usleep(20_000)
        #expect(watcher.take() == [])
    }

    @Test func aSignalMakesTheWakeUpDescriptorReadableUntilTaken() throws {
        let watcher = try SignalWatcher(signals: [.resize])
        defer { watcher.stop() }
        var descriptor = pollfd(fd: watcher.wakeUpDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&descriptor, 1, 0) == 0)
        var readable = false
        for _ in 0..<200 where !readable {
            kill(getpid(), SIGWINCH)
            readable = poll(&descriptor, 1, 10) == 1
        }
        #expect(readable)
        #expect(watcher.take().contains(.resize))
        #expect(poll(&descriptor, 1, 0) == 0)
    }

    @Test func aWatcherNotAskedForASignalDoesNotReportIt() throws {
        let watcher = try SignalWatcher(signals: [.hangup])
        defer { watcher.stop() }
        kill(getpid(), SIGWINCH)
        usleep(50_000)
        #expect(watcher.take() == [])
    }

    @Test func stoppingGivesTerminateBackItsPreviousAction() throws {
        let before = handlerAddress(of: SIGTERM)
        let watcher = try SignalWatcher()
        #expect(handlerAddress(of: SIGTERM) != before)
        watcher.stop()
        watcher.stop()
        #expect(handlerAddress(of: SIGTERM) == before)
    }

    @Test func readKeysReturnsEarlyWhenASignalArrives() throws {
        let pseudoTerminal = try PseudoTerminal()
        let terminal = try RawTerminal(input: pseudoTerminal.follower, output: pseudoTerminal.follower)
        let watcher = try SignalWatcher(signals: [.resize])
        defer { watcher.stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) { _ = kill(getpid(), SIGWINCH) }
        let start = ContinuousClock.now
        #expect(try terminal.readKeys(timeoutMilliseconds: 5_000, wakingOn: watcher) == [])
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(watcher.take() == [.resize])
    }
}
