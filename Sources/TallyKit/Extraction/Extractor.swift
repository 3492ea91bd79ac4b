/// Finds and codes every reported figure of a document, following the codebook.
///
/// The work per document: tokenize, split into sentences, find numbers and drop non-figures,
/// read what each number counts, then code each one (indicator, modality, date, period,
/// attribution) and finally run the document-level checks. `Extractor` is a value with no
/// mutable state, so one instance serves many threads.
public struct Extractor: Sendable {
  public let options: ExtractionOptions
  let vocabulary: Vocabulary
  let words: NamedWords
  /// The calendar's keywords ("ceasefire", "war") and the kind of period each names.
  let periodTable: FrozenWordTable
  let periodKinds: [String]
  /// Start dates of the calendar's periods by kind, sorted; and the group names. Both are this
  /// extractor's own copies, so threads with their own extractors share no counted storage.
  let periodStarts: [String: [CivilDate]]
  let groupNames: [String]
  /// Bit n is set when some keyword is n bytes long: most words are skipped without hashing.
  let periodLengths: UInt64

  public init(options: ExtractionOptions = ExtractionOptions()) {
    self.options = options
    vocabulary = Vocabulary()
    words = NamedWords(vocabulary)
    var table = WordTable(capacity: 64)
    var kinds: [String] = []
    for (keyword, kind) in options.calendar.kindsByKeyword.sorted(by: { $0.key < $1.key }) {
      let id = table.intern(keyword)
      if Int(id) == kinds.count { kinds.append(kind) }
    }
    periodTable = table.frozen()
    periodKinds = kinds
    periodLengths = table.words.reduce(0) { $0 | ($1.count < 64 ? 1 << UInt64($1.count) : 0) }
    var starts: [String: [CivilDate]] = [:]
    for p in options.calendar.periods { starts[String(decoding: Array(p.kind.utf8), as: UTF8.self), default: []].append(p.start) }
    periodStarts = starts.mapValues { $0.sorted() }
    groupNames = GroupName.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
  }

  /// Extracts the figures of one document, in document order.
  public func extract(_ document: Document) -> DocumentFigures {
    var tokens: [Token] = []
    // About one token per five bytes of news text: reserving avoids regrowing the array.
    tokens.reserveCapacity(document.text.count / 5 + 16)
    var sentences: [Range<Int>] = []
    return document.text.withUnsafeBufferPointer { bytes in
      Tokenizer(vocabulary: vocabulary).tokenize(bytes, into: &tokens)
      return tokens.withUnsafeBufferPointer { tokenBuffer in
        let view = TextView(bytes: bytes, tokens: tokenBuffer, vocabulary: vocabulary, w: words)
        SentenceSplitter(vocabulary: vocabulary).split(tokenBuffer, into: &sentences)
        var run = DocumentRun(
          extractor: self, view: view, document: document, sentences: sentences)
        return run.extract()
      }
    }
  }
}

/// A number as written, read with extract's grammar: its value, bounds and qualifier.
public struct WrittenNumber: Sendable, Equatable {
  public var value: Double?
  public var low: Double?
  public var high: Double?
  public var qualifier: Qualifier
  public var isRatio: Bool
}

extension Extractor {
  /// Reads a number written as in an article ("more than 180", "about 20,000", "dozens",
  /// "between 60 and 80", "one in five") with the grammar `extract` uses; `nil` when the text
  /// holds no number, or more than one.
  public func readNumber(_ text: String) -> WrittenNumber? {
    let bytes = Array(text.utf8)
    var tokens: [Token] = []
    return bytes.withUnsafeBufferPointer { b -> WrittenNumber? in
      Tokenizer(vocabulary: vocabulary).tokenize(b, into: &tokens)
      return tokens.withUnsafeBufferPointer { tb -> WrittenNumber? in
        let view = TextView(bytes: b, tokens: tb, vocabulary: vocabulary, w: words)
        let found = QuantityFinder(view: view).find(in: 0..<tb.count)
        guard found.count == 1, let q = found.first else { return nil }
        let (value, low, high) = q.bounds(options.vague)
        return WrittenNumber(value: value, low: low, high: high, qualifier: q.qualifier, isRatio: q.isRatio)
      }
    }
  }
}

extension Quantity {
  /// Value, low and high as the codebook's table in section 3 gives them.
  func bounds(_ vague: VagueProfile) -> (Double?, Double?, Double?) {
    switch qualifier {
    case .exact: return (value, value, value)
    case .atLeast, .moreThan: return (value, value, nil)
    case .atMost, .fewerThan: return (value, nil, value)
    case .approximately: return (value, nil, nil)
    case .range: return (rangeLow, rangeLow, rangeHigh)
    case .vague:
      let low = rangeLow ?? value
      let high = rangeHigh ?? value
      return (vague.value(low: low, high: high), low, high)
    }
  }
}

/// A cue found in a sentence.
/// What a figure of the sentence being coded was coded as, for the figures after it.
typealias CodedFigure = (indicator: Indicator, modality: Modality, past: Bool)

struct CueMatch {
  var start: Int
  var end: Int
  var event: Event
}

/// What extraction knows about a coded figure beyond its record: byte offsets (converted to
/// code points at the end), the quantity it came from, and what the checks need.
struct PendingFigure {
  var byteStart: Int
  var byteEnd: Int
  var quantity: Quantity
  /// "each accompanied by two": the count this one is per ("five patients").
  var perEachOf: Double?
  var sentenceIndex: Int
  /// `figure.group` as a plain value, for the checks' keys.
  var group: GroupName
}

/// The state of extracting one document.
struct DocumentRun {
  let extractor: Extractor
  let view: TextView
  let document: Document
  let sentences: [Range<Int>]
  /// The coded figures, in document order, and beside them (same indices) their details.
  var output: [Figure] = []
  var figures: [PendingFigure] = []
  var documentWarnings: [String] = []
  /// Cues of each sentence, found once (neighbouring sentences are read again).
  var cueCache: [[CueMatch]?]
  var lastAttribution: String? = nil
  /// "As of Friday" in a sentence with no figures applies to the next sentence's figures.
  var carriedAsOf: ReportedDate? = nil

  var w: NamedWords { view.w }

  init(extractor: Extractor, view: TextView, document: Document, sentences: [Range<Int>]) {
    self.extractor = extractor
    self.view = view
    self.document = document
    self.sentences = sentences
    cueCache = Array(repeating: nil, count: sentences.count)
  }

