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
        let kb = try options.open()
        options.printer.print(try CLI.query { try kb.people(country: country, role: role) })
    }
}
