import Foundation

/// robots.txt (RFC 9309, simple form): the group whose `User-agent` names kb's product token, else
/// the `*` group; the longest matching `Allow`/`Disallow` path prefix decides (`Allow` wins a tie);
/// `*` in a path matches any run of characters and a final `$` anchors the end.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable { var allow: Bool; var pattern: String }
    var rules: [Rule]

    public static let allowAll = RobotsRules(rules: [])
    /// What a server error on robots.txt means (RFC 9309 § 2.3.1.4): assume nothing is allowed.
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")])

    init(rules: [Rule]) { self.rules = rules }

    /// `agent` is the product token, lower case (`kb`).
    public init(text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if lastWasAgent, !groups.isEmpty { groups[groups.count - 1].agents.append(value.lowercased()) }
                else { groups.append(([value.lowercased()], [])) }
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything: it is no rule.
                if value.isEmpty { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            default:
                lastWasAgent = false  // crawl-delay, sitemap…: ignored, but they end a run of User-agent lines
            }
        }
        let own = groups.filter { $0.agents.contains { $0 != "*" && agent.hasPrefix($0) } }
        let chosen = own.isEmpty ? groups.filter { $0.agents.contains("*") } : own
        rules = chosen.flatMap(\.rules)
    }

    /// Whether kb may fetch this path (with its query, e.g. `/a/b?x=1`).
    public func allows(_ path: String) -> Bool {
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            if let b = best, b.pattern.count > rule.pattern.count || (b.pattern.count == rule.pattern.count && b.allow) { continue }
            best = rule
        }
        return best?.allow ?? true
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Substring(pattern)
        let anchored = p.hasSuffix("$")
        if anchored { p = p.dropLast() }
        let pieces = p.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if i == pieces.count - 1 && anchored {
                return rest.hasSuffix(piece)
            } else {
                guard let r = rest.range(of: piece) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return !anchored || rest.isEmpty || pieces.count > 1 && pieces.last!.isEmpty
    }
}
