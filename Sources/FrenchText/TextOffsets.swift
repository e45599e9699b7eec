/// Converts UTF-8 byte offsets (what the scanners produce) into character offsets
/// (Unicode scalars, what SQLite's `substr()` and Python's `str` index by).
package struct TextOffsets: Sendable {
    private let scalarStarts: [Int32]  // byte offset of each scalar start, sampled every 64 scalars

    private let utf8: [UInt8]

    package init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts: [Int32] = []
        var count = 0
        for (i, b) in utf8.enumerated() where b & 0xC0 != 0x80 {
            if count % 64 == 0 { starts.append(Int32(i)) }
            count += 1
        }
        scalarStarts = starts
    }

    /// The scalar offset of a byte offset (the byte must start a scalar, or be the end).
    package func characterOffset(ofByte byte: Int) -> Int {
        // Binary search the sample at or before `byte`, then count forward.
        var lo = 0, hi = scalarStarts.count - 1
        if hi < 0 { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(scalarStarts[mid]) <= byte { lo = mid } else { hi = mid - 1 }
        }
        var offset = lo * 64
        var i = Int(scalarStarts[lo])
        let end = min(byte, utf8.count)
        while i < end {
            if utf8[i] & 0xC0 != 0x80 { offset += 1 }
            i += 1
        }
        return offset
    }
}
