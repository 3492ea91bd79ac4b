/// The period of a rate ("600 trucks a day").
enum Rate: String, Sendable {
  case day, week
}

/// A number found in a sentence, before it is coded: where it is, its value and bounds, and
/// what it counts.
struct Quantity {
  /// Tokens of the number itself ("16,500", "tens of thousands", "one in five").
  var numberStart: Int
  var numberEnd: Int
  /// Tokens of the mention, qualifier included ("at least 16,500").
  var spanStart: Int
  var spanEnd: Int
  var value: Double
  var qualifier: Qualifier = .exact
  /// For a range: its ends. For a vague quantity: its literal interval.
  var rangeLow: Double? = nil
  var rangeHigh: Double? = nil
  var isVague = false
  var isRatio = false
  var isWords = false

  // What the number counts (filled by `NounPhrase`).
  var noun: NounClass = .unknown
  var nounToken: Int? = nil
  var group: GroupName? = nil
  var nationality: GroupName? = nil
  /// Described as dead: "deceased Palestinians", "dead hostages", "the bodies of".
  var dead = false
  /// Described as alive: "six living hostages", which a list of the dead before it does not
  /// make dead.
  var alive = false
  /// "of them", "of these", "Of the 183 ..., 111": a part of an earlier figure.
  var partitive = false
  /// The part follows "Of the N ...," at the start of the sentence: N is the whole.
  var partOfFirst = false
  /// The part follows "Of the prisoners," at the start of the sentence: it counts what that
  /// phrase names.
  var namedByOpening = false
  /// What the sentence's opening names as the whole ("Among the patients were 23 children",
  /// "Of the prisoners, 18 ...": patients, prisoners); `unknown` when it names none.
  var openingNoun: NounClass = .unknown
  /// The part follows "Of the prisoners," or "Of them," at the start of the sentence: its
  /// whole is an earlier sentence's figure, not a number before it in its own sentence ("Of
  /// them, 97 were deported and 445 had been detained": the 445 are not a part of the 97).
  var partOfOpening = false
  /// No counted noun follows ("50 permitted to enter", "injured over 171,000").
  var elliptical = false
  /// The group was read from a predicate noun ("44 were children"): it describes this
  /// figure's people only, and "others" after it do not take it.
  var groupFromPredicate = false
  /// The phrase lists patients and their companions ("389 patients and companions"): a
  /// crossing total, not an evacuation (codebook section 4, `crossed_out`).
  var patientsAndCompanions = false
  /// First token after the noun phrase.
  var phraseEnd: Int = 0
  /// `day` or `week` for a rate.
  var per: Rate? = nil
}

/// Finds the numbers of a sentence that may be figures, and drops those the codebook says are
/// not (section 1): dates, years, clock times, durations, ages, ordinals, compound modifiers,
/// money, labels ("Resolution 2334").
struct QuantityFinder {
  let view: TextView

  /// A surname written with a lower-case particle: "al-Sharif", "el-Sisi", "abu-Salmiya".
  private func isParticleName(_ k: Int) -> Bool {
    let t = view.tokens[k]
    let b = view.bytes
    var j = Int(t.start)
    while j < Int(t.end), b[j] != UInt8(ascii: "-") { j += 1 }
    return j > Int(t.start) && j + 1 < Int(t.end) && b[j + 1] >= UInt8(ascii: "A") && b[j + 1] <= UInt8(ascii: "Z")
  }

  func find(in sentence: Range<Int>) -> [Quantity] {
    var found: [Quantity] = []
    var i = sentence.lowerBound
    let end = sentence.upperBound
    while i < end {
      if canStartNumber(i), let q = number(at: i, end: end) {
        found.append(q)
        i = q.numberEnd
      } else {
        i += 1
      }
    }
    mergeRanges(&found, sentence: sentence)
    // Filtered in place: no second array per sentence.
    var kept = 0
    for j in found.indices {
      var q = found[j]
      guard !isNonFigure(q, sentence: sentence) else { continue }
      attachQualifier(&q, sentence: sentence)
      found[kept] = q
      kept += 1
    }
    found.removeLast(found.count - kept)
    return found
  }

