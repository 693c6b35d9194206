/// Whose words win where the author and the interviewer both changed a paragraph since the draft went out.
public enum ConflictChoice: String, CaseIterable, Sendable, Encodable {
    case author, mine
}

/// How each conflict is decided: one choice for all, a choice per segment (`12=author,14=mine`), or words of
/// the interviewer's own (merged by hand); a segment named individually overrides the choice for all.
public struct ConflictChoices: Sendable, Equatable {
    /// How one conflict is decided.
    public enum Decision: Sendable, Equatable {
        case take(ConflictChoice)
        /// New words that replace both sides, written by the interviewer.
        case merged(String)
    }

    public var forAll: ConflictChoice?
    public var bySegment: [Int: Decision]

    public init(forAll: ConflictChoice? = nil, bySegment: [Int: Decision] = [:]) {
        self.forAll = forAll
        self.bySegment = bySegment
    }

    /// Reads `author`, `mine`, or a comma-separated list of `SEGMENT=author|mine`; nil when it is neither.
    public init?(argument: String) {
        if let choice = ConflictChoice(rawValue: argument) {
            self.init(forAll: choice)
            return
        }
        var bySegment: [Int: Decision] = [:]
        for item in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let segment = Int(parts[0]), segment > 0,
                let choice = ConflictChoice(rawValue: parts[1]), bySegment[segment] == nil
            else { return nil }
            bySegment[segment] = .take(choice)
        }
        guard !bySegment.isEmpty else { return nil }
        self.init(bySegment: bySegment)
    }

    /// The decision for the conflict in `segment`, if one was made.
    public func decision(for segment: Int) -> Decision? {
        bySegment[segment] ?? forAll.map(Decision.take)
    }
}
