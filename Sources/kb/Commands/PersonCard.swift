import ArgumentParser
import KnowledgeBase

struct PersonCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Everything known about a person: aliases, roles with their dates, visits, agreements, articles.",
        discussion: """
            The name matches without accents or case, through aliases and partial names (« to lam », « Lukashenko »). \
            When several people match, they are listed with their id: pass it as ID or #ID. Exit status 1 when no one \
            or several people match.

            Examples:
              kb person "Tô Lâm"
              kb person Loukachenko --format json
              kb person 4                 # the same as kb person "#4"
            """)

    @OptionGroup var options: QueryOptions
    @Argument(help: "Name, alias, or id (4 or #4).") var name: String

    func run() throws {
        let card = try options.query { try $0.person(name) }
        let p = card.person
        var lines = p.aliases.map { CardLine(section: "aliases", item: $0) }
        lines += card.roleStatements.map { CardLine(section: "roles", date: $0.statedOn.cell, item: $0.title, detail: [$0.organisation, $0.country].compactMap { $0 }.joined(separator: ", "), source: $0.source, evidence: $0.evidence.cell) }
        lines += card.visits.map { CardLine.visit("visits", $0) }
        lines += card.agreements.map(CardLine.agreement)
        lines += card.articleList.map { CardLine(section: "articles", date: $0.date.cell, item: $0.headline, source: $0.source) }
        options.printer.printCard(card, lines: lines, heading: "\(p.name)\(card.countryName.map { " — \($0)" } ?? "")  (#\(p.id), \(p.articles) article(s))")
    }
}