  // MARK: Numbers in digits and words

  /// Whether token `i` can start a number: digits, a number, scale or vague word, a
  /// hyphenated word ("twenty-three") or "a"/"an" ("a dozen"). Most tokens cannot, and this
  /// test is far cheaper than trying.
  @inline(__always) private func canStartNumber(_ i: Int) -> Bool {
    let t = view.tokens[i]
    if t.kind == .number { return true }
    guard t.kind == .word else { return false }
    if t.word < 0 { return t.flags.contains(.hyphenated) }
    return !view.flags(i).isDisjoint(with: [.numberWord, .scale, .vague]) || t.word == view.w.a
      || t.word == view.w.an || t.word == view.w.half
  }

  private func number(at i: Int, end: Int) -> Quantity? {
    let v = view
    let t = v.tokens[i]
    if t.kind == .number {
      guard var value = v.digitValue(i) else { return nil }
      var numberEnd = i + 1
      var isRatio = false
      let shape = v.digitShape(i)
      // "27%", "27 percent", "27 per cent"
      if numberEnd < end, v.isPunct(numberEnd, "%") {
        isRatio = true
        numberEnd += 1
      } else if numberEnd < end, v.isWord(numberEnd, v.w.percent) {
        isRatio = true
        numberEnd += 1
      } else if numberEnd + 1 < end, v.isWord(numberEnd, v.w.per), v.isWord(numberEnd + 1, v.w.cent) {
        isRatio = true
        numberEnd += 2
      }
      if isRatio {
        return Quantity(
          numberStart: i, numberEnd: numberEnd, spanStart: i, spanEnd: numberEnd,
          value: value / 100, isRatio: true)
      }
      // "1.2 million", "3 thousand"
      if numberEnd < end, v.flags(numberEnd).contains(.scale), let info = v.info(numberEnd),
        info.number >= 1000
      {
        value = v.digitValue(i, times: info.number) ?? value
        numberEnd += 1
      } else if numberEnd < end, v.glued(numberEnd), let scale = gluedScale(numberEnd),
        shape.decimal || (numberEnd + 1 < end && countsPeople(numberEnd + 1))
      {
        // "2.1m people", "1.5bn": a scale glued to the digits ("500m from the border" is metres).
        value = v.digitValue(i, times: scale) ?? value
        numberEnd += 1
      } else if shape.decimal {
        return nil  // a decimal that is neither a percentage nor millions counts no one
      }
      var q = Quantity(
        numberStart: i, numberEnd: numberEnd, spanStart: i, spanEnd: numberEnd, value: value)
      ratio(&q, end: end)
      return q
    }
    guard t.kind == .word else { return nil }
    // Most words start no number: only number words, scale words ("a hundred"), vague words
    // and hyphenated words ("twenty-three") can.
    let startFlags = v.flags(i)
    guard !startFlags.isDisjoint(with: [.numberWord, .scale, .vague]) || t.flags.contains(.hyphenated)
      || t.word == v.w.a || t.word == v.w.an || t.word == v.w.half
    else { return nil }
    // "half a million": half of a scale of a thousand or more (or of a dozen: "half a dozen
    // journalists" are six); "half of them": a share.
    if t.word == v.w.half {
      if let share = fraction(numerator: 1, at: i, end: end) { return share }
      guard i + 2 < end, v.isWord(i + 1, v.w.a) || v.isWord(i + 1, v.w.an),
        v.flags(i + 2).contains(.scale), v.wordValue(i + 2) >= 1000 || v.wordValue(i + 2) == 12
      else { return nil }
      var q = Quantity(
        numberStart: i, numberEnd: i + 3, spanStart: i, spanEnd: i + 3,
        value: v.wordValue(i + 2) / 2, isWords: true)
      ratio(&q, end: end)
      return q
    }
    // Vague quantities: "dozens", "tens of thousands", "a handful of".
    if let m = v.vocabulary.vague.longestMatch(in: v.tokens, at: i, limit: end) {
      var stop = m.end
      if v.isWord(stop - 1, v.w.of) { stop -= 1 }
      return Quantity(
        numberStart: i, numberEnd: stop, spanStart: i, spanEnd: stop, value: m.payload.lowerBound,
        rangeLow: m.payload.lowerBound, rangeHigh: m.payload.upperBound, isVague: true)
    }
    // Number words: "five", "twenty-three", "a hundred", "two thousand", "a dozen".
    enum Last { case none, unit, tens, scale, and }
    var k = i
    var total: Double = 0
    var current: Double = 0
    var any = false
    var last = Last.none
    if v.isWord(k, v.w.a) || v.isWord(k, v.w.an) {
      // "a quarter of the population"
      if var share = fraction(numerator: 1, at: k + 1, end: end) {
        share.numberStart = i
        share.spanStart = i
        return share
      }
      guard k + 1 < end, v.flags(k + 1).contains(.scale) else { return nil }
      current = 1
      k += 1
    }
    while k < end {
      let flags = v.flags(k)
      let word: Double? =
        flags.contains(.numberWord) ? v.wordValue(k) : v.hyphenatedNumber(k)
      if let value = word {
        let isTens = value >= 20 && value.truncatingRemainder(dividingBy: 10) == 0
        let fits: Bool
        switch last {
        case .none, .scale, .and: fits = true
        case .tens: fits = value < 10 && flags.contains(.numberWord)
        case .unit: fits = false
        }
        guard fits else { break }
        current += value
        last = isTens && flags.contains(.numberWord) ? .tens : .unit
        any = true
        k += 1
      } else if flags.contains(.scale) {
        guard last != .and else { break }
        let s = v.wordValue(k)
        if s == 100 || s == 12 {
          current = max(current, 1) * s
        } else {
          total += max(current, 1) * s
          current = 0
        }
        last = .scale
        any = true
        k += 1
      } else if last == .scale, v.isWord(k, v.w.and), k + 1 < end,
        v.flags(k + 1).contains(.numberWord) || v.hyphenatedNumber(k + 1) != nil
      {
        last = .and  // "one hundred and fifty"
        k += 1
      } else {
        break
      }
    }
    guard any else { return hyphenatedFraction(i, end: end) }
    // "three quarters of", "one third of"
    if !v.tokens[i].flags.contains(.hyphenated) {
      if var share = fraction(numerator: total + current, at: k, end: end) {
        share.numberStart = i
        share.spanStart = i
        return share
      }
      if isDenominator(k, end: end) { return nil }
    }
    var q = Quantity(
      numberStart: i, numberEnd: k, spanStart: i, spanEnd: k, value: total + current,
      isWords: true)
    ratio(&q, end: end)
    return q
  }

