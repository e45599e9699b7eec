import SeededRandom

/// Writes one synthetic article in the outlets' format: optional ` date YYYY-MM-DD Headline` line
/// (leading space), `>> related` lines, paragraphs with `Photo : VNA/CVN` credits, a trailing
/// `VNA/CVN` and sometimes a « Voir plus » block of other headlines.
///
/// Each article draws from its own generator seeded by (corpus seed, index), so article i is the
/// same whatever N is, and the corpus is identical across runs and machines.
struct ArticleWriter {
    typealias V = Vocabulary

    private var rng: SplitMix64
    private let c: V.Country, c2: V.Country
    private let vn: String, vn2: String, vn3Name: String, vnName: String
    private let fp: String, fp2: String, fp3: String, fpName: String
    private let cap: String, cap2: String

    init(seed: UInt64, index: Int) {
        var r = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        _ = r.next()
        c = r.pick(V.countries)
        var other = r.pick(V.countries)
        while other.name == c.name { other = r.pick(V.countries) }
        c2 = other
        vnName = ArticleWriter.vietnameseName(&r)
        vn = "\(r.pick(V.vietnameseTitles)) \(vnName)"
        vn2 = "\(r.pick(V.vietnameseTitles)) \(ArticleWriter.vietnameseName(&r))"
        vn3Name = ArticleWriter.vietnameseName(&r)
        fpName = "\(r.pick(V.foreignFirst)) \(r.pickSkewed(V.foreignLast))"
        fp = "\(r.pick(V.foreignTitles)) \(c.adjective) \(fpName)"
        fp2 = "\(r.pick(V.foreignTitles)) \(c.adjective) \(r.pick(V.foreignFirst)) \(r.pickSkewed(V.foreignLast))"
        fp3 = "\(r.pick(V.foreignTitles)) \(c2.adjective) \(r.pick(V.foreignFirst)) \(r.pickSkewed(V.foreignLast))"
        cap = c.capital
        cap2 = c2.capital
        rng = r
    }

    static func vietnameseName(_ r: inout SplitMix64) -> String {
        "\(r.pick(V.vietnameseFamily)) \(r.pick(V.vietnameseMiddle)) \(r.pick(V.vietnameseGiven))"
    }

