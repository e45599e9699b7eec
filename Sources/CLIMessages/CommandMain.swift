import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command. ArgumentParser exits 64 on a usage error; kb and
    /// kb-fetch document 2 (« usage or database error »), like grep and diff, so scripts need one rule.
    public static func parseAndRunWithUsageStatus2() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            exit()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// One line of a JSON log (`--log-format json`): keys sorted, a `time`, nil values as null.
public enum JSONLogLine {
    public static func encode(_ object: [String: Any]) -> String {
        var o = object
        o["time"] = timestamp()
        o = o.mapValues { v in (v as Any?).flatMap { $0 } ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A value-type format style: nothing to set up per call, safe from any thread.
    public static func timestamp() -> String { Date().formatted(.iso8601) }
}
