import FrenchText

/// Finds visits: someone of one country travelling to another, as news tells it — « visite
/// d’État en Biélorussie », « est arrivé à Minsk », « a reçu à Hanoi le secrétaire d’État … »,
/// « est accueilli à l’aéroport de Minsk », past visits recalled (« celle du président … au
/// Vietnam en 1997, 2008 et en 2015 » = one visit per year), tours (one visit per country).
/// Invitations and planned visits are not visits.
public struct VisitExtractor: Sendable {
    public let reference: Reference
    let persons: PersonExtractor

    public init(reference: Reference) {
        self.reference = reference
        persons = PersonExtractor(reference: reference)
    }

    public func extract(from document: Document, people: [PersonFact]) -> [VisitFact] {
        let doc = AnalysedDocument(document: document, countries: persons.countries, organisations: persons.organisations)
        return extract(doc, persons.analyse(doc))
    }

    enum Trigger { case visit, arrival, reception, passiveReception }

    func extract(_ doc: AnalysedDocument, _ analysis: PersonAnalysis) -> [VisitFact] {
        var visits: [VisitFact] = []
        var subject: Int?
        for s in doc.sentences {
            let mentions = analysis.mentions[s.index]
            let sentenceSubject = self.subject(s, mentions) ?? subject
            defer { if let p = sentenceSubject { subject = p } }
            let triggers = self.triggers(s)
            guard !triggers.isEmpty else { continue }
            for (n, trig) in triggers.enumerated() {
                let end = n + 1 < triggers.count ? triggers[n + 1].at : s.tokens.count
                let seg = trig.at..<end
                if isNotFactual(s, seg, clauseStart: n == 0 ? 0 : triggers[n - 1].at) { continue }
                // Who travels.
                var visitor: Int?
                var visitorCountry: String?
                var guestSpan: Range<Int>?
                switch trig.kind {
                case .reception:
                    if let m = mentions.first(where: { seg.contains($0.span.lowerBound) && $0.span.lowerBound > trig.at }) {
                        visitor = m.person; guestSpan = m.span
                        if m.person == nil { visitorCountry = m.country }
                        if m.category == "diplomat" { continue }  // an ambassador lives there
                    } else if let d = delegation(s, seg) { visitorCountry = d } else { continue }
                case .visit:
                    if let m = genitive(s, mentions, after: trig.at, in: seg) {
                        visitor = m.person; guestSpan = m.span
                        if m.person == nil { visitorCountry = m.country }
                    } else if let d = delegation(s, seg) {
                        visitorCountry = d
                    } else {
                        visitor = sentenceSubject
                    }
                case .arrival, .passiveReception:
                    // « Une délégation du ministère biélorusse … s'est rendue »: no one named.
                    if let d = delegation(s, 0..<trig.at) { visitorCountry = d } else { visitor = sentenceSubject }
                }
                if let v = visitor { visitorCountry = analysis.people[v].country }
                guard visitor != nil || visitorCountry != nil else { continue }
                // Where to: « en Biélorussie », « au Vietnam », « à Minsk ».
                var hosts: [(iso2: String, city: String?)] = []
                for c in s.countries where seg.contains(c.tokens.lowerBound) && !(guestSpan?.contains(c.tokens.lowerBound) ?? false) {
                    guard isLocative(s, c) else { continue }
                    let city: String? = c.form == .capital ? String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self) : nil
                    if let k = hosts.firstIndex(where: { $0.iso2 == c.iso2 }) {
                        if hosts[k].city == nil { hosts[k].city = city }
                    } else {
                        hosts.append((c.iso2, city))
                    }
                }
                if hosts.isEmpty, trig.kind == .reception {
                    // « Le chef du Parti reçoit … »: the host's own country.
                    if let p = sentenceSubject, let c = analysis.people[p].country { hosts.append((c, nil)) }
                    else if let m = mentions.first(where: { $0.span.upperBound <= trig.at }), let c = m.country { hosts.append((c, nil)) }
                }
                let kind = self.kind(s, seg)
                let dates = self.dates(s, seg, before: triggers[0].at, excluding: mentions.map(\.span))
                for h in hosts where h.iso2 != visitorCountry {
                    for d in dates.isEmpty ? [nil] : dates.map(Optional.some) {
                        visits.append(VisitFact(visitor: visitor.map { analysis.people[$0].name }, visitorCountry: visitorCountry,
                                                hostCountry: h.iso2, city: h.city, start: d?.start, end: d?.end, kind: kind,
                                                evidence: s.sentence.evidence))
                    }
                }
            }
        }
        return Self.merge(visits)
    }

    // MARK: - Sentence reading

    func triggers(_ s: AnalysedSentence) -> [(at: Int, kind: Trigger)] {
        var out: [(at: Int, kind: Trigger)] = []
        let t = s.tokens
        for i in t.indices {
            let f = t[i].folded
            switch f {
            case "visite", "visites", "tournee", "voyage", "sejour":
                out.append((i, .visit))
            case "celle", "celles":
                // « et celle du président … » stands for a visit only after one.
                if out.contains(where: { $0.kind == .visit }) { out.append((i, .visit)) }
            case "arrive", "arrivee", "arrives", "arrivees":
                if i > 0, ["est", "sont", "etait", "a", "ont"].contains(s.folded(i - 1)) || s.folded(i - 1) == "," { out.append((i, .arrival)) }
            case "rendu", "rendue", "rendus", "rend":
                if i > 1, s.folded(i - 1) == "est" || s.folded(i - 1) == "se" || s.folded(i - 2) == "s'" { out.append((i, .arrival)) }
            case "recu", "recue", "recus", "accueilli", "accueillie", "accueillis":
                // « a reçu X »: X is the guest; « est accueilli », « a été reçu »: the subject is.
                if i > 0, ["est", "ete", "sont", "etait", "fut"].contains(s.folded(i - 1)) { out.append((i, .passiveReception)) }
                else if i > 0, s.folded(i - 1) == "a" || s.folded(i - 1) == "ont" { out.append((i, .reception)) }
            case "recoit", "accueille", "recevant", "accueillant":
                out.append((i, .reception))
            default: break
            }
        }
        return out
    }

    /// Invitations, plans and future tense: « a invité … à se rendre », « effectuera une visite ».
    func isNotFactual(_ s: AnalysedSentence, _ seg: Range<Int>, clauseStart: Int) -> Bool {
        let t = s.tokens
        var lo = seg.lowerBound
        while lo > clauseStart, !(t[lo - 1].text == "," || t[lo - 1].text == ";" || t[lo - 1].text == ":") { lo -= 1 }
        for i in lo..<seg.upperBound {
            let f = t[i].folded
            if f.hasPrefix("invit") {
                // « à l’invitation de » introduces the host of a real visit.
                let prev = i > 0 ? t[i - 1].folded : ""
                let prev2 = i > 1 ? t[i - 2].folded : ""
                if (prev == "l'" && (prev2 == "a" || prev2 == "sur")) || prev == "sur" { continue }
                return true
            }
            if Self.futureWords.contains(f) { return true }
            if f == "date", i + 1 < t.count, ["appropriee", "opportune", "convenable", "ulterieure", "proche"].contains(t[i + 1].folded) { return true }
        }
        return false
    }

    static let futureWords: Set<String> = [
        "effectuera", "effectueront", "rendra", "rendront", "entamera", "entameront", "accueillera", "accueilleront",
        "recevra", "recevront", "visitera", "visiteront", "arrivera", "arriveront", "entreprendra", "prochaine", "prochain",
        "prevue", "prevues", "prevu", "prevus", "envisage", "envisagee", "projet", "projetee", "attendu", "attendue",
        "souhaite", "souhaitent", "espere", "esperent", "devrait", "devraient", "doit", "doivent", "pourrait", "pourraient",
        "effectuer", "rendre", "preparer", "preparation", "preparatifs",
    ]

    /// « la visite du président X », « celle du président biélorusse Alexandre Loukachenko ».
    func genitive(_ s: AnalysedSentence, _ mentions: [PersonMention], after at: Int, in seg: Range<Int>) -> PersonMention? {
        var k = at + 1
        let t = s.tokens
        // Skip the kind: « d'État », « officielle », « de travail », « d'amitié ».
        while k < seg.upperBound, k < at + 5 {
            let f = t[k].folded
            if f == "officielle" || f == "officielles" || f == "d'etat" || f == "d'amitie" || f == "historique" || f == "recente"
                || f == "fructueuse" || f == "premiere" || f == "derniere" || f == "europeenne" || f == "asiatique" { k += 1; continue }
            if (f == "d'" || f == "de"), k + 1 < t.count, ["etat", "travail", "amitie"].contains(t[k + 1].folded) { k += 2; continue }
            break
        }
        guard k < seg.upperBound, ["de", "du", "d'", "des"].contains(t[k].folded) else { return nil }
        return mentions.first { m in m.span.lowerBound >= k && m.span.lowerBound <= k + 2 && seg.contains(m.span.lowerBound) }
    }

    /// « une délégation du ministère biélorusse … »: a visitor without a name.
    func delegation(_ s: AnalysedSentence, _ seg: Range<Int>) -> String? {
        guard let d = seg.first(where: { s.tokens[$0].folded == "delegation" }) else { return nil }
        return s.countries.first { $0.tokens.lowerBound > d && $0.tokens.lowerBound <= d + 8 && !isLocative(s, $0) }?.iso2
    }

    /// The person the sentence is about: the first one named before the verb, not after a preposition.
    func subject(_ s: AnalysedSentence, _ mentions: [PersonMention]) -> Int? {
        let t = s.tokens
        let verb = t.indices.first { FrenchWords.isAuxiliary(t[$0]) || Self.presentVerbs.contains(t[$0].folded) } ?? t.count
        for m in mentions where m.span.lowerBound < verb {
            let prev = m.span.lowerBound > 0 ? t[m.span.lowerBound - 1].folded : ""
            if ["avec", "a", "de", "du", "par", "entre", "pour", "aupres"].contains(prev) { continue }
            return m.person
        }
        return nil
    }

    static let presentVerbs: Set<String> = ["recoit", "rencontre", "accueille", "effectue", "entame", "arrive", "se", "s'entretient", "conclut", "termine"]

    func isLocative(_ s: AnalysedSentence, _ c: CountryMention) -> Bool {
        guard c.form != .demonym else { return false }
        let i = c.tokens.lowerBound
        let prev = s.folded(i - 1)
        if ["en", "au", "aux", "dans", "vers"].contains(prev) { return true }
        if i > 0, s.tokens[i - 1].text == "à" || s.tokens[i - 1].text == "À" { return true }
        // « l'aéroport international de Minsk »
        if c.form == .capital, prev == "de" || prev == "d'" { return true }
        return false
    }

    func kind(_ s: AnalysedSentence, _ seg: Range<Int>) -> VisitKind? {
        let t = s.tokens
        let first = seg.lowerBound
        guard ["visite", "visites", "celle", "celles"].contains(t[first].folded) else { return nil }
        var k = first + 1
        while k < min(seg.upperBound, first + 5) {
            let f = t[k].folded
            if f == "d'etat" { return .state }
            if (f == "d'" || f == "de"), s.folded(k + 1) == "etat" { return .state }
            if f == "officielle" || f == "officielles" { return .official }
            if f == "de", s.folded(k + 1) == "travail" { return .working }
            k += 1
        }
        return nil
    }

    /// The segment's own dates; otherwise those before the first trigger (« En mai dernier, lors de … »).
    func dates(_ s: AnalysedSentence, _ seg: Range<Int>, before first: Int, excluding: [Range<Int>]) -> [DateMention] {
        func usable(_ d: DateMention) -> Bool {
            d.start != nil && !excluding.contains { $0.contains(d.tokens.lowerBound) }
        }
        var own = s.dates.filter { seg.contains($0.tokens.lowerBound) && usable($0) }
        if own.isEmpty { own = s.dates.filter { $0.tokens.upperBound <= first && usable($0) } }
        let points = own.filter { $0.kind != .period || $0.start?.precision == .day }
        return points.isEmpty ? Array(own.prefix(1)) : points
    }

    // MARK: - One visit per trip

    /// Same visitor, same host and compatible dates: one visit, keeping the most precise details.
    static func merge(_ visits: [VisitFact]) -> [VisitFact] {
        var out: [VisitFact] = []
        for v in visits {
            if let k = out.firstIndex(where: { same($0, v) }) {
                var m = out[k]
                if let s = v.start, m.start == nil || s.description.count > m.start!.description.count { m.start = s; m.end = v.end ?? m.end }
                if m.city == nil { m.city = v.city }
                if m.kind == nil { m.kind = v.kind }
                if m.visitor == nil { m.visitor = v.visitor }
                if m.visitorCountry == nil { m.visitorCountry = v.visitorCountry }
                out[k] = m
            } else {
                out.append(v)
            }
        }
        return out
    }

    static func same(_ a: VisitFact, _ b: VisitFact) -> Bool {
        guard a.hostCountry == b.hostCountry else { return false }
        if let x = a.visitor, let y = b.visitor { guard x == y else { return false } }
        else if a.visitorCountry != b.visitorCountry { return false }
        guard let s = a.start, let t = b.start else { return true }
        return s.description.hasPrefix(t.description) || t.description.hasPrefix(s.description)
    }
}
