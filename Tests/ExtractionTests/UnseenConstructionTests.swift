import Testing
@testable import Extraction

/// Constructions met on unseen articles, each with sentences written for the test.
@Suite struct UnseenConstructionTests {
    func facts(_ body: String, date: String = "2025-06-20") -> ArticleFacts { FactExtractor().extract(from: document(body, date: date)) }

    @Test func aDepartureDayEndsTheTripAndLeavesItsStartToTheMonth() {
        let v = facts("La présidente péruvienne Ana Quispe a quitté Hanoï le 14 juin, concluant sa visite d'État au Vietnam.").visits
        #expect(v.count == 1 && v[0].start?.description == "2025-06" && v[0].end?.description == "2025-06-14", "\(v)")
    }

    @Test func untilADayEndsATripBegunOnAnother() {
        let v = facts("Le ministre chilien Carlos Medina a entamé le 2 juin une visite officielle au Vietnam jusqu'au 4 juin.").visits
        #expect(v.count == 1 && v[0].start?.description == "2025-06-02" && v[0].end?.description == "2025-06-04", "\(v)")
    }

    @Test func anArrivalAtAnUnknownAirportIsInTheCountryOfTheTripItBegins() {
        let v = facts("Le ministre chilien Carlos Medina est arrivé le 2 juin à l'aéroport international de Tan Phu, "
                      + "entamant une visite officielle au Vietnam.").visits
        #expect(v.count == 1 && v[0].hostCountry == "VN" && v[0].start?.description == "2025-06-02", "\(v)")
    }

    @Test func anyVerbInTheFutureMakesAPlan() {
        let v = facts("Le ministre chilien Carlos Medina coprésidera la session. Il s'agira de sa première visite au Vietnam.").visits
        #expect(v.isEmpty, "\(v)")
        // « caméra », « opéra » end like a future and are nouns.
        let seen = facts("Le ministre chilien Carlos Medina a effectué une visite à l'opéra de Hanoï le 3 juin.").visits
        #expect(seen.count == 1, "\(seen)")
    }

    @Test func aTripPronounGoesWhereItsAntecedentWent() {
        let v = facts("Le président chilien Carlos Medina a effectué une visite au Vietnam en 2023, celle du président Pedro Lagos remontant à 2011.").visits
        #expect(v.contains { $0.visitor == "Pedro Lagos" && $0.hostCountry == "VN" && $0.start?.description == "2011" }, "\(v)")
    }

    @Test func aPredecessorIsOfTheCountryOfTheOfficeHolder() {
        let p = facts("Le président chilien Carlos Medina et son prédécesseur Pedro Lagos ont salué les relations avec le Vietnam.").people
        #expect(p.first { $0.name == "Pedro Lagos" }?.country == "CL", "\(p)")
    }

    @Test func anArabicArticleJoinedByAHyphenIsPartOfTheName() {
        let p = facts("Le président égyptien Ahmed Fathi al-Masri a reçu le ministre Tran Van Son.").people
        #expect(p.contains { $0.name == "Ahmed Fathi al-Masri" }, "\(p)")
    }

    @Test func aSecondDocumentAfterEtDeEndsTheFirstTitle() {
        let a = facts("Les deux ministres chilien et vietnamien ont assisté à la signature d'un protocole d'accord sur la pêche "
                      + "et d'un accord sur la suppression des visas.").agreements
        #expect(a.contains { $0.title == "protocole d'accord sur la pêche" }, "\(a.map(\.title))")
        let counted = facts("Le Chili et le Vietnam ont adopté une déclaration commune et sept accords de coopération.").agreements
        #expect(counted.contains { $0.title == "déclaration commune" }, "\(counted.map(\.title))")
    }

    @Test func talksHeldAbroadAreAMeetingThere() {
        let v = facts("Le vice-ministre vietnamien de la Défense, le général Tran Van Son, a eu des entretiens le 19 juin à Minsk "
                      + "avec le ministre biélorusse de la Défense, Ivan Zaitsau.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Son" && v[0].hostCountry == "BY" && v[0].start?.description == "2025-06-19", "\(v)")
    }

