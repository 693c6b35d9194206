/// A signal the review screen reacts to rather than dies of.
enum TerminalSignal: Sendable, Hashable, CaseIterable {
    /// SIGWINCH: the window changed size; draw again at the new size.
    case resize
    /// SIGTERM: asked to quit; restore the terminal and exit.
    case terminate
    /// SIGINT: Ctrl-C from outside raw mode (`kill -INT`); raw mode delivers Ctrl-C as a key instead.
    case interrupt
    /// SIGHUP: the terminal went away; exit without waiting for a key.
    case hangup

    var number: Int32 {
        switch self {
        case .resize: return SIGWINCH
        case .terminate: return SIGTERM
        case .interrupt: return SIGINT
        case .hangup: return SIGHUP
        }
    }
}
