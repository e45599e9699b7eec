import Foundation

/// Accent and case folding for French (and the Vietnamese names French news carries).
///
/// `fold("Cœur d’Đà Nẵng")` → `"coeur d'da nang"`. Foundation's diacritic folding is slow
/// (~54 MB/s) and leaves œ, æ, đ and ’ alone, so the mapping of every non-ASCII scalar is
/// computed once into a table and the hot loop only scans UTF-8 bytes.
package enum Folding {
    /// Lowercases, strips diacritics, expands ligatures (œ→oe, æ→ae, ß→ss), folds đ→d
    /// and typographic apostrophes (’ ʼ ‘ ′) to `'`. Other scalars pass through lowercased.
    package static func fold(_ text: some StringProtocol) -> String {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ fold(utf8: $0) }) { return folded }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        foldUTF8(text.utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `fold` of UTF-8 bytes. Every token is folded: an ASCII word is lower-cased straight into the
    /// new string, with no intermediate array.
    package static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (k, b) in bytes.enumerated() { out[k] = b &+ ((b >= 0x41 && b <= 0x5A) ? 0x20 : 0) }
                return bytes.count
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        foldUTF8(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte-level fold; ASCII bytes cost one table lookup.
    package static func foldUTF8<C: Collection>(_ bytes: C, into out: inout [UInt8]) where C.Element == UInt8 {
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b &+ ((b >= 0x41 && b <= 0x5A) ? 0x20 : 0))
                i = bytes.index(after: i)
                continue
            }
            // Decode one scalar.
            var scalar: UInt32
            var extra: Int
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); extra = 1 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); extra = 2 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); extra = 3 }
            else { i = bytes.index(after: i); continue }  // stray continuation byte: drop
            let start = i
            i = bytes.index(after: i)
            var ok = true
            for _ in 0..<extra {
                guard i != bytes.endIndex, bytes[i] & 0xC0 == 0x80 else { ok = false; break }
                scalar = (scalar << 6) | UInt32(bytes[i] & 0x3F)
                i = bytes.index(after: i)
            }
            guard ok else { continue }
            if !table.append(scalar, to: &out) {
                out.append(contentsOf: bytes[start..<i])
            }
        }
    }

    private static let table = FoldTable()

    /// Scalars whose generated fold differs from Foundation's (empty unless `make generate` is due).
    static func staleGeneratedFolds() -> [UInt32] {
        let generated = Dictionary(GeneratedFolds.table.map { ($0.scalar, $0.folded) }, uniquingKeysWith: { a, _ in a })
        let computed = Dictionary(FoldTable.computedFolds().map { ($0.scalar, $0.folded) }, uniquingKeysWith: { a, _ in a })
        return Set(generated.keys).union(computed.keys).filter { generated[$0] != computed[$0] }.sorted()
    }
}

/// Precomputed fold of every scalar in the Latin, Greek/Cyrillic-free ranges French text uses.
private struct FoldTable: Sendable {
    /// From the table `make generate` writes (`GeneratedFolds`): computing it with Foundation's
    /// decomposition was an eighth of a whole `kb search`'s instructions, at every start.
    init() { self.init(folds: GeneratedFolds.table) }

    /// The scalars whose fold is not themselves in the Latin ranges, and the characters kb folds
    /// its own way (ligatures, đ, apostrophes, spaces, dashes, quotes).
    static let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF]
    // Pairs, not a dictionary: instantiating a dictionary type scans every protocol conformance in
    // the process (~0.4 M instructions) and nothing else in a search needs this one.
    static let special: [(UInt32, String)] = [
        (0x0152, "oe"), (0x0153, "oe"), (0x00C6, "ae"), (0x00E6, "ae"), (0x00DF, "ss"),
        (0x0110, "d"), (0x0111, "d"), (0x00D0, "d"), (0x00F0, "d"), (0x0141, "l"), (0x0142, "l"),
        (0x00D8, "o"), (0x00F8, "o"), (0x0131, "i"),
        (0x2019, "'"), (0x2018, "'"), (0x02BC, "'"), (0x2032, "'"), (0x00B4, "'"), (0x0060, "'"),
        (0x00A0, " "), (0x202F, " "), (0x2009, " "), (0x2007, " "),
        (0x2013, "-"), (0x2014, "-"), (0x2010, "-"), (0x2011, "-"),
        (0x00AB, "\""), (0x00BB, "\""), (0x201C, "\""), (0x201D, "\""),
        (0x1D49, "e"),  // ᵉ as in « XVIᵉ »
    ]

    /// What `GeneratedFolds` must hold, computed with Foundation (NFD, lower case, marks dropped).
    static func computedFolds() -> [(scalar: UInt32, folded: String)] {
        var out: [(scalar: UInt32, folded: String)] = []
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let folded = String(s).decomposedStringWithCanonicalMapping.lowercased()
                let kept = String(String.UnicodeScalarView(folded.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }))
                if kept != String(s) { out.append((v, kept)) }
            }
        }
        return out
    }

    init(folds: [(scalar: UInt32, folded: String)]) {
        // Written straight into the dense table, kb's own folds after the generated ones so that they
        // win: a dictionary of byte arrays, sorted, cost a fiftieth of a whole `kb search` at every start.
        var dense = [UInt32](repeating: 0, count: Int(Self.denseLimit))
        var bytes: [UInt8] = [0]
        var sparse: [UInt32: [UInt8]] = [:]
        func add(_ k: UInt32, _ v: String) {
            guard k < Self.denseLimit else { sparse[k] = Array(v.utf8); return }
            let start = bytes.count
            bytes.append(contentsOf: v.utf8)
            dense[Int(k)] = UInt32(start) << 8 | UInt32(bytes.count - start)
        }
        for (k, v) in folds { add(k, v) }
        for (k, v) in Self.special { add(k, v) }
        self.dense = dense
        self.bytes = bytes
        self.sparse = sparse
    }

    static let denseLimit: UInt32 = 0x2040
    private let dense: [UInt32]
    private let bytes: [UInt8]
    private let sparse: [UInt32: [UInt8]]

    /// Appends the fold of `scalar`; false when the scalar has no mapping (it stands for itself).
    @inline(__always)
    func append(_ scalar: UInt32, to out: inout [UInt8]) -> Bool {
        if scalar < Self.denseLimit {
            let e = dense[Int(scalar)]
            guard e != 0 else { return false }
            let start = Int(e >> 8)
            out.append(contentsOf: bytes[start..<(start + Int(e & 0xFF))])
            return true
        }
        guard let mapped = sparse[scalar] else { return false }
        out.append(contentsOf: mapped)
        return true
    }
}
