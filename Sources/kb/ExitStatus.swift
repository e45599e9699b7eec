import ArgumentParser
import Foundation

extension KB {
    /// ArgumentParser exits 64 on a usage error; kb documents 2 (« usage or database error »)
    /// for every command, like grep and diff, so scripts need one rule.
    static func main() {
        StandardOutput.guardStandardDescriptors()
        // ArgumentParser takes time quadratic in the number of free-form words `kb search` collects:
        // 10,000 of them would cost minutes before the query's own limit could answer.
        let args = CommandLine.arguments
        // « -leading-dash.txt » would be read as the short flags -l -e -a -d -i -n -g… (-h: help, exit 0).
        // kb ingest and kb extract have no combined short flags: a longer single-dash word is a path.
        if args.count > 1 && ["ingest", "extract"].contains(args[1]) {
            let options = args.dropFirst(2).prefix(while: { $0 != "--" })
            if let path = options.first(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count > 2 }) {
                CLI.warn("kb: « \(path) » starts with - and would be read as options; to \(args[1]) a file of that name write ./\(path), or put it after --")
                Foundation.exit(2)
            }
        }
        if args.count > 1 && args[1] == "search" && args.count > 300 {
            CLI.warn("kb: the query has \(args.count - 2) arguments; kb search takes at most 64 words (use kb sql for more)")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
