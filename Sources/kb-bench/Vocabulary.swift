/// Word lists for the synthetic corpus, written for the benchmark (not taken from any article).
/// Volume and variety matter here, not truth: the corpus exercises the tokenizer, the gazetteers,
/// the extractors and the FTS index the way a news archive does.
enum Vocabulary {
    /// A country as French news names it: bare name, the « en/au/aux/à » form, the « de/du/des/d’ »
    /// form, the article form, the adjective, the capital.
    struct Country {
        let name: String, withArticle: String, inForm: String, ofForm: String, adjective: String, capital: String
    }

    static func country(_ name: String, _ g: Character, _ adjective: String, _ capital: String) -> Country {
        switch g {
        case "f": return Country(name: name, withArticle: "la \(name)", inForm: "en \(name)", ofForm: "de la \(name)", adjective: adjective, capital: capital)
        case "m": return Country(name: name, withArticle: "le \(name)", inForm: "au \(name)", ofForm: "du \(name)", adjective: adjective, capital: capital)
        case "v": return Country(name: name, withArticle: "l’\(name)", inForm: "en \(name)", ofForm: "de l’\(name)", adjective: adjective, capital: capital)
        case "p": return Country(name: name, withArticle: "les \(name)", inForm: "aux \(name)", ofForm: "des \(name)", adjective: adjective, capital: capital)
        default: return Country(name: name, withArticle: name, inForm: "à \(name)", ofForm: "de \(name)", adjective: adjective, capital: capital)
        }
    }

    static let countries: [Country] = [
        country("Laos", "m", "lao", "Vientiane"), country("Cambodge", "m", "cambodgien", "Phnom Penh"),
        country("Chine", "f", "chinois", "Pékin"), country("Japon", "m", "japonais", "Tokyo"),
        country("France", "f", "français", "Paris"), country("Russie", "f", "russe", "Moscou"),
        country("Inde", "v", "indien", "New Delhi"), country("Corée du Sud", "f", "sud-coréen", "Séoul"),
        country("États-Unis", "p", "américain", "Washington"), country("Allemagne", "v", "allemand", "Berlin"),
        country("Biélorussie", "f", "biélorusse", "Minsk"), country("Kazakhstan", "m", "kazakh", "Astana"),
        country("Azerbaïdjan", "v", "azerbaïdjanais", "Bakou"), country("Indonésie", "v", "indonésien", "Jakarta"),
        country("Thaïlande", "f", "thaïlandais", "Bangkok"), country("Malaisie", "f", "malaisien", "Kuala Lumpur"),
        country("Philippines", "p", "philippin", "Manille"), country("Singapour", "0", "singapourien", "Singapour"),
        country("Australie", "v", "australien", "Canberra"), country("Brésil", "m", "brésilien", "Brasilia"),
        country("Cuba", "0", "cubain", "La Havane"), country("Égypte", "v", "égyptien", "Le Caire"),
        country("Algérie", "v", "algérien", "Alger"), country("Maroc", "m", "marocain", "Rabat"),
        country("Sénégal", "m", "sénégalais", "Dakar"), country("Italie", "v", "italien", "Rome"),
        country("Hongrie", "f", "hongrois", "Budapest"), country("Pologne", "f", "polonais", "Varsovie"),
        country("République tchèque", "f", "tchèque", "Prague"), country("Mongolie", "f", "mongol", "Oulan-Bator"),
        country("Nouvelle-Zélande", "f", "néo-zélandais", "Wellington"), country("Canada", "m", "canadien", "Ottawa"),
        country("Mexique", "m", "mexicain", "Mexico"), country("Argentine", "v", "argentin", "Buenos Aires"),
        country("Chili", "m", "chilien", "Santiago"), country("Turquie", "f", "turc", "Ankara"),
        country("Iran", "v", "iranien", "Téhéran"), country("Émirats arabes unis", "p", "émirien", "Abou Dhabi"),
        country("Arabie saoudite", "v", "saoudien", "Riyad"), country("Qatar", "m", "qatari", "Doha"),
        country("Belgique", "f", "belge", "Bruxelles"), country("Suisse", "f", "suisse", "Berne"),
        country("Ouzbékistan", "v", "ouzbek", "Tachkent"), country("Mozambique", "m", "mozambicain", "Maputo"),
        country("Angola", "v", "angolais", "Luanda"), country("Bangladesh", "m", "bangladais", "Dacca"),
    ]

