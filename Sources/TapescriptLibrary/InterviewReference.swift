/// How a user names an interview: by its number or by its slug.
public enum InterviewReference: Sendable, Equatable, CustomStringConvertible {
    case number(Int64)
    case slug(String)

    public init(_ text: String) {
        if let number = Int64(text), number > 0 {
            self = .number(number)
        } else {
            self = .slug(text.lowercased())
        }
    }

    public var description: String {
        switch self {
        case .number(let number): return String(number)
        case .slug(let slug): return slug
        }
    }
}
