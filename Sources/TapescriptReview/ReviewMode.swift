/// What the keys currently do.
enum ReviewMode: Equatable, Sendable {
    case browse
    /// `v`: extending a selection from `anchor` to the cursor.
    case visual(anchor: Int)
    /// `?`: the keys, scrolled down by `top` lines where they do not fit.
    case help(top: Int)
    /// A one-line field at the bottom: a prompt or the inline text of a segment.
    case field(FieldPurpose, LineEditor)
}

/// What a bottom-line field is for, and so where its text goes on Enter.
enum FieldPurpose: Equatable, Sendable {
    case text(segment: Int)
    case title(highlight: Int)
    case note(highlight: Int)
    case speakers
    case search

    var prompt: String {
        switch self {
        case .text(let segment): return "text \(segment): "
        case .title(let highlight): return "title of highlight \(highlight): "
        case .note(let highlight): return "note on highlight \(highlight): "
        case .speakers: return "speakers (A=Name B=Name): "
        case .search: return "/"
        }
    }
}

/// Playback as the screen knows it.
enum PlaybackState: Equatable, Sendable {
    case stopped
    case playing(frame: Int64)
}
