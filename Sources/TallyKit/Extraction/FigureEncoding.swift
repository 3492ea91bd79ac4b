/// Output formats for figures.
public enum FigureFormat: String, Sendable, CaseIterable {
  /// One JSON object per line, fields in the codebook's order.
  case jsonl
  /// RFC 4180 CSV with a header row; nulls are empty cells; `warnings` joins the warnings
  /// with " | ".
  case csv
}

/// Encodes figures as bytes, the same bytes for the same figures on every run.
public struct FigureEncoder: Sendable {
  public let format: FigureFormat

  public init(format: FigureFormat) { self.format = format }

  /// What starts the output (the CSV header), if anything.
  public var header: [UInt8] {
    format == .csv ? Array((Figure.columns.joined(separator: ",") + "\n").utf8) : []
  }

  public func encode(_ f: Figure, into out: inout [UInt8]) {
    encode([f], into: &out)
  }

  /// Encodes the figures of one document. Figures of one sentence share its text, which is
  /// escaped once rather than once per figure.
  public func encode(_ figures: [Figure], into out: inout [UInt8]) {
    var cache = SentenceCache()
    defer { cache.record.free() }
    for f in figures { encode(f, into: &out, cache: &cache) }
  }

  /// A text field written as JSON or CSV once and reused while the text stays the same (the
  /// figures of one sentence share it; those of one document share its id).
  struct CachedField {
    var text: String? = nil
    var encoded: [UInt8] = []

    mutating func update(_ value: String, _ format: FigureFormat) {
      guard text != value else { return }
      encoded.removeAll(keepingCapacity: true)
      switch format {
      case .jsonl:
        var j = JSONEncoderBytes()
        swap(&j.bytes, &encoded)
        j.string(value)
        swap(&j.bytes, &encoded)
      case .csv:
        CSVFormat.appendField(value.utf8, to: &encoded)
      }
      text = value
    }
  }

  /// The encoded sentence and document id of the last figure, and the buffer records are
  /// built in.
  struct SentenceCache {
    var sentence = CachedField()
    var doc = CachedField()
    var record = RawBytes(capacity: 2048)
  }

  func encode(_ f: Figure, into out: inout [UInt8], cache: inout SentenceCache) {
    cache.sentence.update(f.sentence, format)
    cache.doc.update(f.doc, format)
    switch format {
    case .jsonl:
      encodeJSON(f, into: &out, doc: cache.doc.encoded, sentence: cache.sentence.encoded, buffer: &cache.record)
    case .csv: encodeCSV(f, into: &out, doc: cache.doc.encoded, sentence: cache.sentence.encoded)
    }
  }

  private func encodeJSON(
    _ f: Figure, into out: inout [UInt8], doc: [UInt8], sentence: [UInt8], buffer w: inout RawBytes
  ) {
    // The record is built in a raw buffer and appended to `out` once: an `Array` append per
    // field pays a uniqueness and capacity check each time (measured: 7-9% of extraction).
    w.reset()
    func optionalString(_ s: String?) {
      if let s { w.jsonString(s) } else { w.put("null") }
    }
    func optionalDate(_ d: ReportedDate?) {
      guard let d else { return w.put("null") }
      w.byte(0x22)
      w.date(d)
      w.byte(0x22)
    }
    func optionalNumber(_ v: Double?) {
      if let v { w.number(v) } else { w.put("null") }
    }
    w.put("{\"id\":")
    w.jsonString(f.id)
    w.put(",\"doc\":")
    w.bytes(doc)
    w.put(",\"start\":")
    w.integer(Int64(f.start))
    w.put(",\"end\":")
    w.integer(Int64(f.end))
    w.put(",\"text\":")
    w.jsonString(f.text)
    w.put(",\"value\":")
    optionalNumber(f.value)
    w.put(",\"low\":")
    optionalNumber(f.low)
    w.put(",\"high\":")
    optionalNumber(f.high)
    w.put(",\"qualifier\":")
    w.put(f.qualifier.json)
    w.put(",\"unit\":")
    w.put(f.unit.json)
    w.put(",\"indicator\":")
    w.put(f.indicator.json)
    w.put(",\"group\":")
    optionalString(f.group)
    w.put(",\"modality\":")
    w.put(f.modality.json)
    w.put(",\"date\":")
    optionalDate(f.date)
    w.put(",\"period_start\":")
    optionalDate(f.periodStart)
    w.put(",\"attribution\":")
    optionalString(f.attribution)
    w.put(",\"sentence\":")
    w.bytes(sentence)
    w.put(",\"per\":")
    optionalString(f.per)
    w.put(",\"warnings\":[")
    for (i, warning) in f.warnings.enumerated() {
      if i > 0 { w.byte(UInt8(ascii: ",")) }
      w.jsonString(warning)
    }
    w.put("]}\n")
    out.append(contentsOf: UnsafeBufferPointer(start: w.base, count: w.count))
  }

  private func encodeCSV(_ f: Figure, into out: inout [UInt8], doc: [UInt8], sentence: [UInt8]) {
    func field(_ s: String?, last: Bool = false) {
      if let s { CSVFormat.appendField(s.utf8, to: &out) }
      out.append(last ? 0x0A : 0x2C)
    }
    field(f.id)
    out.append(contentsOf: doc)
    out.append(0x2C)
    appendInteger(Int64(f.start), to: &out)
    out.append(0x2C)
    appendInteger(Int64(f.end), to: &out)
    out.append(0x2C)
    field(f.text)
    for v in [f.value, f.low, f.high] {
      if let v { appendNumber(v, to: &out) }
      out.append(0x2C)
    }
    field(f.qualifier.rawValue)
    field(f.unit.rawValue)
    field(f.indicator.rawValue)
    field(f.group)
    field(f.modality.rawValue)
    for d in [f.date, f.periodStart] {
      d?.appendISO(to: &out)
      out.append(0x2C)
    }
    field(f.attribution)
    out.append(contentsOf: sentence)
    out.append(0x2C)
    field(f.per)
    field(f.warnings.isEmpty ? nil : f.warnings.joined(separator: " | "), last: true)
  }
}
