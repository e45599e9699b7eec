import ArgumentParser
import KnowledgeBase

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search articles (French-aware full-text search).",
        discussion: """
            Exit status like grep: 0 when something was found, 1 when nothing, 2 on error.

            Example:
              kb search "cybersécurité"
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Search terms.") var query: [String]
    @Option(help: "Maximum number of hits.") var limit: Int = 20

    func run() throws {
        let kb = try CLI.run { try database.open() }
        let hits = try CLI.run { try kb.search(query.joined(separator: " "), limit: limit) }
        let out = StandardOutput()
        for hit in hits {
            out.write("\(hit.date ?? "----------")  \(hit.headline)  [\(hit.source)]\n")
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}
