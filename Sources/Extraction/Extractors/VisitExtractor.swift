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

    enum Trigger { case visit, visited, arrival, departure, reception, receptionNoun, passiveReception, led, meeting }

    func extract(_ doc: AnalysedDocument, _ analysis: PersonAnalysis) -> [VisitFact] {
        var trips = VisitSet()
        var receptions: [(fact: VisitFact, fallbackCity: String?, local: Bool)] = []
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
                // Who travels: one or several (« les visites du président X en 2016 et du ministre Y en 2018 »),
                // each with the words that belong to them (their own dates).
                var travellers: [(person: Int?, country: String?, words: Range<Int>?)] = []
                var guestSpans: [Range<Int>] = []
                var rule: String
                func named(_ m: PersonMention) -> (person: Int?, country: String?, words: Range<Int>?) {
                    (m.person, m.person == nil ? m.country : nil, nil)
                }
                switch trig.kind {
                case .reception:
                    rule = "visit.reception"
                    if let m = mentions.first(where: { seg.contains($0.span.lowerBound) && $0.span.lowerBound > trig.at }) {
                        if m.category == "diplomat" { continue }  // an ambassador lives there
                        travellers = [named(m)]; guestSpans = [m.span]
                        // « a reçu, le 3 mai à Hanoi, X, chef de … »: the guest after the circumstances.
                        if m.span.lowerBound > trig.at + 1, s.tokens[trig.at + 1].text == "," { rule = "visit.reception-apposition" }
                    } else if let d = delegation(s, seg) { travellers = [(nil, d, nil)]; rule = "visit.reception-delegation" } else { continue }
                case .meeting:
                    rule = "visit.meeting"
                    travellers = foreigners(s, mentions, analysis, trig: trig.at, seg: seg, subjects: s.folded(trig.at) != "declare").map { ($0.person, nil, nil) }
                    guestSpans = []
                case .receptionNoun:
                    // « lors d'une réception à Hanoi le 3 mai de X », « la cérémonie d'accueil du président X »;
                    // « ont signé …, lors d'une réception à Minsk »: whoever of the sentence is foreign to the place.
                    guard let list = genitives(s, mentions, from: trig.at + 1, in: seg) else {
                        travellers = foreigners(s, mentions, analysis, trig: trig.at, seg: seg, subjects: true).map { ($0.person, nil, nil) }
                        rule = "visit.reception-meeting"
                        break
                    }
                    if list.contains(where: { $0.mention.category == "diplomat" }) { continue }
                    travellers = list.map { ($0.mention.person, $0.mention.person == nil ? $0.mention.country : nil, $0.words) }
                    guestSpans = list.map(\.mention.span)
                    rule = "visit.welcome"
                case .visit:
                    rule = "visit.subject"
                    if let p = anaphoricGenitive(s, after: trig.at, in: seg) {
                        // « la visite officielle de ce dernier »: the last person named.
                        guard let m = mentions.last(where: { $0.person != nil && $0.span.upperBound <= p })?.person ?? lastNamed else { continue }
                        travellers = [(m, nil, nil)]; rule = "visit.anaphor"
                    } else if let list = genitive(s, mentions, after: trig.at, in: seg) {
                        travellers = list.map { ($0.mention.person, $0.mention.person == nil ? $0.mention.country : nil, list.count > 1 ? $0.words : nil) }
                        guestSpans = list.map(\.mention.span)
                        rule = list.count > 1 ? "visit.genitive-list" : "visit.genitive"
                    } else if let a = apposition(s, mentions, before: trig.at) {
                        // « X, en visite de travail au Vietnam, … », « X, qui effectue une visite … »
                        switch a {
                        case .people(let ms): travellers = ms.map(named)
                        case .delegation(let c): travellers = [(nil, c, nil)]
                        }
                        rule = "visit.apposition"
                    } else if let m = verbSubject(s, mentions, before: trig.at) {
                        travellers = [(m, nil, nil)]; rule = "visit.verb-subject"
                    } else if let d = delegation(s, seg) {
                        travellers = [(nil, d, nil)]; rule = "visit.delegation"
                    } else if let m = clauseSubject(s, mentions, before: trig.at) {
                        travellers = [(m, nil, nil)]; rule = "visit.clause-subject"
                    } else if let m = leader(s, mentions, before: trig.at) {
                        travellers = [(m, nil, nil)]; rule = "visit.delegation-leader"
                    } else {
                        travellers = [(sentenceSubject, nil, nil)]
                    }
                case .led:
                    // « X, qui avait conduit une délégation … à Minsk », « X a conduit une délégation à … »
                    rule = "visit.led-delegation"
                    if let m = relativeAntecedent(s, mentions, before: trig.at) { travellers = [(m, nil, nil)] }
                    else if let m = clauseSubject(s, mentions, before: trig.at) { travellers = [(m, nil, nil)] }
                    else { travellers = [(sentenceSubject, nil, nil)] }
                case .arrival, .departure, .visited, .passiveReception:
                    switch trig.kind {
                    case .arrival: rule = "visit.arrival"
                    case .departure: rule = "visit.departure"
                    case .visited: rule = "visit.visited"
                    default: rule = "visit.reception-passive"
                    }
                    // « Une délégation du ministère biélorusse … s'est rendue »: no one named.
                    if let d = delegation(s, 0..<trig.at) { travellers = [(nil, d, nil)] }
                    else if let m = leader(s, mentions, before: trig.at) { travellers = [(m, nil, nil)]; rule = "visit.delegation-leader" }
                    else { travellers = [(sentenceSubject, nil, nil)] }
                }
                travellers = travellers.map { t in
                    guard let v = t.person else { return t }
                    return (v, analysis.people[v].country, t.words)
                }
                travellers.removeAll { $0.person == nil && $0.country == nil }
                guard !travellers.isEmpty else { continue }
                func inGuest(_ i: Int) -> Bool { guestSpans.contains { $0.contains(i) } }
                // Where to: « en Biélorussie », « au Vietnam », « à Minsk »; what one leaves (« a quitté Minsk »).
                var hosts: [(iso2: String, city: String?)] = []
                for c in s.countries where seg.contains(c.tokens.lowerBound) && !inGuest(c.tokens.lowerBound) {
                    guard isLocative(s, c) || ((trig.kind == .departure || trig.kind == .visited) && isObject(s, c, after: trig.at)) else { continue }
                    let city: String? = c.form == .capital ? String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self) : nil
                    if let k = hosts.firstIndex(where: { $0.iso2 == c.iso2 }) {
                        if hosts[k].city == nil { hosts[k].city = city }
                    } else {
                        hosts.append((c.iso2, city))
                    }
                }
                // « à Nghe An », « dans la métropole du Sud », « dans la préfecture d'Aichi »: the country below the place.
                for (range, p) in places(s, in: seg) where !inGuest(range.lowerBound) {
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
                if hosts.isEmpty || hosts.allSatisfy({ $0.city == nil }), n == 0, [.reception, .receptionNoun, .meeting].contains(trig.kind) {
                    // « Le 3 mai, à Hanoi, le ministre X a reçu … »: the place of a reception may come before it.
                    for c in s.countries where c.tokens.upperBound <= trig.at && c.form == .capital && isLocative(s, c) {
                        let city = String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self)
                        if let k = hosts.firstIndex(where: { $0.iso2 == c.iso2 }) { hosts[k].city = city }
                        else if hosts.isEmpty { hosts.append((c.iso2, city)) }
                        break
                    }
                }
                if hosts.isEmpty, trig.kind == .reception || trig.kind == .receptionNoun {
                    // « Le chef du Parti reçoit … »: the host's own country.
                    if let p = sentenceSubject, let c = analysis.people[p].country { hosts.append((c, nil)) }
                    else if let m = mentions.first(where: { $0.span.upperBound <= trig.at }), let c = m.country { hosts.append((c, nil)) }
                }
                if hosts.count > 1 && rule == "visit.subject" { rule = "visit.tour" }
                // « Dans le cadre de sa visite, X s'est rendu à Da Lat »: a move during the trip already told
                // names a place of it, not the city where it took place.
                var weakCity = false
                if trig.kind == .arrival || trig.kind == .visited,
                   triggers[..<n].contains(where: { $0.kind == .visit && ["sa", "son", "ses", "cette"].contains(s.folded($0.at - 1)) }) {
                    weakCity = true
                }
                let kind = self.kind(s, seg)
                let excluded = mentions.map(\.span)
                let shared = self.dates(s, seg, before: triggers[0].at, excluding: excluded)
                for t in travellers {
                    var dates = shared
                    if let w = t.words {
                        let own = self.dates(s, w, before: triggers[0].at, excluding: excluded).filter { w.contains($0.tokens.lowerBound) }
                        if !own.isEmpty { dates = own } else { dates = shared.filter { d in !travellers.contains { $0.words?.contains(d.tokens.lowerBound) ?? false } } }
                    }
                    let used = dates.count > 1 && rule != "visit.genitive-list" ? "visit.recalled-list" : rule
                    for h in hosts where h.iso2 != t.country {
                        for d in dates.isEmpty ? [nil] : dates.map(Optional.some) {
                            let v = VisitFact(visitor: t.person.map { analysis.people[$0].name }, visitorCountry: t.country,
                                              hostCountry: h.iso2, city: h.city, start: d?.start, end: d?.end, kind: kind,
                                              evidence: s.sentence.evidence(used))
                            // A place of the host country named elsewhere in the sentence (« le maire de Da Nang a
                            // reçu … ») says more than the dateline.
                            let local = localPlace(s, h.iso2)
                            if [.reception, .passiveReception, .receptionNoun, .meeting].contains(trig.kind) {
                                receptions.append((v, v.city == nil ? receiverPlace(s, h.iso2, before: trig.at) : nil, local))
                            } else if weakCity, let c = v.city {
                                var w = v; w.city = nil
                                trips.add(w, fallbackCity: c, local: local)
                            } else { trips.add(v, local: local) }
                        }
                    }
                }
            }
        }
        // A guest received during a visit is on that visit: receptions join it and keep its dates.
        for r in receptions { trips.join(r.fact, fallbackCity: r.fallbackCity, local: r.local) }
        return trips.finished(dateline: dateline(doc))
    }

    // MARK: - Sentence reading

    func triggers(_ s: AnalysedSentence) -> [(at: Int, kind: Trigger)] {
        var out: [(at: Int, kind: Trigger)] = []
        var sawVisit = false
        let t = s.tokens
        // Every look-around goes through `s.folded(_:)`, empty outside the sentence: a trigger that ends
        // the sentence, or two triggers in a row, never index past the tokens.
        for i in t.indices {
            let f = t[i].folded
            switch f {
            case "visite", "visites", "tournee", "voyage", "sejour":
                // « la délégation a visité le Laos », « ont visité une usine à Vientiane »: the verb, whose subject travels.
                let aux = Self.tripAdverbs.contains(s.folded(i - 1)) ? i - 2 : i - 1
                if f == "visite" || f == "visites", ["a", "ont", "avait", "avaient"].contains(s.folded(aux)), aux >= 0, t[aux].text != "à" { out.append((i, .visited)) }
                else { out.append((i, .visit)) }
                sawVisit = true
            case "celle", "celles":
                // « et celle du président … » stands for a visit only after one.
                if sawVisit { out.append((i, .visit)) }
            case "arrive", "arrivee", "arrives", "arrivees":
                if ["est", "sont", "etait", "a", "ont"].contains(s.folded(i - 1)) || s.folded(i - 1) == "," { out.append((i, .arrival)) }
            case "rendu", "rendue", "rendus", "rend":
                if s.folded(i - 1) == "est" || s.folded(i - 1) == "se" || s.folded(i - 2) == "s'" { out.append((i, .arrival)) }
            case "vint", "vinrent", "venu", "venue", "venus", "venues":
                // « Le président X vint au Vietnam en 1973 », « X est venu à Hanoi »: a past trip (« venu de Minsk »
                // says where from, and has no locative host).
                if f.hasPrefix("vin") || ["est", "sont", "etait", "etaient", "etre"].contains(s.folded(i - 1)) { out.append((i, .arrival)) }
            case "quitte", "quittant", "quitterent":
                // « X a quitté Hanoi, concluant sa visite », « quittant Minsk »: leaving the host.
                if f != "quitte" || ["a", "ont", "avait", "avaient"].contains(s.folded(i - 1)) && t[i - 1].text != "à" { out.append((i, .departure)) }
            case "recu", "recue", "recus", "accueilli", "accueillie", "accueillis":
                // « a reçu X »: X is the guest; « est accueilli », « a été reçu »: the subject is.
                if ["est", "ete", "sont", "etait", "fut"].contains(s.folded(i - 1)) { out.append((i, .passiveReception)) }
                else if (s.folded(i - 1) == "a" && t[i - 1].text != "à") || s.folded(i - 1) == "ont" { out.append((i, .reception)) }
            case "recoit", "accueille", "recevant", "accueillant":
                out.append((i, .reception))
            case "reception", "accueil":
                // « lors d'une réception à Hanoi de X », « la cérémonie d'accueil officielle du président X ».
                if f == "reception" || (s.folded(i - 1) == "d'" && s.folded(i - 2) == "ceremonie") { out.append((i, .receptionNoun)) }
            case "rencontre", "entretenu", "entretenus", "entretient", "entretiennent", "declare":
                // « X a rencontré à Hanoi le ministre norvégien Y », « s'est entretenu à Minsk avec … »: a meeting
                // held in a named place is a trip there for whoever is foreign to it.
                let p = s.folded(i - 1)
                if (f == "rencontre" || f == "declare") ? (["a", "ont", "avait"].contains(p) && t[i - 1].text != "à")
                    : (["est", "sont", "s'", "etait"].contains(p) || s.folded(i - 2) == "s'") { out.append((i, .meeting)) }
            case "conduit", "dirige", "mene":
                // « a conduit une délégation … à Minsk »: leading a delegation abroad is making the trip.
                if ["a", "avait", "ont", "avaient"].contains(s.folded(i - 1)), t[i - 1].text != "à",
                   s.folded(i + 1) == "delegation" || s.folded(i + 2) == "delegation" { out.append((i, .led)) }
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
            // « … une visite au Laos, devenant le premier dirigeant à se rendre … »: a participle clause
            // after the trip is another statement.
            if i > seg.lowerBound, t[i - 1].text == ",", f.count > 4, f.hasSuffix("ant") { break }
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
        "effectuer", "rendre", "preparer", "preparation", "preparatifs", "bientot", "prochainement",
        // A call or a video meeting is not a trip: « a reçu un appel téléphonique de X ».
        "telephone", "telephonique", "telephoniques", "visioconference", "videoconference", "visio", "virtuelle", "virtuel", "appel",
    ]

    /// « la visite du ministre X », « celle du président kirghiz Y », « les visites officielles en Inde et au
    /// Népal du Premier ministre X », « les visites au Japon en 2019 par l'empereur X et le ministre Y »: the
    /// visitors named after the trigger, its kind, destinations and date.
    func genitive(_ s: AnalysedSentence, _ mentions: [PersonMention], after at: Int, in seg: Range<Int>) -> [(mention: PersonMention, words: Range<Int>)]? {
        var k = at + 1
        // Skip the kind: « d'État », « officielle », « de travail », « d'amitié ».
        while k < seg.upperBound, k < at + 5 {
            let f = s.folded(k)
            if Self.visitAdjectives.contains(f) { k += 1; continue }
            if (f == "d'" || f == "de"), ["etat", "travail", "amitie", "courtoisie"].contains(s.folded(k + 1)) { k += 2; continue }
            break
        }
        // « la visite de travail au Vietnam du ministre … », « les visites à Séoul et à Tokyo du … »: the destinations may come first.
        while k < seg.upperBound {
            var j = k
            if s.folded(j) == "et" || s.tokens[j].text == "," { j += 1 }
            guard j < seg.upperBound, ["au", "en", "aux", "a"].contains(s.folded(j)) else { break }
            if s.folded(j) == "a", s.tokens[j].text != "à" && s.tokens[j].text != "À" { break }
            var c = j + 1
            if ["la", "l'", "le"].contains(s.folded(c)) { c += 1 }
            guard let m = s.countries.first(where: { $0.tokens.lowerBound == c && $0.form != .demonym }) else { break }
            k = m.tokens.upperBound
        }
        // « … au Japon en 2019 par … »: the date of all the visits may come before their visitors.
        if let d = s.dates.first(where: { $0.tokens.lowerBound == k || ($0.tokens.lowerBound == k + 1 && ["en", "le", "les"].contains(s.folded(k))) }) {
            k = d.tokens.upperBound
        }
        guard k < seg.upperBound, ["de", "du", "d'", "des", "par"].contains(s.folded(k)) else { return nil }
        return genitives(s, mentions, from: k, in: seg)
    }

    static let visitAdjectives: Set<String> = ["officielle", "officielles", "d'etat", "d'amitie", "historique", "recente", "fructueuse",
                                               "premiere", "derniere", "europeenne", "asiatique", "officielle", "solennelle"]

    /// The people named from `start` on (within a few words: a determiner, « de la », the place and date of a
    /// reception), then each further one joined by « , », « et », « ainsi que » and an optional « du / de / par »:
    /// « du ministre X en mai, du président Y en juin et du vice-président Z ». `words` runs from a visitor to
    /// the next one and carries their own date.
    func genitives(_ s: AnalysedSentence, _ mentions: [PersonMention], from start: Int, in seg: Range<Int>) -> [(mention: PersonMention, words: Range<Int>)]? {
        var k = start
        // « lors d'une réception à Hanoi le 3 mai de X »: circumstances before the guest.
        var skipped = 0
        while k < seg.upperBound, skipped < 12, !["de", "du", "d'", "des", "par"].contains(s.folded(k)) {
            if s.tokens[k].text == "," || s.folded(k) == "et" { return nil }
            k += 1; skipped += 1
        }
        guard k < seg.upperBound else { return nil }
        // The first visitor follows the preposition; one the names do not catch (« par l'empereur X et le
        // ministre Y ») leaves the next one of the coordination as the first found.
        var reach = k + 2
        var q = k + 1
        while q < min(seg.upperBound, k + 12) {
            if s.tokens[q].text == ",", s.folded(q + 1) != "et" { break }
            if s.folded(q) == "et" { reach = q + 4 }
            q += 1
        }
        guard let first = mentions.first(where: { $0.span.lowerBound >= k && $0.span.lowerBound <= reach && seg.contains($0.span.lowerBound) }) else { return nil }
        var out: [PersonMention] = [first]
        var i = first.span.upperBound
        while i < seg.upperBound {
            // The visitor's own words: a date (« en mai 2019 »), a place (« au Vietnam »), at most a few tokens.
            var j = i
            var n = 0
            while j < seg.upperBound, n < 6, s.tokens[j].text != ",", !["et", "ainsi"].contains(s.folded(j)) { j += 1; n += 1 }
            guard j < seg.upperBound else { break }
            if s.tokens[j].text == "," { j += 1 }
            // « Lors de la visite du président X, le ministre Y a déclaré »: a comma alone ends the list.
            var joined = false
            if s.folded(j) == "et" { j += 1; joined = true } else if s.folded(j) == "ainsi", s.folded(j + 1) == "que" { j += 2; joined = true }
            if ["du", "de", "d'", "des", "par"].contains(s.folded(j)) { j += 1; joined = true }
            guard joined else { break }
            guard let m = mentions.first(where: { $0.span.lowerBound >= j && $0.span.lowerBound <= j + 2 && seg.contains($0.span.lowerBound) }) else { break }
            out.append(m)
            i = m.span.upperBound
        }
        return out.enumerated().map { n, m in
            let end = n + 1 < out.count ? out[n + 1].span.lowerBound : seg.upperBound
            return (m, m.span.lowerBound..<max(m.span.lowerBound, end))
        }
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
            // « Le secrétaire du Comité central et président du Département, le général X, a été reçu »:
            // a title alone before the name is the same subject, not another one.
            guard let p = m.person else { continue }
            return p
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
        // « dans la capitale Sofia »
        if c.form == .capital, prev == "capitale", ["la", "sa"].contains(s.folded(i - 2)) { return true }
        // « l'aéroport international de Minsk »; but « une délégation de Minsk » says where it comes from.
        if c.form == .capital, prev == "de" || prev == "d'" {
            return !["delegation", "delegations", "maire", "gouverneur", "representants"].contains(s.folded(i - 2))
                && !(s.folded(i - 3) == "delegation" && ["haut", "niveau"].contains(s.folded(i - 2)))
        }
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

    enum Appositive { case people([PersonMention]), delegation(String) }

    /// « X, en visite de travail au Vietnam », « X, qui effectue une visite officielle », « X et son épouse Y,
    /// en visite d'État »: the visitors are named just before the apposition.
    func apposition(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Appositive? {
        let t = s.tokens
        var anchor: Int?
        if at >= 2, s.folded(at - 1) == "en", t[at - 2].text == "," { anchor = at - 2 }
        else if at >= 3, ["une", "sa", "la", "son"].contains(s.folded(at - 1)),
                Self.ongoingVerbs.contains(s.folded(at - 2)), s.folded(at - 3) == "qui" {
            anchor = at - 3 > 0 && t[at - 4].text == "," ? at - 4 : at - 3
        }
        guard let a = anchor else { return nil }
        if let k = mentions.lastIndex(where: { $0.span.upperBound == a }) {
            // « du président X et de son épouse Y, en visite … »: every person of the coordination.
            var list = [mentions[k]]
            var j = k
            while j > 0 {
                let prev = mentions[j - 1], gap = prev.span.upperBound..<mentions[j].span.lowerBound
                guard gap.count <= 3, gap.allSatisfy({ ["et", "de", "d'", "du", "son", "sa"].contains(s.folded($0)) }), gap.contains(where: { s.folded($0) == "et" }) else { break }
                list.insert(prev, at: 0); j -= 1
            }
            return .people(list)
        }
        // « une délégation de la province de …, en visite … »
        if let d = (max(0, a - 12)..<a).last(where: { t[$0].folded == "delegation" }) {
            if let c = s.countries.first(where: { $0.tokens.lowerBound > d && $0.tokens.lowerBound < a && !isLocative(s, $0) }) { return .delegation(c.iso2) }
            if let p = (d + 1..<a).lazy.compactMap({ self.persons.place(s, at: $0) }).first { return .delegation(p.payload.place.iso2) }
        }
        return nil
    }

    static let ongoingVerbs: Set<String> = ["effectue", "effectuait", "entame", "entamait", "poursuit", "poursuivait", "conclut", "achevait", "termine"]

    /// « Le Premier ministre lao X a entamé samedi une visite officielle », « X effectue depuis lundi une
    /// visite »: the person named right before the verb that makes the trip (auxiliary, adverbs and a date
    /// may sit between them).
    func verbSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        var k = at - 1
        var sawVerb = false
        while k >= 0, at - k < 14 {
            let f = s.folded(k)
            if FrenchWords.determiners.contains(f) || Self.tripAdverbs.contains(f) { k -= 1; continue }
            if let d = s.dates.first(where: { $0.tokens.contains(k) }) { k = d.tokens.lowerBound - 1; continue }
            if Self.tripVerbs.contains(f) { sawVerb = true; k -= 1; continue }
            if sawVerb, FrenchWords.isAuxiliary(s.tokens[k]) { k -= 1; continue }
            break
        }
        guard sawVerb, k >= 0 else { return nil }
        let end = s.tokens[k].text == "," ? k : k + 1
        return mentions.last { ($0.span.upperBound == end || $0.name?.upperBound == end) && $0.person != nil }?.person
    }

    static let tripVerbs: Set<String> = ["effectue", "effectuait", "effectuent", "entame", "entamait", "entament", "entrepris", "entreprend",
                                         "fait", "faisait", "poursuit", "poursuivait", "acheve", "termine", "conclu", "conclut", "commence", "debute"]
    static let tripAdverbs: Set<String> = ["egalement", "aussi", "deja", "alors", "recemment", "ensuite", "notamment", "actuellement", "depuis",
                                          "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir", "apres-midi"]

    /// The people of a meeting foreign to the place it is held in, when they are of one country:
    /// first those met (after the verb), else, when `subjects`, those meeting (« Le ministre norvégien X a
    /// rencontré à Hanoi son homologue Y »). Only a meeting with an explicit place counts; ambassadors
    /// live where they meet.
    func foreigners(_ s: AnalysedSentence, _ mentions: [PersonMention], _ analysis: PersonAnalysis, trig: Int, seg: Range<Int>, subjects: Bool) -> [PersonMention] {
        let places = s.countries.filter { seg.contains($0.tokens.lowerBound) && isLocative(s, $0) }.map(\.iso2)
            + self.places(s, in: seg).map(\.1.iso2)
        guard let host = places.first, places.allSatisfy({ $0 == host }) else { return [] }
        func foreign(_ m: PersonMention) -> Bool {
            guard let p = m.person, m.category != "diplomat", let c = analysis.people[p].country else { return false }
            return c != host
        }
        // One foreign party: leaders of several countries meeting at a summit abroad are not visiting each other.
        let outsiders = Set(mentions.compactMap { m in m.person.flatMap { analysis.people[$0].country } }.filter { $0 != host })
        guard outsiders.count == 1 else { return [] }
        let met = mentions.filter { seg.contains($0.span.lowerBound) && foreign($0) }
        if !met.isEmpty || !subjects { return Array(met.prefix(1)) }
        return Array(mentions.filter { $0.span.upperBound <= trig && foreign($0) }.prefix(1))
    }

    /// Whether the sentence names a place of `iso2` below the country (a province, a city other than a capital).
    func localPlace(_ s: AnalysedSentence, _ iso2: String) -> Bool {
        var i = 0
        while i < s.tokens.count {
            if let m = persons.place(s, at: i) {
                if m.payload.place.iso2 == iso2, m.payload.place.kind != "institution" { return true }
                i = m.tokens.upperBound
            } else { i += 1 }
        }
        return false
    }

    /// « Le président du Comité populaire de Hai Phong a reçu … »: the receiver's own city, where none is stated.
    func receiverPlace(_ s: AnalysedSentence, _ iso2: String, before at: Int) -> String? {
        var i = 0
        while i < at {
            if let m = persons.place(s, at: i) {
                if m.payload.place.iso2 == iso2, m.payload.place.kind != "institution", s.tokens[i].isCapitalized {
                    return String(decoding: Array(s.sentence.text.utf8)[(s.tokens[i].range.lowerBound - s.sentence.range.lowerBound)..<(s.tokens[m.tokens.upperBound - 1].range.upperBound - s.sentence.range.lowerBound)], as: UTF8.self)
                }
                i = m.tokens.upperBound
            } else { i += 1 }
        }
        return nil
    }

    /// The dateline of the first body sentence, « Minsk (VNA) – … » or « Hanoi, 3 mai (VNA) - … »: a capital
    /// first, an agency in brackets within a few words.
    func dateline(_ doc: AnalysedDocument) -> (iso2: String, city: String)? {
        guard let s = doc.sentences.first(where: { !$0.sentence.isHeadline }),
              let c = s.countries.first(where: { $0.tokens.lowerBound == 0 && $0.form == .capital }),
              (c.tokens.upperBound..<min(s.tokens.count, c.tokens.upperBound + 5)).contains(where: { s.tokens[$0].text == "(" }) else { return nil }
        return (c.iso2, String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self))
    }

    /// « a quitté Hanoi », « a visité le Laos »: the country or capital right after the verb.
    func isObject(_ s: AnalysedSentence, _ c: CountryMention, after at: Int) -> Bool {
        guard c.form != .demonym else { return false }
        let i = c.tokens.lowerBound
        return i == at + 1 || (i == at + 2 && ["le", "la", "l'", "les"].contains(s.folded(at + 1)))
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

    /// The visits of a document, one per trip. Indexed by host and visitor country, so that a document
    /// repeating the same clause thousands of times is merged in near-linear time.
    struct VisitSet {
        private(set) var visits: [VisitFact] = []
        private var fallbackCities: [Int: String] = [:]
        private var local = Set<Int>()
        private var index: [Key: [Int]] = [:]

        /// The visits, a city from the weaker sources where none was stated: a place visited during the
        /// trip, then the dateline (« Minsk (VNA) – … ») when it is in the host country.
        func finished(dateline: (iso2: String, city: String)?) -> [VisitFact] {
            visits.enumerated().map { k, v in
                guard v.city == nil else { return v }
                var v = v
                if let c = fallbackCities[k] { v.city = c }
                else if let d = dateline, d.iso2 == v.hostCountry, !local.contains(k) { v.city = d.city }
                return v
            }
        }
        struct Key: Hashable { let host: String; let country: String? }

        /// Same visitor, same host and compatible dates: one visit, keeping the most precise details.
        mutating func add(_ v: VisitFact, fallbackCity: String? = nil, local: Bool = false) {
            let key = Key(host: v.hostCountry, country: v.visitorCountry)
            if let k = index[key]?.first(where: { VisitExtractor.same(visits[$0], v) }) {
                if let c = fallbackCity, fallbackCities[k] == nil { fallbackCities[k] = c }
                if local { self.local.insert(k) }
                var m = visits[k]
                if let s = v.start, m.start == nil || s.description.count > m.start!.description.count { m.start = s; m.end = v.end ?? m.end }
                if m.city == nil { m.city = v.city }
                if m.kind == nil { m.kind = v.kind }
                if m.visitor == nil { m.visitor = v.visitor }
                visits[k] = m
            } else {
                index[key, default: []].append(visits.count)
                if let c = fallbackCity { fallbackCities[visits.count] = c }
                if local { self.local.insert(visits.count) }
                visits.append(v)
            }
        }

        /// Receptions join the trip of the same visitor to the same host when they fall during it
        /// (or within a week of an open-ended start); the trip keeps its own dates. A delegation's trip
        /// takes the name of the person received during it.
        mutating func join(_ v: VisitFact, fallbackCity: String? = nil, local: Bool = false) {
            let key = Key(host: v.hostCountry, country: v.visitorCountry)
            if let k = index[key]?.first(where: { VisitExtractor.sameTraveller(visits[$0], v) && VisitExtractor.during(v.start, visits[$0]) }) {
                if let c = fallbackCity, fallbackCities[k] == nil { fallbackCities[k] = c }
                if local { self.local.insert(k) }
                var m = visits[k]
                if m.start == nil { m.start = v.start; m.end = v.end }
                if m.city == nil { m.city = v.city }
                if m.kind == nil { m.kind = v.kind }
                if m.visitor == nil { m.visitor = v.visitor }
                visits[k] = m
            } else {
                add(v, fallbackCity: fallbackCity, local: local)
            }
        }
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

    static func same(_ a: VisitFact, _ b: VisitFact) -> Bool {
        guard a.hostCountry == b.hostCountry else { return false }
        if let x = a.visitor, let y = b.visitor { guard x == y else { return false } }
        else if a.visitorCountry != b.visitorCountry { return false }
        guard let s = a.start, let t = b.start else { return true }
        return s.description.hasPrefix(t.description) || t.description.hasPrefix(s.description)
            || within(t, s, a.end) || within(s, t, b.end)
    }
}
