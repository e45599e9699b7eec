/// Reference data (gazetteers) from `seeds/reference/*.tsv`: countries, organisations,
/// titles, cooperation domains, news agencies. Analysts extend the files without touching code;
/// `make generate` embeds them into the binary so `kb` works from any directory.
public struct Reference: Sendable {
    /// The country whose relations the articles tell (Vietnam): a name's nationality is decided
    /// against it, and the cards and dossiers count visits to and from it.
    package static let homeCountry = "VN"

    package struct Country: Sendable, Hashable {
        package let iso2: String
        /// The French name used in exports (« Biélorussie »).
        package let name: String
        /// Other names (« Bélarus », « Belarus »).
        package let aliases: [String]
        /// Demonyms in all their forms (« biélorusse », « biélorusses »).
        package let demonyms: [String]
        /// Capitals (and other cities) that stand for the country (« Minsk »).
        package let capitals: [String]
        /// A former state (« Union soviétique »): recognised in text, never exported as a country.
        package var historical: Bool = false
    }

    package struct Organisation: Sendable, Hashable {
        package let code: String
        package let name: String
        package let aliases: [String]
    }

    package struct Domain: Sendable, Hashable {
        package let slug: String
        package let labelFR: String
        package let labelEN: String
        package let terms: [String]
    }

    package struct Currency: Sendable, Hashable {
        /// ISO 4217 (« USD »).
        package let code: String
        /// Names as written after an amount (« dollars », « dollars américains »).
        package let names: [String]
        /// Symbols and codes that may stand before or after an amount (« $ », « US$ », « € »).
        package let symbols: [String]
    }

    package struct Title: Sendable, Hashable {
        /// The title as written (« secrétaire général », « Premier ministre »).
        package let title: String
        /// A coarse class: head_of_state, head_of_government, party, minister, diplomat, official, …
        package let category: String
    }

    /// Known people with spelling variants (« Loukachenko », « Lukashenko »): used to merge one person's
    /// mentions across articles and to expand searches. People are found from the text, not from here.
    package struct KnownPerson: Sendable, Hashable {
        package let name: String
        package let country: String?
        package let aliases: [String]
    }

    /// A city, province or national institution that stands for its country (seeds/reference/places.tsv).
    package struct Place: Sendable, Hashable {
        /// The name used in exports (« Hô Chi Minh-Ville »).
        package let name: String
        package let iso2: String
        /// city, province or institution.
        package let kind: String
        package let aliases: [String]
    }

    package let countries: [Country]
    package let people: [KnownPerson]
    package let organisations: [Organisation]
    package let domains: [Domain]
    package let titles: [Title]
    package let agencies: [String]
    /// Currencies by ISO 4217 code, with the names and symbols that denote them.
    package let currencies: [Currency]
    /// Place names that contain country words but are not countries (« Asie-Pacifique », « mer de Chine méridionale »).
    package let regions: [String]
    /// Cities, provinces and institutions below the country level.
    package let places: [Place]

    /// Identifies the content of the reference files (FNV-1a 64 over names and texts): the
    /// knowledge base reloads its reference tables when it changes.
    package let fingerprint: String

    /// Reference data as embedded at build time.
    public static let embedded: Reference = try! Reference(files: EmbeddedReference.files)

