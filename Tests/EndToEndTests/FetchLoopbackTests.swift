import Foundation
import Testing
@testable import KnowledgeBaseTests
import Extraction
@testable import KnowledgeBase

/// `kb fetch` against a fixture site on 127.0.0.1 (FixtureSite): two outlets' feeds and pages written
/// here (invented French text), and every way a feed or a page can fail.
@Suite(.serialized) struct FetchLoopbackTests {
    /// A wire story two outlets publish (outlet B adds a dateline and a credit).
    static let wire = [
        "Le vice-ministre vietnamien de l'Industrie et du Commerce a reçu mardi à Hanoï une délégation d'entreprises de la province biélorusse de Grodno, venue présenter ses machines agricoles et ses produits laitiers.",
        "Les deux parties ont passé en revue les échanges commerciaux, qui ont progressé l'an dernier, et sont convenues d'organiser une foire commerciale commune à Hô Chi Minh-Ville au printemps prochain.",
        "Le vice-ministre a souhaité que les entreprises biélorusses investissent davantage dans la transformation des produits agricoles et dans la logistique, deux secteurs prioritaires pour le Vietnam.",
    ]

    static func page(_ headline: String, date: String?, _ paragraphs: [String], charset: String = "utf-8", extraHead: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="\(charset)"><title>\(headline) | Le Journal de test</title>
        \(date.map { "<meta property=\"article:published_time\" content=\"\($0)T08:00:00+07:00\">" } ?? "")\(extraHead)
        </head><body>
        <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
        <article><h1>\(headline)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <div class="related"><a href="/autre">Un autre article sans rapport</a></div>
        </body></html>
        """
    }

    static func rss(_ items: [(path: String, date: String?)], base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Le Journal de test</title><link>\(base)/</link><description>Actualités</description>
        \(items.map { "<item><title>Article</title><link>\(base)\($0.path)</link>\($0.date.map { "<pubDate>\($0)</pubDate>" } ?? "")</item>" }.joined(separator: "\n"))
        </channel></rss>
        """
    }

