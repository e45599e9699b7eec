import Foundation
import CLibXML2

/// An article page as an outlet publishes it, read with libxml2's HTML parser (which recovers from
/// real-world markup and honours the declared charset: BOM, `<meta charset>`, http-equiv).
///
/// What is kept: the headline, the publication date, and the story's paragraphs in order. What is
/// set apart: related-article blocks, photo captions and credits (kept, never read for facts);
/// navigation, share widgets, forms and scripts are dropped. `articleText` renders the page in kb's
/// article format — the ` date YYYY-MM-DD Headline` line, the paragraphs separated by blank lines,
/// and a trailing « Voir plus » block holding what was set apart — so the rest of kb reads a page
/// exactly like a `.txt` article, and evidence offsets point into that text.
public struct HTMLArticle: Sendable, Equatable {
    public enum Kind: String, Sendable { case related, caption, credit }

    public var headline: String?
    /// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) from JSON-LD `datePublished`, `article:published_time`
    /// or a `<time datetime>`, in that order, else from the story's dateline (`Dateline`).
    public var published: String?
    public enum DateSource: String, Sendable { case metadata, dateline
        /// A dateline without a year: the year is the reference date's (the file's time).
        case datelineYearInferred }
    public var publishedFrom: DateSource?
    public var paragraphs: [String]
    public var setApart: [(kind: Kind, text: String)]

    public static func == (a: HTMLArticle, b: HTMLArticle) -> Bool {
        a.headline == b.headline && a.published == b.published && a.publishedFrom == b.publishedFrom && a.paragraphs == b.paragraphs
            && a.setApart.map(\.kind) == b.setApart.map(\.kind) && a.setApart.map(\.text) == b.setApart.map(\.text)
    }

    /// The page in kb's article text format.
    public var articleText: String {
        var out = ""
        let title = headline ?? paragraphs.first ?? ""
        if let published { out += " date \(published) \(title)\n\n" } else { out += title + "\n\n" }
        out += paragraphs.joined(separator: "\n\n") + "\n"
        if !setApart.isEmpty {
            out += "\nVoir plus\n" + setApart.map { "\($0.kind.rawValue): \($0.text)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Whether bytes are an HTML document rather than article text: after a BOM and white space, a
    /// doctype, an `<html>`, `<head>` or `<body>` tag, or a comment.
    public static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
        var head = Array(bytes.prefix(512))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        // UTF-16 pages: look at every other byte.
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            head = stride(from: head[0] == 0xFF ? 2 : 3, to: head.count, by: 2).map { head[$0] }
        }
        let text = String(decoding: head, as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<?xml"].contains { text.hasPrefix($0) }
            && (text.hasPrefix("<?xml") ? text.contains("<html") : true)
    }

    /// Parses a page. Throws when libxml2 finds no document at all. `reference` (when the page was
    /// saved) gives the year of a dateline that has none.
    public static func read(_ bytes: [UInt8], reference: Date? = nil) throws -> HTMLArticle {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard bytes.count < Int(Int32.max),
              let doc = bytes.withUnsafeBufferPointer({ buf in
                  buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                      htmlReadMemory($0, Int32(buf.count), nil, nil, options)
                  }
              }) else { throw HTMLArticleError("libxml2 could not read this page as HTML") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw HTMLArticleError("the page has no HTML element") }
        var reader = PageReader()
        reader.visit(root, inNoise: nil)
        var page = reader.article()
        if page.published != nil {
            page.publishedFrom = .metadata
        } else if let first = page.paragraphs.first, let found = Dateline.date(in: first, reference: reference) {
            page.published = found.date
            page.publishedFrom = found.yearInferred ? .datelineYearInferred : .dateline
        }
        return page
    }
}

public struct HTMLArticleError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// One pass over the tree: metadata, candidate containers of the story, what is set apart.
private struct PageReader {
    var jsonLD: [String] = []
    var metaPublished: String?
    var metaTitle: String?
    var timeDatetime: String?
    var title: String?
    var h1: String?
    /// Each story paragraph with the containers it sits in (outermost first), in document order.
    var paragraphs: [(text: String, ancestors: [Int])] = []
    var setApart: [(kind: HTMLArticle.Kind, text: String)] = []
    private var stack: [Int] = []
    private var nextID = 0
    private var articleIDs = Set<Int>()