    /// The article text, about `4_000…6_500` bytes.
    mutating func write() -> String {
        var out = ""
        out.reserveCapacity(8192)
        let headline = fill(rng.pick(Templates.headlines))
        if rng.chance(85) {
            let year = rng.int(2019...2025), month = rng.int(1...12), day = rng.int(1...28)
            let date = rng.chance(85) ? "\(year)-\(pad(month))-\(pad(day))" : "\(year)-\(pad(month))"
            out += " date \(date) \(headline)\n\n"
        } else {
            out += "\(headline)\n\n"
        }
        for _ in 0..<rng.int(0...3) { out += ">> \(fill(rng.pick(Templates.headlines + Templates.moreHeadlines)))\n\n" }

        let target = rng.int(4_000...6_000)
        var order = Array(Templates.body.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        var next = 0
        var paragraph = fill(rng.pick(Templates.openings))
        var credits = 0
        while out.utf8.count + paragraph.utf8.count < target && next < order.count {
            for _ in 0..<rng.int(1...2) where next < order.count {
                paragraph += " " + fill(Templates.body[order[next]])
                next += 1
            }
            out += paragraph + "\n\n"
            paragraph = fill(Templates.body[order[next % order.count]])
            next += 1
            if credits < 3 && rng.chance(20) { out += "Photo : VNA/CVN\n\n"; credits += 1 }
        }
        out += fill(rng.pick(Templates.closings)) + "\n\n"
        out += "VNA/CVN\n"
        if rng.chance(15) {
            out += "\nVoir plus\n\n"
            for _ in 0..<rng.int(2...3) {
                out += fill(rng.pick(Templates.captions)) + "\n\n"
                out += fill(rng.pick(Templates.moreHeadlines)) + "\n\n"
                out += fill(rng.pick(Templates.moreSummaries)) + "\n\n"
            }
        }
        return out
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Replaces every `{KEY}` of a template.
    private mutating func fill(_ template: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let close = rest[open...].firstIndex(of: "}")!
            let key = rest[rest.index(after: open)..<close]
            out += value(String(key))
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private mutating func value(_ key: String) -> String {
        if key.hasSuffix("CAP") && key != "CAP" && key != "CAP2" {
            return capitalized(value(String(key.dropLast(3))))
        }
        switch key {
        case "VN": return vn
        case "VNDE": return de(vn)
        case "VNNAME": return vnName
        case "VN2": return vn2
        case "VN3NAME": return vn3Name
        case "FP": return fp
        case "FPDE": return de(fp)
        case "FPNAME": return fpName
        case "FP2": return fp2
        case "FP3": return fp3
        case "C": return c.withArticle
        case "CNAME": return c.name
        case "CIN": return c.inForm
        case "COF": return c.ofForm
        case "CADJP": return plural(c.adjective)
        case "CADJF": return feminine(c.adjective)
        case "CADJFP": return plural(feminine(c.adjective))
        case "C2": return c2.withArticle
        case "C2IN": return c2.inForm
        case "COF2": return feminine(c2.adjective)
        case "CAP": return cap
        case "CAP2": return cap2
        case "DOM", "DOM2", "DOM3": return rng.pick(V.domains)
        case "DOMBARE": return bare(rng.pick(V.domains))
        case "DOMDE":
            let d = bare(rng.pick(V.domains))
            return "aeiouéèêîô".contains(d.prefix(1)) ? "d’" + d : "de " + d
        case "AGR", "AGR2": return fill(rng.pick(V.agreements))
        case "AMT": return amount()
        case "PCT": return "\(rng.int(1...35)),\(rng.int(1...9)) %"
        case "DATE": return date()
        case "RANGE":
            let a = rng.int(1...20)
            return "du \(a) au \(a + rng.int(2...7)) \(rng.pick(V.months))"
        case "DAYMONTH": return "\(rng.int(2...28)) \(rng.pick(V.months))"
        case "YEAR": return "\(rng.int(2019...2025))"
        case "YEAR2": return "\(rng.int(2026...2030))"
        case "YEAR3": return rng.pick(["2030", "2035", "2045"])
        case "OLDYEAR": return "\(rng.int(1950...1995))"
        case "YEARS": return "\(rng.int(10...75))"
        case "MONTH": return rng.pick(V.months)
        case "MONTHS": return "\(rng.int(3...11))"
        case "SMALL": return rng.pick(["deux", "trois", "quatre", "cinq"])
        case "N": return "\(rng.int(2...40))"
        case "N0": return thousands(rng.pick([rng.int(50...950), rng.int(1_000...90_000)]))
        case "ORG", "ORG2": return rng.pick(V.organisations)
        case "REL": return rng.pick(V.relations)
        case "REGION": return rng.pick(["Asie du Sud-Est", "Europe", "Asie centrale", "Afrique", "Amérique latine",
                                        "Asie-Pacifique", "Moyen-Orient", "Europe de l’Est"])
        case "CITY": return rng.pick(V.vietnameseCities)
        case "CITY2": return rng.pick(V.vietnameseCities)
        case "SECT": return rng.pick(V.sectors)
        case "PROD", "PROD2": return rng.pick(V.products)
        default: fatalError("unknown template key {\(key)}")
        }
    }

    /// « 94,5 millions de dollars », « 1,2 milliard d’euros », « 2.300 milliards de dôngs ».
    private mutating func amount() -> String {
        switch rng.below(5) {
        case 0, 1: return "\(rng.int(2...900)),\(rng.int(1...9)) millions de dollars"
        case 2: return "\(rng.int(1...30)),\(rng.int(1...9)) \(rng.chance(30) ? "milliard" : "milliards") de dollars"
        case 3: return "\(rng.int(5...500)) millions d’euros"
        default: return "\(thousands(rng.int(1_000...95_000))) milliards de dôngs"
        }
    }

    /// « mercredi 3 décembre », « le 1er juin », « lundi 14 avril 2025 ».
    private mutating func date() -> String {
        let day = rng.int(1...28)
        let d = day == 1 ? "1er" : "\(day)"
        switch rng.below(3) {
        case 0: return "le \(d) \(rng.pick(V.months))"
        case 1: return "\(rng.pick(V.weekdays)) \(d) \(rng.pick(V.months)) \(rng.int(2019...2025))"
        default: return "\(rng.pick(V.weekdays)) \(d) \(rng.pick(V.months))"
        }
    }

    private func thousands(_ n: Int) -> String {
        n < 1000 ? "\(n)" : "\(n / 1000).\(String(n % 1000 + 1000).dropFirst())"
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// « le président X » → « du président X »; « la ministre » → « de la ministre ».
    private func de(_ s: String) -> String {
        if s.hasPrefix("le ") { return "du " + s.dropFirst(3) }
        if s.hasPrefix("les ") { return "des " + s.dropFirst(4) }
        return "de " + s
    }

    /// « l’économie » → « économie »: for « en matière de … ».
    private func bare(_ s: String) -> String {
        for article in ["le ", "la ", "les ", "l’"] where s.hasPrefix(article) { return String(s.dropFirst(article.count)) }
        return s
    }

    private func plural(_ s: String) -> String { s.hasSuffix("s") || s.hasSuffix("x") || s == "lao" ? s : s + "s" }

    private func feminine(_ s: String) -> String {
        if s.hasSuffix("e") || s == "lao" { return s }
        if s.hasSuffix("ien") { return s + "ne" }
        if s == "turc" { return "turque" }
        if s == "ouzbek" { return "ouzbèke" }
        return s + "e"
    }
}
