import Extraction
import GRDB
import FrenchText

/// A named document signed, adopted or in force between parties.
public struct Agreement: Sendable, Codable, Equatable {
    public var id: Int64
    /// agreement, protocol, memorandum, declaration, letter_of_intent, programme, plan, treaty or other.
    public var kind: String
    public var title: String
    /// YYYY, YYYY-MM or YYYY-MM-DD, as stated.
    public var signed: String?
    /// The first day of `signed` as a full ISO date, and how much of it was stated (`DateColumns`).
    public var signedISO: String?
    public var signedPrecision: String?
    /// Country ISO codes and organisation codes.
    public var parties: [String]
    /// Domain slugs.
    public var domains: [String]
    public var articles: Int
    public var source: String?
    public var evidence: String?

    init(_ row: Row) {
        id = row["agreement_id"]; kind = row["kind"]; title = row["title"]; signed = row["signed"]
        signedISO = DateColumns.iso(signed); signedPrecision = DateColumns.precision(signed)
        parties = Agreement.list(row["parties"]); domains = Agreement.list(row["domains"])
        articles = row["articles"]; source = row["article_source"]; evidence = row["evidence"]
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, title, signed, signedISO = "signed_iso", signedPrecision = "signed_precision", parties, domains, articles, source, evidence
    }

    static func list(_ s: String?) -> [String] { s.map { $0.components(separatedBy: ", ") } ?? [] }
}

/// Which agreements `KnowledgeBase.agreements(_:)` returns.
public struct AgreementFilter: Sendable {
    /// A kind (`protocol`, `memorandum`, …).
    public var kind: String?
    /// A domain slug or label, French or English (`security`, « sécurité »).
    public var domain: String?
    /// A party: country (code or name) or organisation code.
    public var party: String?
    public init(kind: String? = nil, domain: String? = nil, party: String? = nil) {
        self.kind = kind; self.domain = domain; self.party = party
    }
}

extension KnowledgeBase {
    /// Agreements, by signature date (undated last), optionally filtered by kind, domain and party.
    public func agreements(_ filter: AgreementFilter = AgreementFilter()) throws -> [Agreement] {
        if let kind = filter.kind, AgreementKind(rawValue: kind) == nil {
            throw KBError.invalidArgument("unknown agreement kind « \(kind) »: use one of \(AgreementKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return try read { db in
            var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
            if let kind = filter.kind { clauses.append("kind = ?"); args.append(kind) }
            if let domain = filter.domain {
                clauses.append("agreement_id IN (SELECT agreement_id FROM agreement_domains WHERE slug = ?)")
                args.append(try QueryRows.domain(db, domain))
            }
            if let party = filter.party {
                let code = try String.fetchOne(db, sql: "SELECT code FROM organisations WHERE code = ?", arguments: [party.uppercased()])
                clauses.append("agreement_id IN (SELECT agreement_id FROM agreement_parties WHERE party = ?)")
                args.append(try code ?? Lookup.country(db, party))
            }
            return try QueryRows.agreements(db, where: clauses, args)
        }
    }
}

extension QueryRows {
    static func agreements(_ db: Database, where clauses: [String], _ args: [any DatabaseValueConvertible]) throws -> [Agreement] {
        try rows(db, from: "agreement_facts", where: clauses, args, orderBy: "signed IS NULL, signed, agreement_id").map(Agreement.init)
    }

    /// A domain slug from a slug or a label (accent- and case-insensitive).
    static func domain(_ db: Database, _ input: String) throws -> String {
        let folded = Folding.fold(input)
        for row in try Row.fetchAll(db, sql: "SELECT slug, label_fr, label_en FROM domains ORDER BY slug") {
            let slug: String = row["slug"], fr: String = row["label_fr"], en: String = row["label_en"]
            if [slug, fr, en].contains(where: { Folding.fold($0) == folded }) { return slug }
        }
        let rows = try Row.fetchAll(db, sql: "SELECT slug, label_fr, label_en FROM domains")
        let names = rows.flatMap { r -> [(folded: String, display: String)] in
            let slug: String = r["slug"]
            return [slug, r["label_fr"] as String, r["label_en"] as String].map { (folded: Folding.fold($0), display: slug) }
        }
        throw LookupError.notFound(kind: "domain", name: input, hint: "Use a slug or label; `kb domains` lists them.",
                                   suggestions: Suggest.closest(input, among: names))
    }
}
