/// A token of article text: a byte range of the UTF-8 text, what kind of token it is, and for
/// words the lexicon id (-1 when the word is not in the lexicon).
struct Token: Sendable {
  enum Kind: UInt8, Sendable {
    case word, number, punct
  }
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    /// Starts with an upper-case letter.
    static let capitalized = Flags(rawValue: 1)
    /// Two or more letters, all upper-case (a shouted headline or an acronym).
    static let allCaps = Flags(rawValue: 2)
    /// White space stands before the token.
    static let spaceBefore = Flags(rawValue: 4)
    /// A line break stands before the token.
    static let newlineBefore = Flags(rawValue: 8)
    /// A blank line (paragraph break) stands before the token.
    static let paragraphBefore = Flags(rawValue: 16)
    /// A word with an inner hyphen ("twenty-three", "cease-fire").
    static let hyphenated = Flags(rawValue: 32)
  }
  var start: Int32
  var end: Int32
  var kind: Kind
  var flags: Flags
  /// The punctuation byte for ASCII punctuation; for multi-byte punctuation a stand-in
  /// (`-` for dashes, `"` for curly double quotes, `'` for curly single quotes).
  var punct: UInt8
  var word: Int32
}

/// What a byte can start, for the tokenizer's dispatch.
enum ByteClass: UInt8 {
  case space, newline, digit, letter, high, other
}

/// The class of every byte value, looked up instead of a chain of comparisons. A raw
/// buffer (made once, never freed) so that the lookup in the per-byte loop has no bounds
/// check and no reference count.
nonisolated(unsafe) let byteClasses: UnsafeBufferPointer<ByteClass> = {
  let table = UnsafeMutableBufferPointer<ByteClass>.allocate(capacity: 256)
  for b in 0..<256 {
    let cls: ByteClass
    switch b {
    case 0x20, 0x09, 0x0D: cls = .space
    case 0x0A: cls = .newline
    case 0x30...0x39: cls = .digit
    case 0x41...0x5A, 0x61...0x7A: cls = .letter
    case 0x80...0xFF: cls = .high
    default: cls = .other
    }
    table.initializeElement(at: b, to: cls)
  }
  return UnsafeBufferPointer(table)
}()

/// Splits UTF-8 text into tokens in one pass over the bytes.
///
/// Words are letters (any non-ASCII letter too) with inner hyphens and apostrophes
/// ("cease-fire", "don't"); a possessive `'s` is a token of its own. Numbers are digits with
/// thousands commas and one decimal point ("16,500", "1.2"); a number glued to letters
/// ("February11") is split from them. Everything else is one punctuation token per character.
struct Tokenizer {
  let vocabulary: Vocabulary