  /// A share written in words, as a ratio (codebook section 3): "three quarters of the
  /// population", "a third of the dead", "half of them". Token `k` is the denominator, which
  /// must be followed by "of" or a determiner ("half the patients"; "a third round" is an
  /// ordinal), or by a verb after "of whom" ("of whom a third are dead"); a singular
  /// denominator takes one ("a fifth", "half"), a plural one a numerator from two to one
  /// below it. A share of a time ("the first half of 2024", "three quarters
  /// of an hour") is no figure.
  private func fraction(numerator n: Double, at k: Int, end: Int) -> Quantity? {
    let v = view
    guard k + 1 < end, let d = v.w.denominator(v.tokens[k].word) else { return nil }
    guard d.plural ? (n >= 2 && n < d.value && n == n.rounded()) : n == 1 else { return nil }
    var next = k + 1
    if v.isWord(next, v.w.of) {
      next += 1
    } else if v.flags(next).contains(.auxiliary), (max(0, k - 4)..<k).contains(where: { v.isWord($0, v.w.whom) }) {
      // "109 hostages, of whom about a third are believed to be dead": a share of the people
      // just named, standing alone before its verb.
    } else if !v.isWord(next, in: v.w.shareDeterminers) {
      return nil  // "half a million" is a number, "a third round" an ordinal
    }
    // "the first half of", "the second quarter of", "the other half": a part of a time or of a
    // pair, not a share of people.
    if k > 0, v.isWord(k - 1, v.w.first) || v.isWord(k - 1, v.w.second) || v.isWord(k - 1, v.w.the) { return nil }
    guard !isShareOfNoOne(after: next, end: end) else { return nil }
    return Quantity(
      numberStart: k, numberEnd: k + 1, spanStart: k, spanEnd: k + 1, value: n / d.value, isRatio: true, isWords: true)
  }

