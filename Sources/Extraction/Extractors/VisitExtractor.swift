import FrenchText

/// Finds visits: someone of one country travelling to another, as news tells it — « visite
/// d’État en Biélorussie », « est arrivé à Minsk », « a reçu à Hanoi le secrétaire d’État … »,
/// « est accueilli à l’aéroport de Minsk », past visits recalled (« celle du président … au
/// Vietnam en 1997, 2008 et en 2015 » = one visit per year), tours (one visit per country).
/// Invitations and planned visits are not visits.
public struct VisitExtractor: Sendable {
    public let reference: Reference
    let persons: PersonExtractor

    /// `persons` lets FactExtractor share the one it runs already.
    public init(reference: Reference, persons: PersonExtractor? = nil) {
        self.reference = reference
        self.persons = persons ?? PersonExtractor(reference: reference)
    }

    public func extract(from document: Document, people: [PersonFact]) -> [VisitFact] {
        let doc = AnalysedDocument(document: document, countries: persons.countries, organisations: persons.organisations)
        return extract(doc, persons.analyse(doc))
    }

    enum Trigger { case visit, arrival, reception, passiveReception, led }

    func extract(_ doc: AnalysedDocument, _ analysis: PersonAnalysis) -> [VisitFact] {
        var visits: [VisitFact] = []
        var receptions = Set<Int>()
        var subject: Int?
        var lastNamed: Int?
        for s in doc.sentences {
            defer { if let p = analysis.mentions[s.index].last(where: { $0.person != nil })?.person { lastNamed = p } }
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
                    if let p = anaphoricGenitive(s, after: trig.at, in: seg) {
                        // « la visite officielle de ce dernier »: the last person named.
                        guard let m = mentions.last(where: { $0.person != nil && $0.span.upperBound <= p })?.person ?? lastNamed else { continue }
                        visitor = m
                    } else if let m = genitive(s, mentions, after: trig.at, in: seg) {
                        visitor = m.person; guestSpan = m.span
                        if m.person == nil { visitorCountry = m.country }
                    } else if let a = apposition(s, mentions, before: trig.at) {
                        // « X, en visite de travail au Vietnam, … », « X, qui effectue une visite … »
                        switch a {
                        case .person(let m): visitor = m.person; if m.person == nil { visitorCountry = m.country }
                        case .delegation(let c): visitorCountry = c
                        }
                    } else if let d = delegation(s, seg) {
                        visitorCountry = d
                    } else if let m = clauseSubject(s, mentions, before: trig.at) {
                        visitor = m
                    } else if let m = leader(s, mentions, before: trig.at) {
                        visitor = m
                    } else {
                        visitor = sentenceSubject
                    }
                case .led:
                    // « X, qui avait conduit une délégation … à Minsk », « X a conduit une délégation à … »
                    if let m = relativeAntecedent(s, mentions, before: trig.at) { visitor = m }
                    else if let m = clauseSubject(s, mentions, before: trig.at) { visitor = m }
                    else { visitor = sentenceSubject }
                case .arrival, .passiveReception:
                    // « Une délégation du ministère biélorusse … s'est rendue »: no one named.
                    if let d = delegation(s, 0..<trig.at) { visitorCountry = d }
                    else if let m = leader(s, mentions, before: trig.at) { visitor = m }
                    else { visitor = sentenceSubject }
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
                // « à Nghe An », « dans la métropole du Sud », « dans la préfecture d'Aichi »: the country below the place.
                for (range, p) in places(s, in: seg) where !(guestSpan?.contains(range.lowerBound) ?? false) {
                    let written = String(decoding: Array(doc.document.article.raw.utf8)[s.tokens[range.lowerBound].range.lowerBound..<s.tokens[range.upperBound - 1].range.upperBound], as: UTF8.self)
                    let city = written.unicodeScalars.first?.properties.isUppercase == true ? written : p.name
                    if let k = hosts.firstIndex(where: { $0.iso2 == p.iso2 }) {
                        if hosts[k].city == nil { hosts[k].city = city }
                    } else {
                        hosts.append((p.iso2, city))
                    }
                }
                // « a choisi le Vietnam pour sa première visite »
                if hosts.isEmpty, trig.kind == .visit, let c = chosenHost(s, before: trig.at) { hosts.append((c, nil)) }
                if hosts.isEmpty, trig.kind == .reception {
                    // « Le chef du Parti reçoit … »: the host's own country.
                    if let p = sentenceSubject, let c = analysis.people[p].country { hosts.append((c, nil)) }
                    else if let m = mentions.first(where: { $0.span.upperBound <= trig.at }), let c = m.country { hosts.append((c, nil)) }
                }
                let kind = self.kind(s, seg)
                let dates = self.dates(s, seg, before: triggers[0].at, excluding: mentions.map(\.span))
                for h in hosts where h.iso2 != visitorCountry {
                    for d in dates.isEmpty ? [nil] : dates.map(Optional.some) {
                        if trig.kind == .reception || trig.kind == .passiveReception { receptions.insert(visits.count) }
                        visits.append(VisitFact(visitor: visitor.map { analysis.people[$0].name }, visitorCountry: visitorCountry,
                                                hostCountry: h.iso2, city: h.city, start: d?.start, end: d?.end, kind: kind,
                                                evidence: s.sentence.evidence))
                    }
                }
            }
        }
        // A guest received during a visit is on that visit: receptions join it and keep its dates.
        let trips = Self.merge(visits.indices.filter { !receptions.contains($0) }.map { visits[$0] })
        return Self.merge(receptions.sorted().map { visits[$0] }, into: trips)
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
            case "conduit", "dirige", "mene":
                // « a conduit une délégation … à Minsk »: leading a delegation abroad is making the trip.
                if i > 0, ["a", "avait", "ont", "avaient"].contains(s.folded(i - 1)), t[i - 1].text != "à",
                   (i + 1..<min(t.count, i + 3)).contains(where: { t[$0].folded == "delegation" }) { out.append((i, .led)) }
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
            // « … s'était rendue à Minsk pour préparer la réunion »: the purpose of a trip is not a plan for one.
            if i > seg.lowerBound, f == "pour" || f == "afin" { break }
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
        // « la visite de travail au Vietnam du ministre … »: the destination may come first.
        if k < seg.upperBound, ["au", "en", "aux"].contains(t[k].folded) || t[k].text == "à",
           let c = s.countries.first(where: { $0.tokens.lowerBound == k + 1 && $0.form != .demonym }) {
            k = c.tokens.upperBound
        }
        guard k < seg.upperBound, ["de", "du", "d'", "des"].contains(t[k].folded) else { return nil }
        return mentions.first { m in m.span.lowerBound >= k && m.span.lowerBound <= k + 2 && seg.contains(m.span.lowerBound) }
    }

    /// « la visite officielle de ce dernier », « celle de celui-ci »: the token after the anaphor.
    func anaphoricGenitive(_ s: AnalysedSentence, after at: Int, in seg: Range<Int>) -> Int? {
        let t = s.tokens
        // A trigger that ends its segment has no genitive after it (and an empty range, not an inverted one).
        for k in (at + 1)..<max(at + 1, min(seg.upperBound - 1, at + 6)) where ["de", "d'"].contains(t[k].folded) {
            let a = t[k + 1].folded, b = s.folded(k + 2)
            if ["celui-ci", "celle-ci"].contains(a) { return k + 1 }
            if (a == "ce" && b == "dernier") || (a == "cette" && b == "derniere") || (a == "celui" || a == "celle") && b == "-ci" { return k + 1 }
        }
        return nil
    }

    /// « la vice-présidente …, X, qui avait conduit … »: the person the relative clause is about.
    func relativeAntecedent(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        let t = s.tokens
        guard let q = (max(0, at - 3)..<at).last(where: { t[$0].folded == "qui" }) else { return nil }
        let end = q > 0 && t[q - 1].text == "," ? q - 1 : q
        return mentions.last { $0.span.upperBound == end || $0.name?.upperBound == end }?.person
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
        // The visit's own words end where another statement starts (« afin de renforcer les relations
        // établies en 2019 »); « d'ici 2030 », « à l'horizon 2030 », « depuis 2019 » are not when a trip took place.
        let t = s.tokens
        let stop = (seg.lowerBound + 1..<seg.upperBound).first { Self.clauseBreaks.contains(t[$0].folded) } ?? seg.upperBound
        func anchored(_ d: DateMention) -> Bool {
            let i = d.tokens.lowerBound
            let p1 = s.folded(i - 1), p2 = s.folded(i - 2)
            // Elisions are tokens of their own: « d' ici », « jusqu' en ».
            return !(["d'ici", "horizon", "depuis", "jusqu'en", "avant", "vers"].contains(p1)
                     || (p1 == "ici" && p2 == "d'") || (["en", "a", "au"].contains(p1) && p2 == "jusqu'") || p2 == "horizon"
                     || (p1 == "a" && p2 == "ici" && s.folded(i - 3) == "d'"))
        }
        var own = s.dates.filter { $0.tokens.lowerBound >= seg.lowerBound && $0.tokens.lowerBound < stop && usable($0) && anchored($0) }
        if own.isEmpty { own = s.dates.filter { $0.tokens.upperBound <= first && usable($0) && anchored($0) } }
        var points = own.filter { $0.kind != .period || $0.start?.precision == .day }
        // « du 12 au 14 août, … mercredi 13 août »: a day inside the stated period is not another trip.
        let periods = points.filter { $0.kind == .period }
        points.removeAll { d in d.kind != .period && periods.contains { Self.within(d.start, $0.start, $0.end) } }
        return points.isEmpty ? Array(own.prefix(1)) : points
    }

    static let clauseBreaks: Set<String> = ["afin", "visant", "dont", "etablies", "etablie", "etablis", "etabli", "signe", "signes",
                                            "signee", "signees", "conclu", "conclus", "conclue", "adopte", "adoptee"]

    enum Appositive { case person(PersonMention), delegation(String) }

    /// « X, en visite de travail au Vietnam », « X, qui effectue une visite officielle »: the visitor is
    /// named just before the apposition.
    func apposition(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Appositive? {
        let t = s.tokens
        var anchor: Int?
        if at >= 2, s.folded(at - 1) == "en", t[at - 2].text == "," { anchor = at - 2 }
        else if at >= 3, ["une", "sa", "la", "son"].contains(s.folded(at - 1)),
                ["effectue", "effectuait", "entame", "entamait", "poursuit", "poursuivait"].contains(s.folded(at - 2)), s.folded(at - 3) == "qui" {
            anchor = at - 3 > 0 && t[at - 4].text == "," ? at - 4 : at - 3
        }
        guard let a = anchor else { return nil }
        if let m = mentions.last(where: { $0.span.upperBound == a }) { return .person(m) }
        // « une délégation de la province de …, en visite … »
        if let d = (max(0, a - 12)..<a).last(where: { t[$0].folded == "delegation" }) {
            if let c = s.countries.first(where: { $0.tokens.lowerBound > d && $0.tokens.lowerBound < a && !isLocative(s, $0) }) { return .delegation(c.iso2) }
            if let p = (d + 1..<a).lazy.compactMap({ self.persons.place(s, at: $0) }).first { return .delegation(p.payload.place.iso2) }
        }
        return nil
    }

    /// The subject of the clause holding the trigger: « … a rappelé que le Premier ministre X avait
    /// effectué une visite … », « X avait choisi le Vietnam pour sa première visite ».
    func clauseSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        let t = s.tokens
        guard let q = (0..<at).last(where: { ["que", "qu'"].contains(t[$0].folded) && !(($0 > 0) && t[$0 - 1].folded == "tant") }) else { return nil }
        for m in mentions where m.span.lowerBound > q && m.span.upperBound < at {
            let prev = t[m.span.lowerBound - 1].folded
            if ["avec", "a", "de", "du", "par", "entre", "pour", "aupres"].contains(prev) { continue }
            return m.person
        }
        return nil
    }

    /// « une délégation … conduite par X, … est arrivée »: the leader travels.
    func leader(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        let t = s.tokens
        guard let k = (1..<max(1, at)).first(where: { t[$0].folded == "par" && ["conduite", "dirigee", "menee"].contains(t[$0 - 1].folded) }) else { return nil }
        return mentions.first { $0.span.lowerBound > k && $0.span.lowerBound <= k + 2 }?.person
    }

    /// Places below the country named as where the trip went: « à Nghe An », « dans la métropole du Sud »,
    /// « dans la région de Moguilev ». Institutions (« la Douma d'État ») are not destinations.
    func places(_ s: AnalysedSentence, in seg: Range<Int>) -> [(Range<Int>, Reference.Place)] {
        let t = s.tokens
        var out: [(Range<Int>, Reference.Place)] = []
        var i = seg.lowerBound
        while i < seg.upperBound {
            guard let m = persons.place(s, at: i), m.payload.place.kind != "institution" else { i += 1; continue }
            var b = i - 1
            if b >= 0, ["de", "du", "d'"].contains(t[b].folded), b >= 1, PersonExtractor.placeNouns.contains(t[b - 1].folded) { b -= 2 }
            if b >= 0, ["la", "le", "l'"].contains(t[b].folded) { b -= 1 }
            if b >= 0, ["a", "en", "dans", "au", "vers"].contains(t[b].folded) && (t[b].folded != "a" || t[b].text == "à" || t[b].text == "À") {
                out.append((m.tokens, m.payload.place))
            }
            i = m.tokens.upperBound
        }
        return out
    }

    /// « a choisi le Vietnam pour sa première visite »
    func chosenHost(_ s: AnalysedSentence, before at: Int) -> String? {
        let t = s.tokens
        guard let c = (max(0, at - 8)..<at).first(where: { ["choisi", "choisie", "choisit"].contains(t[$0].folded) }),
              (c..<at).contains(where: { t[$0].folded == "pour" }) else { return nil }
        return s.countries.first { $0.tokens.lowerBound > c && $0.tokens.lowerBound < at && $0.form == .name }?.iso2
    }

    // MARK: - One visit per trip

    /// Receptions join the trip of the same visitor to the same host when they fall during it
    /// (or within a week of an open-ended start); the trip keeps its own dates.
    static func merge(_ receptions: [VisitFact], into trips: [VisitFact]) -> [VisitFact] {
        var out = trips
        for v in receptions {
            if let k = out.firstIndex(where: { sameTraveller($0, v) && during(v.start, $0) }) {
                if out[k].start == nil { out[k].start = v.start; out[k].end = v.end }
                if out[k].city == nil { out[k].city = v.city }
                if out[k].kind == nil { out[k].kind = v.kind }
                if out[k].visitorCountry == nil { out[k].visitorCountry = v.visitorCountry }
            } else {
                out = merge(out + [v])
            }
        }
        return out
    }

    static func sameTraveller(_ a: VisitFact, _ b: VisitFact) -> Bool {
        guard a.hostCountry == b.hostCountry else { return false }
        if let x = a.visitor, let y = b.visitor { return x == y }
        return a.visitorCountry == b.visitorCountry
    }

    /// `d` falls during `trip` (undated receptions join any trip).
    static func during(_ d: PartialDate?, _ trip: VisitFact) -> Bool {
        guard let d else { return true }
        guard let s = trip.start else { return true }
        if s.description.hasPrefix(d.description) || d.description.hasPrefix(s.description) { return true }
        if let e = trip.end { return within(d, s, e) }
        guard d.precision == .day, s.precision == .day, let week = s.adding(days: 7) else { return false }
        return s <= d && d <= week
    }

    static func within(_ d: PartialDate?, _ s: PartialDate?, _ e: PartialDate?) -> Bool {
        guard let d, let s, let e else { return false }
        return s <= d && d <= e
    }


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
            || within(t, s, a.end) || within(s, t, b.end)
    }
}
