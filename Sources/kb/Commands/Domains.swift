import ArgumentParser
import KnowledgeBase

struct Domains: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "domains",
        abstract: "Count articles and agreements per cooperation domain.",
        discussion: """
            Examples:
              kb domains
              kb domains --by-year --format csv
            """)

    @OptionGroup var options: QueryOptions
    @Flag(help: "One count per year (of the article; of the signature for agreements).") var byYear = false

    func run() throws {
        options.printer.print(try options.query { try $0.domains(byYear: byYear) })
    }
}
