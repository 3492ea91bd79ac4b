/// Splits a token stream into sentences: at every line break (headlines and paragraphs end
/// without a full stop), and at `.`, `!` or `?` (with any closing quotes) followed by a
/// capitalised word, a number or a quote, unless the full stop ends an abbreviation ("Oct.",
/// "Dr.", "U.S.") or an initial.
///
/// A "sentence" longer than `maxTokens` (a document of only numbers, a table flattened to one
/// line) is cut into pieces so that the work per figure stays bounded.
struct SentenceSplitter {
  let vocabulary: Vocabulary
  var maxTokens = 150

  func split(_ tokens: UnsafeBufferPointer<Token>, into ranges: inout [Range<Int>]) {
    ranges.removeAll(keepingCapacity: true)
    var start = 0
    let n = tokens.count
    var i = 0
    while i < n {
      let t = tokens[i]
      if i > start, t.flags.contains(.newlineBefore) {
        ranges.append(start..<i)
        start = i
      }
      if i - start >= maxTokens {
        ranges.append(start..<i)
        start = i
      }
      if t.kind == .punct, t.punct == UInt8(ascii: ".") || t.punct == UInt8(ascii: "!")
        || t.punct == UInt8(ascii: "?")
      {
        var j = i + 1
        // Closing quotes and brackets belong to the sentence they close.
        while j < n, tokens[j].kind == .punct, !tokens[j].flags.contains(.spaceBefore),
          tokens[j].punct == UInt8(ascii: "\"") || tokens[j].punct == UInt8(ascii: "'")
            || tokens[j].punct == UInt8(ascii: ")")
        {
          j += 1
        }
        if j < n, tokens[j].flags.contains(.spaceBefore), startsSentence(tokens[j]),
          !(t.punct == UInt8(ascii: ".") && endsAbbreviation(tokens, i, start))
        {
          ranges.append(start..<j)
          start = j
          i = j
          continue
        }
      }
      i += 1
    }
    if start < n { ranges.append(start..<n) }
  }

  private func startsSentence(_ t: Token) -> Bool {
    switch t.kind {
    case .word: return t.flags.contains(.capitalized) || t.flags.contains(.allCaps)
    case .number: return true
    case .punct:
      return t.punct == UInt8(ascii: "\"") || t.punct == UInt8(ascii: "'")
        || t.punct == UInt8(ascii: "(") || t.punct == UInt8(ascii: "-")
    }
  }

  /// Whether the full stop at `i` ends an abbreviation or a one-letter initial.
  private func endsAbbreviation(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ start: Int)
    -> Bool
  {
    guard i > start else { return false }
    let prev = tokens[i - 1]
    guard prev.kind == .word, !tokens[i].flags.contains(.spaceBefore) else { return false }
    if prev.end - prev.start == 1 { return true }
    return prev.word >= 0 && vocabulary.info[Int(prev.word)].flags.contains(.abbreviation)
  }
}
