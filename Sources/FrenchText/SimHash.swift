/// 64-bit simhash of a text's analysed words (Charikar 2002; Manku, Jain & Das Sarma 2007 for
/// near-duplicate web pages): each run of three consecutive terms votes for the bits of its hash,
/// so two copies of a story that differ by a credit line, a dateline or a corrected figure differ
/// in a few bits, while two different stories differ in about half.
package enum SimHash {
    /// Fewer shingles than this and the fingerprint says little: such texts are not compared.
    package static let minimumShingles = 24

    /// The fingerprint of analysed terms, or nil when the text is too short to compare.
    package static func fingerprint(terms: [String]) -> UInt64? {
        guard terms.count >= minimumShingles + 2 else { return nil }
        var votes = [Int](repeating: 0, count: 64)
        for i in 0..<(terms.count - 2) {
            var h = fnv1a(terms[i])
            h = fnv1a(" " + terms[i + 1], seed: h)
            h = fnv1a(" " + terms[i + 2], seed: h)
            for bit in 0..<64 { votes[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// Number of differing bits.
    package static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// The four 16-bit blocks: two fingerprints within 3 bits agree on at least one (pigeonhole), so
    /// an index on each block finds the candidates without comparing with every stored article.
    package static func blocks(_ f: UInt64) -> [Int] { (0..<4).map { Int((f >> UInt64(16 * $0)) & 0xFFFF) } }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded per process),
    /// with a final avalanche so that similar shingles do not share high bits.
    static func fnv1a(_ s: String, seed: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var h = seed
        for b in s.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33
        return h
    }
}