  mutating func extract() -> DocumentFigures {
    if document.published == nil {
      documentWarnings.append(
        "no publication date: dates relative to publication are left empty")
    }
    let finder = QuantityFinder(view: view)
    for (index, sentence) in sentences.enumerated() {
      if view.tokens[sentence.lowerBound].flags.contains(.paragraphBefore) { carriedAsOf = nil }
      var quantities = finder.find(in: sentence)
      let dates = DateFinder(view: view).find(in: sentence)
      if quantities.isEmpty {
        carriedAsOf = asOfDate(dates) ?? (dates.isEmpty ? carriedAsOf : nil)
        // A contradiction is worth a warning even where no figure uses the date.
        for d in dates where d.statedWeekday != nil {
          if let warning = DateResolver(published: document.published).resolve(d, lookAhead: false).warning {
            documentWarnings.append(warning)
          }
        }
        continue
      }
      // "As of December 8, the WHO had evacuated 10,960 patients. More than 18,500 remain on
      // the list.": an "as of" that opens a sentence dates the rest of its paragraph too.
      if let m = dates.first(where: { $0.role == .asOf }), m.start <= sentence.lowerBound + 2 {
        carriedAsOf = asOfDate([m])
      }
      let reader = NounPhraseReader(view: view)
      for k in quantities.indices {
        let limit = k + 1 < quantities.count ? quantities[k + 1].spanStart : sentence.upperBound
        reader.read(&quantities[k], sentence: sentence, limit: limit)
        markRemainsBefore(&quantities[k], from: sentence.lowerBound)
      }
      // "22 of the 36 hospitals", "59 of the 251 hostages": the part counts what the whole does.
      for k in quantities.indices.dropLast() where quantities[k].elliptical {
        var j = quantities[k].spanEnd
        guard view.isWord(j, w.of) else { continue }
        j += 1
        if view.flags(j).contains(.determiner) { j += 1 }
        guard j == quantities[k + 1].spanStart else { continue }
        let whole = quantities[k + 1]
        quantities[k].noun = whole.noun
        quantities[k].group = whole.group
        quantities[k].nationality = whole.nationality
        quantities[k].dead = quantities[k].dead || whole.dead
      }
      quantities.removeAll { $0.noun == .things }
      if quantities.isEmpty { continue }
      codeSentence(index, sentence, quantities, dates)
    }
    DocumentChecks.run(&output, figures, documentWarnings: &documentWarnings)
    return finish()
  }

  /// "the remains of 23", "the bodies of 28", "the bodies of Shiri Bibas and her two sons":
  /// the number counts the dead. Looks back over names, determiners, "and" and commas only.
  private func markRemainsBefore(_ q: inout Quantity, from start: Int) {
    var k = q.spanStart - 1
    while k > start, q.spanStart - k <= 8 {
      if view.isWord(k, w.of), view.nounClass(k - 1) == .bodies {
        q.dead = true
        return
      }
      let t = view.tokens[k]
      let passable =
        (t.kind == .punct && t.punct == UInt8(ascii: ","))
        || (t.kind == .word
          && (t.word == w.and || t.word == w.s || t.word == w.of
            || view.flags(k).contains(.determiner)
            || (t.flags.contains(.capitalized) && view.nounClass(k) == .unknown)))
      guard passable else { return }
      k -= 1
    }
  }

  // MARK: Coding one sentence