  /// Whether what a share is taken of (after its "of", from `k`) is a time ("of 2024", "of an
  /// hour", "of the year", "of March"), a measure it compares with ("half the number of
  /// January", "a third of the level before the war") or land ("an evacuation of about a
  /// third of the area"; not "half the strip's population"): no people are counted.
  private func isShareOfNoOne(after k: Int, end: Int) -> Bool {
    var next = k
    while next < end, view.flags(next).contains(.determiner) { next += 1 }
    guard next < end else { return false }
    return view.year(next) != nil || !view.flags(next).isDisjoint(with: [.timeUnit, .month])
      || view.isWord(next, in: view.w.measures)
      || (view.isWord(next, in: view.w.places) && !view.isWord(next + 1, view.w.s))
  }

  /// Whether token `k` is the denominator of a share ("three quarters of"): the number before
  /// it, when it makes no share of people, is no figure at all ("three quarters of an hour").
  private func isDenominator(_ k: Int, end: Int) -> Bool {
    k + 1 < end && view.w.denominator(view.tokens[k].word) != nil && view.isWord(k + 1, view.w.of)
  }

  /// "two-thirds of": a numerator and a denominator joined by a hyphen.
  private func hyphenatedFraction(_ i: Int, end: Int) -> Quantity? {
    let v = view
    guard v.tokens[i].flags.contains(.hyphenated) else { return nil }
    let parts = v.text(i).lowercased().split(separator: "-")
    let word = parts.count == 2 ? v.vocabulary.id(String(parts[0])) : -1
    guard word >= 0, v.vocabulary.flagTable[Int(word)].contains(.numberWord),
      let d = v.w.denominator(v.vocabulary.id(String(parts[1])))
    else { return nil }
    let numerator = v.vocabulary.numberTable[Int(word)]
    // ("Nearly one-third were doctors": a hyphenated share may stand alone before its verb.)
    guard d.plural ? numerator >= 2 : numerator == 1,
      numerator < d.value, i + 1 < end, v.isWord(i + 1, v.w.of) || v.flags(i + 1).contains(.auxiliary)
    else { return nil }
    if v.isWord(i + 1, v.w.of), isShareOfNoOne(after: i + 2, end: end) { return nil }
    return Quantity(
      numberStart: i, numberEnd: i + 1, spanStart: i, spanEnd: i + 1, value: numerator / d.value, isRatio: true,
      isWords: true)
  }

  /// The scale of a letter suffix glued to digits: "m"/"mn" a million, "bn" a billion, "k"
  /// a thousand.
  private func gluedScale(_ k: Int) -> Double? {
    guard view.tokens[k].kind == .word else { return nil }
    switch view.text(k).lowercased() {
    case "m", "mn": return 1_000_000
    case "bn": return 1_000_000_000
    case "k": return 1000
    default: return nil
    }
  }

  /// Whether token `k` names people (or trucks, convoys), rather than things.
  private func countsPeople(_ k: Int) -> Bool {
    let c = view.nounClass(k)
    return c != .unknown && c != .things && c != .actors
  }

  /// "one in five", "one in every five", "three out of four": a ratio.
  private func ratio(_ q: inout Quantity, end: Int) {
    let v = view
    var k = q.numberEnd
    if k < end, v.isWord(k, v.w.in_) {
      k += 1
      if k < end, v.isWord(k, v.w.every) { k += 1 }
    } else if k + 1 < end, v.isWord(k, v.w.out), v.isWord(k + 1, v.w.of) {
      k += 2
    } else {
      return
    }
    guard k < end, let d = number(at: k, end: end), !d.isVague, !d.isRatio, d.value > q.value,
      d.value <= 1000, v.tokens[k].kind == .word || (v.digitShape(k).digits < 4)
    else { return }
    q.value = q.value / d.value
    q.numberEnd = d.numberEnd
    q.spanEnd = d.numberEnd
    q.isRatio = true
  }