    static func atom(_ items: [String], base: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>L'Hebdo de test</title><id>urn:test:b</id><updated>2025-05-13T10:00:00Z</updated>
        \(items.map { "<entry><title>Article</title><id>urn:test:\($0)</id><link rel=\"alternate\" href=\"\($0)\"/><updated>2025-05-13T10:00:00Z</updated></entry>" }.joined(separator: "\n"))
        </feed>
        """
    }

    /// The fixture site: outlet A (RSS, ETag), outlet B (Atom, relative links, Last-Modified), a moved
    /// feed, a gone one, a rate-limited one, one that asks for a short wait, a malformed one, a broken server.
    static func makeSite(_ dir: URL) throws -> FixtureSite {
        let siteDir = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: siteDir, withIntermediateDirectories: true)
        let site = FixtureSite(directory: siteDir)
        try site.start()
        let b = site.base
        typealias R = FixtureSite.Response
        let html = ["Content-Type": "text/html; charset=utf-8"]
        let lm = "Tue, 13 May 2025 10:00:00 GMT"
        let cp1252Text = page("Coopération économique renforcée avec la Biélorussie", date: "2025-05-14", [
            "Le Premier ministre a souligné jeudi à Hanoï l'importance de la coopération économique entre le Vietnam et la Biélorussie, notamment dans la mécanique, l'éducation et la santé.",
            "Les deux pays célèbrent cette année l'anniversaire de l'établissement de leurs relations diplomatiques, a-t-il rappelé devant les représentants des entreprises.",
        ], charset: "windows-1252")
        site.routes = [
            "/robots.txt": [R(body: "User-agent: *\nDisallow: /private/\n")],
            "/a/feed.xml": [R(headers: ["Content-Type": "application/rss+xml"], body: rss([
                ("/a/visite.html", "Tue, 13 May 2025 08:00:00 +0700"), ("/a/sans-date.html", nil), ("/a/cp1252.html", "Wed, 14 May 2025 08:00:00 +0700"),
                ("/a/vide.html", nil), ("/a/enorme.html", nil), ("/a/lente.html", nil), ("/a/erreur.html", nil),
                ("/private/interne.html", nil), ("/a/disparue.html", nil),
            ], base: b), etag: "\"a-1\"")],
            "/a/visite.html": [R(headers: html, body: page("Une délégation biélorusse reçue à Hanoï", date: "2025-05-13", wire))],
            "/a/sans-date.html": [R(headers: html, body: page("Le Vietnam et l'Ouzbékistan renforcent leurs liens", date: "2025-05-12", [
                "Le ministre vietnamien des Affaires étrangères s'est entretenu lundi à Tachkent avec son homologue ouzbek sur la coopération dans le textile, le tourisme et la formation professionnelle.",
            ]))],
            "/a/cp1252.html": [R(headers: ["Content-Type": "text/html"], bodyBase64: cp1252Text.data(using: .windowsCP1252)!.base64EncodedString())],
            "/a/vide.html": [R(headers: html, body: "<!DOCTYPE html><html><head><title>Galerie</title></head><body><nav><a href=\"/\">Accueil</a></nav><div class=\"share\">Partager</div></body></html>")],
            "/a/enorme.html": [R(headers: html, streamBytes: 1 << 20)],
            "/a/lente.html": [R(headers: html, body: page("Trop tard", date: "2025-05-13", ["Ce texte arrive trop tard pour être lu par le client de test."]), delay: 3)],
            "/a/erreur.html": [R(status: 500, body: "erreur interne")],
            "/private/interne.html": [R(headers: html, body: page("Interne", date: "2025-05-13", ["Page interne que robots.txt interdit."]))],
            "/b/atom.xml": [R(headers: ["Content-Type": "application/atom+xml"], body: atom(["/b/copie.html", "/b/culture.html"], base: b), lastModified: lm)],
            "/b/copie.html": [R(headers: html, body: page("Machines agricoles et produits laitiers biélorusses", date: "2025-05-13",
                                                        ["Hanoï (VNA) – " + wire[0]] + wire.dropFirst() + ["Photo : VNA"]))],
            "/b/culture.html": [R(headers: html, body: page("Semaine culturelle vietnamienne à Minsk", date: "2025-05-11", [
                "Une semaine culturelle vietnamienne s'est ouverte dimanche à Minsk avec des spectacles de musique traditionnelle, une exposition de photographies et des ateliers de cuisine.",
            ]))],
            "/old/feed.xml": [R(status: 301, headers: ["Location": "/c/feed.xml"])],
            "/c/feed.xml": [R(body: rss([("/c/energie.html", "Sun, 11 May 2025 09:00:00 +0700")], base: b), etag: "\"c-1\"")],
            "/c/energie.html": [R(headers: html, body: page("Énergie : le Vietnam et la Biélorussie veulent coopérer", date: "2025-05-11", [
                "Des experts vietnamiens et biélorusses de l'énergie se sont réunis dimanche à Hanoï pour étudier des projets communs dans l'efficacité énergétique et les réseaux électriques.",
            ]))],
            "/gone/feed.xml": [R(status: 410, body: "gone")],
            "/busy/feed.xml": [R(status: 429, headers: ["Retry-After": "3600"], body: "trop de requêtes")],
            "/busy2/feed.xml": [R(status: 429, headers: ["Retry-After": "1"], body: "un instant"),
                                R(body: rss([("/busy2/sante.html", nil)], base: b), etag: "\"d-1\"")],
            "/busy2/sante.html": [R(headers: html, body: page("Coopération médicale entre Hanoï et Minsk", date: "2025-05-10", [
                "Les hôpitaux de Hanoï et de Minsk ont signé samedi un accord de jumelage portant sur la formation des médecins et l'échange de chercheurs en cardiologie.",
            ]))],
            "/broken/feed.xml": [R(body: "<?xml version=\"1.0\"?><rss><channel><item><link>\(b)/x.html</link></channel></rss>")],
            "/down/feed.xml": [R(status: 500, body: "panne")],
        ]
        try site.publish()
        return site
    }

    static let feedPaths = ["/a/feed.xml", "/b/atom.xml", "/old/feed.xml", "/gone/feed.xml", "/busy/feed.xml", "/busy2/feed.xml",
                            "/broken/feed.xml", "/down/feed.xml"]

    static func fetchArguments(_ dir: URL, _ feeds: URL) -> [String] {
        ["fetch", "--db", dir.appendingPathComponent("kb.sqlite").path, "--feeds", feeds.path, "--spool", dir.appendingPathComponent("spool").path,
         "--ingest", "--timeout", "0.5", "--delay", "0", "--retries", "1", "--max-retry-after", "2", "--max-size", "200K",
         "--contact", "mailto:test@example.invalid"]
    }

    @Test func fetchesEveryArticleOnceThenOnlyAsksConditionally() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = try Self.makeSite(dir)
        defer { site.stop() }
        let feeds = dir.appendingPathComponent("feeds.txt")
        try ("# feeds of the fixture site\n\n" + Self.feedPaths.map { site.url($0) + "\n" }.joined()).write(to: feeds, atomically: true, encoding: .utf8)
        let env = ["KB_TEST_FETCH_BACKOFF_MS": "10"]
        let db = dir.appendingPathComponent("kb.sqlite").path

        // First run: every reachable article is downloaded once and ingested; the failures are logged.
        let first = try TestSupport.kb(Self.fetchArguments(dir, feeds), environment: env)
        #expect(first.status == 1, "some feeds and pages fail: \(first.stderr)")
        let spooled = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("spool").path).sorted()
        #expect(spooled.count == 8 && spooled.allSatisfy { $0.hasSuffix(".html") && !$0.hasPrefix(".") }, "\(spooled)")
        #expect(spooled.contains(KnowledgeBase.spoolName(forURL: site.url("/a/visite.html"))))
        let requests1 = try site.requests()
        #expect(requests1.allSatisfy { $0.userAgent?.hasPrefix("kb/") == true && $0.userAgent!.contains("mailto:test@example.invalid") })
        #expect(!requests1.contains { $0.path.hasPrefix("/private/") }, "robots.txt forbids /private/")
        // Each page was requested once, but for the ones retried after a timeout or a 500.
        for p in ["/a/visite.html", "/a/sans-date.html", "/a/cp1252.html", "/b/copie.html", "/c/energie.html", "/busy2/sante.html"] {
            #expect(requests1.filter { $0.path == p }.count == 1, "\(p)")
        }
        #expect(requests1.filter { $0.path == "/a/erreur.html" }.count == 2, "500 is retried once (--retries 1)")
        #expect(requests1.filter { $0.path == "/busy2/feed.xml" }.count == 2, "a short Retry-After is waited for")

        let kb = try KnowledgeBase(path: db, mode: .readOnly)
        #expect(try kb.articleCount() == 7)
        let problems = try #require(try kb.fetchLog(run: nil, problemsOnly: true))
        func problem(_ path: String) -> FetchLogEntry? { problems.first { $0.url == site.url(path) } }
        #expect(problem("/gone/feed.xml")?.httpStatus == 410 && problem("/gone/feed.xml")!.detail.contains("retired"))
        #expect(problem("/busy/feed.xml")?.httpStatus == 429 && problem("/busy/feed.xml")!.detail.contains("Retry-After 3600"))
        #expect(problem("/broken/feed.xml")?.detail.contains("malformed feed XML") == true)
        #expect(problem("/down/feed.xml")?.httpStatus == 500 && problem("/down/feed.xml")?.attempts == 2)
        #expect(problem("/a/enorme.html")?.detail.contains("size limit") == true)
        #expect(problem("/a/lente.html")?.detail.contains("timed out") == true)
        #expect(problem("/a/erreur.html")?.httpStatus == 500)
        #expect(problems.count == 7, "\(problems.map(\.url))")
        let all = try #require(try kb.fetchLog(run: nil))
        #expect(all.contains { $0.url == site.url("/old/feed.xml") && $0.outcome == "moved" && $0.detail.contains("/c/feed.xml") })
        #expect(all.contains { $0.url == site.url("/private/interne.html") && $0.outcome == "disallowed" })
        #expect(all.contains { $0.url == site.url("/a/disparue.html") && $0.outcome == "gone" })
        #expect(all.contains { $0.url == site.url("/a/feed.xml") && $0.detail.contains("without a date") })

        // The page without a body is an ingest problem, named in the ingest's run log.
        let (_, ingestProblems) = try #require(try kb.run(id: nil))
        let empty = KnowledgeBase.spoolName(forURL: site.url("/a/vide.html"))
        #expect(ingestProblems.contains { $0.path.hasSuffix(empty) && $0.severity == .skipped && $0.reason.contains("no article text") })
        // windows-1252 declared by the page is decoded.
        let accents = try kb.sql("SELECT count(*) FROM articles WHERE raw_text LIKE '%Coopération économique renforcée%'")
        #expect(accents.rows == [[.integer(1)]])
        // The two outlets' copies of the wire story are one hit, « also in 1 source ».
        let hits = try kb.search(SearchRequest("machines agricoles Grodno")).hits
        #expect(hits.count == 1 && hits.first?.alsoIn == 1, "\(hits.map(\.source))")

        // Second run: only conditional requests for the feeds read before, nothing new.
        try site.clearLog()
        let second = try TestSupport.kb(Self.fetchArguments(dir, feeds), environment: env)
        #expect(second.status == 1)
        #expect(second.stderr.contains("0 new, 0 updated"), "\(second.stderr)")
        let requests2 = try site.requests()
        #expect(!requests2.contains { $0.path == "/robots.txt" }, "robots.txt is kept 24 h")
        for p in ["/old/feed.xml", "/gone/feed.xml", "/busy/feed.xml"] { #expect(!requests2.contains { $0.path == p }, "\(p)") }
        for p in ["/a/feed.xml", "/b/atom.xml", "/c/feed.xml", "/busy2/feed.xml"] {
            let r = requests2.filter { $0.path == p }
            #expect(r.count == 1 && r.allSatisfy { $0.conditional && $0.status == 304 }, "\(p): \(r.map(\.status))")
        }
        // Besides those, only what failed before is asked again (never a page already downloaded).
        let others = Set(requests2.map(\.path)).subtracting(["/a/feed.xml", "/b/atom.xml", "/c/feed.xml", "/busy2/feed.xml"])
        #expect(others == ["/broken/feed.xml", "/down/feed.xml", "/a/lente.html", "/a/erreur.html"], "\(others.sorted())")
        #expect(try kb.articleCount() == 7)

        // Third run: the server error is over; the page that failed is not lost.
        site.routes["/a/erreur.html"] = [FixtureSite.Response(headers: ["Content-Type": "text/html"], body: Self.page(
            "Les étudiants vietnamiens à Minsk", date: "2025-05-09",
            ["Plus de trois cents étudiants vietnamiens poursuivent leurs études dans les universités techniques de Minsk, selon l'ambassade du Vietnam en Biélorussie."]))]
        try site.publish()
        let third = try TestSupport.kb(Self.fetchArguments(dir, feeds), environment: env)
        #expect(third.status == 1)
        #expect(try kb.articleCount() == 8)
        let runs = try kb.recentFetchRuns()
        #expect(runs.count == 3 && runs.allSatisfy { $0.status == .partial })
        #expect(runs[1].pagesSpooled == 0 && runs[0].pagesSpooled == 1)
    }

    @Test func runLogListsFetchRunsAndTheirOutcomes() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let siteDir = dir.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: siteDir, withIntermediateDirectories: true)
        let site = FixtureSite(directory: siteDir)
        site.routes = ["/gone.xml": [FixtureSite.Response(status: 410)]]
        try site.start()
        defer { site.stop() }
        let db = dir.appendingPathComponent("kb.sqlite").path
        let run = try TestSupport.kb(["fetch", "--db", db, "--spool", dir.appendingPathComponent("spool").path, "--delay", "0", site.url("/gone.xml")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("410 Gone"), "\(run.stderr)")
        let runs = try TestSupport.kb(["runs", "--db", db, "--fetch"])
        #expect(runs.status == 0 && runs.stdout.contains("partial"), "\(runs.stdout)")
        let outcomes = try TestSupport.kb(["runs", "--db", db, "--fetch", "--problems", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(outcomes.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.contains { $0["outcome"] as? String == "gone" && $0["http_status"] as? Int == 410 } == true, "\(outcomes.stdout)")
        // A retired feed is not asked again, and is no new failure.
        try site.clearLog()
        let again = try TestSupport.kb(["fetch", "--db", db, "--spool", dir.appendingPathComponent("spool").path, "--delay", "0", site.url("/gone.xml")])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try site.requests().isEmpty)
    }

    @Test func usageErrors() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        let none = try TestSupport.kb(["fetch", "--db", db])
        #expect(none.status == 2 && none.stderr.contains("no feed to read"))
        let missing = try TestSupport.kb(["fetch", "--db", db, "--feeds", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read the feeds file"))
        let bad = dir.appendingPathComponent("feeds.txt")
        try "ftp://example.invalid/feed\n".write(to: bad, atomically: true, encoding: .utf8)
        let badRun = try TestSupport.kb(["fetch", "--db", db, "--feeds", bad.path])
        #expect(badRun.status == 2 && badRun.stderr.contains("feeds.txt:1"), "\(badRun.stderr)")
    }
}
