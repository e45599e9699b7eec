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
