import ArgumentParser
import KnowledgeBase

struct CountryCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "country",
        abstract: "A country's relations with Vietnam: visits both ways, agreements, trade, top domains.",
        discussion: """
            The country is an ISO code or any name, alias, demonym or capital (BY, Biélorussie, Belarus, Minsk). \
            Exit status 1 when no country or several match.

            Examples:
              kb country BY
              kb country Biélorussie --format json
            """)

    @OptionGroup var options: QueryOptions
    @Argument(help: "ISO code or name.") var name: String

    func run() throws {
        let card = try options.query { try $0.country(name) }
        let c = card.summary
        var lines = [CardLine(section: "names", item: card.names.joined(separator: ", "))]
        lines += card.visitsToVietnam.map { CardLine.visit("visits to Vietnam", $0) }
        lines += card.visitsFromVietnam.map { CardLine.visit("visits from Vietnam", $0) }
        lines += card.agreements.map(CardLine.agreement)
        lines += card.trade.map { t in
            // A nine-month figure is not the year's: its period is shown next to the year.
            let when = t.period.map { p in t.year.map { "\($0) (\(p))" } ?? p } ?? t.year.map(String.init) ?? ""
            return CardLine(section: "trade", date: when, item: [t.countryA, t.countryB].compactMap { $0 }.joined(separator: "–"),
                     detail: "actual \(t.actual.map(Numbers.grouped) ?? "-"), target \(t.target.map(Numbers.grouped) ?? "-") \(t.currency.cell)",
                     source: t.sources.joined(separator: ", "))
        }
        lines += card.topDomains.map { CardLine(section: "top domains", item: $0.label, detail: "\($0.articles) article(s), \($0.agreements) agreement(s)") }
        options.printer.printCard(card, lines: lines, heading: "\(c.name) (\(c.iso2)) — \(c.articles) article(s)")
    }
}
