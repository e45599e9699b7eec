import Foundation
import KnowledgeBase

/// A dossier as Markdown: the same sections as the HTML page, charts as tables.
public enum DossierMarkdown {
    public static func render(_ d: Dossier) -> String {
        var out: [String] = []
        out.append("# Vietnam – \(d.country.name) (\(d.country.iso2)): dossier\n")
        out.append(DossierHTML.subtitle(d) + "\n")

        out.append("## Overview\n")
        let scopes = Dictionary(grouping: d.tradeFigures) { $0.scope ?? "bilateral" }.mapValues(\.count)
        out.append(table(["figure", "value"], [
            ["articles", "\(d.articles.count)"],
            ["visits to Vietnam", "\(d.visitsToVietnam.count)"],
            ["visits from Vietnam", "\(d.visitsFromVietnam.count)"],
            ["agreements", "\(d.agreements.count)"],
            ["trade figures", "\(d.tradeFigures.count) (" + ["bilateral", "regional", "bloc"].map { "\(scopes[$0] ?? 0) \($0)" }.joined(separator: ", ") + ")"],
            ["people", "\(d.foreignPeople.count) of \(d.country.iso2), \(d.vietnamesePeople.count) of VN"],
        ]))

        out.append("## Timeline\n")
        var events: [(String?, String)] = []
        events += d.visitsToVietnam.map { ($0.start, "visit to Vietnam: \(Format.visitor($0)) → \(Format.place($0))") }
        events += d.visitsFromVietnam.map { ($0.start, "visit from Vietnam: \(Format.visitor($0)) → \(Format.place($0))") }
        events += d.agreements.map { ($0.signed, "\($0.kind) signed: \($0.title)") }
        let sorted = events.enumerated().sorted { l, r in
            switch (l.element.0, r.element.0) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return false
            case (_?, nil): return true
            default: return l.offset < r.offset
            }
        }.map(\.element)
        out.append(sorted.isEmpty ? "None.\n" : sorted.map { "- \($0.0 ?? "undated") — \($0.1)" }.joined(separator: "\n") + "\n")

        out.append("## Trade\n")
        // The dossier is kb's document, not an error: it names the kb command that lists the same series.
        out.append("Bilateral series (as `kb trade --country \(d.country.iso2)`); regional and bloc figures are listed apart and never enter it.\n")
        out.append(d.trade.isEmpty ? "None.\n" : table(["year", "period", "pair", "actual", "target", "currency", "sources"], d.trade.map {
            [$0.year.map(String.init) ?? "", $0.period ?? "", [$0.countryA, $0.countryB].compactMap { $0 }.joined(separator: "–"),
             $0.actual.map(Format.amount) ?? "", $0.target.map(Format.amount) ?? "", $0.currency ?? "", $0.sources.joined(separator: ", ")]
        }))
        let apart = d.tradeFigures.filter { ($0.scope ?? "bilateral") != "bilateral" }
        out.append("### Regional and bloc figures\n")
        out.append(apart.isEmpty ? "None.\n" : table(["year", "period", "scope", "who", "kind", "amount"], apart.map { f in
            [f.year.map(String.init) ?? "", f.period ?? "", f.scope ?? "", Format.pair(f), f.kind,
             f.amount.map { Format.amount($0) + " " + (f.currency ?? "") } ?? "not stated"]
        }))

        out.append("## Who's who\n")
        for (heading, people) in [(d.country.name, d.foreignPeople), ("Vietnam", d.vietnamesePeople)] {
            out.append("### \(heading)\n")
            out.append(people.isEmpty ? "No one named.\n" : people.map { p in
                "- **\(escape(p.name))** (\(p.articles) article(s))" + p.roles.map { "\n  - \(escape($0.title)) (\(Format.stated($0.firstStated, $0.lastStated)))" }.joined()
            }.joined(separator: "\n") + "\n")
        }

        out.append("## Cooperation domains\n")
        out.append(d.domains.isEmpty ? "None.\n" : table(["rank", "domain", "articles", "agreements"], d.domains.enumerated().map {
            ["\($0.offset + 1)", $0.element.label, "\($0.element.articles)", "\($0.element.agreements)"]
        }))

        out.append("## Facts and their evidence\n")
        for (heading, visits) in [("Visits to Vietnam", d.visitsToVietnam), ("Visits from Vietnam", d.visitsFromVietnam)] {
            out.append("### \(heading) (\(visits.count))\n")
            out.append(visits.isEmpty ? "None.\n" : table(["dates", "visitor", "where", "kind", "evidence", "article"], visits.map {
                [Format.span($0.start, $0.end), Format.visitor($0), Format.place($0), $0.kind ?? "", $0.evidence ?? "", $0.source ?? ""]
            }))
        }
        out.append("### Agreements (\(d.agreements.count))\n")
        out.append(d.agreements.isEmpty ? "None.\n" : table(["signed", "kind", "title", "parties", "evidence", "article"], d.agreements.map {
            [$0.signed ?? "undated", $0.kind, $0.title, $0.parties.joined(separator: ", "), $0.evidence ?? "", $0.source ?? ""]
        }))
        for (scope, figures) in d.figuresByScope {
            out.append("### Trade figures, \(scope) (\(figures.count))\n")
            let rows = figures.map { f -> [String] in
                let amount = f.amount.map { Format.amount($0) + " " + (f.currency ?? "") } ?? "not stated"
                return [f.year.map(String.init) ?? "", f.period ?? "", Format.pair(f), f.kind, amount, f.evidence ?? "", f.source ?? ""]
            }
            out.append(table(["year", "period", "who", "kind", "amount", "evidence", "article"], rows))
        }

        out.append("## Articles (\(d.articles.count))\n")
        out.append(d.articles.isEmpty ? "None.\n" : d.articles.map { "- \($0.date ?? "undated") **\(escape($0.headline))** — `\($0.source)` (#\($0.id))" }.joined(separator: "\n") + "\n")
        return out.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*[]|<>#".contains(c) { out.append("\\") }
            out.append(c == "\n" ? " " : c)
        }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in " --- |" }.joined()]
        lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }
}
