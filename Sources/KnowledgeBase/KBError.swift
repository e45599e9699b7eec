/// Errors a user can cause, each with a sentence they can act on and a documented exit code.
public enum KBError: Error, CustomStringConvertible, Equatable {
    /// The database was written by a newer kb (schema version above what this binary knows).
    case databaseTooNew(found: Int, supported: Int)
    /// The database's recorded migrations differ from this binary's (renamed or edited history).
    case migrationMismatch(version: Int, recorded: String, expected: String)
    case cannotOpenDatabase(path: String, reason: String)
    case notAKnowledgeBase(path: String)
    case pathNotFound(String)
    case invalidArgument(String)
    case badQuery(String)
    /// Another `kb ingest` holds the writer lock.
    case ingestAlreadyRunning(path: String, holder: String?)
    case database(String)
    /// A reader met a database with an older schema: only the writer upgrades.
    case olderSchema(path: String)

    public var description: String {
        switch self {
        case let .databaseTooNew(found, supported):
            return "this database has schema version \(found) but this kb knows up to \(supported): it was written by a newer kb. Upgrade kb (or use a copy made by this version); the file was not modified."
        case let .migrationMismatch(version, recorded, expected):
            return "migration \(version) is recorded as « \(recorded) » but this kb expects « \(expected) »: the database comes from a different kb lineage. Re-create it with `kb ingest` into a new file."
        case let .cannotOpenDatabase(path, reason):
            return "cannot open database \(path): \(reason). Check the path and its permissions, or pass --db."
        case let .notAKnowledgeBase(path):
            // Advising `kb ingest --db` on this very file would send the user in a circle: kb
            // never writes into a file that is not its own (it may be /etc/passwd, or someone's database).
            return "\(path) is not a kb database (not SQLite, or SQLite without kb's tables); kb leaves it untouched. "
                + "Pass the knowledge base with --db PATH (or $KB_DB), or build a new one in another file: kb ingest --db OTHER.sqlite DIR"
        case let .pathNotFound(p):
            return "no such file or directory: \(p)"
        case let .invalidArgument(m):
            return m
        case let .badQuery(m):
            return m
        case let .ingestAlreadyRunning(path, holder):
            return "another kb ingest is writing to \(path)\(holder.map { " (\($0))" } ?? ""); this run did nothing. Try again when it has finished."
        case let .database(m):
            return "database error: \(m)"
        case let .olderSchema(path):
            return "the database \(path) has an older schema than this kb; only the writer upgrades it: run `kb ingest --db \(path) …` (or `kb reextract --db \(path)`) once, then retry. The file was not modified."
        }
    }

    /// Process exit status for the CLI (documented in README, « Exit codes »).
    public var exitCode: Int32 {
        switch self {
        case .ingestAlreadyRunning: return 3
        default: return 2
        }
    }
}
