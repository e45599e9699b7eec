import ArgumentParser
import CLIMessages
import Foundation

extension KB {
    /// ArgumentParser exits 64 on a usage error; kb documents 2 (« usage or database error »)
    /// for every command, like grep and diff, so scripts need one rule.
    static func main() {
        StandardOutput.guardStandardDescriptors()
        // ArgumentParser takes time quadratic in the number of free-form words `kb search` collects:
        // 10,000 of them would cost minutes before the query's own limit could answer.
        let args = CommandLine.arguments
        if args.count > 1 && args[1] == "fetch" { FetchCommand.exec(Array(args.dropFirst(2))) }
        if let status = commandLineProblem(Array(args.dropFirst())) { Foundation.exit(status) }
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
        if let options = Search.quickOptions(args.dropFirst()) {
            do { try Search.perform(options) } catch let e as ExitCode { Foundation.exit(e.rawValue) } catch { Search.exit(withError: error) }
            Foundation.exit(0)
        }
        parseAndRunWithUsageStatus2()
    }

    /// Mistakes ArgumentParser would answer with the root help and status 0, or a bare « Unexpected
    /// argument »: a bare `kb`, `kb help nosuch`, a mistyped command (with a did-you-mean), and
    /// `--db` given to the two commands that use no database. Prints the message; returns the status.
    static func commandLineProblem(_ args: [String]) -> Int32? {
        // Every subcommand states its `commandName`: deriving one from the type's name
        // (String(describing:)) makes the process's first dynamic casts, each a scan of every
        // protocol conformance in the static binary — two thirds of `kb --version`'s instructions.
        let names = configuration.subcommands.map { $0._commandName }
        guard let first = args.first else {
            // A bare `kb` is a usage error (scripts must not mistake it for success): help on stderr.
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            return 2
        }
        let command: String
        if first == "help" {
            guard args.count > 1 else { return nil }
            command = args[1]
        } else {
            command = first
        }
        if command.hasPrefix("-") { return nil }
        if !names.contains(command) {
            let close = closest(command, among: names)
            CLI.warn("kb: unknown command « \(command) »." + (close.isEmpty ? "" : " Did you mean \(close.map { "« kb \($0) »" }.joined(separator: " or "))?")
                     + " `kb --help` lists the commands.")
            return 2
        }
        if first != "help", ["extract", "schema"].contains(command),
           let db = args.dropFirst().prefix(while: { $0 != "--" }).first(where: { $0 == "--db" || $0.hasPrefix("--db=") }) {
            let why = command == "extract" ? "it reads the files given and prints their facts"
                                           : "it describes the schema built into this kb, the same for every database"
            CLI.warn("kb: kb \(command) uses no database (\(why)): leave out \(db)")
            return 2
        }
        return nil
    }

    /// Commands within two edits of a mistyped one (a transposition counts one), or that it begins.
    static func closest(_ typed: String, among names: [String]) -> [String] {
        let t = typed.lowercased()
        let scored = names.map { ($0, distance(t, $0)) }.filter { $0.1 <= max(1, min(2, t.count / 3)) || (t.count >= 2 && $0.0.hasPrefix(t)) }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// Optimal-string-alignment distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }
}