    /// Builds reference data from file name → TSV content.
    package init(files: [String: String]) throws {
        var hash: UInt64 = 0xcbf29ce484222325
        for name in files.keys.sorted() {
            for b in name.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
            for b in files[name]!.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        }
        fingerprint = String(hash, radix: 16)
        func table(_ name: String) throws -> [[String: String]] {
            guard let text = files[name] else { throw ReferenceError.missingFile(name) }
            return try TSV.parse(text, file: name)
        }
        func list(_ s: String?) -> [String] {
            (s ?? "").split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        }
        countries = try table("countries.tsv").map {
            Country(iso2: $0["iso2"] ?? "", name: $0["name_fr"] ?? "", aliases: list($0["aliases"]),
                    demonyms: list($0["demonyms"]), capitals: list($0["capitals"]),
                    historical: $0["status"] == "historical")
        }
        organisations = try table("organisations.tsv").map {
            Organisation(code: $0["code"] ?? "", name: $0["name_fr"] ?? "", aliases: list($0["aliases"]))
        }
        domains = try table("domains.tsv").map {
            Domain(slug: $0["slug"] ?? "", labelFR: $0["label_fr"] ?? "", labelEN: $0["label_en"] ?? "",
                   terms: list($0["example_terms_fr"]))
        }
        titles = try table("titles.tsv").map { Title(title: $0["title"] ?? "", category: $0["category"] ?? "") }
        agencies = try table("agencies.tsv").compactMap { $0["agency"] }
        people = try table("people.tsv").map {
            KnownPerson(name: $0["name"] ?? "", country: ($0["country"]).flatMap { $0.isEmpty ? nil : $0 }, aliases: list($0["aliases"]))
        }
        currencies = try files["currencies.tsv"].map { try TSV.parse($0, file: "currencies.tsv") }?
            .map { Currency(code: $0["code"] ?? "", names: list($0["names"]), symbols: list($0["symbols"])) } ?? []
        regions = try files["regions.tsv"].map { try TSV.parse($0, file: "regions.tsv") }?
            .flatMap { [$0["name_fr"] ?? ""] + list($0["aliases"]) }.filter { !$0.isEmpty } ?? []
        places = try files["places.tsv"].map { try TSV.parse($0, file: "places.tsv") }?
            .map { Place(name: $0["name_fr"] ?? "", iso2: $0["iso2"] ?? "", kind: $0["kind"] ?? "", aliases: list($0["aliases"])) }
            .filter { !$0.name.isEmpty && !$0.iso2.isEmpty } ?? []
    }

    package func country(iso2: String) -> Country? { countries.first { $0.iso2 == iso2 } }
}

package enum ReferenceError: Error, CustomStringConvertible {
    case missingFile(String)
    case malformed(file: String, line: Int, reason: String)

    package var description: String {
        switch self {
        case .missingFile(let f): return "reference file \(f) is missing"
        case .malformed(let f, let l, let r): return "\(f):\(l): \(r)"
        }
    }
}

/// Tab-separated values with a header line; `#` starts a comment line. Parsed on every start of
/// `kb`, so it scans bytes rather than splitting strings.
enum TSV {
    static func parse(_ text: String, file: String) throws -> [[String: String]] {
        var header: [String]?
        var rows: [[String: String]] = []
        let bytes = Array(text.utf8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            var cells: [String] = []
            var cellStart = lineStart
            var blank = true
            for i in lineStart...lineEnd where i == lineEnd || bytes[i] == 0x09 {
                let cell = trimmed(bytes, cellStart, i)
                if !cell.isEmpty { blank = false }
                cells.append(cell)
                cellStart = i + 1
            }
            if blank || bytes[lineStart] == UInt8(ascii: "#") { continue }
            guard let h = header else { header = cells; continue }
            guard cells.count <= h.count else {
                throw ReferenceError.malformed(file: file, line: lineNumber, reason: "\(cells.count) columns, header has \(h.count)")
            }
            var row: [String: String] = [:]
            row.reserveCapacity(h.count)
            for (k, v) in zip(h, cells) { row[k] = v }
            rows.append(row)
        }
        return rows
    }

    /// The cell between two offsets without surrounding spaces, tabs, CR or no-break spaces.
    private static func trimmed(_ b: [UInt8], _ start: Int, _ end: Int) -> String {
        var lo = start, hi = end
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x0D || b[lo] == 0x09) { lo += 1 }
        while lo + 1 < hi && b[lo] == 0xC2 && b[lo + 1] == 0xA0 { lo += 2 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x0D || b[hi - 1] == 0x09) { hi -= 1 }
        while hi - 1 > lo && b[hi - 2] == 0xC2 && b[hi - 1] == 0xA0 { hi -= 2 }
        return String(decoding: b[lo..<hi], as: UTF8.self)
    }
}
