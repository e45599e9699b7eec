import ArgumentParser
import KnowledgeBase

struct Agreements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "List agreements, by date of signature.",
        discussion: """
            Kinds: agreement, protocol, memorandum, declaration, letter_of_intent, programme, plan, treaty, other.

            Examples:
              kb agreements --kind protocol
              kb agreements --domain sécurité --party BY --format json
            """)

    @OptionGroup var options: QueryOptions
    @Option(help: "Kind of document.") var kind: String?
    @Option(help: ArgumentHelp("Domain slug or label (security, sécurité).", valueName: "domain")) var domain: String?
    @Option(help: ArgumentHelp("A party: country code or name, or organisation code (EAEU).", valueName: "party")) var party: String?

    func run() throws {
        options.printer.print(try options.query { try $0.agreements(AgreementFilter(kind: kind, domain: domain, party: party)) })
    }
}