  // MARK: Ranges

  /// "between 60,000 and 80,000", "60,000-80,000", "60,000 to 80,000".
  private func mergeRanges(_ qs: inout [Quantity], sentence: Range<Int>) {
    guard qs.count > 1 else { return }
    let v = view
    var written = 0  // merged in place: the merged list is never longer than the input
    var k = 0
    while k < qs.count {
      var a = qs[k]
      if k + 1 < qs.count {
        let b = qs[k + 1]
        let gap = b.numberStart - a.numberEnd
        // "since Israel resumed strikes on March 18 to 830": a day after its month is a date's,
        // not a range's low end.
        let plain =
          !a.isVague && !b.isVague && !a.isRatio && !b.isRatio && a.value < b.value
          && !v.flags(a.numberStart - 1).contains(.month)
        // "a resolution passed 14-0", "won 3-1": a vote or a score, not a range and no figure.
        if gap == 1, v.isPunct(a.numberEnd, "-"), v.glued(a.numberEnd), v.glued(b.numberStart),
          v.isNumber(a.numberStart), v.isNumber(b.numberStart), a.value >= b.value, !a.isRatio, !b.isRatio,
          v.year(a.numberStart) == nil, !isISODate(a.numberStart)
        {
          k += 2
          continue
        }
        var isRange = false
        var start = a.numberStart
        if plain && gap == 1 {
          let mid = a.numberEnd
          let dash = v.isPunct(mid, "-")
          let to = v.isWord(mid, v.w.to) && !v.isWord(a.numberStart - 1, v.w.from)
            && !v.isWord(a.numberStart - 2, v.w.from)
          let and = v.isWord(mid, v.w.and) && v.isWord(a.numberStart - 1, v.w.between)
          // "the 2024-2025 school year": two years, not a range of people.
          let years = v.year(a.numberStart) != nil && v.year(b.numberStart) != nil
          if dash && !isISODate(a.numberStart) && !years && v.isNumber(a.numberStart) == v.isNumber(b.numberStart) {
            isRange = true
          } else if to || and {
            isRange = true
            if and { start -= 1 }
          }
        }
        if isRange {
          a.spanStart = start
          a.numberEnd = b.numberEnd
          a.spanEnd = b.numberEnd
          a.rangeLow = a.value
          a.rangeHigh = b.value
          a.qualifier = .range
          qs[written] = a
          written += 1
          k += 2
          continue
        }
      }
      qs[written] = a
      written += 1
      k += 1
    }
    qs.removeLast(qs.count - written)
  }

  /// "2026-01-25": four digits without a comma ("2,000-3,000" is a range), a glued hyphen,
  /// and at most two digits after it.
  private func isISODate(_ i: Int) -> Bool {
    let v = view
    guard v.isNumber(i), v.digitShape(i).digits == 4, !v.digitShape(i).comma, !v.digitShape(i).decimal,
      v.isPunct(i + 1, "-"), v.isNumber(i + 2), v.digitShape(i + 2).digits <= 2, v.glued(i + 1), v.glued(i + 2)
    else { return false }
    return true
  }

  // MARK: Not figures

