import ArgumentParser
import Foundation

extension KB {
    /// ArgumentParser exits 64 on a usage error; kb documents 2 (« usage or database error »)
    /// for every command, like grep and diff, so scripts need one rule.
    static func main() {
        StandardOutput.guardStandardDescriptors()
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
