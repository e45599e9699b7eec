import FrenchText

/// Finds known phrases (country names, demonyms, titles, domain terms…) in token sequences,
/// longest match first, comparing folded tokens. Built once from reference data.
public struct Gazetteer<Payload: Sendable>: Sendable {
    public struct Match: Sendable {
        /// Token index range of the match.
        public let tokens: Range<Int>
        public let payload: Payload
    }

    private var entries: [String: [(phrase: [String], payload: Payload)]] = [:]
    private var maxLength = 1

    public init() {}

    /// Adds a phrase (tokenised and folded the same way as the text).
    public mutating func add(_ phrase: String, _ payload: Payload) {
        let words = Tokenizer.tokens(phrase).map(\.folded)
        guard let first = words.first else { return }
        entries[first, default: []].append((words, payload))
        entries[first]!.sort { $0.phrase.count > $1.phrase.count }
        maxLength = max(maxLength, words.count)
    }

    /// Non-overlapping matches, scanning left to right, longest phrase wins at each position.
    public func matches(in tokens: [Token]) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            if let candidates = entries[tokens[i].folded],
               let hit = candidates.first(where: { matchesAt(tokens, i, $0.phrase) }) {
                out.append(Match(tokens: i..<(i + hit.phrase.count), payload: hit.payload))
                i += hit.phrase.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// The longest phrase starting exactly at token `i`, if any.
    public func match(at i: Int, in tokens: [Token]) -> Match? {
        guard i < tokens.count, let candidates = entries[tokens[i].folded],
              let hit = candidates.first(where: { matchesAt(tokens, i, $0.phrase) }) else { return nil }
        return Match(tokens: i..<(i + hit.phrase.count), payload: hit.payload)
    }

    private func matchesAt(_ tokens: [Token], _ i: Int, _ phrase: [String]) -> Bool {
        guard i + phrase.count <= tokens.count else { return false }
        for k in 1..<max(phrase.count, 1) where tokens[i + k].folded != phrase[k] { return false }
        return true
    }
}