    /// Elements never part of the story.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "iframe", "form", "button", "select", "svg",
                                       "nav", "menu", "video", "audio", "canvas"]
    /// Elements or class/id words that hold something other than the story, and what it is.
    static let noiseWords: [String: HTMLArticle.Kind?] = [
        "related": .related, "relatedarticles": .related, "lienconnexe": .related, "readmore": .related, "more": .related,
        "caption": .caption, "figcaption": .caption, "legend": .caption, "credit": .credit, "credits": .credit, "photocredit": .credit,
        "share": nil, "sharing": nil, "social": nil, "breadcrumb": nil, "breadcrumbs": nil, "comment": nil, "comments": nil,
        "tags": nil, "sidebar": nil, "footer": nil, "header": nil, "nav": nil, "menu": nil, "advert": nil, "ads": nil, "banner": nil,
        "newsletter": nil, "cookie": nil, "popup": nil, "author": .credit, "byline": .credit,
    ]

    mutating func visit(_ node: UnsafeMutablePointer<xmlNode>, inNoise: HTMLArticle.Kind??) {
        guard node.pointee.type == XML_ELEMENT_NODE else { return }
        let name = XMLNode.name(node)
        if name == "script", (XMLNode.attribute(node, "type") ?? "").lowercased().contains("ld+json") {
            var raw = ""
            var child = node.pointee.children
            while let c = child { if let t = c.pointee.content { raw += String(cString: t) }; child = c.pointee.next }
            jsonLD.append(raw)
            return
        }
        if Self.dropped.contains(name) { return }
        switch name {
        case "title": title = title ?? Self.text(node)
        case "meta": readMeta(node)
        case "time": if timeDatetime == nil, let d = XMLNode.attribute(node, "datetime") { timeDatetime = d }
        default: break
        }
        var noise = inNoise
        if noise == nil {
            if name == "figcaption" { noise = .some(.caption) }
            else if name == "aside" { noise = .some(.related) }
            else if name == "footer" || name == "header" && !articleIDsContainsAncestor() { noise = .some(nil) }
            else if let kind = Self.noiseKind(node) { noise = .some(kind) }
        }
        if name == "h1", h1 == nil, noise == nil { h1 = Self.text(node) }
        if noise == nil, name == "p" {
            let t = Self.text(node)
            if !t.isEmpty { paragraphs.append((t, stack)) }
            return
        }
        if let kind = noise, inNoise == nil {
            // The block is set apart whole: its links (related articles) or its text (captions, credits).
            if let kind {
                let items = kind == .related ? Self.linkTexts(node) : [Self.text(node)]
                for item in items where !item.isEmpty { setApart.append((kind, item)) }
            }
            return
        }
        let id = nextID
        nextID += 1
        if name == "article" { articleIDs.insert(id) }
        stack.append(id)
        var child = node.pointee.children
        while let c = child {
            visit(c, inNoise: noise)
            child = c.pointee.next
        }
        stack.removeLast()
    }

    private func articleIDsContainsAncestor() -> Bool { stack.contains { articleIDs.contains($0) } }

    private mutating func readMeta(_ node: UnsafeMutablePointer<xmlNode>) {
        let key = (XMLNode.attribute(node, "property") ?? XMLNode.attribute(node, "name") ?? XMLNode.attribute(node, "itemprop") ?? "").lowercased()
        guard let content = XMLNode.attribute(node, "content") else { return }
        switch key {
        case "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "date":
            metaPublished = metaPublished ?? content
        case "og:title": metaTitle = metaTitle ?? content
        default: break
        }
    }

    /// The story: the paragraphs of the container holding most paragraph text (an `<article>` wins
    /// when it holds any), as readability-style extractors choose.
    mutating func article() -> HTMLArticle {
        var weight: [Int: Int] = [:]
        for p in paragraphs {
            if let parent = p.ancestors.last { weight[parent, default: 0] += p.text.count }
            if p.ancestors.count >= 2 { weight[p.ancestors[p.ancestors.count - 2], default: 0] += p.text.count / 2 }
        }
        let inArticle = paragraphs.filter { $0.ancestors.contains { articleIDs.contains($0) } }
        var body: [String]
        if !inArticle.isEmpty {
            body = inArticle.map(\.text)
        } else if let best = weight.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key {
            body = paragraphs.filter { $0.ancestors.contains(best) }.map(\.text)
        } else {
            body = []
        }
        var ld = JSONLD()
        for block in jsonLD { ld.read(block) }
        let headline = [ld.headline, metaTitle, h1, title.map(Self.withoutSiteName)].compactMap { $0 }.map(Self.collapse).first { !$0.isEmpty }
        let published = [ld.published, metaPublished, timeDatetime].compactMap { $0.flatMap(Self.isoDate) }.first
        if let headline, body.first == headline { body.removeFirst() }
        return HTMLArticle(headline: headline, published: published, publishedFrom: nil, paragraphs: body, setApart: setApart)
    }

