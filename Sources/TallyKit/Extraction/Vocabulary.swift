// The compiled form of the lexicon and rule tables: every word gets a dense integer id, facts
// about it sit in an array, and phrases are matched word id by word id. Built once per process.

/// The hash of a word's ASCII-lower-cased bytes, computed while the tokenizer scans it. The
/// first eight bytes are packed into one integer (no multiply per byte, so no chain of
/// multiplications for short words), longer words fold the rest in FNV-1a style, and the
/// result is mixed once.
struct WordHasher {
  private var packed: UInt64 = 0
  private var rest: UInt64 = 0xcbf2_9ce4_8422_2325
  private var count: UInt64 = 0

  @inline(__always) mutating func add(_ b: UInt8) {
    let lower = UInt64((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
    if count < 8 {
      packed |= lower << (count &* 8)
    } else {
      rest = (rest ^ lower) &* 0x100_0000_01b3
    }
    count &+= 1
  }

  @inline(__always) var value: UInt64 {
    var h = (packed ^ (count &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    h ^= rest
    h ^= h >> 31
    return h &* 0x94D0_49BB_1331_11EB
  }
}

/// An open-addressing table from lower-cased words to ids. A hand-written table rather than a
/// `Dictionary<String, Int>` because the tokenizer looks up every word of every article, and
/// building a `String` per word costs more than the rest of tokenizing.
struct WordTable: Sendable {
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private(set) var words: [[UInt8]] = []
  private var mask: Int

  init(capacity: Int = 1 << 14) {
    slots = Array(repeating: -1, count: capacity)
    mask = capacity - 1
  }

  static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
    var h = WordHasher()
    for b in bytes { h.add(b) }
    return h.value
  }

  /// The id of `word` (lower-cased), adding it if new.
  mutating func intern(_ word: String) -> Int32 {
    let bytes = Array(word.lowercased().utf8)
    let h = WordTable.hash(bytes)
    if let id = find(hash: h, matches: { $0 == bytes }) { return id }
    if words.count * 2 >= slots.count { grow() }
    let id = Int32(words.count)
    words.append(bytes)
    hashes.append(h)
    insert(id: id, hash: h)
    return id
  }

  private mutating func insert(id: Int32, hash h: UInt64) {
    var i = Int(truncatingIfNeeded: h) & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = id
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for (id, h) in hashes.enumerated() { insert(id: Int32(id), hash: h) }
  }

  private func find(hash h: UInt64, matches: ([UInt8]) -> Bool) -> Int32? {
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[i]
      if id < 0 { return nil }
      if hashes[Int(id)] == h && matches(words[Int(id)]) { return id }
      i = (i + 1) & mask
    }
  }

  /// The id of the word in `text[start..<end]`, compared case-insensitively, or -1.
  @inline(__always)
  func lookup(hash h: UInt64, in text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int32 {
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = slots[i]
      if id < 0 { return -1 }
      if hashes[Int(id)] == h {
        let w = words[Int(id)]
        if w.count == end - start {
          var same = true
          var k = 0
          while k < w.count {
            var b = text[start + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != w[k] {
              same = false
              break
            }
            k += 1
          }
          if same { return id }
        }
      }
      i = (i + 1) & mask
    }
  }
}

extension WordTable {
  /// The table laid out flat for lookups.
  func frozen() -> FrozenWordTable { FrozenWordTable(self) }

  var slotCount: Int { slots.count }
  func slot(_ i: Int) -> Int32 { slots[i] }
  func storedHash(_ id: Int) -> UInt64 { hashes[id] }
}

/// A `WordTable` in flat raw buffers: the tokenizer looks up every word of every article, and
/// reading nested arrays there costs a retain and a release per word.
final class FrozenWordTable: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Int32>
  private let hashes: UnsafeMutableBufferPointer<UInt64>
  private let starts: UnsafeMutableBufferPointer<Int32>
  private let bytes: UnsafeMutableBufferPointer<UInt8>
  private let mask: Int

  init(_ table: WordTable) {
    slots = .allocate(capacity: table.slotCount)
    for i in 0..<table.slotCount { slots.initializeElement(at: i, to: table.slot(i)) }
    mask = table.slotCount - 1
    let words = table.words
    hashes = .allocate(capacity: max(1, words.count))
    starts = .allocate(capacity: words.count + 1)
    var flat: [UInt8] = []
    for (i, w) in words.enumerated() {
      hashes.initializeElement(at: i, to: table.storedHash(i))
      starts.initializeElement(at: i, to: Int32(flat.count))
      flat.append(contentsOf: w)
    }
    starts.initializeElement(at: words.count, to: Int32(flat.count))
    bytes = .allocate(capacity: max(1, flat.count))
    _ = bytes.initialize(from: flat)
  }

  deinit {
    slots.deallocate()
    hashes.deallocate()
    starts.deallocate()
    bytes.deallocate()
  }

  /// The id of the word in `text[start..<end]`, compared case-insensitively, or -1.
  @inline(__always)
  func lookup(hash h: UInt64, in text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int32 {
    var i = Int(truncatingIfNeeded: h) & mask
    let length = end - start
    while true {
      let id = slots[i]
      if id < 0 { return -1 }
      if hashes[Int(id)] == h {
        let s = Int(starts[Int(id)])
        if Int(starts[Int(id) + 1]) - s == length {
          var k = 0
          while k < length {
            var b = text[start + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != bytes[s + k] { break }
            k += 1
          }
          if k == length { return id }
        }
      }
      i = (i + 1) & mask
    }
  }
}

/// One step of a phrase: a set of word ids, or a gap of up to `n` words.
enum PhraseElement: Sendable {
  case words([Int32])
  case gap(Int)
}

/// Phrases compiled for matching, each with a payload (an event, a qualifier, ...).
///
/// `append` collects phrases; `freeze` lays them out in flat raw buffers (word ids, elements,
/// the phrases each word starts), so that matching, which runs at every word of every
/// sentence with a number, touches no reference-counted storage.
struct PhraseSet<Payload: Sendable>: @unchecked Sendable {
  struct Phrase: Sendable {
    var elements: [PhraseElement]
    var payload: Payload
  }
  var phrases: [Phrase] = []

  /// A step of a frozen phrase: `gap >= 0` is a gap of that many words; otherwise the step
  /// matches the word ids `words[start..<end]`.
  struct Step {
    var gap: Int32
    var start: Int32
    var end: Int32
  }
  private var steps = UnsafeMutableBufferPointer<Step>(start: nil, count: 0)
  private var stepRanges = UnsafeMutableBufferPointer<(Int32, Int32)>(start: nil, count: 0)
  private var words = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
  private var payloads = UnsafeMutableBufferPointer<Payload>(start: nil, count: 0)
  /// For word id w, the phrases starting with it: `starters[firstRanges[w].0 ..< .1]`.
  private var firstRanges = UnsafeMutableBufferPointer<(Int32, Int32)>(start: nil, count: 0)
  private var starters = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

  /// Frees the buffers `freeze` made (called once, when the owning vocabulary goes away).
  func release() {
    for b in [steps.baseAddress.map(UnsafeMutableRawPointer.init), stepRanges.baseAddress.map(UnsafeMutableRawPointer.init),
      words.baseAddress.map(UnsafeMutableRawPointer.init), firstRanges.baseAddress.map(UnsafeMutableRawPointer.init),
      starters.baseAddress.map(UnsafeMutableRawPointer.init)]
    {
      b?.deallocate()
    }
    if payloads.baseAddress != nil {
      payloads.deinitialize()
      payloads.baseAddress?.deallocate()
    }
  }

  /// Lays the phrases out for matching; `wordCount` is the number of word ids in use.
  /// The owner calls `release()` when done with them.
  mutating func freeze(wordCount: Int) {
    var stepList: [Step] = []
    var rangeList: [(Int32, Int32)] = []
    var wordList: [Int32] = []
    var byFirst = [[Int32]](repeating: [], count: wordCount)
    for (p, phrase) in phrases.enumerated() {
      let first = Int32(stepList.count)
      for e in phrase.elements {
        switch e {
        case .gap(let n): stepList.append(Step(gap: Int32(n), start: 0, end: 0))
        case .words(let ids):
          stepList.append(Step(gap: -1, start: Int32(wordList.count), end: Int32(wordList.count + ids.count)))
          wordList.append(contentsOf: ids)
        }
      }
      rangeList.append((first, Int32(stepList.count)))
      if case .words(let ids) = phrase.elements[0] {
        for id in Set(ids) { byFirst[Int(id)].append(Int32(p)) }
      }
    }
    var firsts: [(Int32, Int32)] = []
    var starterList: [Int32] = []
    for list in byFirst {
      firsts.append((Int32(starterList.count), Int32(starterList.count + list.count)))
      starterList.append(contentsOf: list)
    }
    func buffer<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
      let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
      _ = b.initialize(from: a)
      return UnsafeMutableBufferPointer(rebasing: b[0..<a.count])
    }
    steps = buffer(stepList)
    stepRanges = buffer(rangeList)
    words = buffer(wordList)
    payloads = buffer(phrases.map(\.payload))
    firstRanges = buffer(firsts)
    starters = buffer(starterList)
  }

  /// The longest phrase that matches starting at token `i`, as (end token, payload).
  func longestMatch(in tokens: UnsafeBufferPointer<Token>, at i: Int, limit: Int) -> (
    end: Int, payload: Payload
  )? {
    let id = tokens[i].word
    guard id >= 0, Int(id) < firstRanges.count else { return nil }
    let (from, to) = firstRanges[Int(id)]
    if from == to { return nil }
    var bestEnd = -1
    var bestPhrase: Int32 = -1
    for k in Int(from)..<Int(to) {
      let p = starters[k]
      let (s, e) = stepRanges[Int(p)]
      if let end = match(Int(s) + 1, Int(e), tokens, i + 1, limit), end > bestEnd {
        bestEnd = end
        bestPhrase = p
      }
    }
    return bestPhrase >= 0 ? (bestEnd, payloads[Int(bestPhrase)]) : nil
  }

  private func match(
    _ step: Int, _ stop: Int, _ tokens: UnsafeBufferPointer<Token>, _ t: Int, _ limit: Int
  ) -> Int? {
    if step == stop { return t }
    let s = steps[step]
    if s.gap < 0 {
      guard t < limit, tokens[t].kind == .word else { return nil }
      let w = tokens[t].word
      var k = Int(s.start)
      while k < Int(s.end) {
        if words[k] == w { return match(step + 1, stop, tokens, t + 1, limit) }
        k += 1
      }
      return nil
    }
    var skipped = 0
    var pos = t
    while true {
      if let end = match(step + 1, stop, tokens, pos, limit) { return end }
      // (A hyphen inside a word, "mid-2024" or "long-term", is no punctuation that ends a gap.)
      guard skipped < Int(s.gap), pos < limit,
        tokens[pos].kind != .punct
          || (tokens[pos].punct == UInt8(ascii: "-") && !tokens[pos].flags.contains(.spaceBefore) && pos + 1 < limit
            && !tokens[pos + 1].flags.contains(.spaceBefore))
      else { return nil }
      skipped += 1
      pos += 1
    }
  }
}

/// The compiled vocabulary; each extractor builds its own.
///
/// `@unchecked Sendable`: every property is set once in `init` and only read afterwards; the
/// hot tables are raw buffers freed with the vocabulary.
final class Vocabulary: @unchecked Sendable {

  let table: WordTable
  /// `table` laid out for the lookups of the tokenizer.
  let frozenTable: FrozenWordTable
  let info: [WordInfo]
  let qualifiers: PhraseSet<Qualifier>
  let vague: PhraseSet<ClosedRange<Double>>
  let cues: PhraseSet<Event>
  let ids: [String: Int32]
  /// Per word id, the fields the tokenizer-level loops read for every token, as raw buffers so
  /// that reading them costs no reference counting.
  let flagTable: UnsafeBufferPointer<WordFlags>
  let classTable: UnsafeBufferPointer<NounClass>
  let numberTable: UnsafeBufferPointer<Double>

  /// Word endings a `stem*` pattern stands for.
  static let suffixes = [
    "", "s", "es", "e", "ed", "d", "ing", "ings", "ion", "ions", "ation", "ations", "ee", "ees",
    "y", "ies", "ied", "ying", "er", "ers", "al", "als", "ment", "ments", "ement", "ements",
    "ure", "ures", "ance", "ped", "ping",
  ]

  /// Builds a vocabulary (a few milliseconds). Each extractor builds its own, so that threads
  /// extracting in parallel share no reference-counted storage.
  init() {
    var builder = Builder()
    builder.build()
    table = builder.table
    frozenTable = builder.table.frozen()
    info = builder.info
    qualifiers = builder.qualifiers
    vague = builder.vague
    cues = builder.cues
    ids = builder.ids
    func permanent<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
      _ = buffer.initialize(from: values)
      return UnsafeBufferPointer(buffer)
    }
    flagTable = permanent(info.map(\.flags))
    classTable = permanent(info.map(\.nounClass))
    numberTable = permanent(info.map(\.number))
  }

  deinit {
    qualifiers.release()
    vague.release()
    cues.release()
    flagTable.deallocate()
    classTable.deallocate()
    numberTable.deallocate()
  }

  /// The id of a lexicon word, or -1.
  func id(_ word: String) -> Int32 { ids[word] ?? -1 }

  private struct Builder {
    var table = WordTable()
    var info: [WordInfo] = []
    var ids: [String: Int32] = [:]
    var qualifiers = PhraseSet<Qualifier>()
    var vague = PhraseSet<ClosedRange<Double>>()
    var cues = PhraseSet<Event>()

    mutating func word(_ w: String) -> Int32 {
      let id = table.intern(w)
      if Int(id) >= info.count { info.append(WordInfo()) }
      ids[w.lowercased()] = id
      return id
    }

    mutating func flag(_ list: String, _ f: WordFlags) {
      for w in list.split(separator: "|") where !w.contains(" ") {
        let id = word(String(w))
        info[Int(id)].flags.insert(f)
      }
    }

    /// Expands `stem*` into the stem with each common ending.
    func expand(_ alt: Substring) -> [String] {
      if alt.hasSuffix("*") {
        let stem = alt.dropLast()
        return Vocabulary.suffixes.map { stem + $0 }
      }
      return [String(alt)]
    }

    mutating func compile(_ pattern: String) -> [PhraseElement] {
      var elements: [PhraseElement] = []
      for part in pattern.split(separator: " ") {
        if part.hasPrefix("~"), let n = Int(part.dropFirst()) {
          elements.append(.gap(n))
          continue
        }
        var alternatives: [Int32] = []
        for alt in part.split(separator: "|") {
          for w in expand(alt) { alternatives.append(word(w)) }
        }
        elements.append(.words(alternatives))
      }
      return elements
    }

    static func append<P>(_ elements: [PhraseElement], _ payload: P, to set: inout PhraseSet<P>) {
      set.phrases.append(.init(elements: elements, payload: payload))
    }

    mutating func build() {
      for (w, v) in Lexicon.units {
        let id = word(w)
        info[Int(id)].flags.insert(.numberWord)
        info[Int(id)].number = v
      }
      for (w, v) in Lexicon.scales {
        let id = word(w)
        info[Int(id)].flags.insert(.scale)
        info[Int(id)].number = v
      }
      // ("mid-August", "early-October" are one token: the month.)
      for (w, m) in Lexicon.months {
        for form in [w] + (w.count > 3 || w == "may" ? ["mid-\(w)", "early-\(w)", "late-\(w)"] : []) {
          let id = word(form)
          info[Int(id)].flags.insert(.month)
          info[Int(id)].number = Double(m)
        }
      }
      for (w, d) in Lexicon.weekdays {
        let id = word(w)
        info[Int(id)].flags.insert(.weekday)
        info[Int(id)].number = Double(d)
      }
      flag(Lexicon.timeUnits, .timeUnit)
      flag(Lexicon.glue, .glue)
      flag(Lexicon.labels, .label)
      flag(Lexicon.currency, .currency)
      flag(Lexicon.abbreviations, .abbreviation)
      flag(Lexicon.phraseEnd, .phraseEnd)
      flag(Lexicon.determiners, .determiner)
      flag(Lexicon.future, .future)
      flag(Lexicon.intent, .intent)
      flag(Lexicon.offices, .office)
      flag(Lexicon.raising, .raising)
      flag(Lexicon.auxiliaries, .auxiliary)
      flag(Lexicon.takesOver, .takesOver)
      flag(Lexicon.pronouns, .pronoun)
      flag(Lexicon.dead, .dead)
      flag(Lexicon.living, .living)
      flag(Lexicon.adverbs, .adverb)
      flag(Lexicon.conjunctions, .conjunction)
      flag(Lexicon.speech, .speech)
      flag(Lexicon.ages, .age)
      flag(Lexicon.medical, .medical)
      flag(Lexicon.comparing, .comparing)
      flag(Lexicon.ordinalSuffixes, .ordinalSuffix)
      for (words, cls, group) in Lexicon.nouns {
        for w in words.split(separator: "|") {
          let id = word(String(w))
          info[Int(id)].nounClass = cls
          info[Int(id)].group = group.map(GroupName.init)
        }
      }
      for singular in [
        "person", "child", "patient", "hostage", "prisoner", "detainee", "soldier", "journalist",
        "man", "woman", "baby", "doctor", "medic", "paramedic", "nurse", "body", "truck", "convoy",
        "palestinian", "israeli", "official", "leader", "side", "captive", "civilian", "resident",
        "companion", "relative",
      ] {
        info[Int(word(singular))].singular = true
      }
      for (singular, plural) in [
        ("captive", NounClass.hostages), ("civilian", .people), ("resident", .people),
        ("companion", .companions), ("relative", .companions), ("hostage", .hostages),
      ] {
        let id = word(singular)
        info[Int(id)].nounClass = plural
        info[Int(id)].group = info[Int(word(singular + "s"))].group
      }
      for (adjective, plural) in Lexicon.demonyms {
        let a = word(adjective)
        info[Int(a)].flags.insert(.nationality)
        info[Int(a)].group = GroupName(plural)
        let p = word(plural)
        if info[Int(p)].nounClass == .unknown {
          info[Int(p)].nounClass = adjective == "foreign" ? .foreigners : .nationals
          info[Int(p)].group = adjective == "foreign" ? .foreignNationals : GroupName(plural)
        }
      }
      info[Int(word("foreign"))].group = .foreignNationals
      info[Int(word("palestinian"))].nounClass = .nationals
      info[Int(word("israeli"))].nounClass = .nationals
      info[Int(word("palestinian"))].singular = true
      info[Int(word("israeli"))].singular = true

      for (phrase, q) in Lexicon.qualifiers { Builder.append(compile(phrase), q, to: &qualifiers) }
      for (phrase, low, high) in Lexicon.vagueQuantities {
        let elements = compile(phrase)
        Builder.append(elements, low...high, to: &vague)
        if case .words(let first) = elements[0] {
          for id in first { info[Int(id)].flags.insert(.vague) }
        }
      }
      for (event, patterns) in IndicatorRules.cues {
        for p in patterns { Builder.append(compile(p), event, to: &cues) }
      }
      for w in IndicatorRules.prisonerHints.split(separator: "|") {
        let id = word(String(w))
        info[Int(id)].flags.insert(.prisonerHint)
      }
      for w in IndicatorRules.hostageHints.split(separator: "|") {
        let id = word(String(w))
        info[Int(id)].flags.insert(.hostageHint)
      }
      // ("Gazans" are Palestinians of Gaza: "1,700 Gazans held during the war will be released".)
      for w in ["palestinian", "palestinians", "gazan", "gazans"] { info[Int(word(w))].flags.insert(.palestinianHint) }
      // Words the extractor refers to by name.
      for w in Vocabulary.namedWords + NamedWords.groupWords { _ = word(w) }
      while info.count < table.words.count { info.append(WordInfo()) }
      let n = table.words.count
      qualifiers.freeze(wordCount: n)
      vague.freeze(wordCount: n)
      cues.freeze(wordCount: n)
    }
  }

  /// Words the extraction code tests for directly (not through a table).
  static let namedWords = [
    "of", "and", "or", "the", "a", "an", "in", "out", "every", "to", "from", "between", "since",
    "after", "before", "as", "on", "by", "until", "through", "till", "early", "late", "mid",
    "last", "this", "next", "yesterday", "today", "tonight", "ago", "earlier", "later", "week",
    "month", "year", "morning", "night", "evening", "afternoon", "day", "days", "weeks",
    "months", "years", "percent", "per", "cent", "pm", "am", "p", "m", "daily", "weekly",
    "each", "average", "more", "or", "so", "plus", "including", "among", "them", "these",
    "those", "whom", "which", "one", "no", "according", "said", "says", "told", "that",
    "he", "she", "they", "it", "we", "i", "war", "ceasefire", "truce", "cease-fire",
    "conflict", "genocide", "offensive", "fighting", "hostilities", "campaign", "assault",
    "began", "begun", "started", "start", "took", "effect", "entered", "came", "into", "force",
    "signed", "erupted", "broke", "launched", "went", "far", "date", "total", "all", "overall",
    "cumulative", "toll", "throughout", "during", "beginning", "now", "prison", "prisons",
    "jail", "jails", "detention", "were", "was", "had", "would", "is", "are", "be", "been",
    "will", "shall", "'ll", "to", "permitted", "allowed", "currently", "s", "'s", "’s", "half",
    "out", "in", "years-old", "year-old", "old", "aged", "age", "under", "over", "above", "at",
    "children", "people", "others", "who", "where", "while", "than", "with", "second", "ready", "need", "needs", "needed", "waiting", "eligible",
    "believed", "thought", "feared", "reported", "known", "presumed", "likely", "exchange",
    "registered", "number", "tally", "count", "below", "another", "for", "weekend", "first",
    "past", "previous", "yet", "further", "additional", "deal", "agreement", "down", "up", "along", "together",
    "few",
  ]
}
