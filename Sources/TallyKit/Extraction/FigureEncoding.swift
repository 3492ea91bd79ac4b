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
    var cache = SentenceCache()
    encode(f, into: &out, cache: &cache)
  }

  /// Encodes the figures of one document. Figures of one sentence share its text, which is
  /// escaped once rather than once per figure.
  public func encode(_ figures: [Figure], into out: inout [UInt8]) {
    var cache = SentenceCache()
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

  /// The encoded sentence and document id of the last figure.
  struct SentenceCache {
    var sentence = CachedField()
    var doc = CachedField()
  }

  func encode(_ f: Figure, into out: inout [UInt8], cache: inout SentenceCache) {
    cache.sentence.update(f.sentence, format)
    cache.doc.update(f.doc, format)
    switch format {
    case .jsonl: encodeJSON(f, into: &out, doc: cache.doc.encoded, sentence: cache.sentence.encoded)
    case .csv: encodeCSV(f, into: &out, doc: cache.doc.encoded, sentence: cache.sentence.encoded)
    }
  }

  private func encodeJSON(_ f: Figure, into out: inout [UInt8], doc: [UInt8], sentence: [UInt8]) {
    var j = JSONEncoderBytes()
    swap(&j.bytes, &out)  // append in place, without copying what is already encoded
    func key(_ k: StaticString) {
      j.raw(k)
    }
    func optionalString(_ s: String?) {
      if let s { j.string(s) } else { j.raw("null") }
    }
    func optionalDate(_ d: ReportedDate?) {
      guard let d else { return j.raw("null") }
      j.bytes.append(0x22)
      d.appendISO(to: &j.bytes)
      j.bytes.append(0x22)
    }
    func optionalNumber(_ v: Double?) {
      if let v { j.number(v) } else { j.raw("null") }
    }
    key("{\"doc\":")
    j.bytes.append(contentsOf: doc)
    key(",\"start\":")
    j.int(f.start)
    key(",\"end\":")
    j.int(f.end)
    key(",\"text\":")
    j.string(f.text)
    key(",\"value\":")
    optionalNumber(f.value)
    key(",\"low\":")
    optionalNumber(f.low)
    key(",\"high\":")
    optionalNumber(f.high)
    key(",\"qualifier\":")
    j.raw(f.qualifier.json)
    key(",\"unit\":")
    j.raw(f.unit.json)
    key(",\"indicator\":")
    j.raw(f.indicator.json)
    key(",\"group\":")
    optionalString(f.group)
    key(",\"modality\":")
    j.raw(f.modality.json)
    key(",\"date\":")
    optionalDate(f.date)
    key(",\"period_start\":")
    optionalDate(f.periodStart)
    key(",\"attribution\":")
    optionalString(f.attribution)
    key(",\"sentence\":")
    j.bytes.append(contentsOf: sentence)
    key(",\"per\":")
    optionalString(f.per)
    key(",\"warnings\":[")
    for (i, w) in f.warnings.enumerated() {
      if i > 0 { j.raw(",") }
      j.string(w)
    }
    key("]}\n")
    swap(&j.bytes, &out)
  }

  private func encodeCSV(_ f: Figure, into out: inout [UInt8], doc: [UInt8], sentence: [UInt8]) {
    func field(_ s: String?, last: Bool = false) {
      if let s { CSVFormat.appendField(s.utf8, to: &out) }
      out.append(last ? 0x0A : 0x2C)
    }
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
