import HeapModule

/// Finds a key given twice among any number of keys, in memory bounded by a budget rather than
/// by the number of keys: keys gather in a buffer; a full buffer is sorted by hash and written
/// to a temporary file as one run; at the end the runs are merged (a heap of their heads) and
/// keys with equal hashes are compared byte for byte, so a hash collision is never taken for a
/// repeat.
///
/// `normalize` uses it to check, after streaming, that no document's figures were split by
/// others and that no document is listed twice, without an index of every document in memory.
struct RepeatFinder {
  /// Where a key was given.
  struct Occurrence: Equatable {
    var key: [UInt8]
    /// The caller's number for the file (an index into its list of files).
    var source: Int
    var line: Int
  }

  private let budget: Int
  // Records: hash (8 bytes), sequence (8), line (4), source (4), key length (4), key.
  private static let header = 28
  private var buffer: [UInt8] = []
  private var offsets: [Int] = []
  private var runs: [Range<Int>] = []
  private var file: ScratchFile
  private var sequence: UInt64 = 0

  init(path: String, budget: Int = 16 << 20) {
    self.budget = max(1 << 10, budget)
    file = ScratchFile(path: path, budget: 1 << 20)
  }

  mutating func add(_ key: UnsafeBufferPointer<UInt8>, source: Int, line: Int) throws(InputError) {
    offsets.append(buffer.count)
    append(WordTable.hash(key))
    append(sequence)
    append(UInt32(clamping: line))
    append(UInt32(clamping: source))
    append(UInt32(key.count))
    buffer.append(contentsOf: key)
    sequence += 1
    if buffer.count >= budget { try writeRun() }
  }

  private mutating func append<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) }
  }

  /// Sorts the buffered records by hash (then order of arrival) and appends them to the file.
  private mutating func writeRun() throws(InputError) {
    sortBuffer()
    try file.spill()
    let start = file.size
    for o in offsets { try file.append(bytes: buffer[o..<(o + RepeatFinder.recordLength(buffer, at: o))]) }
    try file.spill()
    runs.append(start..<file.size)
    buffer.removeAll(keepingCapacity: true)
    offsets.removeAll(keepingCapacity: true)
  }

  private mutating func sortBuffer() {
    let keys = buffer.withUnsafeBytes { b in
      offsets.map { o in (b.loadUnaligned(fromByteOffset: o, as: UInt64.self), b.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)) }
    }
    let order = offsets.indices.sorted { keys[$0] < keys[$1] }
    offsets = order.map { offsets[$0] }
  }

  private static func recordLength(_ b: [UInt8], at o: Int) -> Int {
    b.withUnsafeBytes { header + Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: o + 24, as: UInt32.self))) }
  }

  /// The repeat whose second occurrence came first, with the occurrence before it; `nil` when
  /// every key was given once.
  mutating func firstRepeat() throws(InputError) -> (first: Occurrence, second: Occurrence)? {
    var best: (first: Record, second: Record)? = nil
    var group: [Record] = []
    func consider(_ r: Record) {
      if let h = group.first?.hash, h != r.hash { group.removeAll(keepingCapacity: true) }
      // Records of one hash come in order of arrival: the earliest equal key is the first.
      if let earlier = group.first(where: { $0.key == r.key }), best == nil || r.sequence < best!.second.sequence {
        best = (earlier, r)
      }
      group.append(r)
    }
    if runs.isEmpty {
      sortBuffer()
      for o in offsets { consider(Record(buffer, at: o)) }
    } else {
      if !buffer.isEmpty { try writeRun() }
      var readers = runs.map { RunReader(reader: file.makeReader(range: $0)) }
      var heap = Heap<Head>()
      for k in readers.indices {
        if let r = try readers[k].next() { heap.insert(Head(record: r, run: k)) }
      }
      while let head = heap.popMin() {
        consider(head.record)
        if let r = try readers[head.run].next() { heap.insert(Head(record: r, run: head.run)) }
      }
    }
    return best.map { ($0.first.occurrence, $0.second.occurrence) }
  }

  mutating func remove() {
    file.remove()
    buffer = []
    offsets = []
    runs = []
  }

  private struct Record {
    var hash: UInt64
    var sequence: UInt64
    var line: Int
    var source: Int
    var key: [UInt8]

    init(_ b: [UInt8], at o: Int) {
      (hash, sequence, line, source, key) = b.withUnsafeBytes { p in
        let n = Int(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: o + 24, as: UInt32.self)))
        return (
          UInt64(littleEndian: p.loadUnaligned(fromByteOffset: o, as: UInt64.self)),
          UInt64(littleEndian: p.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)),
          Int(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: o + 16, as: UInt32.self))),
          Int(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: o + 20, as: UInt32.self))),
          Array(p[(o + RepeatFinder.header)..<(o + RepeatFinder.header + n)])
        )
      }
    }

    var occurrence: Occurrence { Occurrence(key: key, source: source, line: line) }
  }

  private struct Head: Comparable {
    var record: Record
    var run: Int
    static func < (a: Head, b: Head) -> Bool {
      (a.record.hash, a.record.sequence) < (b.record.hash, b.record.sequence)
    }
    static func == (a: Head, b: Head) -> Bool {
      a.record.hash == b.record.hash && a.record.sequence == b.record.sequence
    }
  }

  /// Reads one run's records back.
  private struct RunReader {
    var reader: ScratchFile.Reader

    mutating func next() throws(InputError) -> Record? {
      guard let head = try reader.bytes(RepeatFinder.header) else { return nil }
      guard let key = try reader.bytes(RepeatFinder.recordLength(head, at: 0) - RepeatFinder.header) else { return nil }
      return Record(head + key, at: 0)
    }
  }
}
