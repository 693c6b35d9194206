import Glibc

@testable import TapescriptReview

/// A pseudo-terminal pair for testing `RawTerminal` without a real terminal: the code under test gets the
/// follower side as its terminal; the test types into, and reads the screen from, the leader side.
final class PseudoTerminal: Sendable {
    let leader: Int32
    let follower: Int32

    // `posix_openpt`, `unlockpt` and `ptsname` are hidden behind _XOPEN_SOURCE in Glibc's module, so the leader is
    // opened and unlocked the way they do it, with the ioctls from <asm-generic/ioctls.h> (x86-64 and arm64).
    private static let getPseudoTerminalNumber: UInt = 0x8004_5430  // TIOCGPTN
    private static let setPseudoTerminalLock: UInt = 0x4004_5431  // TIOCSPTLCK

    init(size: TerminalSize = TerminalSize(width: 100, height: 30)) throws {
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard leader >= 0, ioctl(leader, Self.setPseudoTerminalLock, &unlock) == 0,
            ioctl(leader, Self.getPseudoTerminalNumber, &number) == 0
        else {
            throw TerminalError.cannotConfigure(SystemCallError(call: "open /dev/ptmx", errorNumber: errno))
        }
        follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard follower >= 0 else {
            throw TerminalError.cannotConfigure(SystemCallError(call: "open /dev/pts/\(number)", errorNumber: errno))
        }
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(leader, UInt(TIOCSWINSZ), &window)
    }

    deinit {
        close(follower)
        close(leader)
    }

    /// Sends bytes as if typed on the keyboard.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(leader, $0.baseAddress, $0.count) }
    }

    /// What the program wrote to the screen so far (waiting briefly for it to arrive).
    /// - Parameter expected: keep reading until this many bytes came (up to 30 s), so a busy machine that starts
    ///   the writer late cannot leave it blocked on a full buffer; nil: until 50 ms pass with nothing new.
    func screenOutput(expected: Int? = nil) -> String {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var descriptor = pollfd(fd: leader, events: Int16(POLLIN), revents: 0)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while true {
            let waiting = expected.map { output.count < $0 } ?? false
            let ready = poll(&descriptor, 1, waiting ? 200 : 50) == 1
            if ready {
                let count = read(leader, &buffer, buffer.count)
                guard count > 0 else { break }
                output += buffer.prefix(count)
            } else if !waiting || ContinuousClock.now > deadline {
                break
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The follower side's current settings.
    func settings() -> termios {
        var settings = termios()
        tcgetattr(follower, &settings)
        return settings
    }
}
