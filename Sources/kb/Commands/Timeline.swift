import ArgumentParser
import KnowledgeBase

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Visits, agreements and trade figures in date order.",
        discussion: """
            Examples:
              kb timeline --country BY
              kb timeline --format ndjson | jq .summary
            """)

    @OptionGroup var options: QueryOptions
    @Option(help: ArgumentHelp("Only events this country takes part in: ISO code or name.", valueName: "country")) var country: String?

    func run() throws {
        options.printer.print(try options.query { try $0.timeline(country: country) })
    }
}
