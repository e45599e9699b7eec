import FrenchText

/// Finds visits: someone of one country travelling to another, as news tells it — « une visite
/// d'amitié en Bolivie », « est arrivée à Lima », « a reçu à Quito la ministre … », « a été accueilli
/// à l'aéroport de Lima », past visits recalled (« celle de la présidente … au Chili en 1999, 2004 et
/// 2011 » = one visit per year), tours (one visit per country), meetings held where one party lives.
/// Invitations, planned visits, calls and video meetings are not visits. Each visit's evidence names
/// the rule (construction) that read it: `visit.arrival`, `visit.genitive-list`, `visit.welcome`, …
package struct VisitExtractor: Sendable {
    package let reference: Reference
    let persons: PersonExtractor

    /// `persons` lets FactExtractor share the one it runs already.
    package init(reference: Reference, persons: PersonExtractor? = nil) {
        self.reference = reference
        self.persons = persons ?? PersonExtractor(reference: reference)
    }

    package func extract(from document: Document) -> [VisitFact] {
        var doc = AnalysedDocument(document: document, countries: persons.countries, organisations: persons.organisations)
        persons.memoise(&doc)
        return extract(doc, persons.analyse(doc))
    }

    /// How a trigger word tells the trip; the names are the third part of the `visit.trigger.*` rule ids.
    enum Trigger: String {
        case visit, visited, arrival, departure, reception, led, meeting
        case receptionNoun = "reception-noun", passiveReception = "passive-reception"
    }

    func extract(_ doc: AnalysedDocument, _ analysis: PersonAnalysis) -> [VisitFact] {
        var trips = VisitSet()
        var receptions: [(fact: VisitFact, fallbackCity: String?, local: Bool)] = []
        var subject: Int?
        var lastNamed: Int?
        /// Whether the last trip told was a plan, not a fact.
        var planned = false
        for whole in doc.sentences {
            defer { if let p = analysis.mentions[whole.index].last(where: { $0.person != nil })?.person { lastNamed = p } }
            let allMentions = analysis.mentions[whole.index]
            // « Celui-ci avait effectué une visite en Inde »: an anaphor opening the sentence is the last person named.
            let sentenceSubject = self.subject(whole, allMentions) ?? (opensWithAnaphor(whole) ? lastNamed : nil) ?? subject
            defer { if let p = sentenceSubject { subject = p } }
            let triggers = self.triggers(whole)
            guard !triggers.isEmpty else { continue }
            // A run-on « sentence » of thousands of words (a list, a page without full stops) is read a
            // window at a time around each trigger, so that its cost stays linear in its length.
            let window = Window(whole, allMentions, limit: Self.windowed)
            for (n, trig) in triggers.enumerated() {
                let end = n + 1 < triggers.count ? triggers[n + 1].at : whole.tokens.count
                let seg = trig.at..<end
                // « s'est rendu en Algérie pour une visite d'État du 5 au 7 mars »: a trip noun naming no place
                // of its own describes the move before it, whose kind and dates it then gives.
                var described = seg
                if n + 1 < triggers.count, triggers[n + 1].kind == .visit, [.reception, .passiveReception].contains(trig.kind),
                   (1...2).contains(where: { d in L.arrivalFor.contains(whole.word(triggers[n + 1].at - d)) }) {
                    // « L'Italie a accueilli le ministre X pour une visite de travail »: the trip the guest came for.
                    described = trig.at..<(n + 2 < triggers.count ? triggers[n + 2].at : whole.tokens.count)
                } else if n + 1 < triggers.count, triggers[n + 1].kind == .visit, [.arrival, .departure, .visited].contains(trig.kind) {
                    let next = triggers[n + 1].at..<(n + 2 < triggers.count ? triggers[n + 2].at : whole.tokens.count)
                    // « est arrivé à Hanoi, entamant une visite d'État au Vietnam du 3 au 5 mai », « … pour une visite
                    // d'État au Vietnam »: the trip the arrival begins, whatever place it names.
                    let begun = trig.kind == .arrival && (1...2).contains { d in
                        let b = triggers[n + 1].at - d
                        return b > trig.at && (L.beginning.contains(whole.word(b)) && whole.tokens[b - 1].text == "," || L.arrivalFor.contains(whole.word(b)))
                    }
                    if begun || !whole.countries.contains(where: { next.contains($0.tokens.lowerBound) }) && places(whole, in: next).isEmpty {
                        described = trig.at..<next.upperBound
                    }
                }
                let lo = window.isOn ? max(0, trig.at - Self.lookBack) : 0
                let (s, mentions) = window.view(lo..<min(whole.tokens.count, described.upperBound + 8))
                if isNotFactual(s, seg, clauseStart: n == 0 ? 0 : triggers[n - 1].at) { planned = true; continue }
                // « X effectuera une visite au Chili en mai. Il s'agit de sa deuxième visite … »: a sentence
                // that only names the trip just told is as planned as that trip.
                let retold = trig.kind == .visit && n == 0 && namesTheTripBefore(whole, before: trig.at)
                if retold && planned { continue }
                if !retold { planned = false }
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
                        if isResident(m) { continue }  // an ambassador lives there
                        travellers = [named(m)]; guestSpans = [m.span]
                        // « a reçu, le 3 mai à Hanoi, X, chef de … »: the guest after the circumstances.
                        if m.span.lowerBound > trig.at + 1, s.tokens[trig.at + 1].text == "," { rule = "visit.reception-apposition" }
                    } else if let d = delegation(s, seg) { travellers = [(nil, d, nil)]; rule = "visit.reception-delegation" } else { continue }
                case .meeting:
                    rule = "visit.meeting"
                    travellers = foreigners(s, mentions, analysis, trig: trig.at, seg: seg, subjects: !L.declared.contains(s.word(trig.at))).map { ($0.person, nil, nil) }
                    guestSpans = []
                case .receptionNoun:
                    // « lors d'une réception à Hanoi le 3 mai de X », « la cérémonie d'accueil du président X »;
                    // « ont signé …, lors d'une réception à Quito »: whoever of the sentence is foreign to the place.
                    guard let list = genitives(s, mentions, from: trig.at + 1, in: seg) else {
                        travellers = foreigners(s, mentions, analysis, trig: trig.at, seg: seg, subjects: true).map { ($0.person, nil, nil) }
                        rule = "visit.reception-meeting"
                        break
                    }
                    if list.contains(where: { isResident($0.mention) }) { continue }
                    travellers = list.map { ($0.mention.person, $0.mention.person == nil ? $0.mention.country : nil, $0.words) }
                    guestSpans = list.map(\.mention.span)
                    rule = "visit.welcome"
                case .visit:
                    rule = "visit.subject"
                    if let p = anaphoricGenitive(s, after: trig.at, in: seg) {
                        // « la récente visite de ce dernier »: the last person named.
                        guard let m = mentions.last(where: { $0.person != nil && $0.span.upperBound <= p })?.person ?? lastNamed else { continue }
                        travellers = [(m, nil, nil)]; rule = "visit.anaphor"
                    } else if let list = genitive(s, mentions, after: trig.at, in: seg) {
                        travellers = list.map { ($0.mention.person, $0.mention.person == nil ? $0.mention.country : nil, list.count > 1 ? $0.words : nil) }
                        guestSpans = list.map(\.mention.span)
                        rule = list.count > 1 ? "visit.genitive-list" : "visit.genitive"
                    } else if let a = apposition(s, mentions, before: trig.at) {
                        // « X, en visite d'amitié au Chili, … », « X, qui poursuit sa tournée … »
                        switch a {
                        case .people(let ms): travellers = ms.map(named)
                        case .delegation(let c): travellers = [(nil, c, nil)]
                        }
                        rule = "visit.apposition"
                    } else if let m = verbSubject(s, mentions, before: trig.at) {
                        travellers = [(m, nil, nil)]; rule = "visit.verb-subject"
                    } else if let m = relativeTraveller(s, mentions, before: trig.at) {
                        travellers = [(m, nil, nil)]; rule = "visit.relative"
                    } else if let d = delegation(s, seg) {
                        travellers = [(nil, d, nil)]; rule = "visit.delegation"
                    } else if let m = clauseSubject(s, mentions, before: trig.at, from: lo) {
                        travellers = [(m, nil, nil)]; rule = "visit.clause-subject"
                    } else if let m = leader(s, mentions, before: trig.at, from: lo) {
                        travellers = [(m, nil, nil)]; rule = "visit.delegation-leader"
                    } else if sentenceSubject == nil, let at = (lo..<trig.at).first(where: { L.delegation.contains(s.tokens[$0]) }),
                              !(lo..<at).contains(where: { FrenchWords.isAuxiliary(s.tokens[$0]) || L.presentVerb.contains(s.tokens[$0]) }),
                              let d = delegation(s, at..<trig.at, places: true) {
                        // « Une délégation vietnamienne effectue une visite de travail en Russie »: no one named.
                        travellers = [(nil, d, nil)]; rule = "visit.delegation-subject"
                    } else {
                        travellers = [(sentenceSubject, nil, nil)]
                    }
                case .led:
                    // « X, qui avait conduit une délégation … au Chili », « X a conduit une délégation à … »
                    rule = "visit.led-delegation"
                    if let m = relativeAntecedent(s, mentions, before: trig.at) { travellers = [(m, nil, nil)] }
                    else if let m = clauseSubject(s, mentions, before: trig.at, from: lo) { travellers = [(m, nil, nil)] }
                    else { travellers = [(sentenceSubject, nil, nil)] }
                case .arrival, .departure, .visited, .passiveReception:
                    switch trig.kind {
                    case .arrival: rule = "visit.arrival"
                    case .departure: rule = "visit.departure"
                    case .visited: rule = "visit.visited"
                    default: rule = "visit.reception-passive"
                    }
                    // « À la tête d'une délégation, le ministre X est parti … »: the one named right before the verb.
                    if let m = adjacentSubject(s, mentions, before: trig.at) { travellers = [named(m)] }
                    // « Une délégation du ministère bolivien … s'est rendue »: no one named.
                    else if let d = delegation(s, lo..<trig.at) { travellers = [(nil, d, nil)] }
                    else if let m = leader(s, mentions, before: trig.at, from: lo) { travellers = [(m, nil, nil)]; rule = "visit.delegation-leader" }
                    // « …, lorsque Anna Nowak s'était rendue à Hanoï »: a name kb does not know as a person is the
                    // subject, not whoever the sentences before were about.
                    else if unknownNameSubject(s, mentions, before: trig.at) { continue }
                    else { travellers = [(sentenceSubject, nil, nil)] }
                    // « L'ambassadeur du Chili, X, a été reçu par … »: an ambassador lives where he is received.
                    if trig.kind == .passiveReception, let p = travellers.first?.person,
                       mentions.contains(where: { $0.person == p && isResident($0) }) { continue }
                }
                // « Plusieurs dirigeants chiliens se sont rendus au Vietnam, dont le président X en 2009 et la
                // ministre Y en 2014 »: no one named before the trip, the members after « dont » travel, each
                // with their own date.
                if [.arrival, .visit, .visited].contains(trig.kind), !mentions.contains(where: { $0.person != nil && $0.span.upperBound <= trig.at && $0.span.lowerBound >= lo }),
                   let d = seg.first(where: { L.among.contains(s.word($0)) }),
                   let list = genitives(s, mentions, from: d, in: d..<seg.upperBound, lead: L.among) {
                    travellers = list.map { ($0.mention.person, $0.mention.person == nil ? $0.mention.country : nil, $0.words) }
                    guestSpans = list.map(\.mention.span)
                    rule = "visit.group-members"
                }
                // « Le président X et le Premier ministre Y se sont rendus au Chili respectivement en 2009 et 2014 »:
                // each subject of the coordination travels; « respectivement » gives them the dates in order.
                if rule == "visit.verb-subject" || rule == "visit.arrival", travellers.count == 1, let p = travellers[0].person,
                   let own = mentions.last(where: { $0.person == p && $0.span.upperBound <= trig.at }) {
                    // Joined by « et » (and determiners) only, both before the trip.
                    func joined(_ a: PersonMention, _ b: PersonMention) -> Bool {
                        guard a.span.upperBound < b.span.lowerBound else { return false }
                        let gap = a.span.upperBound..<b.span.lowerBound
                        return !gap.isEmpty && gap.contains { L.and.contains(s.word($0)) }
                            && gap.allSatisfy { L.and.contains(s.word($0)) || FrenchWords.determiners.contains(s.word($0)) }
                    }
                    // « Le président X et son épouse, Y, sont arrivés »: the spouse accompanies the trip, not one of its own.
                    let others = mentions.filter { m in
                        m.person != nil && m.person != p && m.span.upperBound <= trig.at
                            && !(m.span.lowerBound..<(m.name?.lowerBound ?? m.span.lowerBound)).contains { L.spouse.contains(s.word($0)) }
                    }
                    if let before = others.last(where: { joined($0, own) }) { travellers.insert((before.person, nil, nil), at: 0) }
                    else if let after = others.first(where: { joined(own, $0) }) { travellers.append((after.person, nil, nil)) }
                }
                if travellers.count == 2, rule == "visit.verb-subject" || rule == "visit.arrival" {
                    if let r = seg.first(where: { L.respectively.contains(s.word($0)) }) {
                        let ds = s.dates.filter { $0.tokens.lowerBound > r && seg.contains($0.tokens.lowerBound) && $0.start != nil }
                        if ds.count == travellers.count {
                            for n in travellers.indices { travellers[n].words = ds[n].tokens }
                            rule = "visit.respectively"
                        }
                    } else {
                        // « X et Y ont effectué une visite au Chili en 1997 et 2004 »: as many years as travellers,
                        // each a year of its own, are theirs in order, « respectivement » unsaid.
                        let ds = s.dates.filter { seg.contains($0.tokens.lowerBound) && $0.kind == .point && $0.start != nil }
                        if ds.count == travellers.count, Set(ds.map { $0.start!.year }).count == ds.count {
                            for n in travellers.indices { travellers[n].words = ds[n].tokens }
                            rule = "visit.respectively"
                        }
                    }
                }
                travellers = travellers.map { t in
                    guard let v = t.person else { return t }
                    return (v, analysis.people[v].country, t.words)
                }
                travellers.removeAll { $0.person == nil && $0.country == nil }
                guard !travellers.isEmpty else { continue }
                func inGuest(_ i: Int) -> Bool { guestSpans.contains { $0.contains(i) } }
                // « Au cours de son séjour, X s'est rendu à Cuzco »: a move during the trip already told
                // names a place of it, not the city where it took place.
                let weakCity = (trig.kind == .arrival || trig.kind == .visited)
                    && triggers[..<n].contains(where: { $0.kind == .visit && L.possessive.contains(s.word($0.at - 1)) })
                let excluded = mentions.map(\.span)
                // « Durant son séjour du 3 au 5 mai, la délégation a visité … »: a move during the trip told
                // before it in the sentence has the trip's dates.
                let shared = self.dates(s, described, before: weakCity ? trig.at : triggers[0].at, excluding: excluded)
                // Where to: « en Bolivie », « au Chili », « à Lima »; what one leaves (« a quitté Lima »).
                var hosts: [(iso2: String, city: String?)] = []
                // « est arrivé en Bolivie, après le Pérou »: the earlier leg of a tour, without this leg's dates.
                var earlier = Set<String>()
                // Where the last earlier leg ends: « après le Koweït et le Qatar » names two of them.
                var earlierEnd: Int?
                // « a quitté Hanoï le 12 mai pour Lima »: a departure for a place begins the trip there.
                var setOffHosts = Set<String>()
                for c in s.countries where (seg.contains(c.tokens.lowerBound) || (n == 0 && c.tokens.lowerBound < trig.at)) && !inGuest(c.tokens.lowerBound) {
                    func follows(_ words: WordSet) -> Bool {
                        let i = c.tokens.lowerBound
                        return words.contains(s.word(i - 1)) || (L.objectArticle.contains(s.word(i - 1)) && words.contains(s.word(i - 2)))
                    }
                    let coordinated = earlierEnd.map { e in
                        let i = c.tokens.lowerBound
                        return (i == e + 1 || (i == e + 2 && L.objectArticle.contains(s.word(e + 1)))) && (L.and.contains(s.word(e)) || s.tokens[e].text == ",")
                    } ?? false
                    let after = c.form == .name && trig.kind != .reception && trig.kind != .receptionNoun && trig.kind != .meeting
                        && (follows(L.after) || coordinated)
                    if after { earlierEnd = c.tokens.upperBound }
                    // Before the trigger, only an earlier leg (« Après le Pérou, X est arrivé … »).
                    if !seg.contains(c.tokens.lowerBound), !after { continue }
                    if after, !hosts.contains(where: { $0.iso2 == c.iso2 }) { earlier.insert(c.iso2); hosts.append((c.iso2, nil)); continue }
                    // « est parti le 12 mai pour Lima », « s'est envolé pour Quito »: where one sets off for.
                    let setOffFor = (L.leftFor.contains(s.word(trig.at)) || trig.kind == .departure) && c.form != .demonym
                        && (L.arrivalFor.contains(s.folded(c.tokens.lowerBound - 1))
                            || L.objectArticle.contains(s.folded(c.tokens.lowerBound - 1)) && L.arrivalFor.contains(s.folded(c.tokens.lowerBound - 2)))
                    guard isLocative(s, c) || setOffFor || ((trig.kind == .departure || trig.kind == .visited) && isObject(s, c, after: trig.at)) else { continue }
                    if setOffFor { setOffHosts.insert(c.iso2) }
                    earlier.remove(c.iso2)
                    // « en visite à Singapour »: a city-state named is its city too.
                    let city: String? = c.form == .capital || (c.tokens.count == 1 && L.cityState.contains(s.word(c.tokens.lowerBound)))
                        ? String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self) : nil
                    if let k = hosts.firstIndex(where: { $0.iso2 == c.iso2 }) {
                        if hosts[k].city == nil { hosts[k].city = city }
                    } else {
                        hosts.append((c.iso2, city))
                    }
                }
                // « à Cuzco », « dans la province d'Arequipa »: the country below the place.
                for (range, p) in places(s, in: seg, objectOf: trig.kind == .departure ? trig.at : nil) where !inGuest(range.lowerBound) {
                    let written = String(decoding: Array(doc.document.article.raw.utf8)[s.tokens[range.lowerBound].range.lowerBound..<s.tokens[range.upperBound - 1].range.upperBound], as: UTF8.self)
                    let city = written.unicodeScalars.first?.properties.isUppercase == true ? written : p.name
                    if let k = hosts.firstIndex(where: { $0.iso2 == p.iso2 }) {
                        if hosts[k].city == nil { hosts[k].city = city }
                    } else {
                        hosts.append((p.iso2, city))
                    }
                }
                // « est arrivé à l'aéroport de Tan Son Nhat, entamant une visite au Vietnam »: an arrival at a place
                // kb does not know is in the country of the trip it begins.
                if hosts.isEmpty, trig.kind == .arrival, described != seg,
                   let c = s.countries.first(where: { described.contains($0.tokens.lowerBound) && !seg.contains($0.tokens.lowerBound) && isLocative(s, $0) }) {
                    hosts.append((c.iso2, nil))
                }
                var onToldTrip = false
                // « Poursuivant sa visite en Finlande, le ministre s'est rendu à Espoo », « X s'est rendu à Florence »
                // (the trip to Italy told before): a city kb does not know, on a trip of the traveller the text tells.
                if hosts.isEmpty, [.arrival, .visited].contains(trig.kind), travellers.count == 1, let p = travellers[0].person,
                   let k = trig.kind == .visited ? trig.at : described.first(where: { FrenchWords.isPrepositionA(s.tokens[$0]) }), k + 1 < s.tokens.count,
                   s.tokens[k + 1].isCapitalized, !s.tokens[k + 1].isPunctuation, !mentions.contains(where: { $0.span.contains(k + 1) }) {
                    let before = s.countries.last { $0.tokens.upperBound <= trig.at && $0.iso2 != travellers[0].country && isLocative(s, $0) }?.iso2
                    let name = analysis.people[p].name
                    let told = trips.visits.last(where: { $0.visitor == name })?.hostCountry
                        ?? receptions.last(where: { $0.fact.visitor == name })?.fact.hostCountry
                    onToldTrip = before == nil && told != nil
                    if let host = before ?? told {
                        var e = k + 2
                        while e < described.upperBound, e - k <= 3, s.tokens[e].isCapitalized, !s.tokens[e].isPunctuation { e += 1 }
                        let raw = Array(doc.document.article.raw.utf8)
                        hosts.append((host, String(decoding: raw[s.tokens[k + 1].range.lowerBound..<s.tokens[e - 1].range.upperBound], as: UTF8.self)))
                    }
                }
                // « X a effectué une visite au Chili en 2023, celle de Y remontant à 2011 »: the pronoun's trip went
                // where the trip it stands for went.
                if hosts.isEmpty, trig.kind == .visit, n > 0, L.tripPronoun.contains(s.word(trig.at)) {
                    let antecedent = triggers[n - 1].at..<trig.at
                    for c in s.countries where antecedent.contains(c.tokens.lowerBound) && isLocative(s, c) && !hosts.contains(where: { $0.iso2 == c.iso2 }) {
                        hosts.append((c.iso2, nil))
                    }
                }
                // « Sur invitation de son homologue bolivienne, la ministre X effectue une visite dans le pays »:
                // « le pays » is the last other country named before.
                if hosts.isEmpty, let k = seg.first(where: { L.inside.contains(s.word($0)) && L.thisCountryArticle.contains(s.word($0 + 1)) && L.country.contains(s.word($0 + 2)) }),
                   let c = s.countries.last(where: { $0.tokens.upperBound <= k && $0.iso2 != travellers[0].country }) {
                    hosts.append((c.iso2, nil))
                }
                // « a choisi le Pérou pour son premier voyage »
                if hosts.isEmpty, trig.kind == .visit, let c = chosenHost(s, before: trig.at) { hosts.append((c, nil)) }
                // « X a visité l'hôpital Bach Mai » in a story filed from Hanoi: a visitor from elsewhere is in the
                // dateline's country.
                if hosts.isEmpty, trig.kind == .visited, let d = dateline(doc) { hosts.append((d.iso2, nil)) }
                // « Hanoï (VNA) – À l'occasion de la visite du vice-président chinois X, … »: a foreign visitor's trip
                // of these days naming no place is to the dateline's country.
                // An ambassador's call (« l'ambassadeur du Chili, X, a rendu une visite d'adieu au président ») is made
                // where he lives.
                if hosts.isEmpty, trig.kind == .visit, let d = dateline(doc), let articleDate = doc.document.date,
                   travellers.allSatisfy({ $0.country != nil && $0.country != d.iso2 }),
                   !travellers.contains(where: { t in mentions.contains { $0.person != nil && $0.person == t.person && isResident($0) } }),
                   shared.allSatisfy({ $0.start.map { $0.isInMonthOrOneBefore(articleDate) } ?? true }) {
                    hosts.append((d.iso2, nil))
                }
                if hosts.isEmpty || hosts.allSatisfy({ $0.city == nil }), n == 0, [.reception, .receptionNoun, .meeting].contains(trig.kind) {
                    // « Le 3 mai, à Hanoi, le ministre X a reçu … »: the place of a reception may come before it.
                    for c in s.countries where c.tokens.upperBound <= trig.at && c.form == .capital && isLocative(s, c) {
                        let city = String(decoding: Array(doc.document.article.raw.utf8)[c.range], as: UTF8.self)
                        if let k = hosts.firstIndex(where: { $0.iso2 == c.iso2 }) { hosts[k].city = city }
                        else if hosts.isEmpty { hosts.append((c.iso2, city)) }
                        break
                    }
                }
                // « L'Italie a accueilli le 20 mai le ministre X »: the country that receives, by name, is the host.
                if hosts.isEmpty, trig.kind == .reception,
                   let c = s.countries.last(where: { $0.form == .name && $0.tokens.upperBound <= trig.at && $0.tokens.upperBound >= trig.at - 3 }),
                   (c.tokens.upperBound..<trig.at).allSatisfy({ FrenchWords.isAuxiliary(s.tokens[$0]) || L.filler.contains(s.word($0)) }) {
                    hosts.append((c.iso2, nil))
                }
                if hosts.isEmpty, trig.kind == .reception || trig.kind == .receptionNoun {
                    // « Le maire de Lima reçoit … »: the host's own country.
                    if let p = sentenceSubject, let c = analysis.people[p].country { hosts.append((c, nil)) }
                    else if let m = mentions.first(where: { $0.span.upperBound <= trig.at }), let c = m.country { hosts.append((c, nil)) }
                }
                // « X a été reçu le 3 mai par le président Y »: received, with no place named, in the country of
                // whoever receives.
                if hosts.isEmpty, trig.kind == .passiveReception,
                   let m = mentions.first(where: { m in seg.contains(m.span.lowerBound) && (1...3).contains { k in L.by.contains(s.word(m.span.lowerBound - k)) } }),
                   let p = m.person, let c = analysis.people[p].country {
                    hosts.append((c, nil))
                }
                if hosts.count > 1 && rule == "visit.subject" { rule = "visit.tour" }
                let kind = self.kind(s, seg) ?? (described == seg ? nil : self.kind(s, seg.upperBound..<described.upperBound))
                // « X a achevé le 23 mai sa visite en Italie »: the day of a trip's end.
                // « La visite du ministre X au Vietnam s'est achevée le 5 juin »: ended after the noun, reflexively.
                let ended = trig.kind == .visit && ((max(lo, trig.at - 6)..<trig.at).contains { L.ended.contains(s.word($0)) }
                    || (min(trig.at + 3, seg.upperBound)..<seg.upperBound).contains { L.ended.contains(s.word($0)) && L.reflexive.contains(s.word($0 - 2)) })
                for t in travellers {
                    var dates = shared
                    if let w = t.words {
                        let own = self.dates(s, w, before: triggers[0].at, excluding: excluded).filter { w.contains($0.tokens.lowerBound) }
                        if !own.isEmpty { dates = own } else { dates = shared.filter { d in !travellers.contains { $0.words?.contains(d.tokens.lowerBound) ?? false } } }
                    }
                    var used = dates.count > 1 && rule != "visit.genitive-list" ? "visit.recalled-list" : rule
                    // « une visite en Hongrie du 20 au 22 juin, avant de se rendre en Slovaquie du 23 au 25 juin »:
                    // as many dates as countries of a tour, in the same order, date each leg.
                    var legs: [String: Int] = [:]
                    let abroad = hosts.filter { $0.iso2 != t.country }
                    if abroad.count > 1, dates.count == hosts.count, t.words == nil {
                        let at = hosts.map { h in s.countries.first { $0.iso2 == h.iso2 && described.contains($0.tokens.lowerBound) }?.tokens.lowerBound }
                        if at.allSatisfy({ $0 != nil }), Set(at.map { $0! }).count == at.count {
                            let order = hosts.indices.sorted { at[$0]! < at[$1]! }
                            let byPlace = dates.indices.sorted { dates[$0].tokens.lowerBound < dates[$1].tokens.lowerBound }
                            for (h, d) in zip(order, byPlace) { legs[hosts[h].iso2] = d }
                            used = "visit.tour-legs"
                        }
                    }
                    for h in hosts where h.iso2 != t.country {
                        let own = legs[h.iso2].map { [dates[$0]] } ?? dates
                        for d in own.isEmpty || earlier.contains(h.iso2) ? [nil] : own.map(Optional.some) {
                            var (start, until) = (d?.start, d?.end)
                            // « X a quitté Hanoï le 14 mars, concluant sa visite »: the day of leaving ends the
                            // trip, which began on a day not told, that month or before.
                            if trig.kind == .departure && !setOffHosts.contains(h.iso2) || ended, until == nil, let day = start, day.precision == .day {
                                (start, until) = (PartialDate(year: day.year, month: day.month), day)
                            }
                            let v = VisitFact(visitor: t.person.map { analysis.people[$0].name }, visitorCountry: t.country,
                                              hostCountry: h.iso2, city: h.city, start: start, end: until, kind: kind,
                                              evidence: s.sentence.evidence(used))
                            // A place of the host country named elsewhere in the sentence (« le maire de Da Nang a
                            // reçu … ») says more than the dateline.
                            let local = localPlace(s, h.iso2, in: lo..<min(s.tokens.count, end + 8))
                            // A departure (« a quitté Hanoi pour Hue ») ends a leg of the trip told before, if any.
                            // A move to a city of a trip told before is part of it, as a reception is.
                            if [.reception, .passiveReception, .receptionNoun, .meeting, .departure].contains(trig.kind) || onToldTrip {
                                receptions.append((v, v.city == nil ? receiverPlace(s, h.iso2, before: trig.at, from: lo) : nil, local))
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
        return trips.finished(dateline: dateline(doc), articleDate: doc.document.date)
    }

    // MARK: - Sentence reading

    /// The visit triggers of a sentence, read by the `visit.trigger.*` rules of seeds/grammar/visits.rules.
    /// For one trigger word the first rule that matches wins; a pronoun (« celle de Y ») stands for a
    /// visit only after a trip noun of the same sentence.
    func triggers(_ s: AnalysedSentence) -> [(at: Int, kind: Trigger)] {
        // One look-up per token: most sentences have no trigger word, and then no rule is tried.
        guard Self.triggerRules.words.containsAny(of: s.tokens) else { return [] }
        var best: [Int: Int] = [:]  // trigger token → rule index
        for (rule, m) in Self.triggerRules.set.matches(PatternSubject(s)) {
            guard let t = m.captures[Self.triggerCapture]?.lowerBound else { continue }
            if let r = best[t], r <= rule { continue }
            best[t] = rule
        }
        var out: [(at: Int, kind: Trigger)] = []
        var sawVisit = false
        for (at, rule) in best.sorted(by: { $0.key < $1.key }) {
            let (kind, pronoun) = Self.triggerRules.kinds[rule]
            if pronoun { guard sawVisit else { continue } } else if kind == .visit || kind == .visited { sawVisit = true }
            out.append((at, kind))
        }
        return out
    }

    /// `visit.trigger.KIND[.variant]`: the rules and, by rule, the trigger kind and whether it is a pronoun.
    static let triggerCapture = "trigger"
    static let pronounVariant = "pronoun"

    static let triggerRules: (set: RuleSet, kinds: [(Trigger, pronoun: Bool)], words: WordSet) = {
        let rules = RuleBook.embedded.rules(prefix: "visit.trigger.")
        let kinds = rules.map { r -> (Trigger, pronoun: Bool) in
            let parts = r.id.split(separator: ".")
            guard parts.count >= 3, let kind = Trigger(rawValue: String(parts[2])) else {
                preconditionFailure("rule \(r.id): the third part must name a VisitExtractor.Trigger")
            }
            return (kind, parts.count > 3 && parts[3] == pronounVariant)
        }
        // Every trigger word: each rule says which words its {trigger} capture starts with.
        var words = WordSet()
        for r in rules {
            guard let w = r.pattern.captureWords(triggerCapture) else {
                preconditionFailure("rule \(r.id): its {trigger} capture must start with a word test in every alternative")
            }
            words.formUnion(w)
        }
        return (RuleSet(rules), kinds, words)
    }()

    /// Invitations, plans and future tense: « a invité … à se rendre », « effectuera une visite ».
    func isNotFactual(_ s: AnalysedSentence, _ seg: Range<Int>, clauseStart: Int) -> Bool {
        let t = s.tokens
        var lo = seg.lowerBound
        while lo > clauseStart, !(t[lo - 1].text == "," || t[lo - 1].text == ";" || t[lo - 1].text == ":") { lo -= 1 }
        for i in lo..<seg.upperBound {
            let fk = t[i]
            let f = fk.folded
            // « … s'est rendu à Quito pour préparer le forum »: the purpose of a trip is not a plan for one.
            if i > seg.lowerBound, L.purpose.contains(fk) { break }
            // « … une visite au Laos, devenant le premier dirigeant à se rendre … »: a participle clause
            // after the trip is another statement.
            if i > seg.lowerBound, t[i - 1].text == ",", f.count > 4, f.hasSuffix("ant") { break }
            // « … a rappelé sa visite en Algérie en 2023, et a souhaité que … »: a clause joined after the trip
            // says something else.
            if i > seg.lowerBound, fk.text == ";" || L.and.contains(fk) && (t[i - 1].text == "," || i + 1 < t.count && FrenchWords.isAuxiliary(t[i + 1])) { break }
            if f.hasPrefix("invit") {
                // « à l’invitation de » introduces the host of a real visit.
                let prev = i > 0 ? t[i - 1].folded : ""
                let prev2 = i > 1 ? t[i - 2].folded : ""
                if (L.elidedArticle.contains(prev) && L.invitationPrep.contains(prev2)) || L.invitationLead.contains(prev) { continue }
                return true
            }
            if L.future.contains(fk) { return true }
            // « Il s'agira de sa première visite », « X coprésidera … lors de sa visite »: any verb in the future
            // before the trip (after it, « la visite durera trois jours » tells how long a real trip lasts).
            if i < seg.lowerBound, f.utf8.count >= 5, !fk.isCapitalized, L.futureEndings.contains(where: { f.hasSuffix($0) }), !L.notFuture.contains(fk) { return true }
            if L.date.contains(fk), i + 1 < t.count, L.vagueDate.contains(t[i + 1]) { return true }
        }
        return false
    }


    /// « la visite du ministre X », « celle du président kirghiz Y », « les visites officielles en Inde et au
    /// Népal du Premier ministre X », « les visites au Chili en 2008 par la reine X et le ministre Y »: the
    /// visitors named after the trigger, its kind, destinations and date.
    func genitive(_ s: AnalysedSentence, _ mentions: [PersonMention], after at: Int, in seg: Range<Int>) -> [(mention: PersonMention, words: Range<Int>)]? {
        var k = at + 1
        // Skip the kind: « d'État », « officielle », « de travail », « d'amitié ».
        while k < seg.upperBound, k < at + 5 {
            let fk = s.word(k)
            if L.adjective.contains(fk) { k += 1; continue }
            if L.elidedOf.contains(fk), L.kindNoun.contains(s.word(k + 1)) { k += 2; continue }
            // « la visite de travail de trois jours du ministre X »: the trip's length.
            if L.elidedOf.contains(fk), k + 2 < seg.upperBound, s.tokens[k + 1].isNumber || L.durationCount.contains(s.word(k + 1)),
               L.durationUnit.contains(s.word(k + 2)) { k += 3; continue }
            break
        }
        // « la visite d'amitié au Pérou de la ministre … », « les visites à Séoul et à Tokyo du … »: the destinations may come first.
        while k < seg.upperBound {
            var j = k
            if L.and.contains(s.word(j)) || s.tokens[j].text == "," { j += 1 }
            guard j < seg.upperBound, L.to.contains(s.word(j)) else { break }
            if L.at.contains(s.word(j)), !FrenchWords.isPrepositionA(s.tokens[j]) { break }
            var c = j + 1
            if L.placeArticle.contains(s.word(c)) { c += 1 }
            guard let m = s.countries.first(where: { $0.tokens.lowerBound == c && $0.form != .demonym }) else { break }
            k = m.tokens.upperBound
        }
        // « … au Japon en 2019 par … »: the date of all the visits may come before their visitors.
        if let d = s.dates.first(where: { $0.tokens.lowerBound == k || ($0.tokens.lowerBound == k + 1 && L.dateLead.contains(s.word(k))) }) {
            k = d.tokens.upperBound
        }
        guard k < seg.upperBound, L.of.contains(s.word(k)) else { return nil }
        return genitives(s, mentions, from: k, in: seg)
    }


    /// The people named from `start` on (within a few words: a determiner, « de la », the place and date of a
    /// reception), then each further one joined by « , », « et », « ainsi que » and an optional « du / de / par »:
    /// « du ministre X en mai, du président Y en juin et du vice-président Z ». `words` runs from a visitor to
    /// the next one and carries their own date.
    func genitives(_ s: AnalysedSentence, _ mentions: [PersonMention], from start: Int, in seg: Range<Int>, lead: WordSet = L.of) -> [(mention: PersonMention, words: Range<Int>)]? {
        var k = start
        // « lors d'une réception à Hanoi le 3 mai de X »: circumstances before the guest.
        var skipped = 0
        var passive = false
        while k < seg.upperBound, skipped < 12, !lead.contains(s.word(k)) {
            if s.tokens[k].text == "," || L.and.contains(s.word(k)) { return nil }
            if L.auxPassive.contains(s.word(k)) { passive = true }
            k += 1; skipped += 1
        }
        guard k < seg.upperBound else { return nil }
        // « la cérémonie d'accueil a été présidée par X »: the agent of a passive verb is the host.
        if passive, L.by.contains(s.word(k)) { return nil }
        // The first visitor follows the preposition; one the names do not catch (« par la reine X et le
        // ministre Y ») leaves the next one of the coordination as the first found.
        var reach = k + 2
        // « dont l'ancien président, M. X, en 2005 »: a former office before the title.
        var f = k + 1
        while f < seg.upperBound, f - k < 4, FrenchWords.determiners.contains(s.tokens[f]) || PeopleWords.former.contains(s.tokens[f]) { f += 1 }
        reach = max(reach, f)
        // « la visite de S.E. M. X »: abbreviated honorifics before the name (letters and their full stops).
        var h = k + 1
        while h + 1 < seg.upperBound, h - k < 8, s.tokens[h].isCapitalized, s.tokens[h].text.utf8.count <= 3, s.tokens[h + 1].text == "." { h += 2 }
        reach = max(reach, h + 1)
        var q = k + 1
        while q < min(seg.upperBound, k + 12) {
            if s.tokens[q].text == ",", !L.and.contains(s.word(q + 1)) { break }
            if L.and.contains(s.word(q)) { reach = q + 4 }
            q += 1
        }
        guard let first = mentions.first(where: { $0.span.lowerBound >= k && $0.span.lowerBound <= reach && seg.contains($0.span.lowerBound) }) else { return nil }
        var out: [PersonMention] = [first]
        var i = first.span.upperBound
        while i < seg.upperBound {
            // The visitor's own words: a date (« en mai 2019 »), a place (« au Vietnam »), at most a few tokens.
            var j = i
            var n = 0
            while j < seg.upperBound, n < 6, s.tokens[j].text != ",", !L.andAlso.contains(s.word(j)) { j += 1; n += 1 }
            guard j < seg.upperBound else { break }
            if s.tokens[j].text == "," { j += 1 }
            // « Lors de la visite du président X, le ministre Y a déclaré »: a comma alone ends the list.
            var joined = false
            if L.and.contains(s.word(j)) { j += 1; joined = true } else if L.also.contains(s.word(j)), L.that.contains(s.word(j + 1)) { j += 2; joined = true }
            if L.of.contains(s.word(j)) { j += 1; joined = true }
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

    /// « la récente visite de ce dernier », « celle de celui-ci »: the token after the anaphor.
    func anaphoricGenitive(_ s: AnalysedSentence, after at: Int, in seg: Range<Int>) -> Int? {
        let t = s.tokens
        // A trigger that ends its segment has no genitive after it (and an empty range, not an inverted one).
        for k in (at + 1)..<max(at + 1, min(seg.upperBound - 1, at + 6)) where L.elidedOf.contains(t[k]) {
            let a = t[k + 1].folded, b = s.folded(k + 2)
            if L.anaphor.contains(a) { return k + 1 }
            if L.this.contains(a), L.latter.contains(b) || L.here.contains(b) { return k + 1 }
        }
        return nil
    }

    /// A diplomat posted where the text is: an ambassador or consul lives there; a special envoy
    /// (« l'envoyé spécial du président, X ») travels.
    func isResident(_ m: PersonMention) -> Bool {
        m.category == "diplomat" && !(m.roles.first.map { L.travellingDiplomat.contains(String(Folding.fold($0).prefix { $0 != " " })) } ?? false)
    }

    /// « Il s'agit de la première visite … », « C'est sa deuxième visite … »: a sentence opened by a pronoun and
    /// a copula before its trip noun is about a trip already told.
    func namesTheTripBefore(_ s: AnalysedSentence, before at: Int) -> Bool {
        L.toldPronoun.contains(s.word(0)) && (1..<min(at, 3)).contains { L.toldCopula.contains(s.word($0)) }
    }

    /// « Celui-ci a … », « Ce dernier s'est rendu … », « Cette dernière avait … »
    func opensWithAnaphor(_ s: AnalysedSentence) -> Bool {
        L.anaphor.contains(s.word(0)) || (L.this.contains(s.word(0)) && L.latter.contains(s.word(1)))
    }

    /// « le recteur …, X, qui avait conduit … »: the person the relative clause is about.
    func relativeAntecedent(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        let t = s.tokens
        guard let q = (max(0, at - 3)..<at).last(where: { L.relative.contains(t[$0]) }) else { return nil }
        return antecedent(s, mentions, ofRelativeAt: q)
    }

    /// The person named right before the relative pronoun at `q` (a comma may sit between).
    func antecedent(_ s: AnalysedSentence, _ mentions: [PersonMention], ofRelativeAt q: Int) -> Int? {
        let end = q > 0 && s.tokens[q - 1].text == "," ? q - 1 : q
        return mentions.last { $0.span.upperBound == end || $0.name?.upperBound == end }?.person
    }

    /// « reçu par le président X, qui a rappelé ses visites au Vietnam », « X, qui avait effectué une visite
    /// au Chili »: the antecedent of a relative clause whose verb makes the trip or whose possessive owns it.
    func relativeTraveller(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        let t = s.tokens
        guard let q = (max(0, at - 6)..<at).last(where: { L.relative.contains(t[$0]) }),
              !(q + 1..<at).contains(where: { t[$0].text == "," }),
              L.possessive.contains(s.word(at - 1)) || (q + 1..<at).contains(where: { L.tripVerb.contains(t[$0]) }) else { return nil }
        return antecedent(s, mentions, ofRelativeAt: q)
    }

    /// « une délégation du ministère bolivien … »: a visitor without a name.
    func delegation(_ s: AnalysedSentence, _ seg: Range<Int>, places: Bool = false) -> String? {
        guard let d = seg.first(where: { L.delegation.contains(s.tokens[$0]) }) else { return nil }
        if let c = s.countries.first(where: { $0.tokens.lowerBound > d && $0.tokens.lowerBound <= d + 8 && !isLocative(s, $0) }) { return c.iso2 }
        // « la délégation de la province de Quang Tri »: a place of the country it comes from.
        guard places, d + 1 < s.tokens.count, L.of.contains(s.word(d + 1)) else { return nil }
        return placeCountry(s, in: d + 2..<min(s.tokens.count, d + 6))
    }

    /// The country of the first place named in `r` (« de la province de Quang Tri »).
    func placeCountry(_ s: AnalysedSentence, in r: Range<Int>) -> String? {
        r.lazy.compactMap { self.persons.place(s, at: $0) }.first?.payload.place.iso2
    }

    /// The person the sentence is about: the first one named before the verb, not after a preposition.
    func subject(_ s: AnalysedSentence, _ mentions: [PersonMention]) -> Int? {
        let t = s.tokens
        // « Arrivé à Pékin, le président X a … »: a participle (written « -é ») folds like the present « arrive ».
        let verb = t.indices.first { i in
            FrenchWords.isAuxiliary(t[i]) || (L.presentVerb.contains(t[i]) && !t[i].text.hasSuffix("é"))
        } ?? t.count
        for m in mentions where m.span.lowerBound < verb {
            let prev = m.span.lowerBound > 0 ? t[m.span.lowerBound - 1].folded : ""
            if L.notSubject.contains(prev) { continue }
            // « Le recteur de l'université et président de l'académie, le professeur X, a été reçu »:
            // a title alone before the name is the same subject, not another one.
            guard let p = m.person else { continue }
            return p
        }
        return nil
    }


    func isLocative(_ s: AnalysedSentence, _ c: CountryMention) -> Bool {
        guard c.form != .demonym else { return false }
        let i = c.tokens.lowerBound
        let prev = s.folded(i - 1)
        if L.locative.contains(prev) { return true }
        if i > 0, FrenchWords.isPrepositionA(s.tokens[i - 1]) { return true }
        // « dans la capitale Lima »; « une délégation de la capitale Vientiane » says where it comes from.
        if c.form == .capital, L.capitalNoun.contains(prev), L.capitalArticle.contains(s.word(i - 2)), !L.elidedOf.contains(s.word(i - 3)) { return true }
        // « l'aéroport international de Lima »; but « une délégation de Lima » says where it comes from.
        if c.form == .capital, L.elidedOf.contains(prev) {
            return !L.originNoun.contains(s.word(i - 2))
                && !(L.delegation.contains(s.word(i - 3)) && L.originLevel.contains(s.word(i - 2)))
                // « une délégation de la région de Lima »: the region it comes from.
                && !(i >= 2 && PersonExtractor.placeNouns.contains(s.tokens[i - 2]) && (max(0, i - 6)..<(i - 2)).contains { L.delegation.contains(s.word($0)) })
        }
        return false
    }

    func kind(_ s: AnalysedSentence, _ seg: Range<Int>) -> VisitKind? {
        let t = s.tokens
        let first = seg.lowerBound
        guard L.kindHead.contains(t[first]) else { return nil }
        var k = first + 1
        while k < min(seg.upperBound, first + 5) {
            let fk = t[k]
            if L.state.contains(fk) { return .state }
            if L.elidedOf.contains(fk), L.stateNoun.contains(s.word(k + 1)) { return .state }
            if L.official.contains(fk) { return .official }
            if L.elidedOf.contains(fk), L.workingNoun.contains(s.word(k + 1)) { return .working }
            k += 1
        }
        return nil
    }

    /// The segment's own dates; otherwise those before the first trigger (« L'an dernier, lors de … »).
    func dates(_ s: AnalysedSentence, _ seg: Range<Int>, before first: Int, excluding: [Range<Int>]) -> [DateMention] {
        func usable(_ d: DateMention) -> Bool {
            d.start != nil && !excluding.contains { $0.contains(d.tokens.lowerBound) }
        }
        // The visit's own words end where another statement starts (« afin de renforcer les relations
        // établies en 2019 »); « d'ici 2030 », « à l'horizon 2030 », « depuis 2019 » are not when a trip took place.
        let t = s.tokens
        let stop = (seg.lowerBound + 1..<seg.upperBound).first {
            L.clauseBreak.contains(t[$0]) || L.recalling.contains(t[$0]) || (L.that.contains(t[$0]) && L.reportedSpeech.contains(t[$0 - 1]))
        } ?? seg.upperBound
        func anchored(_ d: DateMention) -> Bool {
            let i = d.tokens.lowerBound
            let p1 = s.folded(i - 1), p2 = s.folded(i - 2)
            // « depuis l'établissement des relations en 1992 »: the date of what the time is counted from.
            if let since = (max(0, i - 10)..<max(0, i - 2)).last(where: { L.since.contains(t[$0]) }),
               (since + 1..<i).allSatisfy({ !t[$0].isPunctuation }),
               (since + 1..<i).contains(where: { !t[$0].isCapitalized && !FrenchWords.isFunctionWord(t[$0]) && !t[$0].isNumber }) { return false }
            // Elisions are tokens of their own: « d' ici », « jusqu' en ».
            return !(L.notWhen.contains(p1)
                     || (L.hereWord.contains(p1) && L.elidedDe.contains(p2)) || (L.untilPrep.contains(p1) && L.until.contains(p2)) || L.horizon.contains(p2)
                     || (L.at.contains(p1) && L.hereWord.contains(p2) && L.elidedDe.contains(s.word(i - 3))))
        }
        var own = s.dates.filter { $0.tokens.lowerBound >= seg.lowerBound && $0.tokens.lowerBound < stop && usable($0) && anchored($0) }
        // « a effectué du 20 au 22 juin une visite en Hongrie, … en Slovaquie du 23 au 25 juin »: a period between
        // the verb and the trip's noun is the trip's too (a weekday there is the story's day: « a entamé lundi »).
        if !own.isEmpty, let d = s.dates.last(where: { d in
            d.kind == .period && d.tokens.upperBound <= seg.lowerBound && seg.lowerBound - d.tokens.upperBound <= 1 && usable(d) && anchored(d)
                && (d.tokens.upperBound..<seg.lowerBound).allSatisfy { FrenchWords.determiners.contains(t[$0]) }
        }) { own.insert(d, at: 0) }
        if own.isEmpty { own = s.dates.filter { $0.tokens.upperBound <= first && usable($0) && anchored($0) } }
        var points = own.filter { $0.kind != .period || $0.start?.precision == .day }
        // « du 2 au 6 mars, … jeudi 4 mars »: a day inside the stated period is not another trip, nor the eve of
        // it (« est parti le 1er mars pour le sommet du 2 au 6 mars »).
        let periods = points.filter { $0.kind == .period }
        points.removeAll { d in d.kind != .period && periods.contains { Self.within(d.start, $0.start, $0.end) || Self.isEve(d.start, of: $0.start) } }
        // « a entamé le 2 mai une visite au Chili jusqu'au 5 mai »: the day the trip lasts until ends it.
        if points.count == 1, let d = points.first, d.kind == .point, let from = d.start, from.precision == .day,
           let u = s.dates.first(where: { u in
               u.tokens.lowerBound > d.tokens.upperBound && u.tokens.lowerBound < seg.upperBound
                   && L.untilPrep.contains(s.folded(u.tokens.lowerBound - 1)) && L.until.contains(s.folded(u.tokens.lowerBound - 2))
                   && u.start.map { $0.precision == .day && from < $0 } ?? false
           }) {
            return [DateMention(tokens: d.tokens.lowerBound..<u.tokens.upperBound, start: from, end: u.start, kind: .period)]
        }
        return points.isEmpty ? Array(own.prefix(1)) : points
    }


    enum Appositive { case people([PersonMention]), delegation(String) }

    /// « X, en visite d'amitié au Chili », « X, qui poursuit sa tournée », « X et son épouse Y,
    /// en visite d'État »: the visitors are named just before the apposition.
    func apposition(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Appositive? {
        let t = s.tokens
        var anchor: Int?
        if at >= 2, L.in.contains(s.word(at - 1)), t[at - 2].text == "," { anchor = at - 2 }
        else if at >= 3, L.determinerTrip.contains(s.word(at - 1)),
                L.ongoing.contains(s.word(at - 2)), L.relative.contains(s.word(at - 3)) {
            anchor = at - 3 > 0 && t[at - 4].text == "," ? at - 4 : at - 3
        }
        guard let a = anchor else { return nil }
        // « le président X et son épouse Y, en visite … », the spouse not caught as a name: X travels.
        let spouse = mentions.lastIndex { m in
            m.span.upperBound < a && a - m.span.upperBound <= 6 && L.and.contains(s.word(m.span.upperBound))
                && (m.span.upperBound..<a).contains { L.spouse.contains(s.word($0)) }
        }
        // « X, président du Sénat, qui effectue une visite »: a title in apposition between the name and the trip.
        let titled = mentions.lastIndex { m in
            m.span.upperBound < a && a - m.span.upperBound <= 12 && t[m.span.upperBound].text == ","
                && persons.titlePhrase(s, at: m.span.upperBound + 1)?.span.upperBound == a
        }
        if let k = mentions.lastIndex(where: { $0.span.upperBound == a && ($0.person != nil || $0.country != nil) }) ?? spouse ?? titled
            ?? mentions.lastIndex(where: { $0.span.upperBound == a }) {
            // « du président X et de son épouse Y, en visite … »: every person of the coordination.
            var list = [mentions[k]]
            var j = k
            while j > 0 {
                let prev = mentions[j - 1]
                // Overlapping mentions (a title read twice) are no coordination, and no range.
                guard prev.span.upperBound <= mentions[j].span.lowerBound else { break }
                let gap = prev.span.upperBound..<mentions[j].span.lowerBound
                guard gap.count <= 3, gap.allSatisfy({ L.coordinationGap.contains(s.word($0)) }), gap.contains(where: { L.and.contains(s.word($0)) }) else { break }
                list.insert(prev, at: 0); j -= 1
            }
            return .people(list)
        }
        // « une délégation de la région de …, en visite … »
        if let d = (max(0, a - 12)..<a).last(where: { L.delegation.contains(t[$0]) }) {
            if let c = s.countries.first(where: { $0.tokens.lowerBound > d && $0.tokens.lowerBound < a && !isLocative(s, $0) }) { return .delegation(c.iso2) }
            if let c = placeCountry(s, in: d + 1..<a) { return .delegation(c) }
        }
        return nil
    }


    /// « La ministre bolivienne X a entamé mardi une tournée », « X effectue depuis jeudi une
    /// visite »: the person named right before the verb that makes the trip (auxiliary, adverbs and a date
    /// may sit between them).
    /// « X est arrivé », « X s'est rendu »: the person whose name ends at the verb's auxiliary.
    /// « Le président du Chili est arrivé »: a title naming no one but its country travels too.
    /// Two capitalised words outside any mention, country or place right before the verb (its auxiliaries
    /// aside): a name kb did not read as a person (« lorsque Anna Nowak s'était rendue à Hanoï »).
    func unknownNameSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Bool {
        var k = at
        while k > 0, at - k < 3, FrenchWords.isAuxiliary(s.tokens[k - 1]) || L.reflexive.contains(s.word(k - 1)) { k -= 1 }
        guard k >= 2, k < at else { return false }
        return (k - 2..<k).allSatisfy { i in
            s.tokens[i].isCapitalized && !s.tokens[i].isPunctuation && !FrenchWords.isFunctionWord(s.tokens[i])
                && !mentions.contains { $0.span.contains(i) } && s.countries(at: i).isEmpty && persons.place(s, at: i) == nil
        }
    }

    func adjacentSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> PersonMention? {
        var k = at
        while k > 0, at - k < 3, FrenchWords.isAuxiliary(s.tokens[k - 1]) || L.reflexive.contains(s.word(k - 1)) { k -= 1 }
        guard k < at else { return nil }
        return mentions.last { $0.span.upperBound == k && ($0.person != nil || $0.country != nil) }
    }

    func verbSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int) -> Int? {
        var k = at - 1
        var sawVerb = false
        while k >= 0, at - k < 14 {
            let fk = s.word(k)
            if FrenchWords.determiners.contains(fk) || L.filler.contains(fk) { k -= 1; continue }
            if let d = s.dates.first(where: { $0.tokens.contains(k) }) { k = d.tokens.lowerBound - 1; continue }
            if L.tripVerb.contains(fk) { sawVerb = true; k -= 1; continue }
            if sawVerb, FrenchWords.isAuxiliary(s.tokens[k]) { k -= 1; continue }
            break
        }
        guard sawVerb, k >= 0 else { return nil }
        let end = s.tokens[k].text == "," ? k : k + 1
        return mentions.last { ($0.span.upperBound == end || $0.name?.upperBound == end) && $0.person != nil }?.person
    }


    /// The people of a meeting foreign to the place it is held in, when they are of one country:
    /// first those met (after the verb), else, when `subjects`, those meeting (« Le ministre bolivien X a
    /// rencontré à Hanoi son homologue Y »). Only a meeting with an explicit place counts; ambassadors
    /// live where they meet.
    func foreigners(_ s: AnalysedSentence, _ mentions: [PersonMention], _ analysis: PersonAnalysis, trig: Int, seg: Range<Int>, subjects: Bool) -> [PersonMention] {
        var places = s.countries.filter { seg.contains($0.tokens.lowerBound) && isLocative(s, $0) }.map(\.iso2)
            + self.places(s, in: seg).map(\.1.iso2)
        // « En marge du sommet à Lima, X a rencontré Y »: a capital named before the meeting is where it is.
        if places.isEmpty { places = s.countries.filter { $0.tokens.upperBound <= trig && $0.form == .capital && isLocative(s, $0) }.map(\.iso2) }
        guard let host = places.first, places.allSatisfy({ $0 == host }) else { return [] }
        func foreign(_ m: PersonMention) -> Bool {
            guard let p = m.person, !isResident(m), let c = analysis.people[p].country else { return false }
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
    func localPlace(_ s: AnalysedSentence, _ iso2: String, in range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if let m = persons.place(s, at: i) {
                // A capital (the dateline itself, « Lima (VNA) – … ») is not a local place.
                let capital = s.countries(at: i).contains { $0.form == .capital }
                if m.payload.place.iso2 == iso2, m.payload.place.kind != "institution", !capital { return true }
                i = m.tokens.upperBound
            } else { i += 1 }
        }
        return false
    }

    /// « Le gouverneur de la région de Cuzco a reçu … »: the receiver's own city, where none is stated.
    func receiverPlace(_ s: AnalysedSentence, _ iso2: String, before at: Int, from lo: Int) -> String? {
        var i = lo
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

    /// The article's dateline, « Lima (VNA) – … » or « Quito, 3 mai (VNA) - … », when it is a capital
    /// (the parser sets it apart from the body).
    func dateline(_ doc: AnalysedDocument) -> (iso2: String, city: String)? {
        doc.dateline.map { ($0.iso2, $0.city) }
    }

    /// « a quitté Hanoi », « a visité le Laos »: the country or capital right after the verb.
    func isObject(_ s: AnalysedSentence, _ c: CountryMention, after at: Int) -> Bool {
        guard c.form != .demonym else { return false }
        let i = c.tokens.lowerBound
        return i == at + 1 || (i == at + 2 && L.objectArticle.contains(s.word(at + 1)))
    }

    /// The subject of the clause holding the trigger: « … a souligné que la ministre X avait
    /// effectué une visite … », « X avait choisi le Pérou pour son premier voyage ».
    func clauseSubject(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int, from lo: Int = 0) -> Int? {
        let t = s.tokens
        guard let q = (lo..<at).last(where: { L.that.contains(t[$0]) && !(($0 > 0) && L.soMuch.contains(t[$0 - 1])) }) else { return nil }
        for m in mentions where m.span.lowerBound > q && m.span.upperBound < at {
            let prev = t[m.span.lowerBound - 1].folded
            if L.notSubject.contains(prev) { continue }
            return m.person
        }
        return nil
    }

    /// « une mission … conduite par X, … est arrivée »: the leader travels.
    func leader(_ s: AnalysedSentence, _ mentions: [PersonMention], before at: Int, from lo: Int = 0) -> Int? {
        let t = s.tokens
        guard let k = (max(1, lo)..<max(1, at)).first(where: { L.by.contains(t[$0]) && L.ledBy.contains(t[$0 - 1]) }) else { return nil }
        return mentions.first { $0.span.lowerBound > k && $0.span.lowerBound <= k + 2 }?.person
    }

    /// Places below the country named as where the trip went: « à Cuzco », « dans la province d'Arequipa »,
    /// « dans la région de Puno ». Institutions (« le Congrès du Pérou ») are not destinations.
    /// A place after a locative (« à Da Nang », « dans la province de Lao Cai »), or the object of the verb at
    /// `objectOf` (« a quitté Da Nang le 5 mai, concluant sa visite », « quittant la province de Lao Cai »).
    func places(_ s: AnalysedSentence, in seg: Range<Int>, objectOf verb: Int? = nil) -> [(Range<Int>, Reference.Place)] {
        let t = s.tokens
        var out: [(Range<Int>, Reference.Place)] = []
        var i = seg.lowerBound
        while i < seg.upperBound {
            guard let m = persons.place(s, at: i), m.payload.place.kind != "institution" else { i += 1; continue }
            var b = i - 1
            if b >= 0, L.ofPlace.contains(t[b]), b >= 1, PersonExtractor.placeNouns.contains(t[b - 1]) { b -= 2 }
            if b >= 0, L.placeArticle.contains(t[b]) { b -= 1 }
            if b >= 0, b == verb || L.placeLocative.contains(t[b]) && (!L.at.contains(t[b]) || FrenchWords.isPrepositionA(t[b])) {
                out.append((m.tokens, m.payload.place))
            }
            i = m.tokens.upperBound
        }
        return out
    }

    /// « a choisi le Pérou pour son premier voyage »
    func chosenHost(_ s: AnalysedSentence, before at: Int) -> String? {
        let t = s.tokens
        guard let c = (max(0, at - 8)..<at).first(where: { L.chose.contains(t[$0]) }),
              (c..<at).contains(where: { L.purpose.contains(t[$0]) }) else { return nil }
        return s.countries.first { $0.tokens.lowerBound > c && $0.tokens.lowerBound < at && $0.form == .name }?.iso2
    }

    // MARK: - Long sentences

    /// Sentences longer than this many tokens are read by windows; a trigger looks this far back.
    static let windowed = 400
    static let lookBack = 120

    /// A sentence's mentions, countries, organisations and dates sorted by position, so that the part
    /// around a trigger is found by binary search rather than by a scan of the whole sentence.
    struct Window {
        let whole: AnalysedSentence
        let mentions: [PersonMention]
        let isOn: Bool

        init(_ s: AnalysedSentence, _ mentions: [PersonMention], limit: Int) {
            isOn = s.tokens.count > limit
            if isOn {
                whole = AnalysedSentence(index: s.index, sentence: s.sentence, tokens: s.tokens,
                                         countries: s.countries.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound },
                                         organisations: s.organisations.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound },
                                         dates: s.dates.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound })
                self.mentions = mentions.sorted { $0.span.lowerBound < $1.span.lowerBound }
            } else {
                whole = s; self.mentions = mentions
            }
        }

        /// The sentence and mentions seen from `range` (everything when the sentence is short).
        func view(_ range: Range<Int>) -> (AnalysedSentence, [PersonMention]) {
            guard isOn else { return (whole, mentions) }
            func slice<T>(_ a: [T], _ key: (T) -> Int) -> [T] {
                func first(_ bound: Int) -> Int {
                    var lo = 0, hi = a.count
                    while lo < hi { let mid = (lo + hi) / 2; if key(a[mid]) < bound { lo = mid + 1 } else { hi = mid } }
                    return lo
                }
                return Array(a[first(range.lowerBound)..<max(first(range.lowerBound), first(range.upperBound))])
            }
            let s = AnalysedSentence(index: whole.index, sentence: whole.sentence, tokens: whole.tokens,
                                     countries: slice(whole.countries) { $0.tokens.lowerBound },
                                     organisations: slice(whole.organisations) { $0.tokens.lowerBound },
                                     dates: slice(whole.dates) { $0.tokens.lowerBound })
            return (s, slice(mentions) { $0.span.lowerBound })
        }
    }

    /// No word of a recalled trip (`visit.recalled`: « avait », « dernière », « précédente ») and no
    /// year: the sentence tells what is happening now.
    static func isToldAsNews(_ sentence: String) -> Bool {
        for t in Tokenizer.tokens(sentence) {
            if L.recalled.contains(t) { return false }
            if t.isNumber, t.text.utf8.count == 4, let y = Int(t.text), (1900...2100).contains(y) { return false }
        }
        return true
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
        /// trip, then the dateline (« Lima (VNA) – … ») when it is in the host country.
        ///
        /// A trip the article tells as its news without a date of its own (« Le président X a entamé une
        /// visite officielle au Chili ») took place when the article was written: it gets the article's
        /// month (the article may be written days into the trip). A trip told as a memory — pluperfect, « dernière »,
        /// a year named — keeps no date rather than a wrong one.
        /// When the article also dates a trip of the same travellers to the same country in its own days
        /// (same year and month), the undated mention is that trip told again and takes its dates.
        func finished(dateline: (iso2: String, city: String)?, articleDate: PartialDate?) -> [VisitFact] {
            visits.enumerated().map { k, v in
                var v = v
                if v.start == nil, let d = articleDate, VisitExtractor.isToldAsNews(v.evidence.sentence) {
                    let month = String(d.description.prefix(7))
                    let sameTrip = (index[Key(host: v.hostCountry, country: v.visitorCountry)] ?? [])
                        .compactMap { $0 == k ? nil : visits[$0] }
                        .filter { $0.start.map { d.precision == .year || $0.description.hasPrefix(month) } ?? false }
                        .min { $0.start! < $1.start! }
                    // The article's month, not its day: a trip told on its third day began before it.
                    v.start = sameTrip?.start ?? PartialDate(year: d.year, month: d.month)
                    if let trip = sameTrip { v.end = trip.end }
                }
                guard v.city == nil else { return v }
                if let c = fallbackCities[k] { v.city = c }
                else if let d = dateline, d.iso2 == v.hostCountry, !local.contains(k), Self.isRecent(v.start, articleDate) { v.city = d.city }
                return v
            }
        }
        struct Key: Hashable { let host: String; let country: String? }

        /// Whether a trip may be the one the dateline's city reports: undated, or in the article's month or
        /// the one before. « X avait visité le Vietnam en 2019 » in a story filed in Hanoi was not in Hanoi.
        static func isRecent(_ start: PartialDate?, _ articleDate: PartialDate?) -> Bool {
            guard let start, let a = articleDate else { return true }
            return start.isInMonthOrOneBefore(a)
        }

        /// Same visitor, same host and compatible dates: one visit, keeping the most precise details.
        mutating func add(_ v: VisitFact, fallbackCity: String? = nil, local: Bool = false) {
            let key = Key(host: v.hostCountry, country: v.visitorCountry)
            if let k = index[key]?.first(where: { VisitExtractor.same(visits[$0], v) }) {
                if let c = fallbackCity, fallbackCities[k] == nil { fallbackCities[k] = c }
                if local { self.local.insert(k) }
                var m = visits[k]
                if let s = v.start, m.start == nil || s.description.count > m.start!.description.count { m.start = s; m.end = v.end ?? m.end }
                // « a rendu une visite de courtoisie le 17 mai à X, dans le cadre de sa visite officielle du 15 au
                // 19 mai »: a period holding the day told first is the trip's.
                else if m.end == nil, let s = v.start, let e = v.end, let day = m.start, day.precision == .day, s <= day, day <= e {
                    m.start = s; m.end = e
                }
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
                // The reception before the delegation's first move told: the trip had begun by then.
                else if m.visitor == nil, m.end == nil, let d = v.start, let s = m.start, d < s { m.start = d }
                // A departure's day ends a trip whose start alone was told.
                else if m.end == nil, let e = v.end, let s = m.start, s <= e, s.precision == .day { m.end = e }
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
        if FactMerging.datesCompatible(s, d) { return true }
        if let e = trip.end { return within(d, s, e) }
        guard d.precision == .day, s.precision == .day, let week = s.adding(days: 7) else { return false }
        if s <= d && d <= week { return true }
        // « X a reçu le 14 mai le gouverneur Y … Le 15 mai, la délégation s'est rendue à … »: the move of a delegation
        // no one names tells a trip begun before it; a reception in the week before is on that trip.
        guard trip.visitor == nil, trip.end == nil, let weekBefore = s.adding(days: -7) else { return false }
        return weekBefore <= d && d < s
    }

    static func isEve(_ d: PartialDate?, of s: PartialDate?) -> Bool {
        guard let d, let s, let a = d.day, let b = s.day else { return false }
        return d.year == s.year && d.month == s.month && a + 1 == b
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
        return FactMerging.datesCompatible(s, t) || within(t, s, a.end) || within(s, t, b.end)
    }
}

/// The visit grammar's word classes (seeds/grammar/visits.lexicon), looked up once.
private enum L {
    static let recalled = Lexicon.embedded.words("visit.recalled")
    static let adjective = Lexicon.embedded.words("visit.adjective")
    static let also = Lexicon.embedded.words("visit.also")
    static let anaphor = Lexicon.embedded.words("visit.anaphor")
    static let and = Lexicon.embedded.words("visit.and")
    static let andAlso = Lexicon.embedded.words("visit.and-also")
    static let at = Lexicon.embedded.words("visit.at")
    static let by = Lexicon.embedded.words("visit.by")
    static let auxPassive = Lexicon.embedded.words("visit.aux-passive")
    static let beginning = Lexicon.embedded.words("visit.beginning")
    static let arrivalFor = Lexicon.embedded.words("visit.arrival-for")
    static let leftFor = Lexicon.embedded.words("visit.left-for")
    static let reflexive = Lexicon.embedded.words("visit.reflexive")
    static let inside = Lexicon.embedded.words("visit.inside")
    static let thisCountryArticle = Lexicon.embedded.words("visit.this-country-article")
    static let country = Lexicon.embedded.words("visit.country")
    static let after = Lexicon.embedded.words("visit.after")
    static let spouse = Lexicon.embedded.words("visit.spouse")
    static let cityState = Lexicon.embedded.words("visit.city-state")
    static let capitalArticle = Lexicon.embedded.words("visit.capital-article")
    static let capitalNoun = Lexicon.embedded.words("visit.capital-noun")
    static let chose = Lexicon.embedded.words("visit.chose")
    static let clauseBreak = Lexicon.embedded.words("visit.clause-break")
    static let reportedSpeech = Lexicon.embedded.words("visit.reported-speech")
    static let recalling = Lexicon.embedded.words("visit.recalling")
    static let coordinationGap = Lexicon.embedded.words("visit.coordination-gap")
    static let date = Lexicon.embedded.words("visit.date")
    static let dateLead = Lexicon.embedded.words("visit.date-lead")
    static let declared = Lexicon.embedded.words("visit.declared")
    static let delegation = Lexicon.embedded.words("visit.delegation")
    static let determinerTrip = Lexicon.embedded.words("visit.determiner-trip")
    static let elidedArticle = Lexicon.embedded.words("visit.elided-article")
    static let elidedDe = Lexicon.embedded.words("visit.elided-de")
    static let elidedOf = Lexicon.embedded.words("visit.elided-of")
    static let durationCount = Lexicon.embedded.words("visit.duration-count")
    static let durationUnit = Lexicon.embedded.words("visit.duration-unit")
    static let filler = Lexicon.embedded.words("visit.filler")
    static let future = Lexicon.embedded.words("visit.future")
    static let tripPronoun = Lexicon.embedded.words("visit.trip-pronoun")
    static let ended = Lexicon.embedded.words("visit.ended")
    static let futureEndings = Array(Lexicon.embedded.words("visit.future-ending"))
    static let notFuture = Lexicon.embedded.words("visit.not-future")
    static let here = Lexicon.embedded.words("visit.here")
    static let hereWord = Lexicon.embedded.words("visit.here-word")
    static let horizon = Lexicon.embedded.words("visit.horizon")
    static let `in` = Lexicon.embedded.words("visit.in")
    static let invitationLead = Lexicon.embedded.words("visit.invitation-lead")
    static let invitationPrep = Lexicon.embedded.words("visit.invitation-prep")
    static let kindHead = Lexicon.embedded.words("visit.kind-head")
    static let kindNoun = Lexicon.embedded.words("visit.kind-noun")
    static let latter = Lexicon.embedded.words("visit.latter")
    static let ledBy = Lexicon.embedded.words("visit.led-by")
    static let locative = Lexicon.embedded.words("visit.locative")
    static let notSubject = Lexicon.embedded.words("visit.not-subject")
    static let notWhen = Lexicon.embedded.words("visit.not-when")
    static let since = Lexicon.embedded.words("visit.since")
    static let objectArticle = Lexicon.embedded.words("visit.object-article")
    static let of = Lexicon.embedded.words("visit.of")
    static let among = Lexicon.embedded.words("visit.among")
    static let respectively = Lexicon.embedded.words("visit.respectively")
    static let ofPlace = Lexicon.embedded.words("visit.of-place")
    static let official = Lexicon.embedded.words("visit.official")
    static let ongoing = Lexicon.embedded.words("visit.ongoing")
    static let originLevel = Lexicon.embedded.words("visit.origin-level")
    static let originNoun = Lexicon.embedded.words("visit.origin-noun")
    static let placeArticle = Lexicon.embedded.words("visit.place-article")
    static let placeLocative = Lexicon.embedded.words("visit.place-locative")
    static let possessive = Lexicon.embedded.words("visit.possessive")
    static let travellingDiplomat = Lexicon.embedded.words("visit.travelling-diplomat")
    static let toldPronoun = Lexicon.embedded.words("visit.told-pronoun")
    static let toldCopula = Lexicon.embedded.words("visit.told-copula")
    static let presentVerb = Lexicon.embedded.words("visit.present-verb")
    static let purpose = Lexicon.embedded.words("visit.purpose")
    static let relative = Lexicon.embedded.words("visit.relative")
    static let soMuch = Lexicon.embedded.words("visit.so-much")
    static let state = Lexicon.embedded.words("visit.state")
    static let stateNoun = Lexicon.embedded.words("visit.state-noun")
    static let that = Lexicon.embedded.words("visit.that")
    static let this = Lexicon.embedded.words("visit.this")
    static let to = Lexicon.embedded.words("visit.to")
    static let tripVerb = Lexicon.embedded.words("visit.trip-verb")
    static let until = Lexicon.embedded.words("visit.until")
    static let untilPrep = Lexicon.embedded.words("visit.until-prep")
    static let vagueDate = Lexicon.embedded.words("visit.vague-date")
    static let workingNoun = Lexicon.embedded.words("visit.working-noun")
}