  private mutating func codeSentence(
    _ index: Int, _ sentence: Range<Int>, _ qs: [Quantity], _ dates: [DateMention]
  ) {
    let cues = cues(of: index)
    let claims = qs.map { adjacentCue(to: $0, cues: cues, sentence: sentence) }
    var claimed = [Bool](repeating: false, count: cues.count)
    for c in claims { if let c { claimed[c] = true } }
    let hints = self.hints(in: sentence)
    let sources = self.sources(in: sentence, cues: cues)
    let periods = periodWords(in: sentence)
    let totalWords = runningTotalWords(in: sentence)
    let sentenceText = view.text(from: sentence.lowerBound, to: sentence.upperBound)
    // What each figure of the sentence was coded as, for the figures after it.
    var coded: [CodedFigure] = []
    coded.reserveCapacity(qs.count)
    var wholes: [Indicator?] = []
    let resolver = DateResolver(published: document.published)

    for (k, original) in qs.enumerated() {
      var q = original
      let prev: Quantity? = k > 0 ? qs[k - 1] : nil
      let coordinated = prev.map { isCoordinated($0, q) } ?? false
      // "returned the remains of nine hostages, and 19 are still held", "killed 40 people,
      // and 2 children died of hunger": after an item with a verb of its own before it, an
      // item whose noun phrase is followed by an auxiliary or a cue verb starts a clause of
      // its own. ("the remains of 23 Israeli and three foreign hostages have been handed
      // over" is one list with one verb.)
      let ownClause =
        k > 0 && claims[k - 1] != nil && q.phraseEnd < sentence.upperBound
        && (view.flags(q.phraseEnd).contains(.auxiliary)
          || (!q.elliptical && cues.contains { $0.start == q.phraseEnd && $0.event != .ignore }))
      if coordinated, let p = prev {
        if p.dead && !ownClause && !q.alive { q.dead = true }
        if q.elliptical || q.noun == .unknown {
          q.noun = p.noun
          q.group = q.group ?? p.group
        }
      }
      // An elliptical count ("50 permitted to enter") counts what the figure before it counted.
      // Its group too when that figure is in the same sentence or it is a part of it
      // ("injured over 171,000"); otherwise the group is left to the indicator ("A further 38
      // failed ..." counts people).
      if q.noun == .unknown {
        let antecedent = q.partitive ? partitiveAntecedent(q, k, qs) : lastCounted(k, qs)
        // A share ("90 per cent of the population") or a fact-box value ("...: 78") counts
        // what its own words say, never the trucks or prisoners of an earlier sentence.
        if let (a, sameSentence) = antecedent,
          sameSentence || !(q.isRatio || view.isPunct(q.spanStart - 1, ":"))
        {
          q.noun = a.noun
          if sameSentence || q.partitive {
            q.group = q.group ?? a.group
            q.nationality = q.nationality ?? a.nationality
            // "the bodies of 15 Palestinians; 195 have been returned so far": the dead.
            if a.dead && !q.alive { q.dead = true }
          }
        }
      }

      // The indicator: each place a cue can stand is tried in turn (docs/extraction.md).
      // Locals only: a nested function that used `self` would copy the whole run.
      let subject = q
      let textView = view
      func decide(_ c: CueMatch) -> Indicator? {
        // "dead" and "deceased" describe hostages who are still held, rather than report a
        // killing: "35 of whom are believed dead".
        if c.event == .kill, subject.noun == .hostages, textView.flags(c.start).contains(.dead) {
          return nil
        }
        return IndicatorRules.decide(
          c.event, noun: subject.noun, dead: subject.dead, nationality: subject.nationality,
          hints: hints)
      }
      /// The indicator the predicate after `i`'s noun phrase gives, up to the next number: a
      /// specific event (a need, an evacuation, both directions) wins over a nearer death,
      /// injury or movement.
      func predicate(of i: Int) -> Indicator? {
        let p = qs[i]
        let limit = i + 1 < qs.count ? qs[i + 1].spanStart : sentence.upperBound
        let stop = textView.clauseEnd(from: p.phraseEnd, limit: min(limit, p.phraseEnd + 15))
        var first: Indicator? = nil
        // A cue right after the noun phrase is its verb even when the next number claims it
        // too: "5 patients left with 10 companions".
        for (ci, c) in cues.enumerated()
        where c.start >= p.phraseEnd && c.start < stop && (!claimed[ci] || c.start == p.phraseEnd) {
          guard let ind = decide(c) else { continue }
          if c.event.isSpecific { return ind }
          if first == nil { first = ind }
        }
        return first
      }
      // The whole this figure is a part of, if any; a list item or an "and" after a part is a
      // part of the same whole ("Among them were 445 men detained in Gaza during the war and
      // 151 people serving long sentences").
      let listed = coordinated || view.isWord(q.spanStart - 1, w.and)
      var whole = partOf(q, k, coded)
      if whole == nil, k > 0, listed { whole = wholes[k - 1] }
      wholes.append(whole)
      var indicator: Indicator? = nil
      // 1. the cue right before the number: "killed at least 509", "in exchange for 183"
      if let c = claims[k] { indicator = decide(cues[c]) }
      // 2. a verb shared with the conjunct before: "return 20 hostages and the bodies of 28"
      //    (not by a part of it: in "released 90 prisoners, and 12 of them were deported"
      //    the 12 have a predicate of their own; nor by a bare number followed by an
      //    auxiliary, "and 19 are still held")
      if indicator == nil, coordinated, !q.partitive, !ownClause, let c = claims[k - 1] {
        indicator = decide(cues[c])
      }
      // 3. the predicate after the noun phrase: "235 patients have been evacuated"
      if indicator == nil { indicator = predicate(of: k) }
      // 3a. the predicate after a breakdown or a companion set inside the figure's clause:
      //     "Eighteen patients, among them nine children, were evacuated", "120 sick and
      //     wounded people, along with 150 relatives, left Gaza"
      if indicator == nil, k + 1 < qs.count, isBreakdown(qs[k + 1]) || isAccompanying(qs[k + 1]) {
        indicator = predicate(of: k + 1)
      }
      // 3b. the predicate shared by a list: "19 patients and 28 companions crossed into Egypt"
      if indicator == nil {
        var last = k
        while last + 1 < qs.count, isCoordinated(qs[last], qs[last + 1]) { last += 1 }
        if last > k { indicator = predicate(of: last) }
      }
      // 3c. a part of a release, or an item listed after one, told by how its people came to
      //     be held ("Of the prisoners freed, 111 had been detained in Gaza", "free 250
      //     prisoners plus 1,700 Gazans detained after October 7"): released, like the whole.
      let release = whole ?? (listed ? coded.last?.indicator : nil)
      var joinsRelease = false
      if let own = indicator, [.detained, .prisonersHeld, .hostagesHeld].contains(own),
        release == .prisonersReleased || release == .hostagesReleased
      {
        indicator = release
        joinsRelease = whole == nil
      }
      // 4a. a part described by a cue of its own words: "about 50 of the freed prisoners"
      if indicator == nil, q.partitive {
        for c in cues where c.start >= q.numberEnd && c.end <= q.phraseEnd {
          if let ind = decide(c) {
            indicator = ind
            break
          }
        }
      }
      // 4. a part of an earlier figure: "including 1,400", "73 of these", "seven of them"
      if indicator == nil, let a = whole {
        // "the handover of 33 captives, eight of them dead": the dead part is remains.
        indicator = q.dead && (a == .hostagesReleased || a == .prisonersReleased) ? .remainsReturned : a
      }
      // 4b. a running total of the figure before: "evacuated 22 patients on Saturday, bringing
      //     the total since the ceasefire to 175"; the figure it is compared with: "45 a
      //     day last week, down from 60"
      if indicator == nil, k > 0, coded[k - 1].indicator != .other {
        let compared = comparedWith(q)
        if compared || bringsTotal(to: q, after: qs[k - 1]) {
          indicator = coded[k - 1].indicator
          if q.per == nil, compared { q.per = qs[k - 1].per }
        }
      }
      // 5. the conjunct before: "1,400 Israeli civilians and soldiers and 32 Americans"; the
      //    dead after remains handed over: "four coffins, which held the bodies of Shiri
      //    Bibas and her two young sons"
      if indicator == nil, coordinated || q.dead, let last = coded.last, last.indicator != .other,
        coordinated || last.indicator == .remainsReturned
      {
        indicator = last.indicator
      }
      // 6. cues further left in the clause: "have killed ... 509"
      if indicator == nil {
        let from = prev?.numberEnd ?? sentence.lowerBound
        for (ci, c) in cues.enumerated().reversed()
        where c.end <= q.spanStart && c.start >= from && !claimed[ci] {
          if let ind = decide(c) {
            indicator = ind
            break
          }
        }
      }
      // 7. words describing the counted people: "two remaining hostages"
      if indicator == nil {
        for c in cues where c.start >= q.numberEnd && c.end <= q.phraseEnd {
          if c.event == .kill, view.flags(c.start).contains(.dead) { continue }
          if let ind = decide(c) {
            indicator = ind
            break
          }
        }
      }
      // 8. any unclaimed cue of the sentence, nearest first
      if indicator == nil {
        let center = q.spanStart
        let ordered = cues.indices.filter { !claimed[$0] }.sorted {
          abs(cues[$0].start - center) < abs(cues[$1].start - center)
        }
        for ci in ordered where !(cues[ci].start >= q.numberEnd && cues[ci].end <= q.phraseEnd) {
          if let ind = decide(cues[ci]) {
            indicator = ind
            break
          }
        }
      }
      // 9. the next sentence, then the one before: "... 32 Palestinians from Ofer prison
      //    reached Ramallah. Among those released ..."
      //    Only for prisoners, hostages and bodies, whose release, detention or return a
      //    report often tells in the next sentence; other nouns are too loose to follow.
      if indicator == nil, [.prisoners, .hostages, .bodies].contains(q.noun) {
        for other in [index + 1, index - 1] where other >= 0 && other < sentences.count {
          for c in self.cues(of: other)
          where [.release, .hold, .abduct, .returnTo, .deport, .exit, .enter].contains(c.event) {
            if let ind = decide(c) {
              indicator = ind
              break
            }
          }
          if indicator != nil { break }
        }
      }
      // 10. patients travelling with companions have left ("the 50 patients, who were
      //     accompanied by 61 relatives"); otherwise what the counted noun implies on its
      //     own: patients in need, aid trucks
      if indicator == nil, q.noun == .patients, cues.contains(where: { $0.event == .accompany }) {
        indicator = .medevacCompleted
      }
      if indicator == nil { indicator = IndicatorRules.defaultIndicator(for: q.noun) }
      // The released side of an exchange whose other side is prisoners is hostages: "Dozens
      // were freed ... in exchange for 240 Palestinian prisoners".
      if indicator == .prisonersReleased, q.noun != .prisoners, q.nationality != .palestinians,
        k + 1 < qs.count, let c = claims[k + 1], isExchange(cues[c]),
        qs[k + 1].noun == .prisoners || qs[k + 1].nationality == .palestinians
      {
        indicator = .hostagesReleased
      }
      let finalIndicator = indicator ?? .other

      // Modality and tense.
      var (modality, past) = self.modality(q, sentence: sentence)
      // A list item, or the other side of an exchange ("33 hostages will be released ... in
      // exchange for about 1,900 prisoners"), shares the modality of the figure before it.
      let exchange = claims[k].map { isExchange(cues[$0]) } ?? false
      if coordinated || exchange || joinsRelease, let last = coded.last, modality == .actual {
        modality = last.modality
        past = last.past
      }
      // A part shares the plan of its whole in the sentence ("is to free 602 prisoners,
      // including 50 serving life sentences").
      if whole != nil, k > 0, modality == .actual, coded[k - 1].modality == .planned {
        modality = .planned
        past = coded[k - 1].past
      }
      // A need is a present state, whatever plan it is told with ("1,500 patients who had been
      // approved for treatment abroad").
      if finalIndicator == .medevacNeeded { modality = .actual }
      let lookAhead = modality == .planned && !past

      // Date and period.
      var warnings: [String] = []
      var date: ReportedDate? = nil
      var periodStart: ReportedDate? = nil
      if let m = nearestDate(q, dates) {
        let r = resolver.resolve(m, lookAhead: lookAhead)
        date = r.date
        if let warning = r.warning {
          warnings.append(warning)
          if !documentWarnings.contains(warning) { documentWarnings.append(warning) }
        }
        if m.role == .rangeEnd, let startMention = dates.last(where: { $0.role == .rangeStart && $0.end <= m.start }) {
          periodStart = resolver.resolve(startMention, lookAhead: lookAhead).date
        }
      }
      // "in the first 10 days of the ceasefire": the data runs to the tenth day of the period.
      if date == nil, let first = firstPart(of: periods, in: sentence) {
        date = ReportedDate(first.end)
        periodStart = ReportedDate(first.start)
      }
      if date == nil { date = carriedAsOf ?? document.published.map { ReportedDate($0) } }
      if periodStart == nil {
        periodStart = cumulativeStart(
          q, finalIndicator, sentence, dates, periods, totalWords, resolver, asOf: date)
      }
      if document.published == nil {
        warnings.append("no publication date: dates relative to publication are left empty")
      }

      // Group, unit, bounds.
      let group = self.group(q, finalIndicator)
      let unit: CountUnit =
        q.isRatio ? .ratio : q.noun == .trucks ? .trucks : q.noun == .convoys ? .convoys : .people
      let (value, low, high) = bounds(q)
      let byteStart = Int(view.tokens[q.spanStart].start)
      let byteEnd = Int(view.tokens[q.spanEnd - 1].end)
      let figure = Figure(
        doc: document.id, start: 0, end: 0, text: view.text(from: q.spanStart, to: q.spanEnd),
        value: value, low: low, high: high, qualifier: q.qualifier, unit: unit,
        indicator: finalIndicator, group: extractor.groupNames[Int(group.index)], modality: modality,
        date: date,
        periodStart: periodStart, attribution: attribution(for: q, sources), sentence: sentenceText, per: q.per?.rawValue,
        warnings: warnings)
      var perEach: Double? = nil
      if let p = prev {
        for k in max(sentence.lowerBound, q.spanStart - 4)..<q.spanStart where view.isWord(k, w.each) {
          perEach = p.value
        }
      }
      output.append(figure)
      figures.append(
        PendingFigure(
          byteStart: byteStart, byteEnd: byteEnd, quantity: q, perEachOf: perEach,
          sentenceIndex: index, group: group))
      coded.append((finalIndicator, modality, past))
    }
    // "37 children were among the 50 patients": a part of the number after it, coded like it
    // when its own words code nothing.
    let here = output.count - qs.count  // this sentence's first figure
    for k in 0..<max(0, qs.count - 1) where output[here + k].indicator == .other {
      if isAmong(qs[k], qs[k + 1]) { output[here + k].indicator = output[here + k + 1].indicator }
    }
  }