  private func isNonFigure(_ q: Quantity, sentence: Range<Int>) -> Bool {
    let v = view
    let i = q.numberStart
    let next = q.numberEnd
    let end = sentence.upperBound
    let digits = v.isNumber(i)
    if q.value > 10_000_000_000 { return true }

    if digits {
      // A year: four digits without a comma, unless people are counted right after it.
      if v.year(i) != nil, q.qualifier == .exact, q.numberEnd == i + 1 {
        let noun: NounClass = next < end ? v.info(next)?.nounClass ?? .unknown : .unknown
        if !(noun != .unknown && noun != .things && noun != .actors) { return true }
      }
      // Dates: next to a month name ("October 10", "10 October", "Oct. 7", "February11").
      if v.flags(i - 1).contains(.month) && v.tokens[i - 1].flags.contains(.capitalized) {
        return true
      }
      if v.isPunct(i - 1, "."), v.flags(i - 2).contains(.month) { return true }
      // The end of a range of days: "January 20 to 30", "February 2-9", "January 20 through
      // 30", "between January 12 and 18"
      if v.joinsRange(at: i - 1, opener: i - 4),
        v.isNumber(i - 2), v.flags(i - 3).contains(.month), q.value <= 31
      {
        return true
      }
      if next < end, v.flags(next).contains(.month), v.tokens[next].flags.contains(.capitalized) {
        return true
      }
      // The start of a range of days, day first: "from 1 to 14 January", "between 1 and 14
      // January".
      if v.joinsRange(at: next, opener: i - 1),
        v.isNumber(next + 1), next + 2 < end, v.flags(next + 2).contains(.month),
        v.tokens[next + 2].flags.contains(.capitalized), q.value <= 31, let later = v.digitValue(next + 1),
        later <= 31, later > q.value
      {
        return true
      }
      // ISO and numeric dates: 2026-01-25, 1/2/2025, 25.01.2026
      if isISODate(i) || (i >= 4 && isISODate(i - 4)) || (i >= 2 && isISODate(i - 2)) {
        return true
      }
      if (v.isPunct(next, "/") && v.glued(next) && v.isNumber(next + 1))
        || (v.isPunct(i - 1, "/") && v.glued(i) && v.isNumber(i - 2))
      {
        return true
      }
      // Clock times: 10:30, 3 p.m., 3pm
      if (v.isPunct(next, ":") && v.glued(next) && v.isNumber(next + 1))
        || (v.isPunct(i - 1, ":") && v.glued(i) && v.isNumber(i - 2))
      {
        return true
      }
      if v.isWord(next, v.w.pm) || v.isWord(next, v.w.am)
        || ((v.isWord(next, v.w.p) || v.isWord(next, v.w.a))
          && v.isPunct(next + 1, ".") && v.isWord(next + 2, v.w.m))
      {
        return true
      }
      // Ordinals: 7th, 21st
      if next < v.count, v.glued(next), v.flags(next).contains(.ordinalSuffix) { return true }
      // Glued to letters or a letter-hyphen: G7, COVID-19, F-16; a unit glued after the
      // digits: "500m from the border", "20kg", "the 1990s" (a glued scale, "2.1m people",
      // is part of the number already).
      if i > sentence.lowerBound, v.glued(i), v.tokens[i - 1].kind == .word { return true }
      if next < end, v.glued(next), v.tokens[next].kind == .word { return true }
      if v.isPunct(i - 1, "-"), v.glued(i - 1), v.glued(i), v.tokens[i - 2].kind == .word {
        return true
      }
      // A number after "#": "Situation Update #312", "#2".
      if v.isPunct(i - 1, "#"), v.glued(i) { return true }
      // Money: $50, €3 million, £2 (non-ASCII signs such as € and £ have the stand-in 0x80)
      if i > sentence.lowerBound, v.tokens[i - 1].kind == .punct, v.glued(i) {
        let p = v.tokens[i - 1].punct
        if p == UInt8(ascii: "$") || p == 0x80 { return true }
      }
      // Ages: "Dalia Abu Kashef, 28, died", "Anas al-Sharif, 28."
      if q.value < 120, q.qualifier == .exact, i >= 2, v.isPunct(i - 1, ","),
        v.tokens[i - 2].kind == .word,
        v.tokens[i - 2].flags.contains(.capitalized) || isParticleName(i - 2),
        next >= end || v.isPunct(next, ",") || v.isPunct(next, ")") || v.isPunct(next, ".")
      {
        return true
      }
      // A numbered item at the start of a line: "1. ...", "2) ..."
      if i == sentence.lowerBound, v.isPunct(next, ".") || v.isPunct(next, ")"), q.value < 100 {
        return true
      }
    }
    // "children under five", "people over 50", "those over 50": an age limit after the
    // people it describes. (Runs before the qualifier is attached: the word before the
    // number is "under".)
    if q.value < 130, i - 2 >= sentence.lowerBound, v.tokens[i - 1].kind == .word,
      [v.w.under, v.w.over, v.w.above, v.w.below].contains(v.tokens[i - 1].word),
      countsPeople(i - 2) || v.isWord(i - 2, v.w.those), next >= end || !countsPeople(next)
    {
      return true
    }
    // "aged 28", "the age of 28", "aged between 21 and 85"
    if q.value < 130,
      v.flags(i - 1).contains(.age) || v.flags(q.spanStart - 1).contains(.age)
        || (v.isWord(i - 1, v.w.of) && v.isWord(i - 2, v.w.age))
    {
      return true
    }
    // "The youngest living hostage is 21", "the oldest was 86": an age, when the number ends
    // the clause.
    if q.value < 130, i - 1 > sentence.lowerBound, v.isWord(i - 1, in: v.w.beForms),
      next >= end || v.tokens[next].kind == .punct,
      (max(sentence.lowerBound, i - 7)..<(i - 1)).contains(where: { v.isWord($0, in: v.w.ageSuperlatives) })
    {
      return true
    }
    // "one" counts only people named right after it: "one person", "one in five".
    if q.isWords, q.value == 1, !q.isRatio {
      // ("One UN staff member", "one Red Crescent medic": a name may describe the noun; so
      // may a word for the living or the dead: "one deceased hostage".)
      var noun = next
      if noun + 1 < end, !v.flags(noun).isDisjoint(with: [.dead, .living]), v.nounClass(noun) == .unknown { noun += 1 }
      while noun < min(end, next + 2), v.tokens[noun].kind == .word, v.nounClass(noun) == .unknown,
        v.tokens[noun].flags.contains(.capitalized) || v.tokens[noun].flags.contains(.allCaps)
      {
        noun += 1
      }
      if noun > next, noun < end, v.nounClass(noun) == .unknown || v.nounClass(noun) == .things { noun = next }
      guard noun < end, let info = v.info(noun),
        info.nounClass != .unknown || info.flags.contains(.nationality),
        info.nounClass != .things, !v.isWord(i - 1, v.w.no)
      else { return true }
    }
    // Money in words: "50 million dollars"
    if v.flags(next).contains(.currency) { return true }
    // Labels: "Resolution 2334", "Gate 4", "phase 2", "Phase two" (a number word only when
    // no counted noun follows it)
    if i > sentence.lowerBound, v.flags(i - 1).contains(.label), q.qualifier == .exact,
      digits || next >= end || !countsPeople(next)
    {
      return true
    }
    // "Day 100 of the war", "on day 471", "Rafah week three": the number of a day, or of a
    // week that a name or nothing comes before ("earlier this week tens of thousands" count
    // people), unless people follow ("the day 30 people were killed").
    let weekLabel =
      v.isWord(i - 1, v.w.week)
      && (i - 2 < sentence.lowerBound || v.tokens[i - 2].kind != .word || v.tokens[i - 2].flags.contains(.capitalized))
    if i > sentence.lowerBound, v.isWord(i - 1, v.w.day) || weekLabel, q.qualifier == .exact,
      next >= end || !countsPeople(next)
    {
      return true
    }
    // Durations and compound modifiers: "72 hours", "seven weeks ago", "15-month war",
    // "20-point plan", "several days".
    var k = next
    // ("1,200-plus trucks" is a number "or more", below.)
    if v.isPunct(k, "-"), v.glued(k), k + 1 < v.count, v.glued(k + 1) {
      if v.tokens[k + 1].kind == .word, !v.isWord(k + 1, v.w.plus) { return true }
    }
    if q.isVague, v.isWord(k, v.w.of) { k += 1 }
    // "three and a half days"
    if v.isWord(k, v.w.and), v.isWord(k + 1, v.w.a), v.isWord(k + 2, v.w.half) { k += 3 }
    if k < end, v.flags(k).contains(.timeUnit) { return true }
    if k < end, v.tokens[k].kind == .word, v.tokens[k].word < 0 {
      // hyphenated unit words the lexicon does not list: "year-old", "day-long"
      let t = v.text(k).lowercased()
      if t.hasSuffix("-old") || t.hasSuffix("-long") || t.hasPrefix("year") || t.hasPrefix("month")
        || t.hasPrefix("week") || t.hasPrefix("day") || t.hasPrefix("hour")
      {
        return true
      }
    }
    return false
  }

