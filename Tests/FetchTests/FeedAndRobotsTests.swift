import Foundation
import Testing
@testable import Fetch

@Suite struct FeedParserTests {
    @Test func rssItemsWithAndWithoutDates() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Actualités</title>
            <item><title>Visite à Minsk</title><link>https://exemple.test/monde/visite.html</link><pubDate>Mon, 12 May 2025 08:00:00 +0700</pubDate></item>
            <item><title>Sans date</title><link> /economie/sans-date.html </link></item>
            <item><title>Par le guid</title><guid isPermaLink="true">https://exemple.test/guid.html</guid><dc:date>2025-05-10</dc:date></item>
            <item><title>Guid opaque, pas de lien</title><guid isPermaLink="false">12345</guid></item>
            </channel></rss>
            """
        let items = try FeedParser.parse(Array(xml.utf8), baseURL: URL(string: "https://exemple.test/rss.xml"))
        #expect(items.map(\.link) == ["https://exemple.test/monde/visite.html", "https://exemple.test/economie/sans-date.html", "https://exemple.test/guid.html"])
        #expect(items.map(\.date) == ["Mon, 12 May 2025 08:00:00 +0700", nil, "2025-05-10"])
        #expect(items[0].title == "Visite à Minsk")
    }

    @Test func atomAlternateLinks() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Hebdo</title>
            <entry><title>Un</title><link rel="self" href="https://exemple.test/self"/><link href="https://exemple.test/un.html"/><published>2025-05-01T10:00:00Z</published></entry>
            <entry><title>Deux</title><link rel="alternate" type="text/html" href="deux.html"/><updated>2025-05-02T10:00:00Z</updated></entry>
            </feed>
            """
        let items = try FeedParser.parse(Array(xml.utf8), baseURL: URL(string: "https://exemple.test/b/atom.xml"))
        #expect(items.map(\.link) == ["https://exemple.test/un.html", "https://exemple.test/b/deux.html"])
        #expect(items.map(\.date) == ["2025-05-01T10:00:00Z", "2025-05-02T10:00:00Z"])
    }

    @Test func malformedAndForeignDocumentsAreRefused() {
        #expect(throws: FeedError.self) { try FeedParser.parse(Array("<rss><channel><item></channel></rss>".utf8), baseURL: nil) }
        #expect(throws: FeedError.self) { try FeedParser.parse(Array("<html><body><p>page</p></body></html>".utf8), baseURL: nil) }
        #expect(throws: FeedError.self) { try FeedParser.parse([], baseURL: nil) }
        do {
            _ = try FeedParser.parse(Array("<rss><channel><item><link>x</link></channel></rss>".utf8), baseURL: nil)
        } catch {
            #expect("\(error)".contains("malformed feed XML (line 1"))
        }
    }

    @Test func entitiesAreNotExpandedFromOutside() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><title>&ext;</title><link>https://exemple.test/a.html</link></item></channel></rss>
            """
        let items = try FeedParser.parse(Array(xml.utf8), baseURL: nil)
        #expect(items.count == 1 && !(items[0].title ?? "").contains("root:"))
    }
}

@Suite struct RobotsTests {
    @Test func ownGroupWinsOverStar() {
        let text = """
            # invented robots.txt
            User-agent: *
            Disallow: /

            User-agent: kb
            User-agent: otherbot
            Disallow: /prive/
            Allow: /prive/public.html
            Disallow: /*.pdf$
            """
        let r = RobotsRules(text: text, agent: "kb")
        #expect(r.allows("/monde/article.html"))
        #expect(!r.allows("/prive/x.html"))
        #expect(r.allows("/prive/public.html"))
        #expect(!r.allows("/docs/rapport.pdf"))
        #expect(r.allows("/docs/rapport.pdf?page=2"))
        #expect(!RobotsRules(text: text, agent: "someoneelse").allows("/monde/article.html"))
    }

    @Test func emptyDisallowAllowsEverything() {
        let r = RobotsRules(text: "User-agent: *\nDisallow:\n", agent: "kb")
        #expect(r.allows("/a"))
        #expect(RobotsRules.allowAll.allows("/x") && !RobotsRules.disallowAll.allows("/x"))
    }
}

@Suite struct RetryAfterTests {
    @Test func secondsAndHTTPDates() {
        #expect(Fetcher.retryAfterSeconds("120") == 120)
        #expect(Fetcher.retryAfterSeconds(" 0 ") == 0)
        #expect(Fetcher.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0)  // in the past: no wait
        #expect(Fetcher.retryAfterSeconds("bientôt") == nil)
        #expect(Fetcher.hostKey(URL(string: "HTTP://Exemple.test:8080/a?b")!) == "http://exemple.test:8080")
    }
}
