import ArticleFiles
import Foundation
import KnowledgeBase

/// The library's errors say what is wrong; here they also say which flag or command fixes it,
/// since only the command line knows its flags. Shared by kb and kb-fetch.
public enum ErrorMessages {
    public static func render(_ e: KBError) -> String {
        switch e {
        case let .migrationMismatch(version, recorded, expected):
            return "migration \(version) is recorded as « \(recorded) » but this kb expects « \(expected) »: the database comes from a different kb lineage. Re-create it with `kb ingest` into a new file."
        case let .cannotOpenDatabase(path, reason):
            return "cannot open database \(path): \(reason). Check the path and its permissions, or pass --db."
        case let .databaseNotFound(path):
            return "cannot open database \(path): the file does not exist (run `kb ingest` first to create it). Check the path and its permissions, or pass --db."
        case .notAKnowledgeBase:
            // Advising `kb ingest --db` on this very file would send the user in a circle: kb
            // never writes into a file that is not its own (it may be /etc/passwd, or someone's database).
            return e.description + " Pass the knowledge base with --db PATH (or $KB_DB), or build a new one in another file: kb ingest --db OTHER.sqlite DIR"
        case let .olderSchema(path):
            return "the database \(path) has an older schema than this kb; only the writer upgrades it: run `kb ingest --db \(path) …` (or `kb reextract --db \(path)`) once, then retry. The file was not modified."
        case let .searchIndexOutdated(path):
            return "the search index of \(path) was built by another version of kb's French analyzer; run `kb ingest --db \(path) …` once (the writer re-analyses it; readers never write)"
        case let .fileExists(path):
            return "\(path) already exists; pass --force to replace it"
        case .invalidPaging:
            return "--limit and --offset take a number of hits, 0 or more"
        case let .invalidDate(bound, value):
            return "--\(bound) « \(value) » is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. --\(bound) 2025-01)"
        case .emptyRawQuery:
            return "--raw needs an FTS5 query, e.g. 'cybersecurite OR \"securite informatique\"'"
        case let .invalidRawQuery(message):
            return "the --raw query is not valid FTS5 (\(message)); see https://sqlite.org/fts5.html#full_text_query_syntax, or drop --raw to have kb escape it"
        case .nothingToSearch:
            return "nothing to search for: give words to find (kb search \"cybersécurité\") or a filter such as --country BY"
        case let .queryInterrupted(seconds):
            return "kb sql: the query was interrupted after \(String(format: "%g", seconds)) s (use --timeout to allow longer)"
        default:
            return e.description
        }
    }

    /// A run's counts, with where to see the files still skipped.
    public static func summaryLine(_ s: IngestSummary) -> String {
        s.line.replacingOccurrences(of: " still skipped (unchanged since)", with: " still skipped (unchanged since; kb runs --skipped)")
    }

    public static func render(_ e: FileAccessError) -> String {
        guard case let .unreadable(path, kind, why) = e else { return e.description }
        return "\(path): \(reason(kind, why))"
    }

    /// A file problem's reason with the flag that fixes its kind, if one does (the library's
    /// reason names none: it does not know which command read the file).
    public static func reason(_ kind: FileProblem.Kind, _ reason: String) -> String {
        switch kind {
        case .tooLarge: return reason + " (raise it with --max-file-size)"
        case .symlink: return reason + " (kb ingest --follow-symlinks follows it)"
        default: return reason
        }
    }

    public static func reason(_ p: FileProblem) -> String { reason(p.kind, p.reason) }
    public static func reason(_ s: SkippedFile) -> String { reason(s.kind, s.reason) }
}