  // MARK: Qualifiers

  /// "handed over four coffins": "over" ends a phrasal verb here, it does not qualify the
  /// number.
  private func isParticle(_ start: Int, _ end: Int) -> Bool {
    end == start + 1 && view.isWord(start, view.w.over) && view.flags(start - 1).contains(.takesOver)
  }

  /// "revised the overnight figure up to 109", "raised the toll up to 60": after a verb of
  /// revising (right before "up", or before a figure noun that is), "up" is the verb's
  /// particle and "to" names the new value; "up to" bounds nothing here.
  private func isRevisedUpTo(_ start: Int) -> Bool {
    let v = view
    guard v.isWord(start, v.w.up), v.isWord(start + 1, v.w.to) else { return false }
    func revises(_ j: Int) -> Bool {
      guard v.tokens[j].kind == .word else { return false }
      let t = v.text(j).lowercased()
      return t.hasPrefix("revis") || t.hasPrefix("raise") || t.hasPrefix("raising") || t.hasPrefix("push")
        || t.hasPrefix("bump") || t.hasPrefix("ratchet")
    }
    var j = start - 1
    if v.isWord(j, in: v.w.figureNouns) || v.isWord(j, v.w.number) || v.isWord(j, v.w.total)
      || v.isWord(j, in: v.w.estimates)
    {
      // Back past the figure's determiner and describing words.
      var steps = 0
      j -= 1
      while j >= 0, steps < 3, v.tokens[j].kind == .word, !revises(j) {
        j -= 1
        steps += 1
      }
    }
    return j >= 0 && revises(j)
  }

