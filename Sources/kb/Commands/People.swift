import ArgumentParser
import KnowledgeBase

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List people, most mentioned first.",
        discussion: """
            Examples:
              kb people --country BY
              kb people --role président --format json
            """)

    @OptionGroup var options: QueryOptions
    @Option(help: ArgumentHelp("Nationality: ISO code or name (BY, Biélorussie, Belarus).", valueName: "country")) var country: String?
    @Option(help: ArgumentHelp("Words of a title, without accents or case (président, ministre).", valueName: "title")) var role: String?

    func run() throws {
        options.printer.print(try options.query { try $0.people(country: country, role: role) })
    }
}
