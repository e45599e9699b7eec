import ArgumentParser
import Foundation
import KnowledgeBase

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query on the knowledge base.",
        discussion: """
            The database is opened read-only and an authorizer refuses writes, schema changes, ATTACH,
            PRAGMA changes and extension loading (exit status 2, the file untouched). Start with the views:
            visit_facts, agreement_facts, people_roles, trade_facts, article_facts_summary (`kb schema`).

            Examples:
              kb sql "SELECT visitor, host_country, start_date FROM visit_facts"
              kb sql - --format csv < query.sql
            """)

    @OptionGroup var options: QueryOptions
    @Argument(help: "The query, or - to read it from standard input.") var query: String
    @Option(help: "Seconds before a running query is interrupted.") var timeout: Double = 5

    func run() throws {
        let text = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        let kb = try options.open()
        let result = try CLI.query { try kb.sql(text, timeout: timeout) }
        let printer = options.printer
        switch options.format {
        case .json, .ndjson:
            let objects = result.rows.map { row in
                "{" + zip(result.columns, row).map { "\(SQL.json(.text($0))): \(SQL.json($1))" }.joined(separator: ", ") + "}"
            }
            printer.out.write(options.format == .ndjson ? objects.map { $0 + "\n" }.joined()
                              : objects.isEmpty ? "[]\n" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]\n")
            printer.out.flush()
        default:
            printer.printText(columns: result.columns, rows: result.rows.map { $0.map(\.text) })
        }
    }

    /// One JSON value; objects are written by hand to keep the query's column order.
    static func json(_ v: SQLValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self)
    }
}