  /// The qualifier phrase that ends right before the number, if any (codebook section 3), and
  /// the "or more" / "or so" (or a glued "+") that may follow it.
  private func attachQualifier(_ q: inout Quantity, sentence: Range<Int>) {
    let v = view
    guard q.qualifier != .range else { return }
    var k = max(sentence.lowerBound, q.numberStart - 4)
    while k < q.numberStart {
      if let m = v.vocabulary.qualifiers.longestMatch(in: v.tokens, at: k, limit: q.numberStart),
        m.end == q.numberStart, !isParticle(k, m.end), !isRevisedUpTo(k),
        // "in the past 24 hours", "its past two reports": a time, not a bound.
        !(v.isWord(k, v.w.past) && v.flags(k - 1).contains(.determiner))
      {
        q.spanStart = k
        q.qualifier = q.isVague && m.payload == .approximately ? .vague : m.payload
        if q.isVague && q.qualifier != .vague {
          // "more than a dozen" is a number; "more than several" stays vague.
          q.qualifier = .vague
          q.spanStart = q.numberStart
        }
        break
      }
      k += 1
    }
    if q.isVague {
      q.qualifier = .vague
      return
    }
    let after = q.numberEnd
    // "12,000+": a plus glued to the digits is "or more"; so is "-plus" ("1,200-plus").
    if q.qualifier == .exact, after < sentence.upperBound, v.isPunct(after, "+"), v.glued(after) {
      q.qualifier = .atLeast
      q.spanEnd = after + 1
      return
    }
    if q.qualifier == .exact, after + 1 < sentence.upperBound, v.isPunct(after, "-"), v.glued(after),
      v.isWord(after + 1, v.w.plus), v.glued(after + 1)
    {
      q.qualifier = .atLeast
      q.spanEnd = after + 2
      return
    }
    if after + 1 < sentence.upperBound, v.isWord(after, v.w.or) {
      if v.isWord(after + 1, v.w.more) {
        q.qualifier = .atLeast
        q.spanEnd = after + 2
      } else if v.isWord(after + 1, v.w.so) {
        q.qualifier = .approximately
        q.spanEnd = after + 2
      }
    }
  }
}
