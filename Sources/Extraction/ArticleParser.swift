import Foundation
import FrenchText

/// Reads an article file's text: the optional ` date YYYY[-MM[-DD]] Headline` line, the
/// headline, and a body from which related links, photo credits, caption debris, datelines
/// and the trailing « Voir plus » block are set apart (kept, with their ranges, not lost).
package struct ArticleParser: Sendable {
    /// News agency credits (`VNA`, `VNA/CVN`, `AFP`, …), from `seeds/reference/agencies.tsv`.
    package let agencies: Set<String>

    package init(agencies: some Sequence<String>) {
        self.agencies = Set(agencies.map { $0.uppercased() })
    }

    package func parse(_ raw: String, source: String) -> Article {
        let lines = Line.split(raw)
        var i = 0
        while i < lines.count && lines[i].trimmed.isEmpty { i += 1 }

        var date: PartialDate?
        var dateProblem: String?
        var headline = ""
        var headlineRange = 0..<0
        if i < lines.count {
            let first = lines[i]
            if let parsed = Self.dateLine(first) {
                date = parsed.date
                dateProblem = parsed.problem
                if parsed.headline.isEmpty {
                    i += 1
                    while i < lines.count && lines[i].trimmed.isEmpty { i += 1 }
                    if i < lines.count { headline = lines[i].trimmed; headlineRange = lines[i].trimmedRange }
                } else {
                    headline = parsed.headline
                    headlineRange = parsed.headlineRange
                }
            } else {
                headline = first.trimmed
                headlineRange = first.trimmedRange
            }
            i += 1
        }

        var paragraphs: [Range<Int>] = []
        var setApart: [SetApart] = []
        var rawBytes: [UInt8]?
        func bytes() -> [UInt8] { if rawBytes == nil { rawBytes = Array(raw.utf8) }; return rawBytes! }

        while i < lines.count {
            let line = lines[i]
            let text = line.trimmed
            defer { i += 1 }
            if text.isEmpty { continue }
            if Self.isVoirPlus(text) {
                let end = raw.utf8.count
                setApart.append(SetApart(kind: .more, text: String(decoding: bytes()[line.trimmedRange.lowerBound..<end], as: UTF8.self), range: line.trimmedRange.lowerBound..<end))
                break
            }
            if text.hasPrefix(">>") || text.hasPrefix("»") {
                let linkText = text.drop(while: { $0 == ">" || $0 == "»" || $0 == " " })
                setApart.append(SetApart(kind: .related, text: String(linkText), range: line.trimmedRange))
                continue
            }
            if text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 {
                setApart.append(SetApart(kind: .related, text: String(text.dropFirst().dropLast()).trimmingSpaces, range: line.trimmedRange))
                continue
            }
            if isCreditLine(text) {
                setApart.append(SetApart(kind: .credit, text: text, range: line.trimmedRange))
                continue
            }
            var range = line.trimmedRange
            // « Headline ảnh 1Caption. Photo: VNA »: the headline repeat and the image marker are debris.
            if let marker = Self.imageMarkerEnd(bytes(), in: range) {
                setApart.append(SetApart(kind: .captionDebris, text: String(decoding: bytes()[range.lowerBound..<marker], as: UTF8.self).trimmingSpaces, range: range.lowerBound..<marker))
                range = marker..<range.upperBound
            }
            if let dateline = datelineEnd(bytes(), in: range) {
                setApart.append(SetApart(kind: .dateline, text: String(decoding: bytes()[range.lowerBound..<dateline], as: UTF8.self).trimmingSpaces, range: range.lowerBound..<dateline))
                range = dateline..<range.upperBound
            }
            while let credit = trailingCreditStart(bytes(), in: range) {
                setApart.append(SetApart(kind: .credit, text: String(decoding: bytes()[credit..<range.upperBound], as: UTF8.self).trimmingSpaces, range: credit..<range.upperBound))
                range = range.lowerBound..<credit
            }
            range = Self.trim(bytes(), range)
            if !range.isEmpty { paragraphs.append(range) }
        }
        return Article(source: source, raw: raw, date: date, dateProblem: dateProblem, headline: headline,
                       headlineRange: headlineRange, paragraphs: paragraphs, setApart: setApart)
    }

    // MARK: - Date line

    struct DateLine { var date: PartialDate?; var problem: String?; var headline: String; var headlineRange: Range<Int> }

    /// ` date 2025-05 Headline` → date and headline. Nil when the line is not a date line.
    static func dateLine(_ line: Line) -> DateLine? {
        let t = line.trimmed
        guard t.hasPrefix("date ") || t.hasPrefix("date\t") else { return nil }
        let afterKeyword = t.dropFirst(5).drop(while: { $0 == " " || $0 == "\t" })
        let token = afterKeyword.prefix(while: { $0 != " " && $0 != "\t" })
        guard let c = token.first, c.isASCII, c.isNumber else { return nil }
        let headline = afterKeyword.dropFirst(token.count).trimmingSpaces
        let headlineStart = line.trimmedRange.upperBound - headline.utf8.count
        let date = PartialDate(iso: token)
        return DateLine(date: date, problem: date == nil ? "impossible or malformed date « \(token) »" : nil,
                        headline: headline, headlineRange: headlineStart..<line.trimmedRange.upperBound)
    }

    // MARK: - Noise recognition

    static func isVoirPlus(_ text: String) -> Bool {
        // Every line is asked, and most are paragraphs: folding and trimming each was a tenth of
        // extraction. A line with more than 12 letters that cannot fold to a trimmed character is
        // longer than the longest label, folded and trimmed, and cannot be one.
        guard atMostTwelveUntrimmedScalars(text) else { return false }
        let f = Folding.fold(text).trimmingCharacters(in: " :.…")
        return f == "voir plus" || f == "voir aussi" || f == "lire aussi" || f == "a lire aussi"
    }

    /// Whether at most 12 scalars of `text` fold to something `isVoirPlus` keeps. The others are the
    /// characters it trims (space, `:`, `.`, `…`), those folding to a space (no-break and thin spaces)
    /// and combining marks (folded away); every other scalar folds to at least one kept byte.
    static func atMostTwelveUntrimmedScalars(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var kept = 0
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c != 0x20 && c != UInt8(ascii: ":") && c != UInt8(ascii: ".") { kept += 1 }
                    i += 1
                } else if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 {                    // U+00A0
                    i += 2
                } else if c == 0xCC || (c == 0xCD && i + 1 < n && b[i + 1] <= 0xAF) {   // U+0300–U+036F
                    i += 2
                } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80,
                          b[i + 2] == 0xA6 || b[i + 2] == 0xAF || b[i + 2] == 0x89 || b[i + 2] == 0x87 {  // … U+202F U+2009 U+2007
                    i += 3
                } else {
                    kept += 1
                    i += 1
                    while i < n && b[i] & 0xC0 == 0x80 { i += 1 }
                }
                if kept > 12 { return false }
            }
            return true
        }
    }

    /// `Photo : VNA/CVN`, `Photo: VNA`, `VNA/CVN`, `Source : AFP`.
    func isCreditLine(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: " -–—()")
        if isAgencyList(t) { return true }
        guard t.utf8.count <= 80, let colon = t.firstIndex(of: ":") else { return false }
        let label = Folding.fold(t[..<colon]).trimmingSpaces
        return Self.creditLabels.contains(label.replacingOccurrences(of: " ", with: "_"))
    }

    static let creditLabels = Lexicon.embedded.words("shared.credit-label")

    /// `VNA`, `VNA/CVN`, `VNA-CVN`, `AFP/VNA`: only agency names.
    /// Walks the parts and stops at the first that is no agency: every paragraph is asked, and
    /// splitting a whole paragraph into words first was 4 % of extraction.
    func isAgencyList(_ t: some StringProtocol) -> Bool {
        // Read as bytes while the parts are ASCII (agency codes are): the Character walk below cost
        // thousands of instructions for the first word of every paragraph.
        if let ascii = t.utf8.withContiguousStorageIfAvailable({ asciiAgencyList($0) }), let answer = ascii { return answer }
        return isAgencyListByCharacter(t)
    }

    /// `isAgencyList` over UTF-8 bytes; nil as soon as a part holds a non-ASCII byte (a scalar that
    /// could join a separator into another character, or upper-case differently): the Character walk decides.
    private func asciiAgencyList(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var found = false
        var start = 0, i = 0
        while true {
            let atEnd = i == b.count
            if atEnd || b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ",") || b[i] == 0x20 {
                if start < i {
                    let part = String(unsafeUninitializedCapacity: i - start) { out in
                        for k in start..<i { let c = b[k]; out[k - start] = c &- ((c >= 0x61 && c <= 0x7A) ? 0x20 : 0) }
                        return i - start
                    }
                    guard agencies.contains(part) else { return false }
                    found = true
                }
                if atEnd { return found }
                start = i + 1
            } else if b[i] >= 0x80 {
                return nil
            }
            i += 1
        }
    }

    private func isAgencyListByCharacter(_ t: some StringProtocol) -> Bool {
        var found = false
        var start = t.startIndex, i = t.startIndex
        while true {
            let atEnd = i == t.endIndex
            if atEnd || t[i] == "/" || t[i] == "-" || t[i] == "," || t[i] == " " {
                if start < i {
                    guard agencies.contains(t[start..<i].uppercased()) else { return false }
                    found = true
                }
                if atEnd { return found }
                start = t.index(after: i)
            }
            i = t.index(after: i)
        }
    }

    /// End of the `ảnh N` marker Vietnamese CMSs leave before a photo caption.
    static func imageMarkerEnd(_ b: [UInt8], in range: Range<Int>) -> Int? {
        // « ảnh » precomposed (E1 BA A3 6E 68) or decomposed (61 CC 89 6E 68), then a space and digits.
        // Every paragraph is scanned: the rare third byte (A3 or 89) is tested first.
        b.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            while i + 6 < range.upperBound {
                let c = p[i + 2]
                if c == 0xA3 || c == 0x89, p[i + 3] == 0x6E, p[i + 4] == 0x68, p[i + 5] == 0x20,
                   (p[i] == 0xE1 && p[i + 1] == 0xBA && c == 0xA3) || (p[i] == 0x61 && p[i + 1] == 0xCC && c == 0x89) {
                    var j = i + 6
                    while j < range.upperBound && p[j] >= 0x30 && p[j] <= 0x39 { j += 1 }
                    if j > i + 6 { return j }
                }
                i += 1
            }
            return nil
        }
    }

    /// `Minsk (VNA) - ` at the start of a paragraph: returns where the story starts.
    func datelineEnd(_ b: [UInt8], in range: Range<Int>) -> Int? {
        let limit = min(range.upperBound, range.lowerBound + 60)
        guard let open = b[range.lowerBound..<limit].firstIndex(of: UInt8(ascii: "(")),
              let close = b[open..<limit].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let agency = String(decoding: b[(open + 1)..<close], as: UTF8.self)
        guard isAgencyList(agency) else { return nil }
        var j = close + 1
        while j < limit && b[j] == 0x20 { j += 1 }
        // A dash (-, –, —) or a colon follows the agency.
        if j < limit && (b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: ":")) { j += 1 }
        else if j + 2 < limit && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x93 || b[j + 2] == 0x94) { j += 3 }
        else { return nil }
        while j < range.upperBound && b[j] == 0x20 { j += 1 }
        return j
    }

    /// Start of a trailing credit inside a paragraph: `… pays. -VNA`, `… Biélorussie. Photo: VNA`.
    func trailingCreditStart(_ b: [UInt8], in range: Range<Int>) -> Int? {
        // Most paragraphs end with neither: decided from the bytes, without a String of the paragraph.
        guard Self.contains(b, range, "Photo") || Self.mayEndWithAgency(b, range) else { return nil }
        let text = String(decoding: b[range], as: UTF8.self)
        // `Photo: VNA` after the last sentence. Foundation's backward search costs a UTF-16 copy of
        // every paragraph (11 % of extraction); « Photo » is ASCII with no canonical equivalent, so
        // when its bytes are absent the search cannot find it and is skipped.
        if Self.contains(b, range, "Photo"), let r = text.range(of: "Photo", options: .backwards), text.distance(from: r.lowerBound, to: text.endIndex) <= 40,
           r.lowerBound > text.startIndex {
            let tail = String(text[r.lowerBound...])
            if isCreditLine(tail) {
                let before = text[..<r.lowerBound].trimmingSpaces
                if let last = before.last, ".!?»\")".contains(last) {
                    return range.lowerBound + text[..<r.lowerBound].utf8.count
                }
            }
        }
        // ` -VNA`, ` - VNA/CVN`, ` (VNA)`: an agency list after a dash or in brackets at the very end.
        guard let lastSpace = text.lastIndex(where: { $0 == " " }) else { return nil }
        var tail = text[text.index(after: lastSpace)...]
        var start = text.index(after: lastSpace)
        if tail.hasPrefix("-") || tail.hasPrefix("–") || tail.hasPrefix("—") { tail = tail.dropFirst() }
        else if let dash = text[..<lastSpace].trimmingSuffixSpaces.last, "-–—".contains(dash) {
            start = text[..<lastSpace].lastIndex(of: dash)!
        } else if !(tail.hasPrefix("(") && tail.hasSuffix(")")) {
            return nil
        }
        let agency = tail.trimmingCharacters(in: "()")
        guard !agency.isEmpty, isAgencyList(agency) else { return nil }
        return range.lowerBound + text[..<start].utf8.count
    }

    /// False when the end of the paragraph is surely not ` -VNA`, ` - VNA/CVN` or ` (VNA)`: after its last
    /// space there is no dash, the text before that space does not end with one, and the paragraph does
    /// not end with `)`. A non-ASCII byte right after the last space (a combining mark would make that
    /// space another character) leaves the question to the String-level reading.
    static func mayEndWithAgency(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        if b[r.upperBound - 1] == UInt8(ascii: ")") { return true }
        var p = r.upperBound - 1
        while p >= r.lowerBound && b[p] != 0x20 { p -= 1 }
        guard p >= r.lowerBound else { return false }
        func endsWithDash(_ e: Int) -> Bool {
            if e - 1 >= r.lowerBound && b[e - 1] == UInt8(ascii: "-") { return true }
            return e - 3 >= r.lowerBound && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && (b[e - 1] == 0x93 || b[e - 1] == 0x94)
        }
        if p + 1 < r.upperBound {
            let next = b[p + 1]
            if next >= 0x80 || next == UInt8(ascii: "-") { return true }
        }
        var q = p
        while q > r.lowerBound && (b[q - 1] == 0x20 || b[q - 1] == 0x09) { q -= 1 }
        return endsWithDash(q)
    }

    static func contains(_ b: [UInt8], _ r: Range<Int>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        guard n > 0, r.count >= n else { return false }
        var i = r.lowerBound
        while i <= r.upperBound - n {
            if b[i] == p[0] {
                var k = 1
                while k < n && b[i + k] == p[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    static func trim(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        return lo..<hi
    }
}

/// A line of the raw text with its byte range (without the line break, `\r` included).
struct Line {
    let trimmed: String
    let trimmedRange: Range<Int>

    static func split(_ raw: String) -> [Line] {
        var lines: [Line] = []
        let b = Array(raw.utf8)
        var start = 0
        var i = 0
        while i <= b.count {
            if i == b.count || b[i] == 0x0A {
                var lo = start, hi = i
                while lo < hi && isBlank(b, lo) { lo += blankLength(b, lo) }
                while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09 || b[hi - 1] == 0x0D) { hi -= 1 }
                lines.append(Line(trimmed: String(decoding: b[lo..<hi], as: UTF8.self), trimmedRange: lo..<hi))
                start = i + 1
            }
            i += 1
        }
        return lines
    }

    private static func isBlank(_ b: [UInt8], _ i: Int) -> Bool { blankLength(b, i) > 0 }
    private static func blankLength(_ b: [UInt8], _ i: Int) -> Int {
        if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { return 1 }
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if b[i] == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }  // BOM
        return 0
    }
}

extension String {
    /// `trimmingCharacters(in:)` without a copy when nothing is trimmed, the common case (a paragraph).
    func trimmingCharacters(in chars: String) -> String {
        guard let f = unicodeScalars.first, let l = unicodeScalars.last else { return "" }
        let set = chars.unicodeScalars
        if !set.contains(f) && !set.contains(l) { return self }
        return Substring(self).trimmingCharacters(in: chars)
    }
}

extension StringProtocol {
    var trimmingSpaces: String { trimmingCharacters(in: " \t\r\n\u{A0}") }
    var trimmingSuffixSpaces: Substring {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
    /// (Building a `Set` of `chars` on every call was 4 % of extraction: every line is trimmed.)
    /// Compares scalars, not grapheme clusters: every character trimmed here is one scalar, and
    /// Character comparison was most of the parser's time.
    func trimmingCharacters(in chars: String) -> String {
        let set = chars.unicodeScalars
        var s = Substring(self).unicodeScalars
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(Substring(s))
    }
}
