/// The controlling terminal, switched into the state a full-screen program needs: raw keyboard input (no echo,
/// no line editing, Ctrl-C and Ctrl-Z as keys), the alternate screen, the cursor hidden.
///
/// `restore()` puts everything back and is safe to call twice; `deinit` calls it too, so the terminal is restored on
/// every path out of the scope that owns this, errors included.
final class RawTerminal {
    let input: Int32
    let output: Int32
    private let original: termios
    private var isRaw = false
    private var decoder = KeyDecoder()

    // Long enough for the rest of an escape sequence to arrive over a slow SSH link, short enough that Escape feels
    // immediate: the figure vim's `ttimeoutlen` and most TUI libraries settle on is in this range.
    private static let escapeTimeoutMilliseconds: Int32 = 30

    /// Takes hold of the terminal on `input` and `output` without changing it yet.
    ///
    /// - Throws: `TerminalError.notATerminal` when either is not a terminal, `.cannotConfigure` when its settings
    ///   cannot be read.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        guard isatty(input) == 1, isatty(output) == 1 else { throw TerminalError.notATerminal }
        var settings = termios()
        do throws(SystemCallError) {
            _ = try systemCall("tcgetattr") { tcgetattr(input, &settings) }
        } catch {
            throw TerminalError.cannotConfigure(error)
        }
        self.input = input
        self.output = output
        original = settings
    }

    deinit {
        restore()
    }

    /// Switches to raw input, the alternate screen and a hidden cursor.
    ///
    /// - Throws: `TerminalError.cannotConfigure` when the terminal refuses the settings (it is left as it was), or
    ///   `.cannotWrite` when the screen cannot be switched.
    func enter() throws {
        guard !isRaw else { return }
        var raw = original
        // What cfmakeraw does, except OPOST: output keeps turning "\n" into "\r\n", so a stray newline cannot leave
        // the cursor mid-screen.
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON | INLCR | IGNCR)
        raw.c_cflag |= tcflag_t(CS8)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        // Reads return at once with what there is; `poll` does the waiting.
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 0
            characters[Int(VTIME)] = 0
        }
        do throws(SystemCallError) {
            _ = try systemCall("tcsetattr") { tcsetattr(input, TCSAFLUSH, &raw) }
        } catch {
            throw TerminalError.cannotConfigure(error)
        }
        isRaw = true
        try write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    /// Shows the cursor, leaves the alternate screen and restores the settings the terminal had before `enter()`.
    /// Does nothing when the terminal is not in raw mode.
    func restore() {
        guard isRaw else { return }
        isRaw = false
        // Best effort: if the terminal is gone there is no screen left to fix, and the settings are restored anyway.
        _ = writeAll("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
        var settings = original
        do {
            _ = try systemCall("tcsetattr") { tcsetattr(input, TCSADRAIN, &settings) }
        } catch {
            // Nothing left to do: restoring runs on the way out, errors included, with no one to report to.
        }
    }

    /// The window's size, or 80×24 when the terminal does not say.
    func size() -> TerminalSize {
        var window = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
            return .fallback
        }
        return TerminalSize(width: Int(window.ws_col), height: Int(window.ws_row))
    }

    /// Waits up to `timeoutMilliseconds` for input and returns the keys it decodes to, or none when the time ran
    /// out or `signals` caught a signal (so the loop can handle it at once rather than at the next key).
    ///
    /// A lone ESC is held for 30 ms more to tell the Escape key from the start of an arrow key's sequence.
    ///
    /// - Throws: `TerminalError.cannotRead` when the terminal has gone away or reading fails.
    func readKeys(timeoutMilliseconds: Int32, wakingOn signals: SignalWatcher? = nil) throws -> [Key] {
        guard try waitForInput(timeoutMilliseconds: timeoutMilliseconds, wakingOn: signals) else { return [] }
        var keys = decoder.feed(try readAvailable())
        while decoder.hasPendingEscape {
            if try waitForInput(timeoutMilliseconds: Self.escapeTimeoutMilliseconds, wakingOn: nil) {
                keys += decoder.feed(try readAvailable())
            } else {
                keys += decoder.flushPendingEscape()
            }
        }
        return keys
    }

    /// Writes all of `text`, however many `write` calls that takes.
    ///
    /// - Throws: `TerminalError.cannotWrite` when the terminal has gone away or writing fails.
    func write(_ text: String) throws {
        if let failure = writeAll(text) { throw failure }
    }

    /// Writes `text` and returns nil, or what went wrong.
    private func writeAll(_ text: String) -> TerminalError? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            do throws(SystemCallError) {
                let written = try systemCall("write") {
                    bytes.withUnsafeBytes { buffer in
                        writeBytes(output, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    }
                }
                guard written > 0 else { return .acceptedNothing }
                offset += written
            } catch  where error.wouldBlock {
                // Output set non-blocking by someone else, and full: wait until it takes bytes again.
                var descriptor = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                do throws(SystemCallError) {
                    _ = try systemCall("poll") { poll(&descriptor, 1, -1) }
                } catch {
                    return .cannotWrite(error)
                }
            } catch {
                return .cannotWrite(error)
            }
        }
        return nil
    }

    /// Whether input arrived within the timeout; false also when `signals` woke the wait.
    private func waitForInput(timeoutMilliseconds: Int32, wakingOn signals: SignalWatcher?) throws -> Bool {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
        if let signals { descriptors.append(pollfd(fd: signals.wakeUpDescriptor, events: Int16(POLLIN), revents: 0)) }
        do throws(SystemCallError) {
            // Not retried: an interruption is a signal, news for the loop (a watched one has also made
            // `signals` readable).
            _ = try systemCall("poll", retryingOnInterrupt: false) {
                poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
            }
        } catch  where error.wasInterrupted {
            return false
        } catch {
            throw TerminalError.cannotRead(error)
        }
        let events = descriptors[0].revents
        if events & Int16(POLLIN) != 0 { return true }
        if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            throw TerminalError.closed
        }
        return false
    }

    private func readAvailable() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count: Int
        do throws(SystemCallError) {
            count = try systemCall("read") { read(input, &buffer, buffer.count) }
        } catch  where error.wouldBlock {
            return []
        } catch {
            throw TerminalError.cannotRead(error)
        }
        guard count > 0 else { throw TerminalError.closed }
        return Array(buffer.prefix(count))
    }
}
