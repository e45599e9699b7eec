import ArgumentParser
import DossierReport
import Foundation
import KnowledgeBase

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A dossier of Vietnam's relations with a country: charts, who's who, every fact with its evidence.",
        discussion: """
            HTML (default) is one self-contained page: inline CSS and SVG charts, no script, nothing fetched. \
            Its charts come from the same queries as kb visits, kb agreements and kb trade. \
            Markdown has the same sections, with tables instead of charts. \
            --since keeps the facts dated on or after the date. \
            Exit status 1 when no country or several match; 2 on a bad date, Vietnam itself or an unwritable file.

            Examples:
              kb report BY -o belarus.html
              kb report Biélorussie --format md --since 2020
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The country: ISO code or name.") var country: String
    @Option(help: "html or md.") var format: Format = .html
    @Option(help: ArgumentHelp("Facts dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date")) var since: String?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let kb = try CLI.query { try database.open(.readOnly) }
        let dossier = try CLI.query { try kb.dossier(country, since: since) }
        let text = format == .html ? DossierHTML.render(dossier) : DossierMarkdown.render(dossier)
        guard let output else {
            let out = StandardOutput()
            out.write(text)
            out.flush()
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            CLI.warn("kb: cannot write « \(output) »: \((error as NSError).localizedDescription)")
            throw ExitCode(2)
        }
    }
}
