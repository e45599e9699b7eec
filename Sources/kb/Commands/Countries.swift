import ArgumentParser
import KnowledgeBase

struct Countries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "countries",
        abstract: "List the countries the knowledge base has facts about.",
        discussion: """
            Articles mentioning each country, visits it hosted and made, agreements, trade figures.

            Examples:
              kb countries
              kb countries --all --format csv > countries.csv
            """)

    @OptionGroup var options: QueryOptions
    @Flag(help: "Every known country, even those with no facts.") var all = false

    func run() throws {
        options.printer.print(try options.query { try $0.countries(all: all) })
    }
}