  /// "including six children", "among them nine children": a breakdown of the figure before.
  private func isBreakdown(_ q: Quantity) -> Bool {
    let start = q.spanStart
    return view.isWord(start - 1, w.including)
      || (view.isWord(start - 2, w.among) && view.isWord(start - 1, w.them))
  }

  /// "along with 150 relatives", "together with 61 family members": people travelling with
  /// the figure before.
  private func isAccompanying(_ q: Quantity) -> Bool {
    view.isWord(q.spanStart - 1, w.with)
      && (view.isWord(q.spanStart - 2, w.along) || view.isWord(q.spanStart - 2, w.together))
  }

  /// "down from 60", "up from 12": the earlier value of the figure before.
  private func comparedWith(_ q: Quantity) -> Bool {
    q.elliptical && view.isWord(q.spanStart - 1, w.from)
      && (view.isWord(q.spanStart - 2, w.down) || view.isWord(q.spanStart - 2, w.up))
  }

  /// "in exchange for", "in return for": the other side of a swap.
  private func isExchange(_ c: CueMatch) -> Bool {
    view.isWord(c.start, w.exchange) || (view.isWord(c.start, w.in_) && c.event == .release)
  }

  /// "37 children were among the 50 patients": after `a`'s noun phrase, an optional
  /// auxiliary, "among", an optional determiner, then `b`.
  private func isAmong(_ a: Quantity, _ b: Quantity) -> Bool {
    var k = a.phraseEnd
    if view.flags(k).contains(.auxiliary) { k += 1 }
    guard view.isWord(k, w.among) else { return false }
    k += 1
    if view.flags(k).contains(.determiner) { k += 1 }
    return k == b.spanStart
  }

