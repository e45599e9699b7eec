import ArgumentParser
import KnowledgeBase

struct Visits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visits",
        abstract: "List visits, oldest first.",
        discussion: """
            Countries are ISO codes or names; dates are YYYY, YYYY-MM or YYYY-MM-DD (--until 2025 includes all of 2025).

            Examples:
              kb visits --host BY
              kb visits --visitor-country VN --since 2024 --format csv
              kb visits --person Loukachenko
            """)

    @OptionGroup var options: QueryOptions
    @Option(help: ArgumentHelp("Country visited.", valueName: "country")) var host: String?
    @Option(help: ArgumentHelp("Country of the visitor.", valueName: "country")) var visitorCountry: String?
    @Option(help: ArgumentHelp("Visits starting on or after this date.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Visits starting on or before this date.", valueName: "date")) var until: String?
    @Option(help: ArgumentHelp("The visitor: a name or alias, or an id (12, #12) as kb people lists it.", valueName: "name")) var person: String?

    func run() throws {
        let kb = try options.open()
        let filter = VisitFilter(host: host, visitorCountry: visitorCountry, since: since, until: until, person: person)
        options.printer.print(try CLI.query { try kb.visits(filter) })
    }
}