    static let vietnameseFamily = ["Nguyên", "Trân", "Lê", "Pham", "Hoàng", "Huỳnh", "Phan", "Vu", "Võ", "Dang",
                                   "Bùi", "Dô", "Hô", "Ngô", "Duong", "Ly", "Luong", "Dinh", "Trinh", "Mai"]
    static let vietnameseMiddle = ["Van", "Thi", "Minh", "Duc", "Hong", "Quoc", "Thanh", "Xuân", "Dinh", "Huu",
                                   "Ngoc", "Kim", "Tuân", "Gia", "Bá"]
    static let vietnameseGiven = ["Hùng", "Lan", "Son", "Tuân", "Hai", "Long", "Hà", "Phuong", "Dung", "Quang",
                                  "Trung", "Nam", "Binh", "Hiêu", "Thao", "Khoa", "Vinh", "Chiên", "Thuy", "Tâm",
                                  "Cuong", "Dat", "Huong", "Linh", "Loc", "Nghia", "Phuc", "Tài", "Thang", "Yên"]

    static let foreignFirst = ["Alexandre", "Sergueï", "Maria", "Jean", "Hiroshi", "Kenji", "Anna", "Mohamed",
                               "Fatima", "Carlos", "Lucia", "Thomas", "Ingrid", "Raj", "Priya", "Ahmed", "Olga",
                               "Pierre", "Sophie", "Marco", "Elena", "Nurlan", "Aigerim", "Budi", "Siti",
                               "Somchai", "Ana", "Jorge", "Kim", "Park", "Li", "Wang", "Mikhaïl", "Dmitri",
                               "Giulia", "Hans", "Petra", "Youssef", "Amina", "Tomasz", "Katarzyna", "Laszlo"]
    /// Ordered from frequent to rare (picked with `pickSkewed`): the tail gives selective queries.
    static let foreignLast = ["Petrov", "Tanaka", "Dubois", "Kumar", "Ivanova", "Silva", "Müller", "Rossi",
                              "Nakamura", "Lefèvre", "Sharma", "Haddad", "Kozlov", "Fernández", "Schmidt",
                              "Suzuki", "Martin", "Benali", "Novak", "Garcia", "Santoso", "Wongsakul",
                              "Abenov", "Lindqvist", "Morozov", "Yamamoto", "Bernard", "Patel", "Karimov",
                              "Horváth", "Kowalski", "Okafor", "Mensah", "Diallo", "Ferreira", "Costa",
                              "Lambert", "Girard", "Moreau", "Fontaine", "Chevalier", "Watanabe", "Kobayashi",
                              "Takahashi", "Romanov", "Volkov", "Sokolov", "Pavlov", "Orlov", "Zhukov",
                              "Bianchi", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca",
                              "Hoffmann", "Schulz", "Wagner", "Becker", "Richter", "Klein", "Wolf", "Neumann",
                              "Rahman", "Hossain", "Chowdhury", "Aziz", "Mansour", "Nasser", "Salem", "Farouk",
                              "Tshisekedi", "Nkemelu", "Adeyemi", "Banda", "Phiri", "Mwangi", "Otieno", "Kamau",
                              "Andersson", "Johansson", "Nyström", "Halvorsen", "Virtanen", "Korhonen",
                              "Szabó", "Tóth", "Nagy", "Kovács", "Dvořák", "Procházka", "Wiśniewski",
                              "Zielińska", "Quispe", "Mamani", "Huamán", "Villanueva", "Escobar", "Zamora",
                              "Tlemcani", "Bouazizi", "Ouedraogo", "Sawadogo", "Zerbo", "Kaboré", "Traoré",
                              "Baatarjav", "Ganbold", "Tserendorj", "Oyunbileg", "Nurmagambetov", "Zhaksylyk",
                              "Aliyev", "Mammadov", "Huseynov", "Rasulova", "Quarshie", "Vandermeulen"]

