import Foundation
import CLibXML2
import HTMLArticle

/// One entry of a feed: the article page it points to.
public struct FeedItem: Sendable, Equatable {
    /// Absolute URL of the article page.
    public var link: String
    public var title: String?
    /// The item's date as the feed writes it (RSS `pubDate`, Atom `published`/`updated`), if any:
    /// informative only, the page's own date is what kb stores.
    public var date: String?
}

public struct FeedError: Error, CustomStringConvertible {
    public let description: String
}

/// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, read with libxml2's XML parser in strict mode: a feed
/// that is not well-formed XML is refused with libxml2's message rather than half read, since a
/// recovered tree could silently lose items. No network access and no entity expansion while parsing.
public enum FeedParser {
    public static func parse(_ bytes: [UInt8], baseURL: URL?) throws -> [FeedItem] {
        guard !bytes.isEmpty else { throw FeedError(description: "empty feed (0 bytes)") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue)
        xmlResetLastError()
        guard bytes.count < Int(Int32.max),
              let doc = bytes.withUnsafeBufferPointer({ buf in
                  buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                      xmlReadMemory($0, Int32(buf.count), nil, nil, options)
                  }
              }) else {
            throw FeedError(description: "malformed feed XML (\(lastError()))")
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw FeedError(description: "the feed has no root element") }
        let rootName = XMLNode.name(root)
        guard ["rss", "feed", "rdf", "channel"].contains(rootName) else {
            throw FeedError(description: "not an RSS or Atom feed (root element <\(rootName)>)")
        }
        var items: [FeedItem] = []
        func walk(_ node: UnsafeMutablePointer<xmlNode>) {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    let name = XMLNode.name(c)
                    if name == "item" || name == "entry" {
                        if let item = readItem(c, baseURL: baseURL) { items.append(item) }
                    } else {
                        walk(c)
                    }
                }
                child = c.pointee.next
            }
        }
        walk(root)
        return items
    }

    private static func readItem(_ node: UnsafeMutablePointer<xmlNode>, baseURL: URL?) -> FeedItem? {
        var link: String?, guid: String?, title: String?, date: String?
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            guard c.pointee.type == XML_ELEMENT_NODE else { continue }
            switch XMLNode.name(c) {
            case "link":
                // Atom: <link rel="alternate" href="…"/> (no rel means alternate); RSS: <link>URL</link>.
                if let href = XMLNode.attribute(c, "href") {
                    let rel = XMLNode.attribute(c, "rel") ?? "alternate"
                    if rel == "alternate", link == nil { link = href }
                } else if link == nil {
                    let t = text(c)
                    if !t.isEmpty { link = t }
                }
            case "guid", "id":
                let permalink = XMLNode.attribute(c, "isPermaLink") ?? "true"
                let t = text(c)
                if permalink != "false", t.hasPrefix("http") { guid = t }
            case "title": title = text(c)
            case "pubdate", "published", "date": date = date ?? text(c)
            case "updated": if date == nil { date = text(c) }
            default: break
            }
        }
        guard let raw = link ?? guid, let url = URL(string: raw, relativeTo: baseURL)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return FeedItem(link: url.absoluteString, title: title.flatMap { $0.isEmpty ? nil : $0 }, date: date.flatMap { $0.isEmpty ? nil : $0 })
    }

    static func text(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let c = xmlNodeGetContent(node) else { return "" }
        defer { free(c) }
        return String(cString: c).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func lastError() -> String {
        guard let e = xmlGetLastError() else { return "not XML" }
        let message = e.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not XML"
        return "line \(e.pointee.line): \(message)"
    }
}
