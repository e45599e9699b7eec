import Foundation
import HTMLArticle

/// Turns a file's bytes into article text, or refuses with a reason the user can act on.
///
/// Accepted: UTF-8 (a BOM is dropped), UTF-16 with a BOM (or without one when the NUL pattern is
/// unmistakable), and as a fallback Windows-1252 (a superset of Latin-1's printable characters)
/// when that reads as plausible French. Line endings become `\n`: the stored raw text is the
/// decoded text, like any other decoding step, so character offsets map back to it exactly and a
/// CRLF copy of an article is the same article as its LF original.
/// Refused: empty or white-space-only files, binary files, undecodable bytes.
package enum TextDecoding {
    package struct Decoded {
        package let text: String
        /// What was done to read the file (ingested anyway, reported as warnings).
        package let warnings: [String]
        package var warning: String? { warnings.isEmpty ? nil : warnings.joined(separator: "; ") }
        /// The bytes as published when `text` is a rendering of them (an HTML page), kept for provenance.
        package var original: (mediaType: String, bytes: [UInt8])? = nil
    }

    package static func decode(_ data: Data) throws -> Decoded { try decode([UInt8](data)) }

    /// False when `HTMLArticle.looksLikeHTML` is sure to be: after an optional UTF-8 byte order
    /// mark and ASCII white space, an ASCII character other than `<`. It lower-cases a 512-byte
    /// head as a Swift string, a sixth of what reading a plain article costs (callgrind).
    /// UTF-16 marks, non-ASCII bytes (Unicode white space) and an all-space head are left to it.
    static func mayBeHTML(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.count >= i + 2, (bytes[i] == 0xFF && bytes[i + 1] == 0xFE) || (bytes[i] == 0xFE && bytes[i + 1] == 0xFF) { return true }
        let end = min(bytes.count, 512)
        while i < end, bytes[i] == 0x20 || (0x09...0x0D).contains(bytes[i]) { i += 1 }
        return i == end || bytes[i] >= 0x80 || bytes[i] == UInt8(ascii: "<")
    }

    /// `reference`: when the file was written (its modification time), for a page's dateline without a year.
    package static func decode(_ bytes: [UInt8], reference: Date? = nil) throws -> Decoded {
        guard !bytes.isEmpty else { throw FileFailure(.notArticle, "empty file (0 bytes): skipped") }
        // An article page as published: its story, in kb's article format (HTMLArticle).
        if mayBeHTML(bytes), HTMLArticle.looksLikeHTML(bytes) {
            let page: HTMLArticle
            do { page = try HTMLArticle.read(bytes, reference: reference) } catch { throw FileFailure(.notArticle, "HTML page that cannot be read (\(error)): skipped") }
            guard !page.paragraphs.isEmpty else { throw FileFailure(.notArticle, "HTML page with no article text (no paragraphs outside navigation and related blocks): skipped") }
            var warnings: [String] = []
            if page.published == nil { warnings.append("HTML page with no publication date (JSON-LD, article:published_time, <time datetime>, dateline)") }
            if page.publishedFrom == .datelineYearInferred {
                warnings.append("publication date \(page.published!) read from the dateline, which has no year: the year is the file's (its modification time)")
            }
            return Decoded(text: page.articleText, warnings: warnings, original: ("text/html", bytes))
        }
        var warnings: [String] = []
        var text: String
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw FileFailure(.notArticle, "UTF-32 text (byte order mark), which kb does not read: skipped (re-save the file as UTF-8)")
        }
        if bytes.count >= 2, let bigEndian = bomUTF16(bytes) {
            guard let s = utf16(bytes.dropFirst(2), bigEndian: bigEndian) else {
                throw FileFailure(.notArticle, "starts with a UTF-16 byte order mark but is not valid UTF-16: skipped")
            }
            text = s
            warnings.append("UTF-16 file (byte order mark): converted to UTF-8")
        } else {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if body.contains(0) {
                if let bigEndian = guessUTF16(body), let s = utf16(body, bigEndian: bigEndian) {
                    text = s
                    warnings.append("UTF-16 file without byte order mark (\(bigEndian ? "big" : "little")-endian by its NUL bytes): converted to UTF-8")
                } else {
                    throw FileFailure(.notArticle, "binary file (contains NUL bytes), not article text: skipped")
                }
            } else if let s = String(validating: body, as: UTF8.self) {
                text = s
            } else if isPlausibleWindows1252French(body) {
                guard let s = String(bytes: body, encoding: .windowsCP1252) else {
                    throw FileFailure(.notArticle, "not valid UTF-8, and not readable as Windows-1252/Latin-1 French either: skipped (re-save the file as UTF-8)")
                }
                text = s
                warnings.append("not valid UTF-8: decoded as Windows-1252/Latin-1, which reads as French (check the accents, and re-save the file as UTF-8)")
            } else if let (s, bad) = mostlyUTF8(body) {
                text = s
                warnings.append("\(bad) invalid UTF-8 byte sequence\(bad == 1 ? "" : "s") replaced by � (the rest of the file is valid UTF-8)")
            } else {
                throw FileFailure(.notArticle, "not valid UTF-8, and not readable as Windows-1252/Latin-1 French either: skipped (re-save the file as UTF-8)")
            }
        }
        if text.utf8.contains(0x0D) {
            let crlf = text.contains("\r\n")
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            warnings.append(crlf ? "CRLF (Windows) line endings: read as LF" : "CR (old Mac) line endings: read as LF")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            throw FileFailure(.notArticle, "only white space, no article text: skipped")
        }
        if controlCharacterRatio(text) > 0.01 {
            throw FileFailure(.notArticle, "binary file (control characters), not article text: skipped")
        }
        return Decoded(text: text, warnings: warnings)
    }

    /// UTF-8 with a few damaged bytes (a bad copy, a truncated character): kept, damage marked.
    /// More than one bad sequence per 1,000 bytes is an encoding problem, not damage.
    private static func mostlyUTF8(_ b: ArraySlice<UInt8>) -> (String, Int)? {
        let s = String(decoding: b, as: UTF8.self)
        let bad = s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return bad * 1000 <= max(b.count, 3000) ? (s, bad) : nil
    }

    /// nil when there is no UTF-16 BOM; else whether it is big-endian. `FF FE 00 00` is UTF-32.
    private static func bomUTF16(_ b: [UInt8]) -> Bool? {
        if b[0] == 0xFE && b[1] == 0xFF { return true }
        if b[0] == 0xFF && b[1] == 0xFE && !(b.count >= 4 && b[2] == 0 && b[3] == 0) { return false }
        return nil
    }

    /// UTF-16 text in Latin script has a NUL in nearly every high byte and almost none elsewhere.
    private static func guessUTF16(_ b: ArraySlice<UInt8>) -> Bool? {
        guard b.count >= 8, b.count % 2 == 0 else { return nil }
        var evenZero = 0, oddZero = 0
        for (i, byte) in b.enumerated() where byte == 0 { if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
        let half = b.count / 2
        if oddZero * 10 >= half * 9 && evenZero * 20 <= half { return false }
        if evenZero * 10 >= half * 9 && oddZero * 20 <= half { return true }
        return nil
    }

    private static func utf16(_ b: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard b.count % 2 == 0, var s = String(bytes: b, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian) else { return nil }
        if s.unicodeScalars.first == "\u{FEFF}" { s.unicodeScalars.removeFirst() }
        return s
    }

    /// Windows-1252 is plausible when the text is mostly letters and almost every byte above
    /// 0x7F is a French letter or French typography (« » ’ – … €), never an unassigned byte.
    package static func isPlausibleWindows1252French(_ b: ArraySlice<UInt8>) -> Bool {
        var high = 0, french = 0, letters = 0
        for byte in b {
            if byte >= 0x80 {
                high += 1
                if frenchBytes.contains(byte) { french += 1 }
                if unassigned.contains(byte) { return false }
            } else if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 {
                letters += 1
            }
        }
        return french * 10 >= high * 9 && high * 5 <= b.count && (letters + french) * 10 >= b.count * 6
    }

    private static let unassigned: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    /// àâäçèéêëîïôöùûüÿ ÀÂÄÇÈÉÊËÎÏÔÖÙÛÜ œŒæÆ « » ’ ‘ “ ” – — … € ° NBSP ·
    private static let frenchBytes: Set<UInt8> = [
        0xE0, 0xE2, 0xE4, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF6, 0xF9, 0xFB, 0xFC, 0xFF,
        0xC0, 0xC2, 0xC4, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCE, 0xCF, 0xD4, 0xD6, 0xD9, 0xDB, 0xDC,
        0x9C, 0x8C, 0xE6, 0xC6, 0xAB, 0xBB, 0x92, 0x91, 0x93, 0x94, 0x96, 0x97, 0x85, 0x80, 0xB0, 0xA0, 0xB7,
    ]

    /// Share of C0 control characters other than tab, line feed and form feed.
    private static func controlCharacterRatio(_ text: String) -> Double {
        var controls = 0, total = 0
        for b in text.utf8 {
            total += 1
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C { controls += 1 }
        }
        return total == 0 ? 0 : Double(controls) / Double(total)
    }
}