    static let vietnameseTitles = [
        "le Premier ministre", "le président de l’Assemblée nationale", "le vice-Premier ministre",
        "le ministre des Affaires étrangères", "le ministre de l’Industrie et du Commerce",
        "la vice-présidente de la République", "le vice-ministre des Affaires étrangères",
        "le ministre de la Défense", "le ministre de la Sécurité publique", "le secrétaire général du Parti",
        "le président de la République", "la ministre de l’Éducation et de la Formation",
        "le ministre de l’Agriculture et de l’Environnement", "le ministre des Finances",
        "le président du Comité populaire de Hanoï", "le chef de la Commission des relations extérieures",
    ]
    static let foreignTitles = [
        "le président", "le Premier ministre", "le ministre des Affaires étrangères", "la ministre du Commerce",
        "le vice-Premier ministre", "le président du Parlement", "l’ambassadeur", "la présidente du Sénat",
        "le ministre de l’Économie", "le ministre de la Défense", "la ministre de la Santé",
        "le secrétaire d’État", "le gouverneur de la province", "le maire de la capitale",
    ]

    static let domains = [
        "l’économie", "le commerce", "l’investissement", "l’éducation", "la santé", "la défense",
        "la sécurité", "l’agriculture", "l’énergie", "les sciences et technologies",
        "la transformation numérique", "le tourisme", "la culture", "les transports", "la cybersécurité",
        "l’environnement", "le pétrole et le gaz", "l’aviation civile", "la formation professionnelle",
        "les semi-conducteurs", "la logistique", "la pêche", "la justice", "les télécommunications",
        "l’innovation", "la finance", "les infrastructures", "l’intelligence artificielle",
    ]
    static let agreements = [
        "un mémorandum d’accord sur la coopération dans le domaine de {DOM}",
        "un accord de coopération en matière de {DOM}", "un protocole d’accord sur {DOM}",
        "une déclaration commune sur le renforcement du partenariat stratégique",
        "un plan d’action pour la période 2026-2030", "un accord sur l’exemption de visa",
        "un accord de prêt de {AMT}", "une lettre d’intention sur {DOM}",
        "un programme de coopération culturelle", "un accord de libre-échange bilatéral",
    ]
    static let organisations = [
        "l’ASEAN", "les Nations unies", "l’APEC", "l’Organisation mondiale du commerce", "le G20",
        "l’Union économique eurasiatique", "l’Organisation internationale de la Francophonie",
        "la Banque mondiale", "le Fonds monétaire international", "l’Union européenne", "le BRICS",
        "l’Organisation de coopération de Shanghai",
    ]
    static let relations = [
        "le partenariat stratégique intégral", "le partenariat stratégique", "le partenariat intégral",
        "l’amitié traditionnelle", "la coopération multiforme", "le partenariat global",
    ]
    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                         "octobre", "novembre", "décembre"]
    static let vietnameseCities = ["Hanoï", "Hô Chi Minh-Ville", "Dà Nang", "Haiphong", "Cân Tho", "Huê",
                                   "Quang Ninh", "Nghê An", "Khánh Hòa", "Binh Duong"]
    static let sectors = ["entreprises", "ministères", "localités", "universités", "banques", "instituts de recherche",
                          "coopératives", "groupes industriels"]
    static let products = ["riz", "café", "produits de la mer", "textiles", "téléphones", "machines agricoles",
                           "engrais", "produits pharmaceutiques", "bois transformé", "fruits tropicaux",
                           "composants électroniques", "poivre", "noix de cajou", "acier"]
}