  // MARK: Cues

  /// Every cue of sentence `index`, in order (cached: neighbouring sentences are read again).
  private mutating func cues(of index: Int) -> [CueMatch] {
    if let c = cueCache[index] { return c }
    let range = sentences[index]
    var out: [CueMatch] = []
    var i = range.lowerBound
    while i < range.upperBound {
      if view.tokens[i].kind == .word,
        let m = extractor.vocabulary.cues.longestMatch(in: view.tokens, at: i, limit: range.upperBound)
      {
        out.append(CueMatch(start: i, end: m.end, event: m.payload))
        i = m.end
      } else {
        i += 1
      }
    }
    cueCache[index] = out
    return out
  }

  /// The cue that ends right before the mention, with only glue words between
  /// ("killed at least 509", "bodies of", "in either direction to 27").
  private func adjacentCue(to q: Quantity, cues: [CueMatch], sentence: Range<Int>) -> Int? {
    var best: Int? = nil
    for (ci, c) in cues.enumerated() where c.end <= q.spanStart {
      var k = c.end
      var glue = 0
      var ok = true
      while k < q.spanStart {
        let f = view.flags(k)
        // "returned the remains of nine hostages": the dead are counted through "remains of".
        if view.nounClass(k) == .bodies, view.isWord(k + 1, w.of) {
          k += 2
          continue
        }
        guard view.tokens[k].kind == .word, f.contains(.glue) || f.contains(.determiner) else {
          ok = false
          break
        }
        glue += 1
        k += 1
      }
      if ok && glue <= 3 { best = ci }
    }
    return best
  }

  private func hints(in sentence: Range<Int>) -> IndicatorRules.Hints {
    var h: IndicatorRules.Hints = []
    for i in sentence {
      let f = view.flags(i)
      if f.contains(.prisonerHint) { h.insert(.prisoners) }
      if f.contains(.hostageHint) { h.insert(.hostages) }
      if f.contains(.palestinianHint) { h.insert(.palestinians) }
    }
    return h
  }

  /// The words of a sentence that name a period of the calendar, with the period's kind.
  private func periodWords(in sentence: Range<Int>) -> [(index: Int, kind: String)] {
    var out: [(index: Int, kind: String)] = []
    let lengths = extractor.periodLengths
    for i in sentence where view.tokens[i].kind == .word {
      let t = view.tokens[i]
      let length = Int(t.end - t.start)
      guard length < 64, lengths & (1 << UInt64(length)) != 0 else { continue }
      var h = WordHasher()
      for k in Int(t.start)..<Int(t.end) { h.add(view.bytes[k]) }
      let id = extractor.periodTable.lookup(
        hash: h.value, in: view.bytes, start: Int(t.start), end: Int(t.end))
      if id >= 0 { out.append((i, extractor.periodKinds[Int(id)])) }
    }
    return out
  }

  // MARK: How figures relate

  /// "23 Israeli and three foreign hostages", "20 hostages and the bodies of 28", "three on
  /// Thursday and another three": two numbers joined by "and", "or", "plus" or a comma with nothing but
  /// determiners, nationality words, "the bodies of", "another", "on" a weekday and "next
  /// week" between.
  private func isCoordinated(_ a: Quantity, _ b: Quantity) -> Bool {
    var k = a.phraseEnd
    guard b.spanStart - k <= 5 else { return false }
    var sawJoin = false
    while k < b.spanStart {
      let t = view.tokens[k]
      if t.kind == .punct {
        guard t.punct == UInt8(ascii: ",") else { return false }
        sawJoin = true
      } else if t.word == w.and || t.word == w.or || t.word == w.plus {
        sawJoin = true
      } else if t.word == w.of || view.flags(k).contains(.determiner)
        || view.flags(k).contains(.nationality) || view.info(k)?.nounClass == .bodies
        || t.word == w.another || (t.word == w.on && view.flags(k + 1).contains(.weekday))
        || (view.flags(k).contains(.weekday) && view.isWord(k - 1, w.on))
        || ((t.word == w.next || t.word == w.last || t.word == w.this)
          && (view.isWord(k + 1, w.week) || view.isWord(k + 1, w.month)))
        || ((t.word == w.week || t.word == w.month)
          && (view.isWord(k - 1, w.next) || view.isWord(k - 1, w.last) || view.isWord(k - 1, w.this)))
      {
        // allowed: "three hostages on Thursday and another three on Saturday"
      } else {
        return false
      }
      k += 1
    }
    return sawJoin
  }

