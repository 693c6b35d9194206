/// Why the review screen cannot open.
public enum ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
    case terminalTooSmall(width: Int, height: Int)

    public var description: String {
        switch self {
        case .terminalTooSmall(let width, let height):
            return "the terminal is \(width)×\(height); review needs at least "
                + "\(ReviewScreen.minimumSize.width)×\(ReviewScreen.minimumSize.height)"
        }
    }
}
