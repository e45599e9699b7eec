import Foundation
import KnowledgeBase
import Plot

/// A dossier as one self-contained HTML page: inline CSS and SVG, no script, no network. Every chart
/// mark carries its datum in `data-` attributes (what the listings print in JSON), links to the fact
/// it draws, and every fact links to its article and shows its evidence sentence.
public enum DossierHTML {
    typealias N = Node<HTML.BodyContext>

    public static func render(_ d: Dossier) -> String {
        let title = "Vietnam – \(d.country.name) (\(d.country.iso2)): dossier"
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .style(css)),
            .body(
                .header(
                    .h1(text(title)),
                    .p(.class("sub"), text(subtitle(d)))),
                overview(d),
                timeline(d),
                trade(d),
                people(d),
                domains(d),
                facts(d),
                articles(d),
                .footer(.p(text("Made by kb report from the knowledge base. Charts are drawn from the same queries as kb visits, kb agreements and kb trade."))))
        )
        return page.render(indentedBy: .spaces(1)) + "\n"
    }

    // MARK: - Building blocks

    /// Plot escapes `<` and `>` in text but keeps `&…;` sequences as entities: a literal ampersand is escaped first.
    static func text<C>(_ s: String) -> Node<C> { .text(s.replacingOccurrences(of: "&", with: "&amp;")) }

    /// Plot writes attribute values as given: quotes and markup in a sentence must be escaped here.
    static func escapeAttribute(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// An element Plot has no helper for (SVG), its attributes escaped. An empty value leaves the
    /// attribute out: Plot would write it bare (`data-end`), which is HTML but not XML.
    static func element<C>(_ name: String, _ attributes: [(String, String)], _ children: [Node<C>] = []) -> Node<C> {
        .element(named: name, nodes: attributes.filter { !$0.1.isEmpty }.map { Node<C>.attribute(named: $0.0, value: escapeAttribute($0.1)) } + children)
    }

    static func svgText<C>(_ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "label") -> Node<C> {
        element("text", [("x", num(x)), ("y", num(y)), ("text-anchor", anchor), ("class", cls)], [text(s)])
    }

    static func num(_ x: Double) -> String { String(format: "%.1f", x) }

    static func svg(width: Double, height: Double, label: String, _ children: [N]) -> N {
        element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                        ("width", "100%"), ("role", "img"), ("aria-label", label)], children)
    }

    static func section(_ id: String, _ heading: String, _ children: [N]) -> N {
        .section(.id(id), .h2(text(heading)), .group(children))
    }

    static func articleLink(_ source: String?, in d: Dossier) -> N {
        guard let source else { return text("") }
        return .a(.href("#" + Format.articleAnchor(source)), .text(source))
    }

    static func evidence(_ sentence: String?, _ source: String?, in d: Dossier) -> N {
        .group(
            .blockquote(text(sentence ?? "(no evidence sentence stored)")),
            .p(.class("src"), text("— "), articleLink(source, in: d)))
    }

    static func subtitle(_ d: Dossier) -> String {
        var parts = ["\(d.articles.count) article(s)"]
        if let coverage = d.coverage { parts.append("published \(coverage)") }
        if let since = d.since { parts.append("facts dated from \(since) on") }
        return parts.joined(separator: " · ")
    }

    // MARK: - Overview

    static func overview(_ d: Dossier) -> N {
        let scopes = Dictionary(grouping: d.tradeFigures) { $0.scope ?? "bilateral" }.mapValues(\.count)
        let latest = d.trade.last { $0.actual != nil }
        var cards: [(String, String, String)] = [
            ("articles", "\(d.articles.count)", d.coverage ?? "undated"),
            ("visits to Vietnam", "\(d.visitsToVietnam.count)", "by \(d.country.name)"),
            ("visits from Vietnam", "\(d.visitsFromVietnam.count)", "to \(d.country.name)"),
            ("agreements", "\(d.agreements.count)", "\(d.country.name) a party"),
            ("trade figures", "\(d.tradeFigures.count)",
             ["bilateral", "regional", "bloc"].map { "\(scopes[$0] ?? 0) \($0)" }.joined(separator: ", ")),
            ("people", "\(d.people.count)", "\(d.foreignPeople.count) of \(d.country.iso2), \(d.vietnamesePeople.count) of VN"),
        ]
        if let latest, let actual = latest.actual {
            cards.append(("latest trade", Format.compact(actual) + " " + (latest.currency ?? ""), Format.tradeLabel(latest)))
        }
        return section("overview", "Overview", [
            .div(.class("cards"), .group(cards.map { c -> N in
                .div(.class("card"), .data(named: "figure", value: escapeAttribute(c.0)),
                     .span(.class("value"), text(c.1)), .span(.class("name"), text(c.0)), .span(.class("detail"), text(c.2)))
            }))])
    }

    // MARK: - Timeline

    static func timeline(_ d: Dossier) -> N {
        struct Mark { var x: Double; var end: Double?; var lane: Int; var node: (Double, Double) -> N }
        let lanes = ["\(d.country.iso2) → Vietnam", "Vietnam → \(d.country.iso2)", "agreements"]
        var marks: [Mark] = []
        for (lane, visits, direction) in [(0, d.visitsToVietnam, "to-vn"), (1, d.visitsFromVietnam, "from-vn")] {
            for v in visits {
                guard let x = Format.position(v.start) else { continue }
                let exact = (v.start?.count ?? 0) > 4
                let tip = "\(Format.span(v.start, v.end)) — \(Format.visitor(v)) → \(Format.place(v))\(v.kind.map { " (\($0) visit)" } ?? "")"
                marks.append(Mark(x: x, end: Format.position(v.end), lane: lane) { cx, cy in
                    .a(.href("#visit-\(v.id)"), .group(element("circle", [
                        ("cx", num(cx)), ("cy", num(cy)), ("r", "6"), ("class", "mark visit \(direction)\(exact ? "" : " vague")"),
                        ("data-fact", "visit"), ("data-id", "\(v.id)"), ("data-date", v.start ?? ""), ("data-end", v.end ?? ""),
                        ("data-direction", direction)], [element("title", [], [text(tip)])])))
                })
            }
        }
        for a in d.agreements {
            guard let x = Format.position(a.signed) else { continue }
            let tip = "\(a.signed ?? "") — \(a.kind): \(a.title)"
            marks.append(Mark(x: x, end: nil, lane: 2) { cx, cy in
                .a(.href("#agreement-\(a.id)"), .group(element("rect", [
                    ("x", num(cx - 5)), ("y", num(cy - 5)), ("width", "10"), ("height", "10"),
                    ("transform", "rotate(45 \(num(cx)) \(num(cy)))"), ("class", "mark agreement"),
                    ("data-fact", "agreement"), ("data-id", "\(a.id)"), ("data-date", a.signed ?? ""), ("data-kind", a.kind)],
                    [element("title", [], [text(tip)])])))
            })
        }
        let undated = d.visitsToVietnam.count + d.visitsFromVietnam.count + d.agreements.count - marks.count
        let note: N = undated > 0 ? .p(.class("note"), text("\(undated) undated fact(s) are listed below but not placed on the chart.")) : .group([])
        guard let lo = marks.map(\.x).min(), let hi = marks.map({ $0.end ?? $0.x }).max() else {
            return section("timeline", "Timeline", [.p(text("No dated visit or agreement.")), note])
        }
        let first = Int(lo.rounded(.down)), last = Int(hi.rounded(.down)) + 1
        let width = 960.0, left = 150.0, right = 20.0, laneHeight = 46.0, top = 24.0
        let axisY = top + laneHeight * Double(lanes.count)
        let scale = (width - left - right) / Double(max(1, last - first))
        func x(_ year: Double) -> Double { left + (year - Double(first)) * scale }
        let step = max(1, (last - first + 11) / 12)
        var nodes: [N] = []
        for (i, name) in lanes.enumerated() {
            let y = top + laneHeight * (Double(i) + 0.5)
            nodes.append(element("line", [("x1", num(left)), ("x2", num(width - right)), ("y1", num(y)), ("y2", num(y)), ("class", "lane")]))
            nodes.append(svgText(name, x: left - 10, y: y + 4, anchor: "end"))
        }
        for year in stride(from: first, through: last, by: step) {
            nodes.append(element("line", [("x1", num(x(Double(year)))), ("x2", num(x(Double(year)))), ("y1", num(top)), ("y2", num(axisY)), ("class", "grid")]))
            nodes.append(svgText(String(year), x: x(Double(year)), y: axisY + 16, anchor: "middle", cls: "tick"))
        }
        // Marks close together in one lane are stacked so that each stays visible and clickable.
        var placed: [Int: [Double]] = [:]
        for m in marks.sorted(by: { ($0.lane, $0.x) < ($1.lane, $1.x) }) {
            let cx = x(m.x)
            let near = placed[m.lane, default: []].filter { abs($0 - cx) < 10 }.count
            placed[m.lane, default: []].append(cx)
            let offset = Double((near + 1) / 2) * 12 * (near % 2 == 0 ? 1 : -1)
            let cy = top + laneHeight * (Double(m.lane) + 0.5) + offset
            if let end = m.end, end > m.x {
                nodes.append(element("line", [("x1", num(cx)), ("x2", num(x(end))), ("y1", num(cy)), ("y2", num(cy)), ("class", "stay")]))
            }
            nodes.append(m.node(cx, cy))
        }
        return section("timeline", "Timeline", [
            .p(.class("note"), text("Visits both ways and agreements signed. Filled marks have a month or day; hollow ones only a year. Each mark links to its fact.")),
            svg(width: width, height: axisY + 26, label: "Timeline of visits and agreements", nodes),
            note])
    }

    // MARK: - Trade

    static func trade(_ d: Dossier) -> N {
        let dated = d.trade.filter { $0.year != nil && ($0.actual != nil || $0.target != nil) }
        // The dossier is kb's document, not an error: it names the kb command that lists the same series.
        var children: [N] = [.p(.class("note"), text("Bilateral figures, as kb trade --country \(d.country.iso2) lists them: solid bars are actual trade, outlined bars targets. Regional (a province or city) and bloc figures are kept apart below and never enter this series."))]
        let currencies = Dictionary(grouping: dated) { $0.currency ?? "?" }.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        if currencies.isEmpty { children.append(.p(text("No dated bilateral trade figure."))) }
        for (currency, points) in currencies {
            children.append(.h3(text("Bilateral trade, \(currency)")))
            children.append(tradeChart(points, currency: currency, d: d))
        }
        let undated = d.trade.count - dated.count
        if undated > 0 { children.append(.p(.class("note"), text("\(undated) bilateral point(s) without a year or an amount are in the figures table only."))) }
        let apart = d.tradeFigures.filter { ($0.scope ?? "bilateral") != "bilateral" }
        children.append(.h3(text("Regional and bloc figures")))
        if apart.isEmpty {
            children.append(.p(text("None.")))
        } else {
            children.append(.table(.class("compact"),
                .tr(.th(text("year")), .th(text("period")), .th(text("scope")), .th(text("who")), .th(text("kind")), .th(.class("num"), text("amount"))),
                .group(apart.map { f -> Node<HTML.TableContext> in
                    .tr(.data(named: "scope", value: escapeAttribute(f.scope ?? "")),
                        .td(text(f.year.map(String.init) ?? "")), .td(text(f.period ?? "")), .td(text(f.scope ?? "")),
                        .td(.a(.href("#trade-\(f.id)"), text(Format.pair(f)))), .td(text(f.kind)),
                        .td(.class("num"), text(f.amount.map { Format.amount($0) + " " + (f.currency ?? "") } ?? "not stated")))
                })))
        }
        return section("trade", "Trade", children)
    }

    static func tradeChart(_ points: [TradePoint], currency: String, d: Dossier) -> N {
        let width = 960.0, left = 90.0, right = 20.0, top = 20.0, plot = 220.0
        let maxValue = points.flatMap { [$0.actual, $0.target].compactMap { $0 } }.max() ?? 1
        let ceiling = niceCeiling(maxValue)
        let slot = (width - left - right) / Double(points.count)
        let barWidth = min(36, slot / 2.6)
        func y(_ v: Double) -> Double { top + plot - v / ceiling * plot }
        var nodes: [N] = []
        for i in 0...4 {
            let v = ceiling * Double(i) / 4
            nodes.append(element("line", [("x1", num(left)), ("x2", num(width - right)), ("y1", num(y(v))), ("y2", num(y(v))), ("class", "grid")]))
            nodes.append(svgText(Format.compact(v), x: left - 8, y: y(v) + 4, anchor: "end", cls: "tick"))
        }
        for (i, p) in points.enumerated() {
            let center = left + slot * (Double(i) + 0.5)
            for (kind, value, dx) in [("actual", p.actual, -barWidth / 2 - 2), ("target", p.target, barWidth / 2 + 2)] {
                guard let value else { continue }
                let tip = "\(Format.tradeLabel(p)) \(kind): \(Format.amount(value)) \(currency) (\(p.figures) figure(s); \(p.sources.joined(separator: ", ")))"
                nodes.append(element("rect", [
                    ("x", num(center + dx - barWidth / 2)), ("y", num(y(value))), ("width", num(barWidth)), ("height", num(max(1, top + plot - y(value)))),
                    ("class", "bar \(kind)"), ("data-fact", "trade"), ("data-kind", kind), ("data-amount", Format.raw(value)),
                    ("data-year", p.year.map(String.init) ?? ""), ("data-period", p.period ?? ""), ("data-currency", p.currency ?? ""),
                    ("data-country-a", p.countryA ?? ""), ("data-country-b", p.countryB ?? "")],
                    [element("title", [], [text(tip)])]))
                nodes.append(svgText(Format.compact(value), x: center + dx, y: y(value) - 4, anchor: "middle", cls: "value"))
            }
            nodes.append(svgText(p.year.map(String.init) ?? "", x: center, y: top + plot + 16, anchor: "middle", cls: "tick"))
            if let period = p.period {
                nodes.append(svgText(period, x: center, y: top + plot + 30, anchor: "middle", cls: "tick small"))
            }
        }
        nodes.append(element("rect", [("x", num(left)), ("y", "2"), ("width", "12"), ("height", "10"), ("class", "bar actual")]))
        nodes.append(svgText("actual", x: left + 16, y: 11))
        nodes.append(element("rect", [("x", num(left + 80)), ("y", "2"), ("width", "12"), ("height", "10"), ("class", "bar target")]))
        nodes.append(svgText("target", x: left + 96, y: 11))
        return svg(width: width, height: top + plot + 40, label: "Bilateral trade by year in \(currency), actual and target", nodes)
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above the largest value, so that the axis reads in round numbers.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, (log10(v)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= v { return m * magnitude }
        return 10 * magnitude
    }

    // MARK: - People

    static func people(_ d: Dossier) -> N {
        func side(_ heading: String, _ people: [DossierPerson]) -> N {
            let items = people.map { p -> Node<HTML.ListContext> in
                let roles = p.roles.map { r -> Node<HTML.ListContext> in
                    .li(text(r.title), .span(.class("detail"), text(" (" + Format.stated(r.firstStated, r.lastStated) + ") ")),
                        articleLink(r.source, in: d))
                }
                return .li(.id("person-\(p.id)"),
                           .strong(text(p.name)), .span(.class("detail"), text(" · \(p.articles) article(s)")),
                           .ul(.group(roles)))
            }
            let list: N = people.isEmpty ? .p(text("No one named.")) : .ul(.class("people"), .group(items))
            return .div(.class("side"), .h3(text(heading)), list)
        }
        return section("people", "Who's who", [
            .p(.class("note"), text("People of \(d.country.name), and Vietnamese people named in the articles about it, with each title and the dates articles stated it.")),
            .div(.class("sides"), side(d.country.name, d.foreignPeople), side("Vietnam", d.vietnamesePeople))])
    }

    // MARK: - Domains

    static func domains(_ d: Dossier) -> N {
        guard let top = d.domains.map(\.articles).max() else {
            return section("domains", "Cooperation domains", [.p(text("No domain mentioned."))])
        }
        let width = 960.0, left = 220.0, row = 24.0
        let scale = (width - left - 160) / Double(max(1, top))
        var nodes: [N] = []
        for (i, dm) in d.domains.enumerated() {
            let y = Double(i) * row + 4
            nodes.append(svgText(dm.label, x: left - 10, y: y + 14, anchor: "end"))
            nodes.append(element("rect", [
                ("x", num(left)), ("y", num(y)), ("width", num(max(1, Double(dm.articles) * scale))), ("height", num(row - 8)),
                ("class", "bar domain"), ("data-fact", "domain"), ("data-slug", dm.slug),
                ("data-articles", "\(dm.articles)"), ("data-agreements", "\(dm.agreements)")],
                [element("title", [], [text("\(dm.label) (\(dm.labelEN)): \(dm.articles) article(s), \(dm.agreements) agreement(s)")])]))
            nodes.append(svgText("\(dm.articles) article(s), \(dm.agreements) agreement(s)", x: left + Double(dm.articles) * scale + 8, y: y + 14, cls: "tick"))
        }
        return section("domains", "Cooperation domains", [
            .p(.class("note"), text("Ranked by the articles about \(d.country.name) that mention each domain; agreements are those \(d.country.name) is a party to.")),
            svg(width: width, height: Double(d.domains.count) * row + 8, label: "Cooperation domains ranked", nodes)])
    }

    // MARK: - Facts

    static func facts(_ d: Dossier) -> N {
        func visitRows(_ visits: [Visit], _ direction: String) -> [Node<HTML.TableContext>] {
            visits.map { v -> Node<HTML.TableContext> in
                .tr(.id("visit-\(v.id)"), .data(named: "direction", value: direction),
                    .td(.class("date"), text(Format.span(v.start, v.end))),
                    .td(text(Format.visitor(v))), .td(text(Format.place(v))), .td(text(v.kind ?? "")),
                    .td(evidence(v.evidence, v.source, in: d)))
            }
        }
        let visitHeader: Node<HTML.TableContext> = .tr(.th(text("dates")), .th(text("visitor")), .th(text("where")), .th(text("kind")), .th(text("evidence")))
        var children: [N] = []
        for (heading, visits, direction) in [("Visits to Vietnam", d.visitsToVietnam, "to-vn"), ("Visits from Vietnam", d.visitsFromVietnam, "from-vn")] {
            children.append(.h3(text("\(heading) (\(visits.count))")))
            children.append(visits.isEmpty ? .p(text("None.")) : .table(visitHeader, .group(visitRows(visits, direction))))
        }
        children.append(.h3(text("Agreements (\(d.agreements.count))")))
        children.append(d.agreements.isEmpty ? .p(text("None.")) : .table(
            .tr(.th(text("signed")), .th(text("kind")), .th(text("title")), .th(text("parties")), .th(text("domains")), .th(text("evidence"))),
            .group(d.agreements.map { a -> Node<HTML.TableContext> in
                .tr(.id("agreement-\(a.id)"),
                    .td(.class("date"), text(a.signed ?? "undated")), .td(text(a.kind)), .td(text(a.title)),
                    .td(text(a.parties.joined(separator: ", "))), .td(text(a.domains.joined(separator: ", "))),
                    .td(evidence(a.evidence, a.source, in: d)))
            })))
        for (scope, figures) in d.figuresByScope {
            children.append(.h3(text("Trade figures, \(scope) (\(figures.count))")))
            children.append(.table(
                .tr(.th(text("year")), .th(text("period")), .th(text("who")), .th(text("kind")), .th(.class("num"), text("amount")), .th(text("evidence"))),
                .group(figures.map { f -> Node<HTML.TableContext> in
                    .tr(.id("trade-\(f.id)"), .data(named: "scope", value: escapeAttribute(scope)),
                        .td(.class("date"), text(f.year.map(String.init) ?? "")), .td(text(f.period ?? "")), .td(text(Format.pair(f))),
                        .td(text(f.kind)), .td(.class("num"), text(f.amount.map { Format.amount($0) + " " + (f.currency ?? "") } ?? "not stated")),
                        .td(evidence(f.evidence, f.source, in: d)))
                })))
        }
        return section("facts", "Facts and their evidence", children)
    }

    static func articles(_ d: Dossier) -> N {
        section("articles", "Articles (\(d.articles.count))", [
            d.articles.isEmpty ? .p(text("None.")) : .ol(.class("articles"), .group(d.articles.map { a -> Node<HTML.ListContext> in
                .li(.id(Format.articleAnchor(a.source)),
                    .span(.class("date"), text(a.date ?? "undated")), text(" "), .strong(text(a.headline)),
                    .span(.class("detail"), text(" — \(a.source) (#\(a.id))")))
            }))])
    }

    // No `>` or `&` in the CSS: it is raw text inside <style>, and stays readable as XML too.
    static let css = """
        :root { --ink: #1d2430; --muted: #5f6b7a; --line: #d8dde4; --to: #1f6fb2; --from: #c0392b; --agr: #2e8b57; --target: #e39b2d; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 32px; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 36px; }
        h3 { font-size: 16px; margin: 22px 0 8px; } .sub, .note, .detail, .src { color: var(--muted); } .note { font-size: 13px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; }
        .card .value { font-size: 24px; font-weight: 600; } .card .name { font-weight: 600; } .card .detail { font-size: 12px; }
        svg { display: block; margin: 8px 0; } svg .label { font-size: 13px; fill: var(--ink); } svg .tick { font-size: 11px; fill: var(--muted); }
        svg .small { font-size: 10px; } svg .value { font-size: 11px; fill: var(--ink); }
        svg .lane { stroke: var(--line); stroke-width: 1; } svg .grid { stroke: #eef1f4; stroke-width: 1; }
        svg .stay { stroke: var(--muted); stroke-width: 3; stroke-linecap: round; opacity: .5; }
        .mark { stroke-width: 2; } .visit.to-vn { fill: var(--to); stroke: var(--to); } .visit.from-vn { fill: var(--from); stroke: var(--from); }
        .visit.vague { fill: #fff; } .agreement { fill: var(--agr); stroke: var(--agr); }
        .bar.actual { fill: var(--to); } .bar.target { fill: #fff; stroke: var(--target); stroke-width: 2; stroke-dasharray: 4 2; } .bar.domain { fill: var(--agr); }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 6px; text-align: left; vertical-align: top; }
        th { background: #f5f7f9; } td.num, th.num { text-align: right; white-space: nowrap; } td.date { white-space: nowrap; }
        tr:target { background: #fff6d6; } li:target { background: #fff6d6; }
        blockquote { margin: 0; font-style: italic; } .src { margin: 2px 0 0; font-size: 12px; }
        .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; } ul.people { padding-left: 18px; } ul.people ul { padding-left: 18px; margin: 2px 0 8px; }
        ol.articles li { margin-bottom: 4px; } .date { font-variant-numeric: tabular-nums; }
        footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
        @media print { body { max-width: none; } }
        """
}
