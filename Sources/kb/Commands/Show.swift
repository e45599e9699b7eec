import ArgumentParser
import Extraction
import KnowledgeBase

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an article: headline, date, cleaned text, and each fact with the sentence it was read from.",
        discussion: """
            The article is an id (8, or #8 as kb prints it) or the file name it was ingested from (with or without \
            .txt, or a unique prefix; a number with leading zeros such as 003 is a file name prefix). \
            Exit status 1 when no article or several match.

            Examples:
              kb show 003_ba95bcf8c95dc1d6.txt
              kb show 3 --format json
            """)

    @OptionGroup var options: QueryOptions
    @Argument(help: "Article id (8 or #8) or file name.") var article: String

    func run() throws {
        let card = try options.query { try $0.article(article) }
        let a = card.article
        var lines = [CardLine(section: "article", date: a.date.cell, item: a.headline, source: a.source)]
        if options.format == .table { lines += [CardLine(section: "text", item: card.body.replacingOccurrences(of: "\n\n", with: "\n\n  "))] }
        lines += card.facts.map { CardLine(section: "facts", item: "\($0.kind): \($0.fact)", detail: $0.rule.isEmpty ? "" : "rule \($0.rule)", evidence: $0.evidence) }
        options.printer.printCard(card, lines: lines, heading: "#\(a.id) \(a.source)")
    }
}
