import ArgumentParser
import KnowledgeBase

struct Trade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "Trade figures as a time series: actual next to target.",
        discussion: """
            One line per trading pair, year (or period) and currency. Amounts are normalised (94,5 millions → 94500000).

            Examples:
              kb trade --country BY
              kb trade --format csv > trade.csv
            """)

    @OptionGroup var options: QueryOptions
    @Option(help: ArgumentHelp("One of the trading pair: ISO code or name.", valueName: "country")) var country: String?

    func run() throws {
        options.printer.print(try options.query { try $0.trade(country: country) })
    }
}