  func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
    tokens.removeAll(keepingCapacity: true)
    let n = text.count
    var i = 0
    var pendingSpace = false
    var pendingNewlines = 0
    let table = vocabulary.frozenTable
    let classes = byteClasses
    while i < n {
      let b = text[i]
      let cls = classes[Int(b)]
      // White space, including the no-break space U+00A0 and other Unicode spaces.
      if cls == .space {
        pendingSpace = true
        i += 1
        continue
      }
      if cls == .newline {
        pendingSpace = true
        pendingNewlines += 1
        i += 1
        continue
      }
      if b == 0xC2, i + 1 < n, text[i + 1] == 0xA0 {
        pendingSpace = true
        i += 2
        continue
      }
      // U+2000-U+200B (en quad to zero-width space) and U+202F (narrow no-break space).
      if b == 0xE2, i + 2 < n, text[i + 1] == 0x80, text[i + 2] <= 0x8B || text[i + 2] == 0xAF {
        pendingSpace = true
        i += 3
        continue
      }
      var flags: Token.Flags = []
      if pendingSpace { flags.insert(.spaceBefore) }
      if pendingNewlines > 0 { flags.insert(.newlineBefore) }
      if pendingNewlines > 1 { flags.insert(.paragraphBefore) }
      pendingSpace = false
      pendingNewlines = 0
      let start = i

      if cls == .digit {
        i += 1
        while i < n {
          let c = text[i]
          if c >= 0x30 && c <= 0x39 {
            i += 1
            continue
          }
          // A thousands separator: a comma followed by exactly three digits.
          if c == 0x2C, isDigit(text, i + 1), isDigit(text, i + 2), isDigit(text, i + 3),
            !isDigit(text, i + 4)
          {
            i += 4
            continue
          }
          if c == 0x2E, i + 1 < n, isDigit(text, i + 1) {
            i += 2
            continue
          }
          break
        }
        tokens.append(
          Token(start: Int32(start), end: Int32(i), kind: .number, flags: flags, punct: 0, word: -1))
        continue
      }

      if cls == .letter || (cls == .high && isWordStart(text, i)) {
        var h = WordHasher()
        if b >= 0x41 && b <= 0x5A { flags.insert(.capitalized) }
        while i < n {
          let c = text[i]
          if classes[Int(c)] == .letter {
            h.add(c)
            i += 1
            continue
          }
          if c >= 0x80 {
            let len = punctuationLength(text, i)
            if len > 0 {
              // A curly apostrophe inside a word ("don’t"), but not a possessive ’s.
              if isCurlyApostrophe(text, i), i + 3 < n, isLetter(text, i + 3),
                !isPossessive(text, i + 3, n)
              {
                h.add(0xE2)
                h.add(0x80)
                h.add(0x99)
                i += 3
                continue
              }
              break
            }
            h.add(c)
            i += 1
            continue
          }
          if (c == 0x2D || c == 0x27), i + 1 < n, isLetter(text, i + 1), i > start {
            if c == 0x27 && isPossessive(text, i + 1, n) { break }
            if c == 0x2D { flags.insert(.hyphenated) }
            h.add(c)
            i += 1
            continue
          }
          break
        }
        // All capitals ("NYU", "REP"): checked only for capitalised words, after the scan.
        if flags.contains(.capitalized), i - start >= 2 {
          var all = true
          var k = start + 1
          while k < i {
            let c = text[k]
            if c >= 0x61 && c <= 0x7A || c >= 0x80 {
              all = false
              break
            }
            k += 1
          }
          if all { flags.insert(.allCaps) }
        }
        let id = table.lookup(hash: h.value, in: text, start: start, end: i)
        tokens.append(
          Token(start: Int32(start), end: Int32(i), kind: .word, flags: flags, punct: 0, word: id))
        continue
      }

      // A possessive 's or ’s is a word token of its own.
      if b == 0x27 || isCurlyApostrophe(text, i) {
        let len = b == 0x27 ? 1 : 3
        if isPossessive(text, i + len, n) {
          let id = vocabulary.id("'s")
          tokens.append(
            Token(
              start: Int32(start), end: Int32(i + len + 1), kind: .word, flags: flags, punct: 0,
              word: id))
          i += len + 1
          continue
        }
      }

      // Punctuation: one token per character.
      var len = 1
      var p = b
      if b >= 0x80 {
        len = max(1, utf8Length(b))
        if i + len > n { len = n - i }
        p = punctuationStandIn(text, i)
      }
      tokens.append(
        Token(start: Int32(start), end: Int32(i + len), kind: .punct, flags: flags, punct: p, word: -1))
      i += len
    }
  }

  @inline(__always) func isDigit(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    i < t.count && t[i] >= 0x30 && t[i] <= 0x39
  }

  @inline(__always) func isLetter(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard i < t.count else { return false }
    let c = t[i]
    if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) { return true }
    return c >= 0x80 && punctuationLength(t, i) == 0 && (c & 0xC0) != 0x80
  }

  @inline(__always) func isWordStart(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    isLetter(t, i)
  }

  /// `s` or `S` followed by something that is not a letter: a possessive ending.
  @inline(__always) func isPossessive(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
    guard i < n, t[i] == 0x73 || t[i] == 0x53 else { return false }
    return !isLetter(t, i + 1)
  }

  @inline(__always) func isCurlyApostrophe(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    i + 2 < t.count && t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x99 || t[i + 2] == 0x98)
  }

  func utf8Length(_ b: UInt8) -> Int {
    if b < 0x80 { return 1 }
    if b >= 0xF0 { return 4 }
    if b >= 0xE0 { return 3 }
    if b >= 0xC0 { return 2 }
    return 1
  }

  /// The byte length of a non-ASCII punctuation character at `i` (general punctuation,
  /// guillemets, the inverted marks, the middle dot), or 0 for a letter.
  func punctuationLength(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let c = t[i]
    if c == 0xE2, i + 2 < t.count, t[i + 1] == 0x80 || t[i + 1] == 0x81 || t[i + 1] == 0x82 {
      return 3
    }
    if c == 0xC2, i + 1 < t.count {
      switch t[i + 1] {
      case 0xA0...0xBF: return 2
      default: return 0
      }
    }
    if c == 0xC3, i + 1 < t.count, t[i + 1] == 0x97 || t[i + 1] == 0xB7 { return 2 }
    if c == 0xE3, i + 2 < t.count, t[i + 1] == 0x80 { return 3 }
    if c == 0xEF, i + 2 < t.count, t[i + 1] == 0xBC || t[i + 1] == 0xBB { return 3 }
    return 0
  }

  func punctuationStandIn(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
    guard t[i] == 0xE2, i + 2 < t.count, t[i + 1] == 0x80 else { return 0x80 }
    switch t[i + 2] {
    case 0x90...0x95: return UInt8(ascii: "-")
    case 0x98, 0x99, 0x9A, 0x9B: return UInt8(ascii: "'")
    case 0x9C, 0x9D, 0x9E, 0x9F: return UInt8(ascii: "\"")
    case 0xA6: return UInt8(ascii: ".")
    default: return 0x80
    }
  }
}
