import Foundation
import GRDB

/// A table or view of the knowledge base, with its columns, each described in one line.
public struct SchemaObject: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case table, view }
    public var name: String
    public var kind: Kind
    public var description: String
    public var columns: [SchemaColumn]
}

/// A column of a table or view, with the description its migration gives it.
public struct SchemaColumn: Sendable, Codable, Equatable {
    public var name: String
    /// Declared SQLite type (empty for view columns and FTS columns).
    public var type: String
    public var description: String
}

extension KnowledgeBase {
    /// Every table and view this kb creates, with one-line descriptions. The descriptions come from
    /// the comments of the migrations (see migrations/005_views.sql), the one source of truth;
    /// docs/SCHEMA.md and datasette/metadata.json are generated from this.
    public static func schema() throws -> [SchemaObject] {
        let docs = SchemaDocs.parse(Migrator.all.map(\.sql))
        let queue = try DatabaseQueue()
        return try queue.writeWithoutTransaction { db in
            try Migrator.migrate(db)
            let objects = try Row.fetchAll(db, sql: """
                SELECT name, type FROM sqlite_master
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'
                ORDER BY type = 'view', rowid
                """)
            let shadow = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%' AND type = 'table'")
                .flatMap { fts in ["_data", "_idx", "_content", "_docsize", "_config"].map { fts + $0 } }
            return try objects.compactMap { row -> SchemaObject? in
                let name: String = row["name"]
                guard !shadow.contains(name) else { return nil }
                let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_xinfo(?) WHERE hidden IN (0, 2, 3)", arguments: [name])
                    .map { c -> SchemaColumn in
                        let column: String = c["name"]
                        return SchemaColumn(name: column, type: c["type"] ?? "", description: docs.columns["\(name).\(column)"] ?? "")
                    }
                return SchemaObject(name: name, kind: row["type"] == "view" ? .view : .table,
                                    description: docs.objects[name] ?? "", columns: columns)
            }
        }
    }

    /// docs/SCHEMA.md: every table and view with its columns, as Markdown.
    // The header names the command that regenerates docs/SCHEMA.md: this text is that file's, not an error.
    public static func schemaMarkdown() throws -> String {
        var out = """
            # Database schema

            Generated from the migrations' comments by `make schema-docs` (`kb schema --markdown`); do not edit.
            A test fails when this file is stale. Views (`*_facts`, `people_roles`, `article_facts_summary`)
            are the easiest place to start with `kb sql` or Datasette.

            """
        let objects = try schema()
        for kind in [SchemaObject.Kind.table, .view] {
            out += "\n## \(kind == .table ? "Tables" : "Views")\n"
            for o in objects where o.kind == kind {
                out += "\n### \(o.name)\n\n\(o.description)\n\n| column | type | description |\n|---|---|---|\n"
                for c in o.columns {
                    out += "| `\(c.name)` | \(c.type) | \(c.description.replacingOccurrences(of: "|", with: "\\|")) |\n"
                }
            }
        }
        return out
    }
}

/// Reads descriptions out of migration SQL: the comment block right above a CREATE statement,
/// trailing comments on column lines, and `-- doc TABLE[.COLUMN]: text` lines (which win).
enum SchemaDocs {
    struct Docs { var objects: [String: String] = [:]; var columns: [String: String] = [:] }

    static func parse(_ migrations: [String]) -> Docs {
        var docs = Docs(), explicit = Docs()
        for sql in migrations {
            var block: [String] = []
            var current: (name: String, isView: Bool)?
            var depth = 0
            for rawLine in sql.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("-- doc ") {
                    record(line.dropFirst(7), into: &explicit)
                    continue
                }
                if line.hasPrefix("--") {
                    block.append(line.drop(while: { $0 == "-" }).trimmingCharacters(in: .whitespaces))
                    continue
                }
                let (code, comment) = split(line)
                if let created = createdObject(code) {
                    if docs.objects[created.name] == nil, !block.isEmpty { docs.objects[created.name] = firstSentence(block) }
                    current = created
                    depth = 0
                }
                if let (table, column) = addedColumn(code) {
                    docs.columns["\(table).\(column)"] = comment ?? (block.isEmpty ? nil : firstSentence(block))
                } else if let current, let comment, let column = columnName(code, isView: current.isView) {
                    docs.columns["\(current.name).\(column)"] = comment
                }
                block = []
                depth += code.filter { $0 == "(" }.count - code.filter { $0 == ")" }.count
                if code.hasSuffix(";") && depth <= 0 { current = nil }
            }
        }
        docs.objects.merge(explicit.objects) { _, new in new }
        docs.columns.merge(explicit.columns) { _, new in new }
        docs.columns = docs.columns.mapValues(capitalized)
        return docs
    }

    private static func record(_ text: Substring, into docs: inout Docs) {
        guard let colon = text.firstIndex(of: ":") else { return }
        let key = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if key.contains(".") { docs.columns[key] = value } else { docs.objects[key] = value }
    }

    /// Code and trailing comment of a line (migrations put no `--` inside string literals).
    private static func split(_ line: String) -> (String, String?) {
        guard let r = line.range(of: "--") else { return (line, nil) }
        return (line[..<r.lowerBound].trimmingCharacters(in: .whitespaces),
                line[r.upperBound...].trimmingCharacters(in: .whitespaces))
    }

    private static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," }).map(String.init)
    }

    private static func createdObject(_ code: String) -> (name: String, isView: Bool)? {
        var w = words(code)
        guard w.first?.uppercased() == "CREATE" else { return nil }
        w.removeFirst()
        if w.first?.uppercased() == "VIRTUAL" { w.removeFirst() }
        guard let kind = w.first?.uppercased(), kind == "TABLE" || kind == "VIEW" else { return nil }
        w.removeFirst()
        if w.count > 3, w[0].uppercased() == "IF" { w.removeFirst(3) }
        guard let name = w.first else { return nil }
        return (unquote(name), kind == "VIEW")
    }

    private static func addedColumn(_ code: String) -> (String, String)? {
        let w = words(code)
        guard w.count >= 6, w[0].uppercased() == "ALTER", w[1].uppercased() == "TABLE",
              w[3].uppercased() == "ADD", w[4].uppercased() == "COLUMN" else { return nil }
        return (unquote(w[2]), unquote(w[5]))
    }

    private static let constraints: Set<String> = ["CREATE", "CHECK", "PRIMARY", "UNIQUE", "FOREIGN", "CONSTRAINT", "SELECT", "FROM", "JOIN", "WHERE"]

    /// The column a line defines: its first word in a table, the name after the last AS in a view.
    private static func columnName(_ code: String, isView: Bool) -> String? {
        let w = words(code)
        if isView {
            guard let i = w.lastIndex(where: { $0.uppercased() == "AS" }), i + 1 < w.count else { return nil }
            return unquote(w[i + 1])
        }
        guard let first = w.first, !constraints.contains(first.uppercased()) else { return nil }
        return unquote(first)
    }

    private static func unquote(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`[];,)"))
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    private static func firstSentence(_ lines: [String]) -> String {
        let text = lines.joined(separator: " ")
        if let r = text.range(of: ". ") { return String(text[..<r.lowerBound]) + "." }
        return text
    }
}
