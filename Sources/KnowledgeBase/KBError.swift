/// Errors a user can cause, as values: each case carries what a program needs to explain it.
/// `description` is the library's sentence and names no command-line flag; the kb CLI renders the
/// cases with the flag or command that fixes them (Sources/kb/Output/ErrorMessages.swift), and
/// `exitCode` is the status README documents (« Exit codes »).
public enum KBError: Error, CustomStringConvertible, Equatable {
    /// The database was written by a newer kb (schema version above what this binary knows).
    case databaseTooNew(found: Int, supported: Int)
    /// The database's recorded migrations differ from this binary's (renamed or edited history).
    case migrationMismatch(version: Int, recorded: String, expected: String)
    case cannotOpenDatabase(path: String, reason: String)
    /// Opening (not creating) a knowledge base that does not exist.
    case databaseNotFound(path: String)
    case notAKnowledgeBase(path: String)
    case pathNotFound(String)
    case invalidArgument(String)
    case badQuery(String)
    /// Another ingest holds the writer lock.
    case ingestAlreadyRunning(path: String, holder: String?)
    case database(String)
    /// A reader met a database with an older schema: only the writer upgrades.
    case olderSchema(path: String)
    /// A reader met a search index analysed by another version of the French analyzer.
    case searchIndexOutdated(path: String)
    /// A file is in the way and replacing it was not asked for (backup destination).
    case fileExists(String)
    /// A negative limit or offset of search hits.
    case invalidPaging
    /// A date filter (`bound`: `since`, `until`) that is not YYYY, YYYY-MM or YYYY-MM-DD.
    case invalidDate(bound: String, value: String)
    /// A raw (FTS5) search with nothing in it.
    case emptyRawQuery
    /// A raw (FTS5) search SQLite refuses, with SQLite's words.
    case invalidRawQuery(String)
    /// Neither words nor filters.
    case nothingToSearch
    /// An analyst query stopped by its time limit (seconds).
    case queryInterrupted(seconds: Double)

    public var description: String {
        switch self {
        case let .databaseTooNew(found, supported):
            return "this database has schema version \(found) but this kb knows up to \(supported): it was written by a newer kb. Upgrade kb (or use a copy made by this version); the file was not modified."
        case let .migrationMismatch(version, recorded, expected):
            return "migration \(version) is recorded as « \(recorded) » but this kb expects « \(expected) »: the database comes from a different kb lineage. Re-create it by ingesting into a new file."
        case let .cannotOpenDatabase(path, reason):
            return "cannot open database \(path): \(reason). Check the path and its permissions."
        case let .databaseNotFound(path):
            return "cannot open database \(path): the file does not exist (ingest articles into it first to create it). Check the path."
        case let .notAKnowledgeBase(path):
            return "\(path) is not a kb database (not SQLite, or SQLite without kb's tables); kb leaves it untouched."
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
            return "the database \(path) has an older schema than this kb; only the writer upgrades it: ingest into it (or re-extract it) once, then retry. The file was not modified."
        case let .searchIndexOutdated(path):
            return "the search index of \(path) was built by another version of kb's French analyzer; ingest into it once (the writer re-analyses it; readers never write)"
        case let .fileExists(path):
            return "\(path) already exists; ask to overwrite it to replace it"
        case .invalidPaging:
            return "the limit and offset take a number of hits, 0 or more"
        case let .invalidDate(bound, value):
            return "\(bound) « \(value) » is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-01)"
        case .emptyRawQuery:
            return "a raw query needs an FTS5 expression, e.g. 'cybersecurite OR \"securite informatique\"'"
        case let .invalidRawQuery(message):
            return "the raw query is not valid FTS5 (\(message)); see https://sqlite.org/fts5.html#full_text_query_syntax, or search without raw syntax to have kb escape it"
        case .nothingToSearch:
            return "nothing to search for: give words to find or a filter"
        case let .queryInterrupted(seconds):
            return "the query was interrupted after \(String(format: "%g", seconds)) s"
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