  /// The indicator a part takes from its whole: "including 1,400", "Among them were 445" (the
  /// figure before it), "73 of these" and "seven of them" (the last figure of the document), "Of
  /// the 183 ..., 111" (the sentence's first figure).
  private func partOf(_ q: Quantity, _ k: Int, _ codedHere: [CodedFigure]) -> Indicator? {
    let start = q.spanStart
    let including =
      isBreakdown(q) || view.isWord(start - 2, w.including)
      || (view.isWord(start - 3, w.among) && view.isWord(start - 2, w.them)
        && view.flags(start - 1).contains(.auxiliary))
    if including {
      // "Among them were 445 men ...": the whole is the figure before, here or in the
      // sentence before.
      if let whole = k > 0 ? codedHere[k - 1].indicator : output.last?.indicator, whole != .other {
        return whole
      }
    }
    if q.partitive {
      // "Of the 183 ..., 111": the sentence's first figure; "seven of them": the one before;
      // "At least 106 of the prisoners", opening a sentence: the last figure of prisoners.
      let whole: Indicator? =
        q.partOfFirst && k > 0
        ? codedHere[0].indicator : k > 0 ? codedHere[k - 1].indicator : lastFigure(counting: q)
      if let whole, whole != .other { return whole }
    }
    return nil
  }

  /// The indicator of the last earlier figure (in the last five sentences) that counts what
  /// the part names ("of the prisoners"; none if no such figure), or of the last figure when
  /// the part names nothing ("of them").
  private func lastFigure(counting q: Quantity) -> Indicator? {
    guard q.noun != .unknown && !q.elliptical else { return output.last?.indicator }
    guard let current = figures.last?.sentenceIndex else { return nil }
    for i in figures.indices.reversed() {
      if figures[i].sentenceIndex < current - 5 { break }
      let w = figures[i].quantity
      // "of these Palestinians" finds "183 Palestinian prisoners"; "of the people" any count.
      if w.noun == q.noun || q.noun == .people
        || (q.noun == .nationals && q.nationality != nil && w.nationality == q.nationality)
      {
        return output[i].indicator
      }
    }
    return nil
  }

  /// "..., bringing the total since the ceasefire to 175": `q` ends a clause that raises a
  /// total ("bringing", "raising", "taking" ... "the total|number|toll|tally ... to") after
  /// figure `p`.
  private func bringsTotal(to q: Quantity, after p: Quantity) -> Bool {
    guard view.isWord(q.spanStart - 1, w.to) else { return false }
    var j = q.spanStart - 2
    var sawTotal = false
    while j > p.phraseEnd, q.spanStart - j <= 10, view.tokens[j].kind == .word {
      let id = view.tokens[j].word
      if id == w.total || id == w.number || id == w.toll || id == w.tally || id == w.count { sawTotal = true }
      if sawTotal, view.flags(j).contains(.raising) { return true }
      j -= 1
    }
    return false
  }

  private func partitiveAntecedent(_ q: Quantity, _ k: Int, _ qs: [Quantity]) -> (Quantity, Bool)? {
    if k > 0 { return (q.partOfFirst ? qs[0] : qs[k - 1], true) }
    return figures.last.map { ($0.quantity, false) }
  }

  /// The nearest earlier figure that names what it counts, and whether it is in this sentence.
  private func lastCounted(_ k: Int, _ qs: [Quantity]) -> (Quantity, Bool)? {
    var j = k - 1
    while j >= 0 {
      // A breakdown ("including two children") is not what a later number counts.
      let part = isBreakdown(qs[j]) && j > 0
      if qs[j].noun != .unknown && !part { return (qs[j], true) }
      j -= 1
    }
    // Only the figures of the last two sentences: a pronoun does not reach further, and a
    // document of nothing but numbers must not make this search quadratic.
    let current = figures.last?.sentenceIndex ?? 0
    for p in figures.reversed() {
      if p.sentenceIndex < current - 2 { break }
      if p.quantity.noun != .unknown { return (p.quantity, false) }
    }
    return nil
  }

  // MARK: Modality

  /// Planned when a future, modal or scheduling word governs the number ("would return 20",
  /// "expected to leave", "to be released", "50 permitted to enter"); `past` when the plan is
  /// told in the past tense ("were expected"), which decides which weekday is meant.
  private func modality(_ q: Quantity, sentence: Range<Int>) -> (Modality, Bool) {
    var planned = false
    var past = false
    var k = q.spanStart - 1
    var steps = 0
    while k >= sentence.lowerBound, steps < 4, view.tokens[k].kind == .word {
      // "is due to return the remains of four": the words naming the dead do not count.
      if view.isWord(k, w.of), view.nounClass(k - 1) == .bodies {
        k -= view.flags(k - 2).contains(.determiner) ? 3 : 2
        continue
      }
      let id = view.tokens[k].word
      if view.flags(k).contains(.future) { planned = true }
      if id == w.to, k > 0, [w.is_, w.are, w.was, w.were].contains(view.tokens[k - 1].word) {
        planned = true  // "Hamas was to hand back 20"
      }
      if id == w.to, k > 0, view.flags(k - 1).contains(.intent) {
        planned = true  // "officials hope to evacuate up to 50"
      }
      if id == w.was || id == w.were || id == w.had || id == w.would { past = true }
      k -= 1
      steps += 1
    }
    k = q.spanEnd
    steps = 0
    let end = sentence.upperBound
    while k < end, steps < 10, view.tokens[k].kind == .word {
      let id = view.tokens[k].word
      // "on the approved lists": after a determiner the word describes, it plans nothing.
      if view.flags(k).contains(.future), !view.flags(k - 1).contains(.determiner) { planned = true }
      // "to be released" is planned; "ready to be evacuated" is a present need.
      if id == w.to, [w.is_, w.are, w.was, w.were].contains(view.tokens[k - 1].word) {
        planned = true  // "150 people were to leave"
      }
      if id == w.to, view.isWord(k + 1, w.be) {
        let before = view.tokens[k - 1].word
        if ![w.ready, w.need, w.needs, w.needed, w.waiting, w.eligible, w.believed, w.thought,
          w.feared, w.said, w.reported, w.known, w.presumed, w.likely].contains(before)
        {
          planned = true
        }
      }
      // "50 permitted to enter", "7,000 registered to return": a permitted or intended number;
      // "50 a day were allowed to leave" tells what happened.
      if id == w.permitted || id == w.allowed || id == w.registered, view.isWord(k + 1, w.to),
        ![w.was, w.were, w.been].contains(view.tokens[k - 1].word)
      {
        planned = true
      }
      if id == w.was || id == w.were || id == w.had || id == w.would { past = true }
      k += 1
      steps += 1
    }
    return (planned ? .planned : .actual, past)
  }

  // MARK: Dates

  private func asOfDate(_ dates: [DateMention]) -> ReportedDate? {
    guard let m = dates.first(where: { $0.role == .asOf }) else { return nil }
    return DateResolver(published: document.published).resolve(m, lookAhead: false).date
  }

