/// The eight foreground colours the review screen uses; `default` is the terminal's own.
enum Colour: Sendable, Equatable, Hashable, CaseIterable {
    case `default`, red, green, yellow, blue, magenta, cyan, grey

    /// The SGR parameter selecting this colour, nil for the default.
    var selectGraphicParameter: Int? {
        switch self {
        case .default: return nil
        case .red: return 31
        case .green: return 32
        case .yellow: return 33
        case .blue: return 34
        case .magenta: return 35
        case .cyan: return 36
        // "Bright black": the grey that both light and dark themes show as readable but subdued.
        case .grey: return 90
        }
    }
}

/// How a span of text looks. Bold, dim, reverse and underline are attributes, not colour, so they are shown even
/// when colour is off (`NO_COLOR`); the cursor line is drawn in reverse video for that reason.
struct Style: Sendable, Equatable, Hashable {
    var bold: Bool
    var dim: Bool
    var reverse: Bool
    var underline: Bool
    var foreground: Colour

    init(
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false,
        foreground: Colour = .default
    ) {
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.foreground = foreground
    }

    static let plain = Style()

    /// The SGR parameters for this style, starting from a reset; `colour: false` leaves the foreground out.
    func selectGraphicParameters(colour: Bool) -> [Int] {
        var parameters = [0]
        if bold { parameters.append(1) }
        if dim { parameters.append(2) }
        if underline { parameters.append(4) }
        if reverse { parameters.append(7) }
        if colour, let foreground = foreground.selectGraphicParameter { parameters.append(foreground) }
        return parameters
    }
}

/// A run of text in one style: the unit a screen line is built from.
struct Span: Sendable, Equatable, Hashable {
    var text: String
    var style: Style

    init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One row of the screen, as styled spans from left to right.
typealias Line = [Span]