    @Test func asManyYearsAsTravellersAreTheirsInOrder() {
        let v = facts("Le président Tran Van Hoa et le Premier ministre Le Van Thanh ont effectué une visite au Chili en mars 1997 et 2004.").visits
        #expect(v.count == 2 && v.contains { $0.visitor == "Tran Van Hoa" && $0.start?.description == "1997-03" }
                && v.contains { $0.visitor == "Le Van Thanh" && $0.start?.description == "2004" }, "\(v)")
    }

    @Test func aFormerOfficeBeforeTheTitleOfAGroupMember() {
        let v = facts("Des dirigeants chiliens ont effectué une visite au Vietnam, dont l'ancienne présidente, Mme Ana Quispe, en mai 2005.").visits
        #expect(v.count == 1 && v[0].visitor == "Ana Quispe" && v[0].start?.description == "2005-05", "\(v)")
    }

    @Test func anAmountThatRisesToIsNoPupil() {
        let d = facts("L'investissement total du Chili au Vietnam s'élève à 150 millions de dollars.").domains
        #expect(!d.contains { $0.slug == "education_training" }, "\(d)")
    }

    @Test func aCountryInsideAnotherPersonsTitleIsNotWhereTheTextIs() {
        let p = facts("Le ministre Tran Van Son a effectué une visite officielle au Chili. L'ambassadrice de Suède au Chili, Ann Berg, "
                      + "était présente. Le ministre Tran Van Son a également rencontré le ministre de l'Agriculture Pedro Lagos.").people
        #expect(p.first { $0.name == "Pedro Lagos" }?.country == "CL", "\(p)")
    }

    @Test func aTripEndedOnADayBeganThatMonthOrBefore() {
        let v = facts("Le président Tran Van Hoa a achevé le 23 juin sa visite d'État au Chili.").visits
        #expect(v.count == 1 && v[0].start?.description == "2025-06" && v[0].end?.description == "2025-06-23", "\(v)")
    }

    @Test func aCountryThatWelcomesIsTheHostAndTheTripItWelcomesForGivesTheKind() {
        let v = facts("Le Chili a accueilli le 20 juin le ministre vietnamien de la Culture, Tran Van Son, pour une visite de travail.").visits
        #expect(v.count == 1 && v[0].hostCountry == "CL" && v[0].kind == .working && v[0].start?.description == "2025-06-20", "\(v)")
    }

    @Test func attendingAnEventAbroadIsATrip() {
        let v = facts("Le président Tran Van Hoa a participé au sommet de l'APEC à Lima, au Pérou, les 14 et 15 juin.").visits
        #expect(v.count == 1 && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-14", "\(v)")
        // At home, an event is no trip.
        #expect(facts("Le président Tran Van Hoa a participé au forum à Hanoï le 14 juin.").visits.isEmpty)
    }

    @Test func aCityKbDoesNotKnowIsOnTheTripToldBefore() {
        let v = facts("Le ministre vietnamien Tran Van Son a effectué une visite en Italie du 20 au 24 juin. "
                      + "Le ministre Tran Van Son s'est rendu le 21 juin à Vérone.").visits
        #expect(v.count == 1 && v[0].hostCountry == "IT" && v[0].city == "Vérone" && v[0].start?.description == "2025-06-20", "\(v)")
    }

    @Test func aCapitalThatIsAFirstNameNamesNoCity() {
        let f = facts("Le président paraguayen Santiago Peña a reçu la ministre bulgare Sofia Ivanova.")
        #expect(Set(f.countries.map(\.iso2)) == ["PY", "BG"], "\(f.countries)")
        #expect(f.people.map(\.name).sorted() == ["Santiago Peña", "Sofia Ivanova"], "\(f.people)")
        let v = facts("Le ministre Tran Van Son est arrivé le 3 juin à Sofia pour une visite officielle.").visits
        #expect(v.count == 1 && v[0].hostCountry == "BG" && v[0].city == "Sofia", "\(v)")
    }

    @Test func aTradeBalanceIsNoVolume() {
        let t = facts("Le Vietnam a enregistré avec le Chili un excédent commercial de 1,9 milliard de dollars en 2024.").tradeFigures
        #expect(t.count == 1 && t[0].kind == .other, "\(t)")
    }

    @Test func aPartOfAFigureHasItsYear() {
        let t = facts("Le commerce entre le Vietnam et le Chili a atteint 4,5 milliards de dollars en 2024, dont 3,2 milliards d'exportations vietnamiennes.").tradeFigures
        #expect(t.count == 2 && t.allSatisfy { $0.year == 2024 }, "\(t)")
    }

    @Test func aMinistryQuotedAsASourceNamesNoField() {
        let d = facts("Selon le ministère chilien de l'Industrie, le commerce avec le Vietnam a atteint 2 milliards de dollars. "
                      + "Le vice-ministre chilien de l'Énergie, Pedro Lagos, a salué ces résultats.").domains.map(\.slug)
        #expect(d.contains("trade") && !d.contains("industry") && !d.contains("energy"), "\(d)")
    }

    @Test func anArabicOrKhmerHonorificIsNoPartOfTheName() {
        let p = facts("L'émir du Koweït, Cheikh Jaber ben Salem Al Sabah, a reçu le ministre Tran Van Son. "
                      + "Le Premier ministre Samdech Thipadei Sok Vanna a salué les relations avec le Vietnam.").people
        #expect(p.contains { $0.name == "Jaber ben Salem Al Sabah" && $0.country == "KW" }, "\(p)")
        #expect(p.contains { $0.name == "Sok Vanna" && $0.country == "KH" }, "\(p)")
    }

    @Test func aDocumentSignedBetweenTwoSidesNeedsNoSubject() {
        let a = facts("Un mémorandum d'entente a également été conclu entre l'agence chilienne EFE-Chile et l'Agence vietnamienne d'information.").agreements
        #expect(a.count == 1 && a[0].kind == .memorandum, "\(a)")
        // Named alone, with no signing, it is no document.
        #expect(facts("Un mémorandum d'entente est un document utile.").agreements.isEmpty)
    }

    @Test func anOrganisationOfTheSentenceSignsTheDocument() {
        let a = facts("Le Vietnam et l'Union européenne ont signé en 2019 l'accord de libre-échange UE-Vietnam.").agreements
        #expect(a.count == 1 && a[0].parties.contains("EU"), "\(a)")
    }

    @Test func aCityTradingUnnamedIsRegional() {
        let t = facts("Le maire de Da Nang a reçu le ministre chilien Carlos Medina. "
                      + "Les échanges commerciaux entre la ville et le Chili ont atteint 35 millions de dollars en 2024.").tradeFigures
        #expect(t.count == 1 && t[0].scope == .regional, "\(t)")
    }

    @Test func aDollarOfAnotherCountryIsItsCurrency() {
        let t = facts("Les échanges commerciaux entre le Vietnam et la Nouvelle-Zélande ont atteint 1,8 milliard de dollars néo-zélandais en 2024.").tradeFigures
        #expect(t.first?.currency == "NZD", "\(t)")
    }

    @Test func aCapitalisedTitleAfterAFusedArticleNamesAPerson() {
        let f = facts("Le ministre Tran Van Son a rappelé la visite au Vietnam du Président Kofi Mensah en 2018.")
        #expect(f.people.contains { $0.name == "Kofi Mensah" && $0.roles.map(\.title) == ["Président"] }, "\(f.people)")
        #expect(f.visits.contains { $0.visitor == "Kofi Mensah" && $0.hostCountry == "VN" && $0.start?.description == "2018" }, "\(f.visits)")
        let invited = facts("Il est venu à l'invitation du Président ghanéen Kofi Mensah.").people
        #expect(invited.contains { $0.name == "Kofi Mensah" && $0.country == "GH" }, "\(invited)")
    }

    @Test func aTitleInAppositionToANameIsThatPersonsWhoeverElseHoldsSuchAnOffice() {
        // The leader's apposition « président du comité » must not point at the other « président » of the text.
        let v = facts("Une délégation de la province de Ha Tinh conduite par Tran Van Son, président du Comité populaire provincial, "
                      + "a effectué du 2 au 5 juin une visite de travail en Hongrie. Il a évoqué le rôle du président Nguyen Van An.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Son" && v[0].hostCountry == "HU", "\(v)")
    }

    @Test func aSecondOfficeInAppositionAfterATitledNameIsTheirsToo() {
        let f = facts("Une délégation du ministère vietnamien de la Défense, conduite par le général Tran Van Son, vice-ministre de la Défense, "
                      + "a effectué une visite de travail en Pologne du 3 au 6 juin. Le général Tran Van Son a rencontré le vice-ministre "
                      + "polonais de la Défense, Jan Kowal.")
        #expect(f.people.first { $0.name == "Tran Van Son" }?.roles.map(\.title).contains("vice-ministre de la Défense") == true, "\(f.people)")
        #expect(f.visits.contains { $0.visitor == "Tran Van Son" && $0.hostCountry == "PL" && $0.start?.description == "2025-06-03" }, "\(f.visits)")
    }

    @Test func anAmbassadorReceivedWhereHeIsPostedMakesNoVisit() {
        let v = facts("L'ambassadeur du Vietnam au Ghana, Tran Van Son, a été reçu le 8 juin par le ministre ghanéen de l'Agriculture, Kofi Mensah.").visits
        #expect(v.isEmpty, "\(v)")
    }

    @Test func aClauseJoinedAfterARecalledTripDoesNotMakeItAPlan() {
        let v = facts("Le Président Tran Van Son a reçu l'ambassadeur du Ghana. Le Président a rappelé sa visite au Ghana en 2023, "
                      + "et a souhaité que le Président ghanéen vienne au Vietnam.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Son" && v[0].hostCountry == "GH" && v[0].start?.description == "2023", "\(v)")
    }

    @Test func aSentenceNamingThePlannedTripAgainIsAPlanToo() {
        let planned = facts("Le Premier ministre ghanéen Kofi Mensah effectuera une visite officielle au Vietnam les 25 et 26 juillet. "
                            + "Il s'agit de la deuxième visite du dirigeant ghanéen au Vietnam.").visits
        #expect(planned.isEmpty, "\(planned)")
        let made = facts("Le Premier ministre ghanéen Kofi Mensah a effectué une visite officielle au Vietnam les 2 et 3 juin. "
                         + "Il s'agit de la deuxième visite du dirigeant ghanéen au Vietnam.").visits
        #expect(made.count == 1, "\(made)")
    }

    @Test func aDelegationFromAForeignRegionNamedByItsCapitalIsAGuest() {
        let v = facts("Le vice-président Tran Van Son a reçu le 8 juin une délégation de la région de Varsovie conduite par son vice-gouverneur, Jan Kowal.").visits
        #expect(v.count == 1 && v[0].visitor == "Jan Kowal" && v[0].visitorCountry == "PL" && v[0].hostCountry == "VN", "\(v)")
    }

    @Test func particlesMayFollowOneAnotherInAName() {
        let p = facts("La présidente de la Commission européenne, Anna von der Berg, a félicité le Vietnam.").people
        #expect(p.contains { $0.name == "Anna von der Berg" }, "\(p)")
    }

    @Test func aLowerCaseHonorificMayOpenANameInApposition() {
        let p = facts("L'émir du Qatar, cheikh Hamad ben Khalid Al Nasser, a félicité le Vietnam.").people
        #expect(p.contains { $0.name == "Hamad ben Khalid Al Nasser" && $0.country == "QA" }, "\(p)")
    }

    @Test func aRegnalNumberClosesTheName() {
        let p = facts("Le roi Frederik XI a adressé ses félicitations au Vietnam.").people
        #expect(p.contains { $0.name == "Frederik XI" }, "\(p)")
    }

    @Test func oneCapitalisedWordClosingALongTitleNamesTheInstitution() {
        let p = facts("Le président du groupe Omega, Jan Kowal, a reçu le 18 juin à Varsovie le président du conseil du groupe "
                      + "national de l'énergie PetroVina, Tran Van Son.").people
        #expect(p.contains { $0.name == "Tran Van Son" && $0.roles.map(\.title) == ["président du conseil du groupe national de l'énergie PetroVina"] }, "\(p)")
        #expect(!p.contains { $0.name == "PetroVina" }, "\(p)")
    }

    @Test func aSpecialEnvoyReceivedIsAGuestUnlikeAnAmbassador() {
        let v = facts("Le ministre Tran Van Son a reçu le 3 juin à Hanoï l'envoyé spécial du Président polonais, Jan Kowal.").visits
        #expect(v.count == 1 && v[0].visitor == "Jan Kowal" && v[0].hostCountry == "VN", "\(v)")
    }

    @Test func anAdverbBetweenTheAuxiliaryAndTheParticipleKeepsTheTrip() {
        let v = facts("Le président polonais Jan Kowal s'était déjà rendu au Vietnam en 2011, 2016 et 2019.").visits
        #expect(v.map { $0.start?.description ?? "" } == ["2011", "2016", "2019"], "\(v)")
    }

    @Test func aRelativeClauseInsideATargetTellsAnotherFigure() {
        let t = facts("Les deux dirigeants ont convenu de porter les échanges commerciaux entre le Vietnam et la Pologne, "
                      + "qui ont atteint 2,7 milliards de dollars en 2023, à 5 milliards de dollars.").tradeFigures
        #expect(t.contains { $0.amount == 2_700_000_000 && $0.kind == .actual && $0.year == 2023 }, "\(t)")
        #expect(t.contains { $0.amount == 5_000_000_000 && $0.kind == .target }, "\(t)")
    }

    @Test func theBodysDayOfSigningDatesADocumentTheHeadlineNamed() {
        let d = document("Les représentants du Vietnam et de la Pologne ont signé le 1er juin à Varsovie un traité d'entraide judiciaire "
                         + "en matière pénale et un accord sur la pêche.", date: "2025-06",
                         headline: "Le Vietnam et la Pologne signent un traité d'entraide judiciaire")
        let a = FactExtractor().extract(from: d).agreements
        #expect(a.first { $0.title.hasPrefix("traité") }?.signed?.description == "2025-06-01", "\(a)")
    }

    @Test func aPossessiveAfterANameOpensAnotherPersonNotASecondOffice() {
        let p = facts("Le président polonais Jan Kowal, son épouse et une délégation de haut rang sont arrivés le 3 juin à Hanoï.").people
        #expect(p.first { $0.name == "Jan Kowal" }?.roles.map(\.title) == ["président"], "\(p)")
    }

    @Test func anInstitutionsNameAndCountryCloseALongTitleBeforeTheNameInApposition() {
        let p = facts("À l'invitation de la présidente du Sénat de l'Assemblée Kurultai du Kirghizistan, Anna Ivanova, "
                      + "le président de l'Assemblée nationale du Vietnam, Tran Van Son, est arrivé le 3 juin à Bichkek.").people
        #expect(p.contains { $0.name == "Anna Ivanova" && $0.country == "KG" && $0.roles.count == 1 }, "\(p)")
        #expect(p.contains { $0.name == "Tran Van Son" && $0.country == "VN" }, "\(p)")
        #expect(!p.contains { $0.name == "Kurultai" }, "\(p)")
    }

    @Test func theDateOfWhatATimeIsCountedFromIsNotTheTrips() {
        let v = facts("Le président polonais Jan Kowal est arrivé le 3 juin à Hanoï pour une visite d'État. "
                      + "Il s'agit de la première visite d'un président polonais au Vietnam depuis la normalisation des relations en 1989.").visits
        #expect(v.count == 1 && v[0].start?.description == "2025-06-03", "\(v)")
    }

    @Test func aDelegationNamedAsTheSubjectTravelsFromItsPlace() {
        let v = facts("La délégation de la province de Quang Tri effectue une visite de travail en Pologne du 2 au 5 juin.").visits
        #expect(v.count == 1 && v[0].visitorCountry == "VN" && v[0].hostCountry == "PL" && v[0].start?.description == "2025-06-02", "\(v)")
        // The delegation received is the object; the trip is the host's.
        let r = facts("Le ministre a reçu une délégation de la province de Quang Tri lors de sa visite en Pologne.").visits
        #expect(!r.contains { $0.visitorCountry == "VN" && $0.visitor == nil }, "\(r)")
    }

    @Test func aYearNearerThanAnotherDocumentsPeriodDatesTheFigure() {
        let t = facts("Le ministre a proposé d'accroître le commerce bilatéral, qui a atteint 3,2 milliards de dollars en 2024, "
                      + "et d'accélérer le programme d'action pour la période 2024-2028 entre le Vietnam et la Pologne.").tradeFigures
        #expect(t.count == 1 && t[0].year == 2024 && t[0].period == nil, "\(t)")
    }

    @Test func flowsToldRightAfterADatedTotalAreOfItsYear() {
        let t = facts("En 2024, les échanges commerciaux entre le Vietnam et la Pologne ont atteint 3 milliards de dollars. "
                      + "Les exportations vietnamiennes se sont élevées à 2,4 milliards de dollars, tandis que les importations "
                      + "ont été de 600 millions de dollars.").tradeFigures
        #expect(t.count == 3 && t.allSatisfy { $0.year == 2024 }, "\(t)")
    }

    @Test func aDocumentAimedAtIsNotSigned() {
        let d = document("Les deux ministres ont examiné la mise en œuvre de l'accord de libre-échange entre le Vietnam et le Chili.",
                         date: "2025-06", headline: "Vietnam – Pologne : vers un accord de partenariat économique")
        let a = FactExtractor().extract(from: d).agreements
        #expect(!a.contains { $0.title.hasPrefix("accord de partenariat") }, "\(a)")
        #expect(a.contains { $0.title.hasPrefix("accord de libre-échange") }, "\(a)")
    }
    @Test func anAdjectiveOfTerritoryAfterTheInstitutionComesBeforeTheName() {
        let p = facts("Le président du Comité populaire provincial Vo Van Tam a reçu l'ambassadeur de Pologne.").people
        #expect(p.contains { $0.name == "Vo Van Tam" && $0.roles.map(\.title) == ["président du Comité populaire provincial"] }, "\(p)")
        // A verb of a headline is no adjective of territory.
        let q = facts("Le président du Comité populaire salue Jan Kowal.").people
        #expect(!q.contains { $0.roles.contains { $0.title.hasSuffix("salue") } }, "\(q)")
    }

    @Test func aDelegationLeaderNamedWithTheTitleFirstIsTheVisitor() {
        let v = facts("Une délégation de la province de Quang Tri, conduite par le président du Comité populaire provincial "
                      + "Vo Van Tam, a effectué du 3 au 6 juin une visite de travail en Pologne.").visits
        #expect(v.count == 1 && v[0].visitor == "Vo Van Tam" && v[0].hostCountry == "PL" && v[0].start?.description == "2025-06-03", "\(v)")
    }

    @Test func aPartySecretaryInAppositionHasTheTitle() {
        let p = facts("Le Van Tam, secrétaire du Comité central du Parti, a reçu l'ambassadeur de Pologne.").people
        #expect(p.contains { $0.name == "Le Van Tam" && $0.country == "VN" && $0.roles.first?.title == "secrétaire du Comité central du Parti" }, "\(p)")
    }

    @Test func aDeclarationOfIntentAndAnExchangeProgrammeAreDocuments() {
        let a = facts("Les deux ministres ont signé une déclaration d'intention sur l'hydrogène vert et un programme "
                      + "d'échanges universitaires pour la période 2026-2028.").agreements
        #expect(a.map(\.kind) == [.declaration, .programme], "\(a)")
        #expect(a.first?.title == "déclaration d'intention sur l'hydrogène vert", "\(a)")
    }
    @Test func twoVietnameseSyllablesRunTogetherAreTwoWordsOfTheName() {
        let p = facts("Le vice-Premier ministre Tran VanTam a reçu l'ambassadeur de Pologne.").people
        #expect(p.contains { $0.name == "Tran Van Tam" && $0.country == "VN" }, "\(p)")
        // Brand names keep their capitals.
        let q = facts("Le directeur de VinFast, Jan Kowal, a rencontré le président de PetroVina.").people
        #expect(!q.contains { $0.name.contains("Vin Fast") || $0.name.contains("Petro Vina") }, "\(q)")
    }

    @Test func aTitleWithDeAndTheArticleGluedStillNamesThePerson() {
        let p = facts("Le ministre polonais del'Éducation, de la Jeunesse et des Sports, Jan Kowal, a signé un protocole.").people
        #expect(p.contains { $0.name == "Jan Kowal" && $0.country == "PL" }, "\(p)")
    }

    @Test func whatAVerbOfSpeechReportsAfterQueDatesNoTrip() {
        let v = facts("Le ministre a rappelé la visite au Pérou du président Tran Van Hoa en mai 2022 et a souligné que "
                      + "les échanges entre les deux pays ont atteint 3 milliards de dollars en 2024.").visits
        #expect(v.count == 1 && v[0].start?.description == "2022-05", "\(v)")
    }

    @Test func aPluralPronounAfterATradeSentenceIsThatTrade() {
        let t = facts("Les deux ministres ont convenu de porter le commerce bilatéral à 10 milliards de dollars d'ici 2030. "
                      + "En 2024, ils se sont élevés à 6,2 milliards de dollars.").tradeFigures
        #expect(t.contains { $0.amount == 6_200_000_000 && $0.kind == .actual && $0.year == 2024 }, "\(t)")
        // A pronoun with no verb of amount is not the trade told before.
        let aid = facts("Le commerce bilatéral a atteint 2 milliards de dollars en 2024. Ils ont évoqué un don de 5 millions de dollars.").tradeFigures
        #expect(aid.count == 1, "\(aid)")
    }

    @Test func theSameYearIsTheYearOfTheFigureBefore() {
        let t = facts("Le commerce entre le Vietnam et le Pérou a atteint 900 millions de dollars en 2023. "
                      + "Les échanges entre le Vietnam et l'ASEAN ont atteint 80 milliards de dollars la même année.").tradeFigures
        #expect(t.count == 2 && t.allSatisfy { $0.year == 2023 }, "\(t)")
    }

    @Test func aKnownCityLeftEndsTheTripOnTheDayTold() {
        let v = facts("Le président péruvien Carlos Medina a quitté Da Nang le 14 juin, concluant sa visite d'État au Vietnam.").visits
        #expect(v.count == 1 && v[0].hostCountry == "VN" && v[0].end?.description == "2025-06-14" && v[0].city == "Da Nang", "\(v)")
    }

    @Test func anExecutionProgrammeHeadsADocumentOfAnEnumeration() {
        let a = facts("Les deux ministres ont signé un mémorandum d'entente sur la pêche et un programme d'exécution culturelle pour 2026-2028.").agreements
        #expect(a.map(\.kind) == [.memorandum, .programme] && a[0].title == "mémorandum d'entente sur la pêche", "\(a)")
    }

    @Test func thePermanentMemberOfTheSecretariatIsAPartyTitle() {
        let p = facts("Le permanent du Secrétariat du Comité central du Parti, Le Van Tam, a reçu l'ambassadeur de Pologne.").people
        #expect(p.contains { $0.name == "Le Van Tam" && $0.roles.first?.title == "permanent du Secrétariat du Comité central du Parti" }, "\(p)")
    }

    @Test func aSignedDeclarationOfACommonNounIsADocument() {
        let a = facts("Le ministre Tran Van Son avait signé avec son homologue polonais une déclaration de vision commune sur la défense en 2022.").agreements
        #expect(a.count == 1 && a[0].kind == .declaration && a[0].title.hasPrefix("déclaration de vision commune"), "\(a)")
        // Unsigned, a statement to the press is no document.
        #expect(facts("Le ministre Tran Van Son a fait une déclaration de presse à Varsovie.").agreements.isEmpty)
    }

    @Test func anInfinitiveAFinishedEnablingGovernsIsAResult() {
        let t = facts("L'accord de libre-échange a permis aux échanges entre le Vietnam et le Pérou d'atteindre 1,2 milliard de dollars en 2024.").tradeFigures
        #expect(t.count == 1 && t[0].kind == .actual && t[0].year == 2024, "\(t)")
        let aim = facts("Les deux pays veulent porter les échanges entre le Vietnam et le Pérou à 2 milliards de dollars.").tradeFigures
        #expect(aim.count == 1 && aim[0].kind == .target, "\(aim)")
    }

    @Test func aPeriodOfThisYearOpeningTheSentenceKeepsItsMonths() {
        let t = facts("Au cours des cinq premiers mois de cette année, le commerce entre le Vietnam et le Pérou s'est établi à 500 millions de dollars.").tradeFigures
        #expect(t.count == 1 && t[0].year == 2025 && t[0].period == "2025-01/2025-05", "\(t)")
    }

    @Test func aParticipationInAnEventAbroadIsATrip() {
        let v = facts("Lors de sa participation au sommet de l'APEC à Lima, le président vietnamien Tran Van Hoa a rencontré le président péruvien Carlos Medina.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Hoa" && v[0].hostCountry == "PE" && v[0].city == "Lima", "\(v)")
        // At home, an event is no trip.
        #expect(facts("Lors de sa participation au forum à Hanoï, le ministre vietnamien Tran Van Son a rencontré le ministre péruvien Carlos Medina.").visits.isEmpty)
    }

    @Test func anOrganisationInTheSubjectOfADocumentIsNoParty() {
        let a = facts("Le ministre péruvien Carlos Medina a reçu le ministre vietnamien Tran Van Son. Les deux ministres ont signé une lettre d'intention "
                      + "sur la formation aux opérations de maintien de la paix des Nations unies.").agreements
        #expect(a.count == 1 && Set(a[0].parties) == ["PE", "VN"], "\(a)")
        // Named as a side, it is one.
        let eu = facts("Le Vietnam et l'Union européenne ont signé un accord sur la pêche.").agreements
        #expect(eu.count == 1 && eu[0].parties.contains("EU"), "\(eu)")
    }

    @Test func aMilitaryRankOfTwoWordsOpensTheName() {
        let f = facts("En visite officielle au Pérou du 18 au 21 juin, le vice-ministre vietnamien de la Défense, le colonel-général Tran Van Son, "
                      + "a eu des entretiens avec le ministre péruvien de la Défense, Carlos Medina.")
        #expect(f.people.contains { $0.name == "Tran Van Son" && $0.country == "VN" && $0.roles.map(\.title).contains("colonel-général") }, "\(f.people)")
        #expect(f.visits.contains { $0.visitor == "Tran Van Son" && $0.hostCountry == "PE" && $0.start?.description == "2025-06-18" }, "\(f.visits)")
        let p = facts("Le vice-amiral Le Van Tam a reçu le général de division Jan Kowal, attaché militaire de Pologne.").people
        #expect(p.contains { $0.name == "Le Van Tam" } && p.contains { $0.name == "Jan Kowal" }, "\(p)")
    }

    @Test func aSingularPronounAfterATradeSentenceIsThatTrade() {
        let t = facts("Les deux pays ont convenu de porter le commerce bilatéral à 10 milliards de dollars. "
                      + "En 2024, il s'est chiffré à 6,2 milliards de dollars.").tradeFigures
        #expect(t.contains { $0.amount == 6_200_000_000 && $0.kind == .actual && $0.year == 2024 }, "\(t)")
    }

    @Test func anHonorificsApostropheIsNoPartOfTheName() {
        let p = facts("Le Premier ministre malaisien, Dato' Seri Lim Ah Kow, a reçu le ministre vietnamien Tran Van Son.").people
        #expect(p.contains { $0.name == "Lim Ah Kow" && $0.country == "MY" }, "\(p)")
    }

    @Test func aPeriodHoldingTheDayToldFirstIsTheTrips() {
        let v = facts("Le président polonais Jan Kowal a rendu une visite de courtoisie le 17 juin au président Tran Van Hoa, "
                      + "dans le cadre de sa visite officielle au Vietnam du 15 au 19 juin.").visits
        #expect(v.count == 1 && v[0].start?.description == "2025-06-15" && v[0].end?.description == "2025-06-19" && v[0].kind == .official, "\(v)")
    }

    @Test func aTitleAfterAnIndefiniteArticleIsNoOneNamed() {
        let v = facts("Le Premier ministre polonais, Jan Kowal, effectuera une visite au Vietnam en juillet. "
                      + "La précédente visite d'un Premier ministre polonais au Vietnam remonte à 2019.").visits
        #expect(v.count == 1 && v[0].visitor == nil && v[0].visitorCountry == "PL" && v[0].start?.description == "2019", "\(v)")
    }

    @Test func aNameKbDoesNotKnowIsTheSubjectNotThePreviousOne() {
        let v = facts("Le Premier ministre polonais, Jan Kowal, a rencontré le président Tran Van Hoa le 3 juin. "
                      + "En 2019, Anna Nowak s'était rendue à Hanoï.").visits
        #expect(!v.contains { $0.visitor == "Jan Kowal" && $0.start?.description == "2019" }, "\(v)")
    }

    @Test func aTourHasTheKindWrittenAfterIt() {
        let v = facts("Le ministre vietnamien Tran Van Son a entamé le 3 juin une tournée de travail en Pologne et en Hongrie.").visits
        #expect(v.count == 2 && v.allSatisfy { $0.kind == .working }, "\(v)")
    }

    @Test func aReceptionTheDayBeforeAnUnnamedDelegationsMoveIsOnItsTrip() {
        let v = facts("Le président du Comité populaire de Da Nang, Le Van Tam, a reçu le 14 juin le gouverneur de la voïvodie polonaise de Lublin, Jan Kowal. "
                      + "Le 15 juin, la délégation polonaise s'est rendue à Hoi An.").visits
        #expect(v.count == 1 && v[0].visitor == "Jan Kowal" && v[0].hostCountry == "VN" && v[0].start?.description == "2025-06-14", "\(v)")
    }

    @Test func anOpeningPeriodIsEveryAmountsOfTheSentence() {
        let t = facts("De janvier à mai, les exportations vietnamiennes vers le Pérou ont atteint 300 millions de dollars, "
                      + "tandis que les importations en provenance de ce pays se sont chiffrées à 100 millions de dollars.").tradeFigures
        #expect(t.count == 2 && t.allSatisfy { $0.year == 2025 && $0.period == "2025-01/2025-05" }, "\(t)")
    }

    @Test func aTripsLengthBeforeItsVisitorAndAnEndTellAfterTheNoun() {
        let v = facts("La visite de travail de trois jours du ministre chilien Carlos Medina au Vietnam s'est achevée le 5 juin.").visits
        #expect(v.count == 1 && v[0].visitor == "Carlos Medina" && v[0].kind == .working && v[0].end?.description == "2025-06-05", "\(v)")
        let week = facts("La visite d'une semaine du ministre chilien Carlos Medina au Vietnam a été fructueuse.").visits
        #expect(week.count == 1 && week[0].visitor == "Carlos Medina", "\(week)")
    }

    @Test func aVietnameseNameRightAfterAVerbOfMeetingIsAPerson() {
        let p = facts("L'ancien Premier ministre péruvien Carlos Medina a rencontré Tran Van Son à Lima.").people
        #expect(p.contains { $0.name == "Tran Van Son" && $0.country == "VN" }, "\(p)")
        // Seen once and not of a Vietnamese shape, such an object is no person (« a reçu Prensa Latina »).
        #expect(!facts("Le président a reçu Prensa Latina.").people.contains { $0.name == "Prensa Latina" })
    }

    @Test func aCapitalOfASmallCountryStandsForIt() {
        let v = facts("Le ministre vietnamien Tran Van Son est arrivé le 3 juin à Kingston pour une visite officielle.").visits
        #expect(v.count == 1 && v[0].hostCountry == "JM" && v[0].city == "Kingston", "\(v)")
    }

    @Test func aComingAndAStayAreTrips() {
        let v = facts("Le ministre a rappelé la venue au Vietnam du président chilien Pedro Lagos en 2019.").visits
        #expect(v.count == 1 && v[0].visitor == "Pedro Lagos" && v[0].hostCountry == "VN" && v[0].start?.description == "2019", "\(v)")
        let stay = facts("Le président chilien Pedro Lagos a séjourné au Vietnam en 2016.").visits
        #expect(stay.count == 1 && stay[0].hostCountry == "VN" && stay[0].start?.description == "2016", "\(stay)")
    }

    @Test func anArrangementAndALetterOfUnderstandingAreDocuments() {
        let a = facts("Le ministre chilien Carlos Medina a rencontré le ministre vietnamien Tran Van Son. Les deux ministres ont signé "
                      + "un arrangement sur la reconnaissance mutuelle des permis de conduire et une lettre d'entente sur la santé.").agreements
        #expect(a.map(\.kind) == [.agreement, .memorandum], "\(a)")
        #expect(facts("Les deux parties sont parvenues à un arrangement sur les prix.").agreements.isEmpty)
    }

    @Test func aGlobalPartnershipIsARelationshipLevel() {
        func slugs(_ body: String) -> [String] {
            FactExtractor().extract(from: document(body, headline: "Nouvelles du jour")).domains.map(\.slug)
        }
        let d = slugs("Les deux chefs d'État ont décidé d'élever les relations entre le Vietnam et le Chili au rang de partenariat global.")
        #expect(d.contains("politics_diplomacy"), "\(d)")
        // A comprehensive economic partnership is no such level.
        let e = slugs("Les deux pays négocient un accord de partenariat économique global.")
        #expect(!e.contains("politics_diplomacy"), "\(e)")
    }

    @Test func datesBetweenTheParticipleAndTheEventKeepTheTrip() {
        let v = facts("Le ministre vietnamien Tran Van Son a participé du 7 au 9 juin à la 12e réunion des ministres de l'Économie à Lima, au Pérou.").visits
        #expect(v.count == 1 && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-07" && v[0].end?.description == "2025-06-09", "\(v)")
    }

    @Test func whoLeadsADelegationAbroadInThePresentTravels() {
        let v = facts("Le vice-ministre vietnamien Tran Van Son, qui conduit une délégation d'artistes au Pérou du 3 au 8 juin, a inauguré une exposition.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Son" && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-03", "\(v)")
    }

    @Test func theOtherMembersOfABlocStandForIt() {
        let t = facts("Le commerce entre le Vietnam et les autres pays de l'ASEAN a atteint 80 milliards de dollars en 2024.").tradeFigures
        #expect(t.count == 1 && t[0].scope == .bloc && t[0].countries.contains("ASEAN"), "\(t)")
    }

    @Test func whatTheHostRecallsAfterAReceptionDatesNoTrip() {
        let v = facts("Dans le cadre de sa visite officielle au Pérou du 3 au 6 juin, le ministre vietnamien Tran Van Son a eu des entretiens avec son homologue. "
                      + "Le même jour, Tran Van Son a été reçu par la présidente péruvienne Ana Quispe, qui a rappelé sa rencontre avec le président "
                      + "vietnamien Tran Van Hoa à Lima en novembre 2024.").visits
        #expect(!v.contains { $0.visitor == "Tran Van Son" && $0.start?.description == "2024-11" }, "\(v)")
    }

    @Test func aPurposeAfterAWishIsAnAim() {
        let t = facts("Le ministre péruvien a souhaité que les deux pays exploitent mieux l'accord, dont ils sont tous deux membres, "
                      + "pour porter les échanges entre le Vietnam et le Pérou à 1,5 milliard de dollars.").tradeFigures
        #expect(t.count == 1 && t[0].kind == .target, "\(t)")
        let result = facts("Le ministre a indiqué que les échanges entre le Vietnam et le Pérou ont augmenté de 20 % pour atteindre 3 milliards de dollars en 2024.").tradeFigures
        #expect(result.count == 1 && result[0].kind == .actual, "\(result)")
    }

    @Test func aCapitalNamedBeforeAMeetingIsWhereItIs() {
        let v = facts("À Lima, le ministre péruvien Carlos Medina a rencontré le 3 juin le ministre vietnamien Tran Van Son.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Son" && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-03", "\(v)")
    }

    @Test func aVietnameseProvinceStandsForVietnamAsAPartyWhenTheCountryIsUnnamed() {
        let a = facts("Une délégation de la province de Nghe An a effectué une visite de travail dans la province laotienne de Bolikhamxay. "
                      + "Les deux parties ont signé un procès-verbal sur la coopération pour la période 2025-2030.").agreements
        #expect(a.count == 1 && Set(a[0].parties) == ["LA", "VN"], "\(a)")
    }

    @Test func coChairingAbroadAndTakingPartInAnEventAbroadAreTrips() {
        let v = facts("Le Premier ministre vietnamien Tran Van Hoa et son homologue péruvien Carlos Medina ont coprésidé le 5 juin à Lima un forum d'affaires.").visits
        #expect(v.count == 1 && v[0].visitor == "Tran Van Hoa" && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-05", "\(v)")
        let part = facts("Le ministre vietnamien Tran Van Son a pris part le 5 juin au sommet du Mékong à Vientiane.").visits
        #expect(part.count == 1 && part[0].hostCountry == "LA" && part[0].start?.description == "2025-06-05", "\(part)")
    }

    @Test func whereOneSetsOffForIsTheTripsHost() {
        let v = facts("Le président vietnamien Tran Van Hoa s'est envolé le 12 juin pour Lima afin de participer au sommet de l'APEC.").visits
        #expect(v.count == 1 && v[0].hostCountry == "PE" && v[0].city == "Lima" && v[0].start?.description == "2025-06-12", "\(v)")
        let country = facts("Le ministre vietnamien Tran Van Son est parti pour le Pérou le 12 juin.").visits
        #expect(country.count == 1 && country[0].hostCountry == "PE", "\(country)")
    }

    @Test func aDepartureForAPlaceBeginsTheTripThere() {
        let v = facts("Le président vietnamien Tran Van Hoa a quitté Hanoï le 12 juin pour Lima, où il participera au sommet de l'APEC.").visits
        #expect(v.count == 1 && v[0].hostCountry == "PE" && v[0].start?.description == "2025-06-12" && v[0].end == nil, "\(v)")
        let legs = facts("Le ministre vietnamien Tran Van Son a quitté Lima le 14 juin pour Santiago, poursuivant sa tournée.").visits
        #expect(legs.contains { $0.hostCountry == "PE" && $0.end?.description == "2025-06-14" }
                && legs.contains { $0.hostCountry == "CL" && $0.start?.description == "2025-06-14" }, "\(legs)")
    }

    @Test func anAmbassadorsCallWhereHeIsPostedIsNoTrip() {
        let v = facts("Hanoï (VNA) – L'ambassadeur du Chili au Vietnam, Pedro Lagos, a rendu une visite d'adieu au président Tran Van Hoa le 5 juin.").visits
        #expect(v.isEmpty, "\(v)")
        let guest = facts("Hanoï (VNA) – À l'occasion de la visite du vice-président chilien Pedro Lagos, une cérémonie a eu lieu le 5 juin.").visits
        #expect(guest.count == 1 && guest[0].hostCountry == "VN", "\(guest)")
    }

    @Test func theRelationsBetweenTheTwoPeoplesArePeopleToPeopleExchange() {
        let d = FactExtractor().extract(from: document("Les deux ministres ont salué les relations entre les deux peuples du Vietnam et du Pérou.",
                                                       headline: "Nouvelles du jour")).domains.map(\.slug)
        #expect(d.contains("people_exchange"), "\(d)")
    }

    @Test func theHeadOfAnInternationalOrganisationIsOfNoCountryTheTextIsAt() {
        let p = facts("La vice-présidente vietnamienne Ana Tran est arrivée en Éthiopie. Elle a été reçue par le président de la Commission "
                      + "de l'UA, Omar Haji, puis par le secrétaire général de l'ONU, Carlos Medina.").people
        #expect(p.contains { $0.name == "Omar Haji" && $0.country == nil } && p.contains { $0.name == "Carlos Medina" && $0.country == nil }, "\(p)")
    }

    @Test func aSigningOfAnAccordWithoutArticleNamesADocument() {
        let d = document("Le ministre vietnamien Tran Van Son et son homologue hongrois ont signé l'accord le 4 juin à Budapest.",
                         date: "2025-06-06", headline: "Vietnam – Hongrie : signature d'accord sur la coopération dans l'éducation")
        let a = FactExtractor().extract(from: d).agreements
        #expect(a.count == 1 && a[0].title == "accord sur la coopération dans l'éducation", "\(a)")
        #expect(facts("Les deux ministres sont tombés d'accord sur la nécessité de coopérer.").agreements.isEmpty)
    }

    @Test func aSpouseNamedInAppositionAccompaniesTheTrip() {
        let v = facts("Le président polonais Jan Kowal et son épouse, Anna Kowal, sont arrivés le 3 juin à Hanoï, entamant une visite d'État au Vietnam.").visits
        #expect(v.count == 1 && v[0].visitor == "Jan Kowal" && v[0].start?.description == "2025-06-03", "\(v)")
        // Two officials joined by « et » both travel.
        let two = facts("Le président polonais Jan Kowal et le ministre polonais Adam Nowak sont arrivés le 3 juin à Hanoï.").visits
        #expect(two.count == 2, "\(two)")
    }

    @Test func moreTradeBlocsAreOrganisations() {
        let t = facts("Les échanges entre le Vietnam et les pays du CCG ont atteint 12 milliards de dollars en 2024.").tradeFigures
        #expect(t.count == 1 && t[0].scope == .bloc && t[0].countries.contains("GCC"), "\(t)")
        let a = facts("Le Vietnam et l'AELE ont signé un accord de libre-échange en 2025.").agreements
        #expect(a.first?.parties.contains("EFTA") == true, "\(a)")
    }

    @Test func aDelegationOfTheCapitalComesFromIt() {
        let v = facts("Le secrétaire du Comité du Parti de Hanoï, Le Van Tam, a reçu le 11 juin une délégation de la capitale Varsovie "
                      + "conduite par son maire, Jan Kowal.").visits
        #expect(v.count == 1 && v[0].visitor == "Jan Kowal" && v[0].visitorCountry == "PL" && v[0].hostCountry == "VN", "\(v)")
        // In the capital, it is where one goes.
        let there = facts("Le ministre vietnamien Tran Van Son est arrivé le 3 juin dans la capitale Varsovie.").visits
        #expect(there.count == 1 && there[0].hostCountry == "PL", "\(there)")
    }
}
