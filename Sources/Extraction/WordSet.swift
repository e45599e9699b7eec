import FrenchText

/// Something a word set or phrase table can be asked about: a folded word with its hash computed once
/// (a token, a part of a hyphenated word, a stem).
package protocol FoldedKey {
    var folded: String { get }
    var foldedHash: Int { get }
}

extension Token: FoldedKey {}

/// A folded word and its hash, for keys that are not tokens (stems, parts of words).
package struct HashedWord: FoldedKey, Sendable {
    package let folded: String
    package let foldedHash: Int
    package init(_ folded: String) { self.folded = folded; foldedHash = WordHash.of(folded) }
    package static let empty = HashedWord("")
    /// A word whose hash is known (a token's folded form).
    init(_ folded: String, hash: Int) { self.folded = folded; foldedHash = hash }
}

/// A set of folded words for the extractors' membership tests (« is this token a determiner »).
///
/// The extractors ask such questions of nearly every token, many times over; with `Set<String>` the
/// SipHash of each question was about a quarter of extraction time (benchmark profile). Words here
/// are hashed with `WordHash` into an open-addressing table that keeps each word's hash: a token
/// brings its hash (`Token.foldedHash`), so a miss, the common case, reads a few integers and
/// compares no string.
package struct WordSet: Sendable, Sequence, Equatable, ExpressibleByArrayLiteral {
    private var slots: [String?]
    /// `WordHash.of(slots[i])`, 0 where the slot is empty.
    private var hashes: [Int]
    private var mask: Int
    package private(set) var count = 0

    package init() { slots = Array(repeating: nil, count: 8); hashes = Array(repeating: 0, count: 8); mask = 7 }

    package init<S: Sequence>(_ words: S) where S.Element == String {
        self.init()
        for w in words { insert(w) }
    }

    package init(arrayLiteral elements: String...) { self.init(elements) }

    package mutating func insert(_ w: String) {
        if (count + 1) * 2 > slots.count { grow() }
        let h = WordHash.of(w)
        var i = h & mask
        while hashes[i] != 0 {
            if hashes[i] == h, slots[i] == w { return }
            i = (i + 1) & mask
        }
        slots[i] = w
        hashes[i] = h
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        hashes = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for case let w? in old { insert(w) }
    }

    @inline(__always)
    package func contains(_ w: String) -> Bool { contains(w, hash: WordHash.of(w)) }

    /// Whether the key's folded form is in the set, by the hash the key carries.
    @inline(__always)
    package func contains<K: FoldedKey>(_ k: K) -> Bool { contains(k.folded, hash: k.foldedHash) }

    /// The same for a token, which is most questions. Not through `FoldedKey`: `Token` is another
    /// module's type, so its conformance reads the fields through getters that take the token by
    /// address, and every `set.contains(tokens[i])` copied the token out of the array to call them (two
    /// retains, two releases, a tenth of extraction). Read directly, the fields cost two loads.
    @inline(__always)
    package func contains(_ t: Token) -> Bool { contains(t.folded, hash: t.foldedHash) }

    @inline(__always)
    func contains(_ w: String, hash h: Int) -> Bool {
        var i = h & mask
        while true {
            let x = hashes[i]
            if x == 0 { return false }
            if x == h, slots[i] == w { return true }
            i = (i + 1) & mask
        }
    }

    /// Whether the folded form of any token is in the set. The tokens are read in place: copying each
    /// out of the array (`tokens.contains { set.contains($0) }`) cost two retains and two releases per
    /// token, most of a miss; a miss here reads two integers.
    func containsAny(of tokens: [Token]) -> Bool {
        tokens.withUnsafeBufferPointer { p in
            for k in p.indices {
                let h = p[k].foldedHash
                var i = h & mask
                while true {
                    let x = hashes[i]
                    if x == 0 { break }
                    if x == h, slots[i] == p[k].folded { return true }
                    i = (i + 1) & mask
                }
            }
            return false
        }
    }

    package func union(_ other: WordSet) -> WordSet {
        var out = self
        for w in other { out.insert(w) }
        return out
    }

    package mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String { for w in other { insert(w) } }

    package var isEmpty: Bool { count == 0 }

    package func makeIterator() -> some IteratorProtocol<String> { slots.lazy.compactMap { $0 }.makeIterator() }

    package static func == (a: WordSet, b: WordSet) -> Bool { a.count == b.count && a.allSatisfy(b.contains) }
}

/// A map from folded word to a value, hashed like `WordSet` (the phrase matcher's first-word index).
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [String?] = Array(repeating: nil, count: 8)
    private var hashes: [Int] = Array(repeating: 0, count: 8)
    private var values: [Value?] = Array(repeating: nil, count: 8)
    private var mask = 7
    private(set) var count = 0

    init() {}

    /// The slot of `key`, or nil: probing reads hashes, and compares strings only when they agree.
    @inline(__always)
    private func slot(_ key: String, hash h: Int) -> Int? {
        var i = h & mask
        while true {
            let x = hashes[i]
            if x == 0 { return nil }
            if x == h, keys[i] == key { return i }
            i = (i + 1) & mask
        }
    }

    /// The value of a key's folded form, by the hash it carries.
    @inline(__always)
    subscript<K: FoldedKey>(key k: K) -> Value? { value(k.folded, hash: k.foldedHash) }

    /// The same for a token, its fields read directly (see `WordSet.contains(_: Token)`).
    @inline(__always)
    subscript(key t: Token) -> Value? { value(t.folded, hash: t.foldedHash) }

    @inline(__always)
    func value(_ key: String, hash h: Int) -> Value? {
        guard let i = slot(key, hash: h) else { return nil }
        return values[i]
    }

    /// The value of the key whose hash is `h`; the key itself is asked for only when a slot's hash agrees.
    @inline(__always)
    func value(hash h: Int, key: () -> String) -> Value? {
        var i = h & mask
        while true {
            let x = hashes[i]
            if x == 0 { return nil }
            if x == h, keys[i] == key() { return values[i] }
            i = (i + 1) & mask
        }
    }

    subscript(key: String) -> Value? {
        get {
            guard let i = slot(key, hash: WordHash.of(key)) else { return nil }
            return values[i]
        }
        set {
            guard let newValue else { preconditionFailure("WordTable does not remove keys") }
            // Grows before probing, as it always did: the layout (and so `entries`' order) stays the same.
            if (count + 1) * 2 > keys.count { grow() }
            let h = WordHash.of(key)
            if let i = slot(key, hash: h) { values[i] = newValue; return }
            var i = h & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            hashes[i] = h
            values[i] = newValue
            count += 1
        }
    }

    /// The value of the folded form of token `k`, the token read in place (no copy out of the array):
    /// the people resolver asks this of every token of the article, and a miss reads integers only.
    @inline(__always)
    func value(ofTokenAt k: Int, in p: UnsafeBufferPointer<Token>) -> Value? {
        let h = p[k].foldedHash
        var i = h & mask
        while true {
            let x = hashes[i]
            if x == 0 { return nil }
            if x == h, keys[i] == p[k].folded { return values[i] }
            i = (i + 1) & mask
        }
    }

    var entries: [(key: String, value: Value)] {
        zip(keys, values).compactMap { k, v in k.flatMap { k in v.map { (k, $0) } } }
    }

    private mutating func grow() {
        let old = entries
        keys = Array(repeating: nil, count: keys.count * 2)
        hashes = Array(repeating: 0, count: keys.count)
        values = Array(repeating: nil, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (k, v) in old { self[k] = v }
    }
}