  /// The date expression nearest the figure that dates it (a point, an "as of", a range end).
  private func nearestDate(_ q: Quantity, _ dates: [DateMention]) -> DateMention? {
    var best: DateMention? = nil
    var bestDistance = Int.max
    for m in dates where m.role == .point || m.role == .asOf || m.role == .rangeEnd {
      var d = m.end <= q.spanStart ? q.spanStart - m.end : max(0, m.start - q.spanEnd)
      // A comma between puts a date further: "four hostages next week, and six on Saturday".
      let between = m.end <= q.spanStart ? m.end..<q.spanStart : q.spanEnd..<max(q.spanEnd, m.start)
      for j in between where view.isPunct(j, ",") { d += 5 }
      if d < bestDistance {
        best = m
        bestDistance = d
      }
    }
    return best
  }

  /// For a running total, when its period began (codebook section 5, rule 4): an explicit
  /// "since" date, or a named period of the calendar ("since the ceasefire began", "in the
  /// war"), refined by the date the sentence gives the event ("took effect in early October").
  /// What a sentence says about running totals, read once per sentence.
  struct RunningTotalWords {
    /// "so far", "to date", "overall", "cumulative", "toll", "total"
    var cumulative = false
    /// "since" anywhere in the sentence
    var since = false
  }

  private func runningTotalWords(in sentence: Range<Int>) -> RunningTotalWords {
    var r = RunningTotalWords()
    for i in sentence where view.tokens[i].kind == .word {
      let id = view.tokens[i].word
      if id == w.far && view.isWord(i - 1, w.so) { r.cumulative = true }
      if id == w.date && view.isWord(i - 1, w.to) { r.cumulative = true }
      if id == w.overall || id == w.cumulative || id == w.toll || id == w.total { r.cumulative = true }
      if id == w.since && !view.followsComparing(i) { r.since = true }
    }
    return r
  }

  private func cumulativeStart(
    _ q: Quantity, _ indicator: Indicator, _ sentence: Range<Int>, _ dates: [DateMention],
    _ periods: [(index: Int, kind: String)], _ words: RunningTotalWords,
    _ resolver: DateResolver, asOf: ReportedDate?
  ) -> ReportedDate? {
    let counts = [
      .killed, .injured, .missing, .bodiesRecovered, .displaced, .detained, .diedAwaitingEvacuation,
    ].contains(indicator)
    if let m = dates.first(where: { $0.role == .start || ($0.role == .after && counts) }),
      let d = resolver.resolve(m, lookAhead: false).date
    {
      // "since October 2023": the calendar says which day of that month the period began.
      if d.precision == .month,
        let start = extractor.periodStarts.values.joined().filter({
          $0.year == d.day.year && $0.month == d.day.month
        }).min()
      {
        return ReportedDate(start)
      }
      return d
    }
    // Named periods in the sentence.
    var sinceKind: String? = nil
    var nearestKind: String? = nil
    var nearestDistance = Int.max
    var cumulative = words.cumulative
    for (i, kind) in periods {
      // "the heaviest bombardment since ...": one episode, not a period.
      if view.followsComparing(i) { continue }
      // "since the ceasefire", "since the start of the war"
      var j = i - 1
      var back = 0
      while j >= sentence.lowerBound, back < 5, view.tokens[j].kind == .word {
        if view.tokens[j].word == w.since {
          if !view.followsComparing(j) { sinceKind = kind }
          break
        }
        j -= 1
        back += 1
      }
      let distance = abs(i - q.spanStart)
      if distance < nearestDistance {
        nearestDistance = distance
        nearestKind = kind
      }
      if kind == "war" && (indicator == .killed || indicator == .injured || indicator == .missing) {
        cumulative = true
      }
    }
    guard let kind = sinceKind ?? ((cumulative || words.since) ? nearestKind : nil) else { return nil }
    let reference = asOf?.day ?? document.published
    if let m = dates.first(where: { $0.role == .eventStart }),
      let d = resolver.resolve(m, lookAhead: false).date
    {
      if d.precision == .day { return d }
      if let start = extractor.periodStarts[kind]?.first(where: {
        $0.year == d.day.year && $0.month == d.day.month
      }) {
        return ReportedDate(start)
      }
      return d
    }
    guard let ref = reference, let start = extractor.periodStarts[kind]?.last(where: { $0 <= ref })
    else { return nil }
    return ReportedDate(start)
  }

  /// "the first week of the ceasefire", "the first 10 days of the war": the days a period's
  /// opening part runs over (codebook section 5, rule 1), from the calendar's latest start of
  /// that kind on or before publication.
  private func firstPart(
    of periods: [(index: Int, kind: String)], in sentence: Range<Int>
  ) -> (start: CivilDate, end: CivilDate)? {
    guard let published = document.published else { return nil }
    for (i, kind) in periods {
      var k = i - 1
      if view.flags(k).contains(.determiner) { k -= 1 }
      guard k > sentence.lowerBound + 1, view.isWord(k, w.of) else { continue }
      let unit = k - 1
      let days: Int
      if view.isWord(unit, w.day) || view.isWord(unit, w.days) {
        days = 1
      } else if view.isWord(unit, w.week) || view.isWord(unit, w.weeks) {
        days = 7
      } else {
        continue
      }
      var count = 1
      var f = unit - 1
      if f > sentence.lowerBound, view.isNumber(f) || view.flags(f).contains(.numberWord) {
        let n = view.isNumber(f) ? view.digitValue(f) ?? 0 : view.wordValue(f)
        guard n >= 1, n <= 366 else { continue }
        count = Int(n)
        f -= 1
      }
      guard view.isWord(f, w.first),
        let start = extractor.periodStarts[kind]?.last(where: { $0 <= published })
      else { continue }
      let end = start.adding(days: count * days - 1)
      return (start, min(end, published))
    }
    return nil
  }

  // MARK: Attribution

  /// A source named in a sentence: where, who, and how it was introduced.
  struct Source {
    var position: Int
    var name: String
    /// "according to X" applies to the whole sentence; "X said" to what follows it.
    var according: Bool
    /// ", officials said." at the end of the sentence: applies to what precedes it.
    var trailing: Bool
  }