    // MARK: - libxml2 helpers

    /// The element's text, white space collapsed; `<br>` counts as a space.
    static func text(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        var out = ""
        func walk(_ n: UnsafeMutablePointer<xmlNode>) {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                if let c = n.pointee.content { out += String(cString: c) }
                return
            }
            guard n.pointee.type == XML_ELEMENT_NODE else { return }
            let name = XMLNode.name(n)
            if dropped.contains(name) { return }
            if name == "br" { out += " "; return }
            var child = n.pointee.children
            while let c = child { walk(c); child = c.pointee.next }
        }
        walk(node)
        return collapse(out)
    }

    static func linkTexts(_ node: UnsafeMutablePointer<xmlNode>) -> [String] {
        var out: [String] = []
        func walk(_ n: UnsafeMutablePointer<xmlNode>) {
            guard n.pointee.type == XML_ELEMENT_NODE else { return }
            if XMLNode.name(n) == "a" { out.append(text(n)); return }
            var child = n.pointee.children
            while let c = child { walk(c); child = c.pointee.next }
        }
        walk(node)
        let links = out.filter { !$0.isEmpty }
        return links.isEmpty ? [text(node)] : links
    }

    /// The kind of noise an element's class and id words say it is (« related-news », « share_box »).
    static func noiseKind(_ node: UnsafeMutablePointer<xmlNode>) -> HTMLArticle.Kind?? {
        let words = ((XMLNode.attribute(node, "class") ?? "") + " " + (XMLNode.attribute(node, "id") ?? "")).lowercased()
            .split { !$0.isLetter }.map(String.init)
        for w in words { if let kind = noiseWords[w] { return .some(kind) } }
        return nil
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// « Titre de l'article | Le Courrier » → « Titre de l'article ».
    static func withoutSiteName(_ s: String) -> String {
        for sep in [" | ", " - ", " – ", " — "] { if let r = s.range(of: sep, options: .backwards) { return String(s[..<r.lowerBound]) } }
        return s
    }

    /// The date part of an ISO 8601 timestamp: `2025-05-12T08:00:00+07:00` → `2025-05-12`.
    static func isoDate(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let digits = Array(t.utf8)
        func isDigits(_ r: Range<Int>) -> Bool { r.upperBound <= digits.count && digits[r].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard isDigits(0..<4) else { return nil }
        if digits.count >= 10, digits[4] == 0x2D, isDigits(5..<7), digits[7] == 0x2D, isDigits(8..<10) { return String(t.prefix(10)) }
        if digits.count >= 7, digits[4] == 0x2D, isDigits(5..<7) { return String(t.prefix(7)) }
        return digits.count == 4 ? t : nil
    }
}

/// `NewsArticle` (or any `*Article`) objects of JSON-LD blocks, also inside `@graph` and arrays.
private struct JSONLD {
    var headline: String?
    var published: String?

    mutating func read(_ block: String) {
        guard let data = block.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) else { return }
        visit(json)
    }

    private mutating func visit(_ json: Any) {
        if let array = json as? [Any] { for x in array { visit(x) }; return }
        guard let object = json as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard types.contains(where: { $0.hasSuffix("Article") }) else { return }
        if headline == nil, let h = object["headline"] as? String { headline = h }
        if published == nil, let d = object["datePublished"] as? String { published = d }
    }
}

/// libxml2 node helpers shared by the page reader and the feed reader (target Fetch).
package enum XMLNode {
    /// Element name without its namespace prefix, lower case (`dc:date` → `date`, `pubDate` → `pubdate`).
    package static func name(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    package static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { free(v) }
        return String(cString: v)
    }
}
