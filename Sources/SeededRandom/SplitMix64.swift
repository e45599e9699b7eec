/// SplitMix64: a tiny PRNG with a fixed algorithm, so a seed gives the same corpus on every
/// machine and Swift version (SystemRandomNumberGenerator is not seedable, and the standard
/// library's algorithms for `randomElement` are not promised to stay the same). The benchmark's
/// corpus and the tests' random inputs (fuzzing, kill moments) replay from a seed with it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0); the modulo bias is irrelevant for a benchmark corpus.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Zipf-like pick: early items are much more frequent, so the corpus has both common and rare
    /// names — which is what makes a selective query selective.
    public mutating func pickSkewed<T>(_ items: [T]) -> T {
        let u = Double(next() >> 11) / Double(1 << 53)
        return items[min(items.count - 1, Int(Double(items.count) * u * u * u))]
    }
}