  /// Who gave the figures of a sentence: "according to X", "X said", "X told Reuters".
  /// A speech verb that starts an event cue here is not speech: "The strike claimed the lives
  /// of 18 people".
  private mutating func sources(in sentence: Range<Int>, cues: [CueMatch]) -> [Source] {
    let v = view
    let s = sentence.lowerBound
    let e = sentence.upperBound
    var out: [Source] = []
    /// A plural possessive inside a name: "the prisoners' media office".
    func possessive(_ k: Int) -> Bool {
      k > s && k + 1 < e && v.isPunct(k, "'") && v.tokens[k - 1].kind == .word && v.tokens[k + 1].kind == .word
        && !v.tokens[k].flags.contains(.spaceBefore) && v.tokens[k + 1].flags.contains(.spaceBefore)
    }
    for i in sentence where v.isWord(i, w.according) && v.isWord(i + 1, w.to) {
      var a = i + 2
      while a < e, v.flags(a).contains(.determiner) { a += 1 }
      var b = a
      while b < e, b - a < 8, v.tokens[b].kind == .word || v.isPunct(b, "-") || possessive(b) { b += 1 }
      if b > a { out.append(Source(position: i, name: v.text(from: a, to: b), according: true, trailing: false)) }
    }
    for i in sentence
    where v.flags(i).contains(.speech) && !v.isWord(i, w.according)
      && !cues.contains(where: { $0.start == i })
    {
      // The subject before the verb, skipping an appositive: "Mohammed Zaqout, the Director of
      // hospitals ..., said".
      var b = i
      if v.isPunct(b - 1, ",") {
        var j = b - 2
        while j > s, !v.isPunct(j, ",") { j -= 1 }
        guard j > s, v.isPunct(j, ",") else { continue }
        b = j
      }
      var a = b
      while a > s, b - a < 8, v.tokens[a - 1].kind == .word || v.isPunct(a - 1, "-") || possessive(a - 1) {
        let f = v.flags(a - 1)
        // "The Health Ministry in Gaza", "Ministry of Health", "Committee to Protect
        // Journalists", "the ministry of health", "the health ministry in Gaza", "a spokesman
        // for the foundation": a preposition between capitalised words, or after the noun
        // that heads an office's name, stays in the name.
        let preposition = v.tokens[a - 1].word
        let inName =
          [w.in_, w.of, w.to, w.for_].contains(preposition) && a < b && a - 2 >= s
          && v.tokens[a - 2].kind == .word
          && ((v.tokens[a].flags.contains(.capitalized) && v.tokens[a - 2].flags.contains(.capitalized)
            && preposition != w.for_)
            || v.flags(a - 2).contains(.office))
        // "A WHO spokesperson said": an acronym is a name, not the pronoun "who".
        let acronym = v.tokens[a - 1].flags.contains(.allCaps)
        if !inName
          && (f.contains(.speech) || (f.contains(.phraseEnd) && !acronym) || v.tokens[a - 1].word == w.and)
        {
          break
        }
        a -= 1
      }
      // ", officials said." and ", the ministry said on Tuesday." or "... said in a
      // statement.": a few words (no number) may close the sentence after the verb.
      var close = i + 1
      while close < e, close - i <= 5, v.tokens[close].kind == .word { close += 1 }
      // '"...," a spokesman said.': a quotation's comma may stand inside its closing quote.
      let afterComma = v.isPunct(a - 1, ",") || (v.isPunct(a - 1, "\"") && v.isPunct(a - 2, ","))
      let trailing = afterComma && (close >= e || v.tokens[close].kind == .punct)
      while a < b, v.flags(a).contains(.determiner) { a += 1 }
      guard a < b else { continue }
      let subject = v.text(from: a, to: b)
      let lower = subject.lowercased()
      if ["he", "she", "they", "it", "we", "i"].contains(lower) {
        if let last = lastAttribution {
          out.append(Source(position: i, name: last, according: false, trailing: trailing))
        }
        continue
      }
      guard v.tokens[a].flags.contains(.capitalized) || v.tokens[a].flags.contains(.allCaps) || a > s
      else { continue }
      out.append(Source(position: i, name: subject, according: false, trailing: trailing))
    }
    if let last = out.last { lastAttribution = last.name }
    return out
  }

  /// The source of one figure: the nearest "X said" before it, else "according to", else a
  /// trailing ", X said." after it.
  private func attribution(for q: Quantity, _ sources: [Source]) -> String? {
    if let s = sources.last(where: { !$0.according && !$0.trailing && $0.position < q.spanStart }) {
      return s.name
    }
    if let s = sources.first(where: { $0.according }) { return s.name }
    return sources.first { $0.trailing && $0.position > q.spanEnd }?.name
  }

  // MARK: Values

  private func group(_ q: Quantity, _ indicator: Indicator) -> GroupName {
    var g = q.group ?? q.nationality
    switch indicator {
    case .prisonersReleased, .prisonersHeld, .deported:
      if g == nil || g == .palestinians || g == .people { g = .prisoners }
    case .hostagesReleased, .hostagesHeld:
      if g == nil || g == .people { g = .hostages }
    case .medevacNeeded, .medevacCompleted, .diedAwaitingEvacuation:
      if g == nil || g == .people { g = .patients }
    case .medevacCompanions:
      g = .companions
    default: break
    }
    return g ?? .people
  }

  private func bounds(_ q: Quantity) -> (Double?, Double?, Double?) {
    q.bounds(extractor.options.vague)
  }

  // MARK: Output

  /// Converts byte offsets to code point offsets (one pass, figures are in order) and returns
  /// the figures.
  private mutating func finish() -> DocumentFigures {
    // Figures are coded sentence by sentence and number by number, so they are already in
    // document order; offsets are converted in one pass and the records moved out.
    var bytePos = 0
    var cpPos = 0
    for i in figures.indices {
      let start = figures[i].byteStart
      let end = figures[i].byteEnd
      cpPos += UTF8Bytes.codePointCount(view.bytes, from: bytePos, to: start)
      bytePos = start
      output[i].start = cpPos
      output[i].end = cpPos + UTF8Bytes.codePointCount(view.bytes, from: start, to: end)
    }
    let digest = DocumentDigest(document.text)
    for i in output.indices { output[i].id = digest.figureID(start: output[i].start, end: output[i].end) }
    var result: [Figure] = []
    swap(&result, &output)
    return DocumentFigures(
      document: document.id, digest: digest, figures: result, warnings: documentWarnings)
  }

}
