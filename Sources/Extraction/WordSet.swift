/// A set of folded words for the extractors' membership tests (« is this token a determiner »).
///
/// The extractors ask such questions of nearly every token, many times over; with `Set<String>` the
/// SipHash of each question was about a quarter of extraction time (benchmark profile). Words here
/// are hashed with FNV-1a over their UTF-8 bytes into an open-addressing table: a miss, the common
/// case, costs a few multiplications and one array read.
public struct WordSet: Sendable, Sequence, Equatable, ExpressibleByArrayLiteral {
    private var slots: [String?]
    private var mask: Int
    public private(set) var count = 0

    public init() { slots = Array(repeating: nil, count: 8); mask = 7 }

    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.init()
        for w in words { insert(w) }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    @inline(__always)
    static func hash(_ s: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public mutating func insert(_ w: String) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Self.hash(w) & mask
        while let s = slots[i] {
            if s == w { return }
            i = (i + 1) & mask
        }
        slots[i] = w
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for case let w? in old { insert(w) }
    }

    @inline(__always)
    public func contains(_ w: String) -> Bool {
        var i = Self.hash(w) & mask
        while let s = slots[i] {
            if s == w { return true }
            i = (i + 1) & mask
        }
        return false
    }

    public func union(_ other: WordSet) -> WordSet {
        var out = self
        for w in other { out.insert(w) }
        return out
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String { for w in other { insert(w) } }

    public var isEmpty: Bool { count == 0 }

    public func makeIterator() -> some IteratorProtocol<String> { slots.lazy.compactMap { $0 }.makeIterator() }

    public static func == (a: WordSet, b: WordSet) -> Bool { a.count == b.count && a.allSatisfy(b.contains) }
}

/// A map from folded word to a value, hashed like `WordSet` (the phrase matcher's first-word index).
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?] = Array(repeating: nil, count: 8)
    private var values: [Value?] = Array(repeating: nil, count: 8)
    private var mask = 7
    private(set) var count = 0

    init() {}

    subscript(key: String) -> Value? {
        get {
            var i = WordSet.hash(key) & mask
            while let k = keys[i] {
                if k == key { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("WordTable does not remove keys") }
            if (count + 1) * 2 > keys.count { grow() }
            var i = WordSet.hash(key) & mask
            while let k = keys[i] {
                if k == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            keys[i] = key
            values[i] = newValue
            count += 1
        }
    }

    var entries: [(key: String, value: Value)] {
        zip(keys, values).compactMap { k, v in k.flatMap { k in v.map { (k, $0) } } }
    }

    private mutating func grow() {
        let old = entries
        keys = Array(repeating: nil, count: keys.count * 2)
        values = Array(repeating: nil, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (k, v) in old { self[k] = v }
    }
}
