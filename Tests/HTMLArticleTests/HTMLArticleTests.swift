import Foundation
import Testing
@testable import HTMLArticle

/// Pages written for the tests (never copied from an outlet).
@Suite struct HTMLArticleTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8">
        <title>Coopération renforcée | Le Journal Inventé</title>
        <meta property="og:title" content="Le Vietnam et le Chili renforcent leur coopération">
        <meta property="article:published_time" content="2025-03-04T09:30:00+07:00">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
          {"@type":"NewsArticle","headline":"Le Vietnam et le Chili renforcent leur coopération","datePublished":"2025-03-05T08:00:00+07:00"}]}</script>
        </head><body>
        <header><nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav></header>
        <div class="share-box"><a>Partager sur Facebook</a></div>
        <article>
          <h1>Le Vietnam et le Chili renforcent leur coopération</h1>
          <time datetime="2025-03-06">6 mars</time>
          <p>Hanoï, 4 mars (VNA) – Le ministre chilien des Affaires étrangères a rencontré son homologue vietnamien.</p>
          <figure><img src="x.jpg"><figcaption>Les deux ministres à Hanoï. Photo : VNA</figcaption></figure>
          <p>Les deux parties ont signé un accord sur l'<b>agriculture</b><br>et l'éducation.</p>
          <div class="related-news"><h3>À lire aussi</h3><ul><li><a href="/a">Un autre titre inventé</a></li><li><a href="/b">Encore un titre</a></li></ul></div>
          <p class="photo-credit">Photo : VNA</p>
        </article>
        <footer><p>© Le Journal Inventé — tous droits réservés, reproduction interdite sans autorisation.</p></footer>
        <script>var tracking = "<p>not text</p>";</script>
        </body></html>
        """

    @Test func readsHeadlineDateAndParagraphsInOrder() throws {
        let a = try HTMLArticle.read(Array(Self.page.utf8))
        #expect(a.headline == "Le Vietnam et le Chili renforcent leur coopération")
        #expect(a.published == "2025-03-05")  // JSON-LD first, then article:published_time, then <time>
        #expect(a.paragraphs == [
            "Hanoï, 4 mars (VNA) – Le ministre chilien des Affaires étrangères a rencontré son homologue vietnamien.",
            "Les deux parties ont signé un accord sur l'agriculture et l'éducation.",
        ])
    }

    @Test func setsApartRelatedCaptionsAndCreditsAndDropsNavigation() throws {
        let a = try HTMLArticle.read(Array(Self.page.utf8))
        #expect(a.setApart.map(\.kind) == [.caption, .related, .related, .credit])
        #expect(a.setApart.map(\.text).contains("Un autre titre inventé"))
        let text = a.articleText
        #expect(text.hasPrefix(" date 2025-03-05 Le Vietnam et le Chili renforcent leur coopération\n\nHanoï, 4 mars"))
        #expect(text.contains("\nVoir plus\ncaption: Les deux ministres à Hanoï. Photo : VNA\n"))
        for noise in ["Accueil", "Partager", "droits réservés", "tracking"] { #expect(!text.contains(noise), "\(noise)") }
    }

    @Test func fallsBackToMetaThenTimeThenTitle() throws {
        let meta = try HTMLArticle.read(Array("<html><head><title>Titre seul - Site</title><meta name=\"pubdate\" content=\"2024-11-02\"></head><body><div><p>Un paragraphe assez long pour être le corps de la page.</p></div></body></html>".utf8))
        #expect(meta.headline == "Titre seul")
        #expect(meta.published == "2024-11-02")
        let time = try HTMLArticle.read(Array("<html><body><h1>Un titre</h1><time datetime=\"2023-07\">juillet</time><p>Texte.</p></body></html>".utf8))
        #expect(time.headline == "Un titre")
        #expect(time.published == "2023-07")
        let none = try HTMLArticle.read(Array("<html><body><p>Seulement un paragraphe.</p></body></html>".utf8))
        #expect(none.published == nil)
        #expect(none.articleText.hasPrefix("Seulement un paragraphe.\n\n"))
    }

    @Test func choosesTheContainerWithMostParagraphText() throws {
        let html = """
            <html><body><div id="side"><p>Court.</p></div>
            <div id="main"><p>Premier paragraphe de l'histoire, assez long pour compter.</p><p>Deuxième paragraphe de l'histoire, lui aussi assez long.</p></div>
            </body></html>
            """
        let a = try HTMLArticle.read(Array(html.utf8))
        #expect(a.paragraphs.count == 2)
        #expect(a.paragraphs[0].hasPrefix("Premier"))
    }

    @Test func honoursADeclaredWindows1252Charset() throws {
        var bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>coop".utf8)
        bytes += [0xE9, 0x72, 0x61, 0x74, 0x69, 0x6F, 0x6E, 0x20, 0x80, 0x20, 0x9C, 0x75, 0x76, 0x72, 0x65]  // éöration € œuvre
        bytes += Array("</p></body></html>".utf8)
        let a = try HTMLArticle.read(bytes)
        #expect(a.paragraphs == ["coopération € œuvre"])
    }

    @Test func sniffsHTML() {
        #expect(HTMLArticle.looksLikeHTML(Array("\u{FEFF}  <!DOCTYPE html><html>".utf8)))
        #expect(HTMLArticle.looksLikeHTML(Array("<html lang=fr>".utf8)))
        #expect(!HTMLArticle.looksLikeHTML(Array(" date 2025-01-01 Titre\n\n<p> dans un texte".utf8)))
        #expect(!HTMLArticle.looksLikeHTML(Array("Le <b>titre</b>".utf8)))
    }
}
