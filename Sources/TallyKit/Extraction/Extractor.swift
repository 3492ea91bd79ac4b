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
  /// The day the last figure of the sentence before happened on, when its own clause named it
  /// ("11 people were killed on Thursday"), and the index of that sentence: "Another 30 were
  /// wounded" right after it adds to the same event.
  /// (Only an opening that counts days from that event, "A week earlier,", reaches it across a
  /// paragraph break.)
  var lastEventDay: (sentence: Int, date: ReportedDate)? = nil
  /// The day a sentence's opening counted from the event before it ("A week later,"), for
  /// every figure of that sentence.
  var openedDay: (sentence: Int, date: ReportedDate)? = nil
  /// The sentence being coded.
  var sentenceIndex = 0

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
      sentenceIndex = index
      if view.tokens[sentence.lowerBound].flags.contains(.paragraphBefore) {
        carriedAsOf = nil
      }
      var quantities = finder.find(in: sentence)
      let dates = anchoredToTheCalendar(DateFinder(view: view).find(in: sentence), in: sentence)
      // "Oct 13: Hamas frees the last 20 living hostages. Israel releases 1,968 prisoners": a
      // date that labels a line of a timeline dates the rest of its paragraph.
      let label = dates.first.flatMap { m in
        m.start == sentence.lowerBound && view.isPunct(m.end, ":") && m.role == .point
          ? DateResolver(published: document.published).resolve(m, lookAhead: false).date : nil
      }
      if quantities.isEmpty {
        carriedAsOf = label ?? asOfDate(dates) ?? (dates.isEmpty ? carriedAsOf : nil)
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
      if let label { carriedAsOf = label }
      let reader = NounPhraseReader(view: view)
      for k in quantities.indices {
        let limit = k + 1 < quantities.count ? quantities[k + 1].spanStart : sentence.upperBound
        reader.read(&quantities[k], sentence: sentence, limit: limit)
        markRemainsBefore(&quantities[k], from: sentence.lowerBound)
      }
      // List items joined by "and" or "or". A bare number counts what the next counts ("75 and
      // 110 trucks", "two or three patients"). An item shares the next's rate: "50 sick
      // Palestinians and 100 relatives would be allowed out each day", "75 and 110 a day"; but
      // a rate right after the next number is its own, unless the item is a bare number like
      // it: "6,700 trucks and 145 a day" are a total and a rate.
      for k in quantities.indices.dropLast().reversed() {
        let next = quantities[k + 1]
        let joined = view.isWord(next.spanStart - 1, w.and) || view.isWord(next.spanStart - 1, w.or)
        guard joined, quantities[k].phraseEnd + 1 == next.spanStart else { continue }
        let bare = quantities[k].noun == .unknown && quantities[k].phraseEnd == quantities[k].spanEnd
        if bare && next.noun != .unknown { quantities[k].countsLike(next) }
        if quantities[k].per == nil, next.per != nil,
          bare || view.rate(at: next.spanEnd, end: sentence.upperBound) == nil
        {
          quantities[k].per = next.per
        }
      }
      // "33 hostages are to be freed ... Israel believes eight of the 33 are dead": "the 33"
      // counts what the earlier 33 counted.
      for k in quantities.indices where quantities[k].elliptical && quantities[k].noun == .unknown {
        referBack(&quantities[k], before: quantities[..<k])
      }
      // "22 of the 36 hospitals", "59 of the 251 hostages", "eight of the 33": the part counts
      // what the whole does.
      for k in quantities.indices.dropLast()
      where quantities[k].elliptical
        || (quantities[k].noun == .unknown && quantities[k].phraseEnd == quantities[k + 1].spanStart)
      {
        guard view.afterOf(quantities[k].spanEnd) == quantities[k + 1].spanStart else { continue }
        quantities[k].countsLike(quantities[k + 1])
      }
      // "registered 11,000 requests ... and had resolved about 4,000 of them": a part "of them"
      // of things counted just before it in the sentence is things too.
      for k in quantities.indices.dropFirst()
      where quantities[k - 1].noun == .things && quantities[k].noun == .unknown
        && isPartOfThem(quantities[k])
      {
        quantities[k].noun = .things
      }
      // "79 requests were approved, and 12 were rejected", "of 91 planned missions ..., 41 were
      // denied, 18 were impeded and only 32 were facilitated": a bare number listed right
      // after things counts those things too, unless a verb other than a refusal follows it
      // ("40 homes were destroyed, and 12 were killed" are people).
      // (Only a number that is the subject of a verb of its own, after an auxiliary: in "in two
      // groups, seven in the morning and 13 later" the seven are the hostages.)
      for k in quantities.indices.dropFirst()
      where quantities[k - 1].noun == .things && quantities[k].noun == .unknown
        && quantities[k].phraseEnd == quantities[k].spanEnd && view.flags(quantities[k].phraseEnd).contains(.auxiliary)
      {
        // (Past one lower-case word: "and only 32"; after "but" too: "300,000 tents were
        // needed, but only 40,000 had been allowed in".)
        func joins(_ j: Int) -> Bool { view.isWord(j, w.and) || view.isWord(j, w.but) || view.isPunct(j, ",") }
        var before = quantities[k].spanStart - 1
        if !joins(before), view.tokens[before].kind == .word, !view.tokens[before].flags.contains(.capitalized) {
          before -= 1
        }
        guard joins(before) else { continue }
        // (A verb things can do, like being let in or turned back, keeps them things.)
        let end = quantities[k].phraseEnd
        if let verb = cues(of: index).first(where: { $0.start >= end && $0.start <= end + 2 }),
          ![.denied, .enter, .exit, .bothWays].contains(verb.event)
        {
          continue
        }
        quantities[k].noun = .things
      }
      quantities.removeAll { $0.noun == .things }
      if quantities.isEmpty { continue }
      codeSentence(index, sentence, quantities, dates)
    }
    DocumentChecks.run(&output, figures, documentWarnings: &documentWarnings)
    return finish()
  }

  /// Whether `q` has the shape of a reference back: "the 33", "those 20", "the three men"
  /// (digits, or words from three up: "the two" is as often two people just named, "where the
  /// two discussed"; no vague number or share).
  func looksBack(_ q: Quantity) -> Bool {
    let k = q.spanStart - 1
    return (view.isWord(k, w.the) || view.isWord(k, w.these) || view.isWord(k, w.those)) && !q.isVague
      && !q.isRatio && (!q.isWords || q.value >= 3)
  }

  /// "the 33", "those 20", with no noun of their own: a reference back to the last earlier
  /// figure of the same value (in this sentence or the five before) that names what it counts.
  private func referBack(_ q: inout Quantity, before here: ArraySlice<Quantity>) {
    guard looksBack(q) else { return }
    let value = q.value
    let sameValue = { (p: Quantity) in p.value == value && p.noun != .unknown }
    guard let a = here.last(where: sameValue) ?? recentFigure(within: 5, where: sameValue).map({ figures[$0].quantity })
    else { return }
    q.countsLike(a)
  }

  /// The index in `figures` of the last figure that `matches`, in the latest coded sentence or
  /// the `reach` sentences before it. The search goes no further back, so a document of
  /// nothing but numbers does not make it quadratic.
  func recentFigure(within reach: Int, where matches: (Quantity) -> Bool) -> Int? {
    recentFigure(within: reach) { (i: Int) in matches(figures[i].quantity) }
  }

  /// `recentFigure`, with `matches` given the figure's index; with `sentence`, only figures of
  /// the sentences before it count, and `reach` is counted from the one right before it.
  func recentFigure(before sentence: Int? = nil, within reach: Int, where matches: (Int) -> Bool) -> Int? {
    guard let latest = sentence.map({ $0 - 1 }) ?? figures.last?.sentenceIndex else { return nil }
    for i in figures.indices.reversed() where figures[i].sentenceIndex <= latest {
      if figures[i].sentenceIndex < latest - reach { break }
      if matches(i) { return i }
    }
    return nil
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

  /// Codes the figures of one sentence in order, each by docs/extraction.md's steps 6 to 11:
  /// indicator (IndicatorSteps.swift), modality, date, period, attribution and group.
  private mutating func codeSentence(
    _ index: Int, _ sentence: Range<Int>, _ qs: [Quantity], _ dates: [DateMention]
  ) {
    let cues = cues(of: index)
    let claims = qs.map { adjacentCue(to: $0, cues: cues, sentence: sentence) }
    var claimed = [Bool](repeating: false, count: cues.count)
    for c in claims { if let c { claimed[c] = true } }
    let context = SentenceCues(
      index: index, range: sentence, quantities: qs, cues: cues, claims: claims, claimed: claimed,
      hints: hints(in: sentence))
    let sources = self.sources(in: sentence, cues: cues)
    let periods = periodWords(in: sentence)
    let totalWords = runningTotalWords(in: sentence)
    let sentenceText = view.text(from: sentence.lowerBound, to: sentence.upperBound)
    // What each figure of the sentence was coded as, and the whole it is a part of, for the
    // figures after it.
    var coded: [CodedFigure] = []
    coded.reserveCapacity(qs.count)
    var wholes: [Indicator?] = []
    let resolver = DateResolver(published: document.published)

    for k in qs.indices {
      var q = qs[k]
      let links = self.links(of: &q, at: k, in: context, coded: coded, wholes: wholes)
      wholes.append(links.whole)
      let (finalIndicator, joinsRelease) = indicator(of: &q, at: k, in: context, links, coded: coded)

      let (modality, past) = modality(of: q, at: k, sentence, links, joinsRelease, finalIndicator, coded)
      // "Three soldiers were killed on Sunday, bringing the number killed since the offensive
      // began to 390": the words between are the total's; and, when the total is named after
      // its number, so are the words of its clause ("bringing to 87 the number of patients who
      // have left since Saturday").
      // (Past the figure's breakdowns and companions: "Five more people, including two
      // children, died ..., bringing the number of hunger deaths since the war began to 227".)
      var totalsWords: Range<Int>? = nil
      var next = k + 1
      while next < qs.count, isBreakdown(qs[next]) || isCompanionAside(qs[next]) { next += 1 }
      // (And past a partner after "and": "107 people were killed and 176 wounded, ...,
      // raising the death toll since 7 October to 32,333".)
      if next + 1 < qs.count, view.isWord(qs[next].spanStart - 1, w.and), !bringsTotal(to: qs[next], after: qs[next - 1]),
        bringsTotal(to: qs[next + 1], after: qs[next])
      {
        next += 1
      }
      if next < qs.count, let raising = raisingWord(of: qs[next], after: qs[next - 1]) {
        let total = qs[next]
        let limit = next + 1 < qs.count ? qs[next + 1].spanStart : sentence.upperBound
        // (A "since" right after the total is the total's too: "raising the total of such deaths
        // to 300 since the war began".) The total's words start at the verb that raises it:
        // "Strikes have killed 300 people since Monday, bringing the toll to 30,000" keeps
        // Monday for the 300.
        let ownClause = namesTotalAfter(total) || view.isWord(total.spanEnd, w.since)
        let end = ownClause ? view.clauseEnd(from: total.spanEnd, limit: limit) : total.spanStart
        totalsWords = max(q.spanEnd, raising)..<end
      }
      // And a "since" in the clause of the figure that raises a total is not the total's.
      var raisersWords: Range<Int>? = nil
      if k > 0, let raising = raisingWord(of: q, after: qs[k - 1]) {
        raisersWords = qs[k - 1].spanStart..<max(qs[k - 1].spanStart, raising)
      }
      let (ownDate, periodStart, warnings) = dateAndPeriod(
        of: q, finalIndicator, lookAhead: modality == .planned && !past, sentence, dates, periods, totalWords,
        resolver, excluding: totalsWords, raisersWords: raisersWords)
      var date = ownDate
      // "75 and 110 trucks a day in August and September respectively": the k-th of a list of
      // numbers takes the k-th of a list of dates after it.
      if let m = respectiveDate(of: k, qs, dates, sentence), let d = resolver.resolve(m, lookAhead: false).date {
        date = d
      }
      // "70 remain in Gaza, including 35 the military has declared dead": a breakdown with no
      // date after it in its sentence is as of its whole, the figure before it.
      if k > 0, isBreakdown(q), !dates.contains(where: { $0.start >= q.spanStart }), let whole = output.last {
        date = whole.date
      }
      // "Israel released 1,968 Palestinians on Monday. Most of them, 1,718, had been detained
      // in Gaza": a part after an opening whole, told in the past, in a sentence with no date,
      // is as of the whole (the last figure before the sentence); a present state ("Of them,
      // 70 remain in Gaza") is as of publication.
      if q.partOfOpening, !q.partOfFirst, dates.isEmpty, !presentTense(after: q), let whole = wholeBeforeSentence(q, k) {
        date = output[whole].date
        // (The part happened on the whole's day, which the sentence after may count from:
        // "Among the patients were 22 children. A week earlier, ...".)
        if let d = date, d.precision == .day { lastEventDay = (sentenceIndex, d) }
      }

      // Group, unit, bounds.
      let group = self.group(q, finalIndicator)
      var unit: CountUnit =
        q.isRatio ? .ratio : q.noun == .trucks ? .trucks : q.noun == .convoys ? .convoys : .people
      // "A convoy of 109 trucks was looted. Of them, 98 were lost": aid trucks with no noun of
      // their own are counted in the unit of the figure before (trucks, or convoys).
      if finalIndicator == .aidTrucks, unit == .people, q.noun == .unknown, let before = output.last,
        before.indicator == .aidTrucks
      {
        unit = before.unit
      }
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
      if k > 0 {
        let p = qs[k - 1]
        for i in max(sentence.lowerBound, q.spanStart - 4)..<q.spanStart where view.isWord(i, w.each) {
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
    codeAmongParts(qs, first: output.count - qs.count)
    codeTwoWayTotals(qs, first: output.count - qs.count)
  }

  /// Step 7, modality: planned when a future, modal or scheduling word governs the number;
  /// `past` when the plan is told in the past tense.
  private func modality(
    of q: Quantity, at k: Int, _ sentence: Range<Int>, _ links: FigureLinks, _ joinsRelease: Bool,
    _ indicator: Indicator, _ coded: [CodedFigure]
  ) -> (Modality, past: Bool) {
    var (modality, past) = self.modality(q, sentence: sentence)
    // A list item (also a bare number after "and" with no verb of its own: "will free 30
    // prisoners for each civilian hostage and 50 for each female soldier"), or the other side
    // of an exchange ("33 hostages will be released ... in exchange for about 1,900
    // prisoners"), shares the modality of the figure before it.
    let bareItem = links.listed && q.elliptical && !links.ownClause
    // (A part after an opening whole, "Of them, 97 were to be deported and 445 were
    // detained", has its release in an earlier sentence, not in the part before it.)
    let releaseHere = joinsRelease && !q.partOfOpening
    if links.coordinated || links.gapped || links.joinedVerb || bareItem || links.exchange || releaseHere,
      let last = coded.last,
      modality == .actual
    {
      modality = last.modality
      past = last.past
    }
    // A part shares the plan of its whole in the sentence ("is to free 602 prisoners,
    // including 50 serving life sentences").
    if links.whole != nil, k > 0, !q.partOfOpening, modality == .actual, coded[k - 1].modality == .planned {
      modality = .planned
      past = coded[k - 1].past
    }
    // "33 hostages will be released over six weeks, beginning with three on Sunday": the first
    // part of a plan is planned.
    if k > 0, modality == .actual, coded[k - 1].modality == .planned, q.spanStart - 2 >= sentence.lowerBound,
      view.isWord(q.spanStart - 1, w.with), view.isWord(q.spanStart - 2, in: w.beginnings)
    {
      modality = .planned
      past = coded[k - 1].past
    }
    // Companions travel as the patients before them do: "up to 50 patients would be allowed
    // to cross each day, each with two companions".
    if indicator == .medevacCompanions, k > 0, coded[k - 1].indicator == .medevacCompleted,
      modality == .actual
    {
      modality = coded[k - 1].modality
      past = coded[k - 1].past
    }
    // A need is a present state, whatever plan it is told with ("1,500 patients who had been
    // approved for treatment abroad").
    if indicator == .medevacNeeded { modality = .actual }
    return (modality, past)
  }

  /// Steps 8 and 9, date and period, with the figure's warnings (a weekday that contradicts
  /// its date is also a document warning). `totalsWords` are the words of a running total the
  /// next figure raises: their dates, periods and total words are not this figure's.
  /// `raisersWords`, for a running total, are those of the figure that raises it, whose
  /// periods are not the total's.
  private mutating func dateAndPeriod(
    of q: Quantity, _ indicator: Indicator, lookAhead: Bool, _ sentence: Range<Int>, _ dates: [DateMention],
    _ periods: [(index: Int, kind: String)], _ totalWords: RunningTotalWords, _ resolver: DateResolver,
    excluding totalsWords: Range<Int>?, raisersWords: Range<Int>?
  ) -> (date: ReportedDate?, periodStart: ReportedDate?, warnings: [String]) {
    func elsewhere(_ i: Int) -> Bool { (totalsWords?.contains(i) ?? false) || (raisersWords?.contains(i) ?? false) }
    var warnings: [String] = []
    var date: ReportedDate? = nil
    var periodStart: ReportedDate? = nil
    // Whether the figure's own clause gives the day it happened ("killed in fighting on
    // Sunday"), not the day of a statement or the day data runs to.
    var eventDay = false
    // Whether the date is only the day a source spoke ("the UN said on Monday"), which the
    // days a count runs over ("in the first three weeks of the ceasefire") replace.
    var statementDay = false
    // ("Under the agreement announced on Wednesday, Hamas will release 33 hostages": the day of
    // a statement does not date what is to come.)
    if let m = nearestDate(q, dates, sentence), case let statement = isStatementDay(m), !(lookAhead && statement) {
      let r = resolver.resolve(m, lookAhead: lookAhead)
      date = r.date
      eventDay = m.role == .point && r.date?.precision == .day && !statement
      statementDay = m.role == .point && statement
      if let warning = r.warning {
        warnings.append(warning)
        if !documentWarnings.contains(warning) { documentWarnings.append(warning) }
      }
      // "in the 10 days after the ceasefire collapsed on March 18": the data runs from that
      // day to the end of those days (not past publication).
      if m.role == .point, let span = daysRunningFrom(m, sentence), let start = date, start.precision == .day,
        let published = document.published
      {
        periodStart = start
        date = ReportedDate(min(start.day.adding(days: span), max(start.day, published)))
      }
      if m.role == .rangeEnd, let startMention = dates.last(where: { $0.role == .rangeStart && $0.end <= m.start }) {
        periodStart = resolver.resolve(startMention, lookAhead: lookAhead).date
        // "between Monday and Thursday" published on a Monday: the range's Monday is the one
        // before its Thursday, not the day of publication.
        if case .weekday = startMention.kind, let s = periodStart, let e = date, s.day > e.day {
          let weeks = (s.day.dayNumber - e.day.dayNumber + 6) / 7
          periodStart = ReportedDate(s.day.adding(days: -7 * weeks), precision: s.precision)
        }
        // "Between February and December last year" in a January article: a start without its
        // year is the last such day not after the range's end, not the one after publication.
        if case .calendar(let year, let month, let day) = startMention.kind, year == nil, let s = periodStart,
          let e = date, s.day > e.day
        {
          var y = e.day.year
          if let d = CivilDate(year: y, month: month, day: day ?? 1), d > e.day { y -= 1 }
          periodStart = CivilDate(year: y, month: month, day: day ?? 1).map { ReportedDate($0, precision: s.precision) }
        }
      }
    }
    // (Nor is a period before a value the figure is compared with that value's: "On the first
    // day of the ceasefire, 630 trucks entered, more than the 600 a day the deal requires".)
    let periods = periods.filter { p in
      !elsewhere(p.index) && !(p.index < q.spanStart && comparedBetween(q, from: p.index, to: p.index))
    }
    // "in the first 10 days of the ceasefire": the data runs to the tenth day of the period.
    // ("recovered 120 bodies in the first three days of the ceasefire, and say another 10,000
    // are still missing": a present state in a later clause is as of now.)
    let presentLater =
      presentTense(after: q)
      && periods.contains { p in
        p.index < q.spanStart && (p.index..<q.spanStart).contains { view.isPunct($0, ",") && view.isWord($0 + 1, w.and) }
      }
    if date == nil || statementDay, !presentLater,
      let part = firstPart(of: periods, in: sentence) ?? timeBefore(periods, in: sentence)
    {
      date = ReportedDate(part.end)
      periodStart = ReportedDate(part.start)
    }
    // "11 people were killed on Thursday. Another 30 were wounded": more of the event the
    // sentence before dated, with no date of its own, happened on its day.
    if date == nil, dates.isEmpty, periods.isEmpty, !lookAhead, let last = lastEventDay,
      last.sentence == sentenceIndex - 1, !view.tokens[sentence.lowerBound].flags.contains(.paragraphBefore),
      addsToTheEventBefore(q, sentence)
    {
      date = last.date
      eventDay = true
    }
    // "Hamas freed three hostages on Saturday. Two days later, Israel released 90 prisoners": a
    // sentence that opens by counting days from the event the sentence before dated is that
    // many days from it.
    // (Every figure of the sentence: "A week later, four soldiers were exchanged for 200
    // prisoners".)
    if date == nil, dates.isEmpty, !lookAhead, let opened = openedDay, opened.sentence == sentenceIndex {
      date = opened.date
      eventDay = true
    } else if date == nil, dates.isEmpty, !lookAhead, let last = lastEventDay,
      last.sentence == sentenceIndex - 1, let days = daysFromTheEventBefore(sentence)
    {
      // (Across a paragraph break too: "... left on Wednesday. ¶ A week earlier, 17 had been
      // evacuated".)
      // (Not past publication: a report tells no day to come as done.)
      let day = last.date.day.adding(days: days)
      date = ReportedDate(document.published.map { min(day, $0) } ?? day)
      eventDay = true
      openedDay = date.map { (sentenceIndex, $0) }
    }
    // "In all, 1,150 trucks crossed during the month", "COGAT gave 1,810 trucks for the same
    // period": a time that refers back is the time of the first figure of the sentence before
    // (its main one: "37 trucks a day entered in October, down from 69 in September").
    // (Not across ", and" into a clause of its own: "pulled 572 bodies from the rubble in the
    // same period, and an estimated 9,500 people remain missing".)
    if date == nil, dates.isEmpty, periods.isEmpty, !lookAhead, let (back, at) = timeReferringBack(in: sentence),
      !(min(at, q.spanStart)..<max(at, q.spanStart)).contains(where: opensLaterClause),
      let before = figures.lastIndex(where: { $0.sentenceIndex < sentenceIndex })
    {
      var first = before
      while first > 0, figures[first - 1].sentenceIndex == figures[before].sentenceIndex { first -= 1 }
      let last = output[first]
      let lastDate = last.date ?? document.published.map { ReportedDate($0) }
      switch back {
      case .period:
        date = lastDate
        periodStart = last.periodStart
      case .precision(let p):
        if let d = lastDate, d.precision >= p {
          date = ReportedDate(d.day, precision: p)
          eventDay = p == .day
        }
      }
    }
    // "Hamas-led militants killed around 1,200 people in the attack that triggered the war":
    // an event told as what started a period is on that period's first day.
    if date == nil, dates.isEmpty, let published = document.published,
      let started = periods.first(where: { startsThePeriod($0.index) }),
      let first = extractor.periodStarts[started.kind]?.last(where: { $0 <= published })
    {
      date = ReportedDate(first)
    }
    if date == nil { date = carriedAsOf ?? document.published.map { ReportedDate($0) } }
    // (Kept for the next sentence only when it is the day of the sentence's last figure.)
    lastEventDay = eventDay ? date.map { (sentenceIndex, $0) } : nil
    // "Israel handed over 45 bodies on Tuesday, a day after Hamas returned the remains of four
    // hostages": a figure in a clause opened by "a day after" (or "two days after") is that many
    // days before the date of what it follows, unless its own clause has a date.
    if let (after, days) = daysAfter(before: q, sentence), let d = date, d.precision == .day,
      case let end = (q.spanEnd..<max(q.spanEnd, sentence.upperBound)).first(where: { view.isPunct($0, ",") || view.isPunct($0, ";") })
        ?? sentence.upperBound,
      !dates.contains(where: { $0.start > after && $0.start < end })
    {
      date = ReportedDate(d.day.adding(days: -days))
    }
    if periodStart == nil {
      periodStart = cumulativeStart(
        q, indicator, sentence, dates.filter { !elsewhere($0.start) }, periods,
        totalsWords == nil ? totalWords : RunningTotalWords(), resolver, asOf: date, eventDay: eventDay)
    }
    if document.published == nil {
      warnings.append("no publication date: dates relative to publication are left empty")
    }
    return (date, periodStart, warnings)
  }

  // MARK: Cues

  /// Every cue of sentence `index`, in order (cached: neighbouring sentences are read again).
  mutating func cues(of index: Int) -> [CueMatch] {
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
        // ("in exchange for a total of about 1,900": "a total of" is one glue phrase.)
        if !(view.isWord(k, w.total) && (view.isWord(k - 1, w.a) || view.isWord(k - 1, w.the))) { glue += 1 }
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
      // ("strikes continue despite the truce": the truce is a setting.)
      let before = view.flags(i - 1).contains(.determiner) ? i - 2 : i - 1
      if id >= 0, !view.isWord(before, in: w.settings) { out.append((i, extractor.periodKinds[Int(id)])) }
    }
    return out
  }

  // MARK: Modality

  /// Whether the word at `k` is a future, modal or scheduling word: "set" only as "set to" or
  /// "set for" ("a strike set fire to tents" plans nothing), "meant" only as "meant to" ("the
  /// closure meant 40 could not leave" plans nothing), "due to" only before a verb of a
  /// schedule ("due to leave" plans; "died due to the shortage of fuel" gives a cause).
  private func plansAhead(_ k: Int) -> Bool {
    guard view.flags(k).contains(.future) else { return false }
    if view.isWord(k, w.set_) { return view.isWord(k + 1, w.to) || view.isWord(k + 1, w.for_) }
    // ("are meant to enter" plans; "which meant 40 could not leave" does not.)
    if view.isWord(k, w.meant) { return view.isWord(k + 1, w.to) }
    if view.isWord(k, w.due), view.isWord(k + 1, w.to) { return view.isWord(k + 2, in: w.scheduledVerbs) }
    return true
  }

  /// Planned when a future, modal or scheduling word governs the number ("would return 20",
  /// "expected to leave", "to be released", "50 permitted to enter"); `past` when the plan is
  /// told in the past tense ("were expected"), which decides which weekday is meant.
  private func modality(_ q: Quantity, sentence: Range<Int>) -> (Modality, Bool) {
    var planned = false
    var past = false
    // "Palestinian prisoners to be released: about 1,950": a fact box's value shares the plan
    // of its label.
    if q.spanStart - 1 > sentence.lowerBound, view.isPunct(q.spanStart - 1, ":"),
      (sentence.lowerBound..<(q.spanStart - 1)).contains(where: { k in
        plansAhead(k) || (view.isWord(k, w.to) && view.isWord(k + 1, w.be))
      })
    {
      return (.planned, false)
    }
    var k = q.spanStart - 1
    var steps = 0
    while k >= sentence.lowerBound, steps < 4, view.tokens[k].kind == .word {
      // "is due to return the remains of four": the words naming the dead do not count.
      if view.isWord(k, w.of), view.nounClass(k - 1) == .bodies {
        k -= view.flags(k - 2).contains(.determiner) ? 3 : 2
        continue
      }
      // "with an initial cap of 50 patients a day": a limit, whatever describes it.
      if view.isWord(k, w.of), view.isWord(k - 1, in: w.targets) { planned = true }
      // "calls for the release of 10 living hostages": nor do "the X of" naming the event.
      if view.isWord(k, w.of), view.flags(k - 2).contains(.determiner), view.tokens[k - 1].kind == .word {
        // "Israel delayed the release of 620 prisoners": an event put off has not happened
        // (and "delayed" tells the plan in the past).
        if view.isWord(k - 3, in: w.delays) {
          planned = true
          if view.text(k - 3).hasSuffix("ed") { past = true }
        }
        // "against a target of 600", "a cap of 50 a day": a number an aim or a limit sets.
        if view.isWord(k - 1, in: w.targets) { planned = true }
        k -= 3
        continue
      }
      let id = view.tokens[k].word
      if plansAhead(k) { planned = true }
      if id == w.to, k > 0, [w.is_, w.are, w.was, w.were].contains(view.tokens[k - 1].word) {
        planned = true  // "Hamas was to hand back 20"
      }
      if id == w.to, k > 0, view.flags(k - 1).contains(.intent) {
        planned = true  // "officials hope to evacuate up to 50"
      }
      // "The plan calls for Hamas to release all 48", "calling on the government to secure
      // the release of the 73": a call for someone to act.
      if id == w.to, view.isWord(k - 2, w.for_) && view.isWord(k - 3, in: w.calls)
        || view.isWord(k - 3, w.for_) && view.isWord(k - 4, in: w.calls)
        || (max(sentence.lowerBound, k - 5)..<k).contains(where: { j in
          view.isWord(j, in: w.calls) && view.isWord(j + 1, w.on)
        })
      {
        planned = true
      }
      // "gives Hamas 72 hours to free the 20 living hostages": a deadline to act.
      if id == w.to, view.isWord(k - 1, w.hours) || view.isWord(k - 1, w.days) || view.isWord(k - 1, w.weeks) {
        planned = true
      }
      // "Hamas is going to free 20" ("one in three was going days without food" plans nothing)
      if id == w.to, view.isWord(k - 1, w.going) {
        planned = true
      }
      // "calls for the release of 10" (not "calling up tens of thousands of reservists")
      if id == w.for_, view.isWord(k - 1, in: w.calls) {
        planned = true
      }
      if id == w.was || id == w.were || id == w.had || id == w.would { past = true }
      k -= 1
      // ("expects to receive a further 300": "a further", "an additional" and "another" say
      // more of the same, and leave the verb's reach as it was.)
      let more = id == w.further || id == w.additional || id == w.another
        || ((id == w.a || id == w.an) && (view.isWord(k + 2, w.further) || view.isWord(k + 2, w.additional)))
      if !more { steps += 1 }
    }
    // "it would halve the number of aid trucks allowed in to 300 a day": a number a total is
    // to be brought to shares the plan of the verb before "the number" ("Officials expect
    // daily numbers to rise to 100": or "numbers", past a word that describes them).
    if q.spanStart - 1 > sentence.lowerBound, view.isWord(q.spanStart - 1, w.to),
      let total = (max(sentence.lowerBound, q.spanStart - 12)..<(q.spanStart - 1)).last(where: {
        view.isWord($0, w.number) || view.isWord($0, w.total) || view.text($0) == "numbers"
      }),
      total - 1 > sentence.lowerBound,
      view.flags(total - 1).contains(.determiner) || view.flags(total - 2).contains(.future),
      (max(sentence.lowerBound, total - 4)..<(total - 1)).contains(where: { view.flags($0).contains(.future) })
    {
      planned = true
    }
    k = q.spanEnd
    steps = 0
    let end = sentence.upperBound
    // ("Some 154 of the 250 were expected to be sent into exile": on past the whole, whose
    // own plan the words after it do not tell.)
    if let n = view.afterOf(k), n < end, view.isNumeral(n) { k = n + 1 }
    let of = view.flags(q.spanStart - 1).contains(.determiner) ? q.spanStart - 2 : q.spanStart - 1
    if view.isWord(of, w.of), view.isNumeral(of - 1) { steps = 10 }
    // ("Forty-five patients and 90 companions were due to leave": on past the list's items,
    // when the figure opens its clause, so that the verb after the list is its own.)
    // (Also after a verb of saying or "that": "officials saying 50 sick Palestinians and 100
    // relatives would be allowed out".)
    // ("A further three hostages and 110 prisoners are due to be exchanged": past "a further",
    // "an additional" or "another".)
    var lead = q.spanStart
    if lead - 1 >= sentence.lowerBound, view.isWord(lead - 1, w.another) {
      lead -= 1
    } else if lead - 2 >= sentence.lowerBound, view.isWord(lead - 1, w.further) || view.isWord(lead - 1, w.additional),
      view.isWord(lead - 2, w.a) || view.isWord(lead - 2, w.an)
    {
      lead -= 2
    }
    let opensClause =
      lead == sentence.lowerBound || view.tokens[lead - 1].kind == .punct
      || view.flags(lead - 1).contains(.speech) || view.isWord(lead - 1, w.that)
    while k < end, steps < 10,
      view.tokens[k].kind == .word || breakdownComma(k, end)
        || (opensClause && view.tokens[k].kind == .number && view.isWord(k - 1, w.and))
        // ("640,000 children under 10 are to be reached": past an age limit.)
        || (view.tokens[k].kind == .number
          && (view.isWord(k - 1, w.under) || view.isWord(k - 1, w.over) || view.isWord(k - 1, w.aged)))
        // ("1,000 prisoners held since October 7 will be among those freed": past a day of a
        // month.)
        || (view.tokens[k].kind == .number && view.flags(k - 1).contains(.month)
          && view.tokens[k - 1].flags.contains(.capitalized))
    {
      // "400 Palestinians, including the wounded, would be allowed to leave": past the
      // breakdown to the verb.
      if view.tokens[k].kind == .number {
        k += 1
        steps += 1
        continue
      }
      if view.tokens[k].kind != .word {
        k += 1
        while k < end, !view.isPunct(k, ",") { k += 1 }
        k += 1
        continue
      }
      let id = view.tokens[k].word
      // "on the approved lists": after a determiner the word describes, it plans nothing.
      if plansAhead(k), !view.flags(k - 1).contains(.determiner) { planned = true }
      // "up to 50 people a day may exit": a permitted number.
      if view.isWord(k, in: w.permissions), view.isWord(k + 1, in: w.movementVerbs) { planned = true }
      // "to be released" is planned; "ready to be evacuated" is a present need.
      if id == w.to, [w.is_, w.are, w.was, w.were].contains(view.tokens[k - 1].word) {
        planned = true  // "150 people were to leave"
      }
      if id == w.to, view.isWord(k + 1, w.be) {
        let before = view.tokens[k - 1].word
        // ("165 had yet to be identified" is no plan either.)
        if ![w.ready, w.need, w.needs, w.needed, w.waiting, w.eligible, w.believed, w.thought, w.estimated,
          w.feared, w.said, w.reported, w.known, w.presumed, w.likely, w.yet].contains(before),
          // ("were found to be acutely malnourished", "confirmed to be dead": a state found.)
          !view.isWord(k - 1, in: w.statusVerbs)
        {
          planned = true
        }
      }
      // "50 permitted to enter", "7,000 registered to return": a permitted or intended number;
      // "50 a day were allowed to leave" tells what happened.
      // ("have registered with the embassy to go back", "registered with the Palestinian
      // embassy in Cairo to go back": a few words may stand before "to", none a number or a
      // stop.)
      let registeredTo =
        id == w.registered
        ? (k + 2...k + 8).first { j in j < end && view.isWord(j, w.to) } : nil
      if id == w.permitted || id == w.allowed || id == w.registered,
        view.isWord(k + 1, w.to)
          || (registeredTo.map { to in !(k + 1..<to).contains { j in view.tokens[j].kind != .word } } ?? false),
        ![w.was, w.were, w.been].contains(view.tokens[k - 1].word)
      {
        planned = true
      }
      // "the 600 a day called for in the deal": a number called for is a target; "50 people
      // called for the release of ..." call for what follows "for".
      if id == w.called, view.isWord(k + 1, w.for_), k + 2 >= end || view.tokens[k + 2].kind == .punct
        || view.isWord(k + 2, w.in_) || view.isWord(k + 2, w.by) || view.isWord(k + 2, w.under)
      {
        planned = true
      }
      // "more than the 600 a day the deal requires": a number an agreement sets is a target.
      if id == w.deal || id == w.agreement || id == w.ceasefire || id == w.truce || id == w.ceaseFire,
        view.isWord(k + 1, in: w.requires)
      {
        planned = true
      }
      if id == w.was || id == w.were || id == w.had || id == w.would { past = true }
      k += 1
      steps += 1
    }
    return (planned ? .planned : .actual, past)
  }

  /// A comma that opens a breakdown (", including ...", ", among them ...") or a companion
  /// aside (", each with ...", ", along with ..."): the figure's verb comes after it.
  private func breakdownComma(_ k: Int, _ end: Int) -> Bool {
    view.isPunct(k, ",")
      && (view.isWord(k + 1, w.including) || view.isWord(k + 1, w.among)
        // (A companion aside: "up to 50 patients a day, each with no more than two companions,
        // may leave"; "50 patients, along with 61 companions, were to leave".)
        || view.isWord(k + 1, w.with) || (view.isWord(k + 1, w.each) && view.isWord(k + 2, w.with))
        || ((view.isWord(k + 1, w.along) || view.isWord(k + 1, w.together)) && view.isWord(k + 2, w.with)))
  }

  // MARK: Dates

  private func asOfDate(_ dates: [DateMention]) -> ReportedDate? {
    guard let m = dates.first(where: { $0.role == .asOf }) else { return nil }
    return DateResolver(published: document.published).resolve(m, lookAhead: false).date
  }

  /// The index in `output` of the last figure before the sentence whose figure `k` is being
  /// coded (its first `k` figures are already in `output`), if any.
  func figureBeforeSentence(_ k: Int) -> Int? {
    let i = output.count - 1 - k
    return i >= 0 && figures[i].sentenceIndex < sentenceIndex ? i : nil
  }

  /// Whether `q` is followed by "of them": "about 4,000 of them", "Nine of them died".
  func isPartOfThem(_ q: Quantity) -> Bool {
    view.isWord(q.spanEnd, w.of) && view.isWord(q.spanEnd + 1, w.them)
  }

  /// The figure before the sentence that a part after its opening ("Among them were 23
  /// children", "Of the patients, 12 ...") belongs to: the last one counting the people the
  /// opening names, if it names them and one does within five sentences; else the last one.
  func wholeBeforeSentence(_ q: Quantity, _ k: Int) -> Int? {
    guard let last = figureBeforeSentence(k) else { return nil }
    guard q.openingNoun != .unknown else { return last }
    return (0...last).reversed().prefix { figures[$0].sentenceIndex >= sentenceIndex - 5 }.first {
      figures[$0].quantity.noun == q.openingNoun
    } ?? last
  }

  /// ", and", ", but", ", while" at `j`: the start of a later clause of its own.
  private func opensLaterClause(_ j: Int) -> Bool {
    view.isPunct(j, ",") && (view.isWord(j + 1, w.and) || view.isWord(j + 1, w.but) || view.isWord(j + 1, w.while_))
  }

  /// The date expression nearest the figure that dates it (a point, an "as of", a range end).
  private func nearestDate(_ q: Quantity, _ dates: [DateMention], _ sentence: Range<Int>) -> DateMention? {
    var best: DateMention? = nil
    var bestDistance = Int.max
    for m in dates where m.role == .point || m.role == .asOf || m.role == .rangeEnd {
      if inRelativeClause(m, apartFrom: q, sentence) { continue }
      // "Last Tuesday, a convoy moved 21 patients to Jordan (the first such transfer this
      // year)": a date inside brackets dates only what the brackets hold.
      if let brackets = bracketsAround(m.start, sentence), !brackets.contains(q.spanStart) { continue }
      // "CAIRO, Feb 14 (Reuters) - ...": a dateline's date is the report's, not a figure's.
      if isDateline(m, sentence) { continue }
      // "Of the 251 people seized on October 7, 2023, 70 remain in Gaza": a date in the phrase
      // that opens with the whole dates the whole, not a part told in the present.
      if q.partOfFirst, m.end <= q.spanStart, presentTense(after: q) { continue }
      // "1,200 people were killed in the Oct. 7 attack, and about 120 hostages remain": a date
      // inside an earlier clause does not date a present state told after it (one opening
      // the sentence dates it all; "..., and some 250 were taken hostage" shares the day).
      if m.end <= q.spanStart, m.start > sentence.lowerBound + 2,
        (m.end..<q.spanStart).contains(where: { view.isPunct($0, ",") && view.isWord($0 + 1, w.and) }),
        presentTense(after: q)
      {
        continue
      }
      // "rejected 43 requests submitted in November, according to the WHO, which said five
      // patients on the list died waiting": a date before a ", which" clause the figure is in
      // dates the clause it stands in (unless it opens the sentence; a ", where" clause tells
      // the place of what the date dates: "killed on Monday in a strike on a hospital, where
      // five reporters had gathered").
      if m.end <= q.spanStart, m.start > sentence.lowerBound + 2,
        (m.end..<q.spanStart).contains(where: { view.isPunct($0, ",") && view.isWord($0 + 1, w.which) })
      {
        continue
      }
      // "600 trucks a day are supposed to enter, but the UN said 145 had come in during the
      // last week": nor does a date in a later clause date a present state told before it.
      // Nor, in any tense, one in a later clause with a pronoun subject of its own ("more than
      // half a million face hunger, and it projected 641,000 by the end of September").
      if m.start >= q.spanEnd,
        (q.spanEnd..<m.start).contains(where: { j in
          opensLaterClause(j) && (presentTense(after: q) || view.isWord(j + 2, in: w.subjectPronouns))
        })
      {
        continue
      }
      // "Fifty patients crossed on Saturday with 61 companions, and another 37 were expected
      // to follow on Sunday": nor does a date in a later clause that plans a figure of its own
      // date a figure told as done before it.
      if m.start >= q.spanEnd,
        let j = (q.spanEnd..<m.start).last(where: opensLaterClause),
        (j + 2..<max(j + 2, m.start)).contains(where: view.isNumeral),
        (j + 2..<max(j + 2, m.start)).contains(where: plansAhead), modality(q, sentence: sentence).0 == .actual
      {
        continue
      }
      // "514,000 people faced famine conditions, a number expected to reach 641,000 by the end
      // of September": nor does a date past a later figure that a plan after a comma counts
      // date a figure told as done before it.
      if m.start >= q.spanEnd, let comma = (q.spanEnd..<m.start).last(where: { view.isPunct($0, ",") }),
        let n = (comma + 1..<m.start).first(where: view.isNumeral), (comma + 1..<n).contains(where: plansAhead),
        modality(q, sentence: sentence).0 == .actual
      {
        continue
      }
      // "Militants have returned the remains of 21 hostages, while all 20 living hostages were
      // released on October 13": nor does a date in a later clause with a figure of its own
      // date a total told in the present perfect before it.
      if m.start >= q.spanEnd, let j = (q.spanEnd..<m.start).last(where: opensLaterClause),
        (j + 2..<max(j + 2, m.start)).contains(where: view.isNumeral), presentPerfect(before: q, sentence)
      {
        continue
      }
      // "Israeli fire has killed 93 Palestinians since it took effect, including 44 on a single
      // day, October 19": nor does a date past a later figure date a running total told in the
      // present perfect before it.
      if m.start >= q.spanEnd, presentPerfect(before: q, sentence),
        (q.spanEnd..<m.start).contains(where: view.isNumeral)
      {
        continue
      }
      // "WHO has helped evacuate more than 7,800 patients since October 2023, most of them
      // before the crossing closed in May 2024": nor does a date in an aside about a part.
      if m.start >= q.spanEnd,
        (q.spanEnd..<m.start).contains(where: { j in
          view.isPunct(j, ",") && view.isWord(j + 1, in: w.quantifiers) && view.isWord(j + 2, w.of)
            && (view.isWord(j + 3, w.them) || view.isWord(j + 3, w.whom))
        })
      {
        continue
      }
      // "roughly 14,000 people need to leave Gaza for care, half a million fewer procedures
      // having been carried out this year": nor does a date in a clause that opens with a
      // number of its own after a comma date a present state told before it.
      if m.start >= q.spanEnd, presentTense(after: q),
        (q.spanEnd..<m.start).contains(where: { j in
          view.isPunct(j, ",") && (view.isNumeral(j + 1) || view.isWord(j + 1, w.half))
        })
      {
        continue
      }
      // "COGAT said an average of 4,200 trucks a week had been cleared, and that 1,050 entered
      // on Sunday alone": nor does a date in a second reported clause with a figure of its own.
      if m.start >= q.spanEnd,
        let j = (q.spanEnd..<m.start).last(where: { opensLaterClause($0) && view.isWord($0 + 2, w.that) }),
        (j + 3..<max(j + 3, m.start)).contains(where: view.isNumeral)
      {
        continue
      }
      // "The number of journalists killed has reached 250, the office said, after two more
      // were killed on Wednesday": a date in a later ", after" clause with a figure of its own
      // is that figure's.
      if m.start >= q.spanEnd,
        let after = (q.spanEnd..<m.start).first(where: { view.isPunct($0, ",") && view.isWord($0 + 1, w.after) }),
        (after + 2..<max(after + 2, m.start)).contains(where: view.isNumeral)
      {
        continue
      }
      // "Around 4,200 aid trucks entered in the first week, and over 500,000 people returned
      // north after the corridor opened on January 27": nor does a date in a clause that opens
      // inside a later clause of its own, after that clause's figure.
      if m.start >= q.spanEnd, let j = (q.spanEnd..<m.start).last(where: opensLaterClause),
        let n = (j + 2..<max(j + 2, m.start)).first(where: view.isNumeral),
        (n + 1..<m.start).contains(where: { view.isWord($0, in: w.clauseOpeners) })
      {
        continue
      }
      // "Hamas has returned the bodies of 22 hostages, as well as all 20 living hostages who
      // were freed on October 13": nor does a date in a relative clause that follows a later
      // figure's noun (within three words, nothing between), which dates that figure alone.
      if m.start >= q.spanEnd,
        let r = (q.spanEnd..<m.start).last(where: { view.isWord($0, w.who) || view.isWord($0, w.which) || view.isWord($0, w.that) }),
        let n = (q.spanEnd..<r).last(where: view.isNumeral), r - n <= 4,
        !(n..<m.start).contains(where: { view.tokens[$0].kind == .punct })
      {
        continue
      }
      // "About 1,200 were killed on October 7, 2023; 380 soldiers have been killed in the
      // ground operation": a date in a clause a semicolon closes (unless it opens the
      // sentence) does not date a state or a running total told after it ("...; another 20
      // died" shares the day); nor does a date in a clause after a semicolon, with a figure of
      // its own before the date, date a figure before it.
      if m.end <= q.spanStart, m.start > sentence.lowerBound + 2,
        (m.end..<q.spanStart).contains(where: { view.isPunct($0, ";") }),
        presentTense(after: q) || view.isWord(q.phraseEnd, w.have) || view.isWord(q.phraseEnd, w.has)
      {
        continue
      }
      if m.start >= q.spanEnd, let semicolon = (q.spanEnd..<m.start).last(where: { view.isPunct($0, ";") }),
        (semicolon + 1..<m.start).contains(where: view.isNumeral)
      {
        continue
      }
      // "250,000 have left, up from 190,000 a week ago": a date after a compared value is
      // that value's; and one before the value compared with is the figure's it is compared
      // with ("159 trucks a day entered in February, down from 500 before the war").
      if comparedBetween(q, from: m.start, to: m.end) { continue }
      var d = distance(q, m)
      // "The WHO said on Wednesday that it had evacuated 155 patients ... last week": the day
      // of the statement dates the figure only when nothing else in the sentence does.
      if isStatementDay(m) { d += 1_000 }
      if d < bestDistance {
        best = m
        bestDistance = d
      }
    }
    return best
  }

  /// "since October 7", "the October 7 attack", "the attack on October 7", "the January 19
  /// ceasefire": a day without a year on which a calendar event began, named with the event
  /// (or, for the war, starting a period), is that event's day, not its latest anniversary (in
  /// a 2025 article "since October 7" starts in 2023). Other days keep the publication's year
  /// ("On October 7, strikes killed 50" is this year's).
  private func anchoredToTheCalendar(_ dates: [DateMention], in sentence: Range<Int>) -> [DateMention] {
    let published = document.published
    return dates.map { m in
      guard case .calendar(year: nil, let month, let day?) = m.kind else { return m }
      var before = m.start - 1
      if view.isWord(before, w.on) { before -= 1 }
      let attack = view.isWord(m.end, in: w.attacks) || view.isWord(before, in: w.attacks)
      let kind: String
      if m.end < view.count, let named = periodWords(in: m.end..<(m.end + 1)).first {
        kind = named.kind
      } else if m.role == .eventStart || m.role == .start,
        m.start > sentence.lowerBound, let named = periodWords(in: max(sentence.lowerBound, m.start - 6)..<m.start).last
      {
        // "since the ceasefire took effect on October 10", "since the truce began on January 19"
        kind = named.kind
      } else if attack || m.role == .start || m.role == .after {
        kind = "war"
      } else {
        return m
      }
      guard
        let start = extractor.periodStarts[kind]?.last(where: { event in
          event.month == month && event.day == day && (published.map { event <= $0 } ?? true)
        })
      else { return m }
      var anchored = m
      anchored.kind = .calendar(year: start.year, month: month, day: day)
      return anchored
    }
  }

  /// "said on Wednesday", "announced Tuesday": whether date mention `m` is the day of a
  /// statement.
  private func isStatementDay(_ m: DateMention) -> Bool {
    var k = m.start - 1
    if view.isWord(k, w.on) { k -= 1 }
    return view.flags(k).contains(.speech)
  }

  /// "a day after", "the day after", "two days after" in `q`'s clause before it: where "after"
  /// is and how many days.
  private func daysAfter(before q: Quantity, _ sentence: Range<Int>) -> (Int, Int)? {
    var j = q.spanStart - 1
    while j - 2 >= sentence.lowerBound, view.tokens[j].kind == .word {
      if view.isWord(j, w.after), view.isWord(j - 1, w.day) || view.isWord(j - 1, w.days) {
        let n = j - 2
        if view.isWord(j - 1, w.day) {
          return view.isWord(n, w.a) || view.isWord(n, w.the) || view.isWord(n, w.one) ? (j, 1) : nil
        }
        return view.count(n, within: 2...6).map { (j, $0) }
      }
      j -= 1
    }
    return nil
  }

  /// "in the 10 days after the ceasefire collapsed on March 18", "in the first two weeks
  /// following October 7": how many days run from date mention `m` (named by "N days|weeks
  /// after|following" within the ten words before it, no number or comma between).
  private func daysRunningFrom(_ m: DateMention, _ sentence: Range<Int>) -> Int? {
    var j = m.start - 1
    while j - 2 >= sentence.lowerBound, m.start - j <= 10, view.tokens[j].kind == .word {
      if view.isNumeral(j) { return nil }
      if view.isWord(j, w.after) || view.isWord(j, w.following) {
        let unit = view.isWord(j - 1, w.days) ? 1 : view.isWord(j - 1, w.weeks) ? 7 : 0
        guard unit > 0, let n = view.count(j - 2, within: 2...366) else { return nil }
        return n * unit
      }
      j -= 1
    }
    return nil
  }

  /// Whether `m` is the date of a dateline: at the start of its sentence, after at most a
  /// place name and a comma ("CAIRO, Feb 14"), and followed by a dash, an outlet in brackets
  /// before it or not ("Feb 14 (Reuters) -").
  private func isDateline(_ m: DateMention, _ sentence: Range<Int>) -> Bool {
    guard m.start - sentence.lowerBound <= 4,
      (sentence.lowerBound..<m.start).allSatisfy({ j in
        view.isPunct(j, ",") || (view.tokens[j].kind == .word && view.tokens[j].flags.contains(.capitalized))
      })
    else { return false }
    var j = m.end
    if view.isPunct(j, "(") {
      guard let close = (j + 1..<min(sentence.upperBound, j + 6)).first(where: { view.isPunct($0, ")") }) else {
        return false
      }
      j = close + 1
    }
    return view.isPunct(j, "-")
  }

  /// The tokens inside the round brackets that hold token `i`, if any (within the sentence;
  /// brackets are not nested in news text).
  private func bracketsAround(_ i: Int, _ sentence: Range<Int>) -> Range<Int>? {
    var open = i - 1
    while open >= sentence.lowerBound, !view.isPunct(open, ")") {
      if view.isPunct(open, "(") { break }
      open -= 1
    }
    guard open >= sentence.lowerBound, view.isPunct(open, "(") else { return nil }
    var close = i
    while close < sentence.upperBound, !view.isPunct(close, "(") {
      if view.isPunct(close, ")") { return (open + 1)..<close }
      close += 1
    }
    return nil
  }

  /// "During the first phase, which ends on Saturday, Hamas has freed 25 living hostages": a
  /// date inside a relative clause set off by commas dates only what that clause holds.
  private func inRelativeClause(_ m: DateMention, apartFrom q: Quantity, _ sentence: Range<Int>) -> Bool {
    var open = m.start - 1
    while open > sentence.lowerBound, !view.isPunct(open, ",") { open -= 1 }
    guard view.isPunct(open, ","), view.isWord(open + 1, w.which) else { return false }
    var close = m.end
    while close < sentence.upperBound, !view.isPunct(close, ",") { close += 1 }
    return q.spanEnd <= open || q.spanStart > close
  }

  /// Whether the verb after `q`'s noun phrase (and its rate) is in the present tense: "120
  /// hostages remain", "40 are believed to be dead", "600 trucks a day are supposed to enter".
  private func presentTense(after q: Quantity) -> Bool {
    var k = q.phraseEnd
    if let r = view.rate(at: k, end: view.tokens.count) { k += r.words }
    // ("15,600 more are still waiting": past "more".)
    if view.isWord(k, w.more) { k += 1 }
    func present(_ k: Int) -> Bool { view.isWord(k, w.is_) || view.isWord(k, w.are) || view.isWord(k, in: w.presentVerbs) }
    // ("Some 514,000 people, nearly a quarter of Gazans, are experiencing famine": past an
    // appositive set off by commas, or, for the appositive, right after its own comma.)
    if view.isPunct(k, ","), !present(k + 1),
      let close = (k + 1..<min(view.count, k + 10)).first(where: { view.tokens[$0].kind == .punct }),
      view.isPunct(close, ",")
    {
      return present(close + 1)
    }
    return present(view.isPunct(k, ",") ? k + 1 : k)
  }

  /// The days a sentence's opening counts from the event before it: "Two days later," (2),
  /// "A day earlier," (-1), "The following day," or "The next day," (1), "The day before,"
  /// (-1), "Hours later," or "Later that day," (0), "A week later," (7); nil for any other
  /// opening.
  private func daysFromTheEventBefore(_ sentence: Range<Int>) -> Int? {
    let a = sentence.lowerBound
    if view.isWord(a, w.the), view.isWord(a + 2, w.day), view.isWord(a + 1, w.following) || view.isWord(a + 1, w.next) {
      return 1
    }
    if view.isWord(a, w.the), view.isWord(a + 1, w.day) {
      if view.isWord(a + 2, w.after) { return 1 }
      if view.isWord(a + 2, w.before) { return -1 }
    }
    if view.isWord(a, w.the), view.isWord(a + 1, w.previous), view.isWord(a + 2, w.day) { return -1 }
    // "Hours later," "A few hours later," "Later that day,": the same day.
    var h = a
    if view.isWord(h, w.a) { h += 1 }
    if view.isWord(h, in: w.quantifiers) || view.isWord(h, w.few) || view.isNumeral(h) { h += 1 }
    if view.isWord(h, w.hours), view.isWord(h + 1, w.later) { return 0 }
    if view.isWord(a, w.later), view.isWord(a + 1, w.that), view.isWord(a + 2, w.day) { return 0 }
    // ("A week later," is seven days.)
    let n = view.isWord(a, w.a) ? 1 : view.count(a, within: 1...30)
    guard let n, let unit = view.daysPerUnit(at: a + 1) else { return nil }
    if view.isWord(a + 2, w.later) { return n * unit }
    if view.isWord(a + 2, w.earlier) { return -n * unit }
    return nil
  }

  /// Whether `q`'s clause has "has" or "have" within the six words before it: "militants
  /// have returned the remains of 21", "WHO has helped evacuate 7,800".
  private func presentPerfect(before q: Quantity, _ sentence: Range<Int>) -> Bool {
    var k = q.spanStart - 1
    while k >= sentence.lowerBound, q.spanStart - k <= 6, view.tokens[k].kind == .word {
      if view.isWord(k, w.has) || view.isWord(k, w.have) { return true }
      k -= 1
    }
    return false
  }

  /// For figure `k` of a sentence that says "respectively", in a list of numbers joined by
  /// "and" or commas ("75 and 110 a day"), the date in the same place of a list of as many
  /// dates after the numbers ("in August and September respectively").
  private func respectiveDate(
    of k: Int, _ qs: [Quantity], _ dates: [DateMention], _ sentence: Range<Int>
  ) -> DateMention? {
    guard sentence.contains(where: { view.isWord($0, w.respectively) }) else { return nil }
    func joined(_ a: Int, _ b: Int) -> Bool {
      guard b > a, b - a <= 2 else { return false }
      return (a..<b).allSatisfy { view.isWord($0, w.and) || view.isPunct($0, ",") }
    }
    var first = k
    while first > 0, joined(qs[first - 1].spanEnd, qs[first].spanStart) { first -= 1 }
    var last = k
    while last + 1 < qs.count, joined(qs[last].spanEnd, qs[last + 1].spanStart) { last += 1 }
    let points = dates.filter { $0.start >= qs[last].spanEnd && $0.role == .point }
    guard last > first, points.count >= last - first + 1 else { return nil }
    let list = Array(points.prefix(last - first + 1))
    guard zip(list, list.dropFirst()).allSatisfy({ joined($0.end, $1.start) }) else { return nil }
    return list[k - first]
  }

  /// Whether the period word at `i` is the object of a verb that starts it: "the attack that
  /// triggered the war", "sparked the war".
  private func startsThePeriod(_ i: Int) -> Bool {
    let verb = view.flags(i - 1).contains(.determiner) ? i - 2 : i - 1
    return view.isWord(verb, in: w.triggers)
  }

  /// A time that refers back to the one told before.
  enum TimeReferringBack {
    /// "the same period", "that period": the date and the period before.
    case period
    /// "during the month", "that month", "the same day": the date before, at this precision.
    case precision(ReportedDate.Precision)
  }

  /// Where sentence `r` names a time only by referring back to the one before, and how: "the
  /// same period", "that period", "in that time", "the same month", "that month", "during the
  /// month", "the same week", "that day" (not "the month of March", which names its month).
  private func timeReferringBack(in r: Range<Int>) -> (TimeReferringBack, at: Int)? {
    for j in r where j > r.lowerBound {
      let same = view.isWord(j - 1, w.same) && view.isWord(j - 2, w.the)
      let that = view.isWord(j - 1, w.that)
      let during = view.isWord(j - 1, w.the) && view.isWord(j - 2, w.during)
      guard same || that || during, !view.isWord(j + 1, w.of) else { continue }
      if view.isWord(j, w.period) || view.isWord(j, w.time), same || that { return (.period, j) }
      if view.isWord(j, w.month) { return (.precision(.month), j) }
      if view.isWord(j, w.week) || view.isWord(j, w.day), same || that { return (.precision(.day), j) }
    }
    return nil
  }

  /// "Another 30 were wounded", "A further 12 died", "30 others were injured", "30 more were
  /// hurt": a figure opening its sentence as more of what the sentence before counted, its verb
  /// in the past tense (not a state: "Another 15,000 are still waiting").
  private func addsToTheEventBefore(_ q: Quantity, _ sentence: Range<Int>) -> Bool {
    // "They were accompanied by 17 relatives": the people of the event before, in the past,
    // with the figure as the agent of their verb.
    let a = sentence.lowerBound
    if view.text(a) == "They", view.isWord(a + 1, w.were), view.text(a + 2).hasSuffix("ed"),
      view.isWord(a + 3, w.by) || view.isWord(a + 3, w.with), q.spanStart >= a + 4, q.spanStart <= a + 6
    {
      return true
    }
    let more = view.moreOfWords(before: q.spanStart)
    let others = q.nounToken.map { view.isWord($0, w.others) } ?? false
    guard q.spanStart - more == sentence.lowerBound, more > 0 || others || view.isWord(q.phraseEnd, w.more) else {
      return false
    }
    let k = verbAfterPhrase(q)
    return view.isWord(k, w.was) || view.isWord(k, w.were)
      || (view.tokens.indices.contains(k) && view.tokens[k].kind == .word && view.text(k).lowercased().hasSuffix("ed")
        && !view.isWord(k, w.said))
  }

  /// Where the verb after `q`'s noun phrase starts, past a "more" ("15,600 more were still
  /// waiting", "30 more were wounded").
  private func verbAfterPhrase(_ q: Quantity) -> Int {
    q.phraseEnd + (view.isWord(q.phraseEnd, w.more) ? 1 : 0)
  }

  /// Whether the verb after `q`'s noun phrase is "was still" or "were still": "15,600 more were
  /// still waiting" tells a state at the time of the report, as the present tense does.
  private func stillHolds(after q: Quantity) -> Bool {
    let k = verbAfterPhrase(q)
    return (view.isWord(k, w.was) || view.isWord(k, w.were)) && view.isWord(k + 1, w.still)
  }

  /// How far date mention `m` is from figure `q`, in tokens; a comma or an "and" between puts
  /// it further: "four hostages next week, and six on Saturday", "93 trucks had crossed on
  /// Tuesday and 87 on Wednesday".
  private func distance(_ q: Quantity, _ m: DateMention) -> Int {
    distance(q, from: m.start, to: m.end)
  }

  /// How far the tokens `start..<end` are from figure `q`, as `distance(_:_:)` measures.
  private func distance(_ q: Quantity, from start: Int, to end: Int) -> Int {
    let between = gap(q, from: start, to: end)
    var d = between.count
    for j in between where view.isPunct(j, ",") || view.isWord(j, w.and) { d += 5 }
    return d
  }

  /// The tokens between `start..<end` and figure `q`, on whichever side of it they lie
  /// (empty when they overlap it).
  private func gap(_ q: Quantity, from start: Int, to end: Int) -> Range<Int> {
    end <= q.spanStart ? end..<q.spanStart : q.spanEnd..<max(q.spanEnd, start)
  }

  /// Whether words between `start..<end` and figure `q` bring in a value it is compared with
  /// ("up from", "compared with", "than the"): what lies past them is that value's.
  private func comparedBetween(_ q: Quantity, from start: Int, to end: Int) -> Bool {
    gap(q, from: start, to: end).contains { view.comparesWith(at: $0) }
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
    _ resolver: DateResolver, asOf: ReportedDate?, eventDay: Bool
  ) -> ReportedDate? {
    // "14 of them in the past 24 hours": a recent window, not the war or the truce.
    if inRecentWindow(q, sentence) { return nil }
    let counts = [
      .killed, .injured, .missing, .bodiesRecovered, .displaced, .detained, .diedAwaitingEvacuation,
    ].contains(indicator)
    // A "since" behind a comma and a word that opens a clause of its own is that clause's
    // (unless it opens the sentence): after the figure, any such clause ("14,000 are waiting,
    // according to the ministry, which says 700 have died since the war began"); before it,
    // one the figure's clause opens with "after" ("No patients have left since Friday, the
    // WHO said, after 1,702 had been evacuated"), or with "but", "while", "whereas" or "when"
    // and a present state ("..., but 18,500 remain on waiting lists"; "while the UN counts
    // 3,200" is the same total counted by another).
    // ("..., but that over 15,600 more were still waiting": a state "still" holds, told in
    // reported speech, is present too.)
    let state = presentTense(after: q) || stillHolds(after: q)
    // (", and roughly 3,400 are held without charge": a state told with "is", "are" or
    // "remain" after ", and" too, for a stock; a count of casualties or displaced people only
    // when "still" or "remain" says it is a state: ", and 1.9 million remain displaced",
    // ", and an estimated 10,000 are still missing", while ", and that about 7,000 are
    // missing" after "killed and wounded since October 7" shares the war; "and 170,000 have
    // been wounded" goes on counting.)
    let verb = verbAfterPhrase(q)
    let stillOrRemain = view.isWord(verb, w.still) || view.isWord(verb + 1, w.still) || view.isFormOfRemain(verb)
    let heldState = state && !view.isWord(verb, w.have) && !view.isWord(verb, w.has) && (!counts || stillOrRemain)
    func inAnotherClause(_ i: Int) -> Bool {
      guard i > sentence.lowerBound + 2, i < q.spanStart || i >= q.spanEnd else { return false }
      // "906 trucks since May 6, compared with a daily average of about 200 before": a value
      // compared with is not counted over the period.
      if i < q.spanStart, comparedBetween(q, from: i, to: i) { return true }
      if i >= q.spanEnd {
        // (", of whom 243 have been killed since the war began": the part's clause too; so is
        // a second thing said, ", and that at least 560 patients had died since July".)
        return (q.spanEnd..<i).contains {
          view.opensClause(at: $0, w.clauseOpeners) || view.opensClause(at: $0, w.relativeOpeners)
            || (view.isPunct($0, ",") && view.isWord($0 + 1, w.of) && (view.isWord($0 + 2, w.whom) || view.isWord($0 + 2, w.which)))
            || (view.isPunct($0, ",") && view.isWord($0 + 1, w.and) && view.isWord($0 + 2, w.that))
        }
      }
      return (i..<q.spanStart).contains {
        (view.opensClause(at: $0, w.clauseOpeners) && (view.isWord($0 + 1, w.after) || state))
          || (heldState && view.isPunct($0, ",") && view.isWord($0 + 1, w.and))
      }
    }
    // "prisoners whose release had been held up since Saturday", "aid blocked since March 2":
    // a "since" after a stoppage measures the stoppage; it opens no running total.
    func measuresStoppage(_ m: DateMention) -> Bool {
      guard m.start > sentence.lowerBound,
        let since = (max(sentence.lowerBound, m.start - 3)..<m.start).last(where: { view.isWord($0, w.since) })
      else { return false }
      return view.isWord(since - 1, in: w.stoppages) || (view.isWord(since - 1, w.up) && view.isWord(since - 2, w.held))
        || measuresDuration(since)
    }
    // "to mark 600 days since the October 7 attack": a "since" after a number of days (weeks,
    // months, years) measures that time; it opens no period of the figures around it (but
    // "killed in the two years since October 7" counts over that time, a period).
    func measuresDuration(_ since: Int) -> Bool {
      guard view.flags(since - 1).contains(.timeUnit), view.isNumeral(since - 2) else { return false }
      var p = since - 3
      if view.isWord(p, w.the) { p -= 1 }
      return !(view.isWord(p, w.in_) || view.isWord(p, w.over) || view.isWord(p, w.during)
        || view.isWord(p, w.within) || view.isWord(p, w.throughout) || view.isWord(p, w.for_))
    }
    // The "since" up to five words before token `i`, in the sentence.
    func since(before i: Int) -> Int? {
      guard i > sentence.lowerBound else { return nil }
      return (max(sentence.lowerBound, i - 5)..<i).last(where: { view.isWord($0, w.since) })
    }
    func afterDuration(_ i: Int) -> Bool { since(before: i).map(measuresDuration) ?? false }
    // "Israel is to release 250 prisoners ... and 1,700 people detained in Gaza since the war
    // began": for a release, a "since" after a detention tells when its people were taken.
    let released = [.prisonersReleased, .hostagesReleased, .deported, .remainsReturned].contains(indicator)
    func afterDetention(_ i: Int) -> Bool {
      guard released, let since = since(before: i) else { return false }
      var j = since - 1
      while j >= max(sentence.lowerBound, since - 4), view.tokens[j].kind == .word {
        if view.isWord(j, in: w.detentions) { return true }
        j -= 1
      }
      return false
    }
    let dates = dates.filter { !inAnotherClause($0.start) && !measuresStoppage($0) && !afterDetention($0.start) }
    let periods = periods.filter { !inAnotherClause($0.index) && !afterDetention($0.index) && !afterDuration($0.index) }
    // The nearest "since DATE" of the figure's clause: "... since March 18, and that fewer
    // than 20 trucks a day have entered since the blockade was eased on May 19" gives the
    // trucks May 19 (a ", and" between starts another clause).
    func reach(_ m: DateMention) -> Int {
      var d = distance(q, m)
      if m.end <= q.spanStart,
        (m.end..<q.spanStart).contains(where: { view.isPunct($0, ",") && view.isWord($0 + 1, w.and) })
      {
        d += 100
      }
      return d
    }
    // A "since" of another clause gives way to a named period the figure's own clause opens:
    // "rejected a third of requests since March, ..., and at least 1,600 patients have died
    // ... since the war began".
    let ownSince = periods.contains { p in
      p.index > q.spanEnd && !view.followsComparing(p.index)
        && (max(sentence.lowerBound, p.index - 5)..<p.index).contains { view.isWord($0, w.since) }
    }
    if let m = dates.filter({ $0.role == .start || ($0.role == .after && counts) }).min(by: {
      reach($0) < reach($1)
    }),
      reach(m) < 100 || !ownSince,
      let d = resolver.resolve(m, lookAhead: false).date
    {
      // "since October 2023": the calendar says which day of that month the period began,
      // for the war, or for a kind of period the sentence names ("since the truce of
      // November 2023"); "Since November 2023 Italy has taken in 218 patients" is the month.
      let named = extractor.periodStarts.filter { kind, _ in kind == "war" || periods.contains { $0.kind == kind } }
      if d.precision == .month,
        let start = named.values.joined().filter({ $0.year == d.day.year && $0.month == d.day.month }).min()
      {
        return ReportedDate(start)
      }
      return d
    }
    // Named periods in the sentence.
    var sinceKind: String? = nil
    // (Of two, the nearest: "some 2,300 patients since the October ceasefire and more than
    // 10,000 since the war began".)
    var sinceDistance = Int.max
    var nearestKind: String? = nil
    var nearestDistance = Int.max
    var cumulative = words.cumulative
    for (i, kind) in periods {
      // "the heaviest bombardment since ...": one episode, not a period.
      if view.followsComparing(i) { continue }
      // "the attack that triggered the war": the period's first day (`dateAndPeriod`).
      if startsThePeriod(i) { continue }
      // "Before the war the total was about 5,200": a time before the period names none.
      let opener = view.flags(i - 1).contains(.determiner) ? i - 2 : i - 1
      if opener >= sentence.lowerBound, view.isWord(opener, w.before) { continue }
      // "since the ceasefire", "since the start of the war"
      var j = i - 1
      var back = 0
      // ("the deadliest day for its forces since the ground offensive began": the "since"
      // compares, and the period it names is no figure's, however far the superlative.)
      var compares = false
      while j >= sentence.lowerBound, back < 5, view.tokens[j].kind == .word {
        if view.tokens[j].word == w.since {
          // (Measured from the figure's span as a date is: a comma or an "and" between puts
          // it further.)
          let d = distance(q, from: i, to: i)
          compares = view.followsComparing(j)
          if !compares, d < sinceDistance {
            sinceKind = kind
            sinceDistance = d
          }
          break
        }
        j -= 1
        back += 1
      }
      if compares { continue }
      // ("105 were released during the November truce, and seven have been rescued": a period
      // named in an earlier clause, with no "since", is not a later clause's.)
      if sinceKind != kind, i < q.spanStart,
        (i..<q.spanStart).contains(where: { view.isPunct($0, ",") && view.isWord($0 + 1, w.and) })
      {
        continue
      }
      let distance = abs(i - q.spanStart)
      if distance < nearestDistance {
        nearestDistance = distance
        nearestKind = kind
      }
      // (Not for what happened on a day its clause names: "Three soldiers were killed in
      // fighting on Sunday" is that day's toll.)
      if kind == "war" && (indicator == .killed || indicator == .injured || indicator == .missing) && !eventDay {
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

  /// Whether "in the past 24 hours", "over the last two days", "in the previous 24 hours" or
  /// "in the past week" stands
  /// within a few words of the figure.
  private func inRecentWindow(_ q: Quantity, _ sentence: Range<Int>) -> Bool {
    let from = max(sentence.lowerBound, q.spanStart - 8)
    let to = min(sentence.upperBound, q.phraseEnd + 8)
    for i in from..<max(from, to) where view.isWord(i, w.past) || view.isWord(i, w.last) || view.isWord(i, w.previous) {
      var j = i + 1
      if view.count(j, within: 1...1_000) != nil { j += 1 }
      if j < sentence.upperBound, view.flags(j).contains(.timeUnit), view.isWord(i - 1, w.the) { return true }
    }
    return false
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
      guard k > sentence.lowerBound + 1, view.isWord(k, w.of),
        let span = timeSpan(unitAt: k - 1, in: sentence), let days = span.days, view.isWord(span.before, w.first),
        let start = extractor.periodStarts[kind]?.last(where: { $0 <= published })
      else { continue }
      let end = start.adding(days: span.count * days - 1)
      return (start, min(end, published))
    }
    return nil
  }

  /// "In the three months before the truce", "in the week before the ceasefire began": the
  /// data run to the day before the period's last start not after publication, from that many
  /// days, weeks or months before it.
  private func timeBefore(
    _ periods: [(index: Int, kind: String)], in sentence: Range<Int>
  ) -> (start: CivilDate, end: CivilDate)? {
    guard let published = document.published else { return nil }
    for (i, kind) in periods {
      var k = i - 1
      if view.flags(k).contains(.determiner) { k -= 1 }
      guard k > sentence.lowerBound + 2, view.isWord(k, w.before), let span = timeSpan(unitAt: k - 1, in: sentence),
        view.isWord(span.before, w.the),
        view.isWord(span.before - 1, w.in_) || view.isWord(span.before - 1, w.during) || view.isWord(span.before - 1, w.over),
        let begun = extractor.periodStarts[kind]?.last(where: { $0 <= published })
      else { continue }
      let end = begun.adding(days: -1)
      guard let days = span.days else {
        let months = begun.year * 12 + (begun.month - 1) - span.count
        let year = months / 12
        let month = months % 12 + 1
        let day = min(begun.day, CivilDate.daysIn(month: month, year: year))
        guard let start = CivilDate(year: year, month: month, day: day) else { continue }
        return (start, end)
      }
      return (begun.adding(days: -span.count * days), end)
    }
    return nil
  }

  /// The span of time whose unit word is token `unit` ("10 days", "the week", "three
  /// months"): how many units, the days in one (nil for a month), and the token before the
  /// span. Nil for any other word, or for a plural with no number ("the first weeks", "the
  /// months before the war" name no number of them).
  private func timeSpan(unitAt unit: Int, in sentence: Range<Int>) -> (count: Int, days: Int?, before: Int)? {
    let days: Int?
    if let d = view.daysPerUnit(at: unit) {
      days = d
    } else if view.isWord(unit, w.month) || view.isWord(unit, w.months) {
      days = nil
    } else {
      return nil
    }
    let plural = view.isWord(unit, w.days) || view.isWord(unit, w.weeks) || view.isWord(unit, w.months)
    let f = unit - 1
    if f > sentence.lowerBound, view.isNumeral(f) {
      guard let n = view.count(f, within: 1...366) else { return nil }
      return (n, days, f - 1)
    }
    return plural ? nil : (1, days, f)
  }

  // MARK: Attribution

  /// Where the subject before a verb at `b` ends, past a day told between them ("on Sunday",
  /// "late on Sunday evening", "on Sunday also"); `b` when there is none.
  private func subjectEnd(before b: Int, sentenceStart s: Int) -> Int {
    var k = b - 1
    while k > s, view.flags(k).contains(.adverb) { k -= 1 }
    guard k > s, view.isWord(k, w.morning) || view.isWord(k, w.evening) || view.isWord(k, w.night)
      || view.isWord(k, w.afternoon) || view.flags(k).contains(.weekday)
    else { return b }
    if !view.flags(k).contains(.weekday) { k -= 1 }
    guard k > s + 1, view.flags(k).contains(.weekday), view.isWord(k - 1, w.on) else { return b }
    k -= 1
    if view.isWord(k - 1, w.late) || view.isWord(k - 1, w.early) { k -= 1 }
    return k > s ? k : b
  }

  /// "CPJ said it was investigating reports of dozens more killings": a speech word right
  /// after a verb in "-ing" (after an auxiliary) is that verb's object, a noun; it names no
  /// source before it.
  private func objectOfProgressive(_ i: Int) -> Bool {
    let k = i - 1
    guard k >= 0, view.tokens[k].kind == .word, !view.tokens[k].flags.contains(.capitalized),
      !view.flags(k).contains(.speech),
      // (After an auxiliary: "The UN's displacement tracking put the number at" is a noun.)
      view.flags(k - 1).contains(.auxiliary) || view.isWord(k - 1, w.been)
    else { return false }
    let before = view.text(k)
    return before.count > 5 && before.hasSuffix("ing")
  }

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
    /// A dash with spaces around it sets text apart ("10:45 GMT - The Red Cross says"); a
    /// name holds none.
    func spacedDash(_ k: Int) -> Bool {
      v.tokens[k].flags.contains(.spaceBefore) && k + 1 < v.count && v.tokens[k + 1].flags.contains(.spaceBefore)
    }
    for i in sentence where v.isWord(i, w.according) && v.isWord(i + 1, w.to) {
      var a = i + 2
      while a < e, v.flags(a).contains(.determiner) { a += 1 }
      // "according to figures from the health ministry": the ministry gave them.
      if v.isWord(a, in: w.figureNouns), v.isWord(a + 1, w.from) || v.isWord(a + 1, w.by) || v.isWord(a + 1, w.of) {
        a += 2
        while a < e, v.flags(a).contains(.determiner) { a += 1 }
      }
      var b = a
      // "according to an Egyptian official who spoke on condition of anonymity": the name
      // ends before a relative pronoun (not the acronym WHO).
      while b < e, b - a < 8, v.tokens[b].kind == .word || (v.isPunct(b, "-") && !spacedDash(b)) || possessive(b),
        !(v.isWord(b, w.who) && !v.tokens[b].flags.contains(.allCaps)), !v.isWord(b, w.which),
        !v.isWord(b, w.that)
      {
        b += 1
      }
      if b > a { out.append(Source(position: i, name: v.text(from: a, to: b), according: true, trailing: false)) }
    }
    for i in sentence
    where (v.flags(i).contains(.speech) || putsAFigure(i) || estimatedAfterName(i)) && !v.isWord(i, w.according)
      && !cues.contains(where: { $0.start == i }) && !isParticiple(i) && !objectOfProgressive(i)
    {
      // The subject before the verb, skipping adverbs and auxiliaries ("It also said", "The
      // ministry has said") and an appositive: "Mohammed Zaqout, the Director of hospitals
      // ..., said".
      var b = i
      var passive = false
      while b - 1 > s, v.flags(b - 1).contains(.adverb) || v.flags(b - 1).contains(.auxiliary) {
        b -= 1
        if v.isWord(b, in: w.beForms) { passive = true }
      }
      // "The ministry on Sunday said", "... late on Sunday evening said": the day between the
      // subject and its verb is no part of the subject's name.
      b = subjectEnd(before: b, sentenceStart: s)
      // "Seven more deaths from malnutrition were recorded overnight": a passive names no
      // source before it; its agent, if any, follows "by" ("a programme announced by King
      // Abdullah, who pledged to take in 2,000 sick children").
      if passive || v.isWord(i + 1, w.by) {
        var agentStart = i + 2
        while agentStart < e, v.flags(agentStart).contains(.determiner) { agentStart += 1 }
        var agentEnd = agentStart
        while agentEnd < e, agentEnd - agentStart < 6, v.tokens[agentEnd].kind == .word || possessive(agentEnd),
          v.tokens[agentEnd].flags.contains(.capitalized) || v.tokens[agentEnd].flags.contains(.allCaps)
            || v.flags(agentEnd).contains(.office) || v.nounClass(agentEnd) == .actors
        {
          agentEnd += 1
        }
        // (A passive's agent gave the figures of its subject, before it: "Seven more deaths
        // were recorded by the ministry".)
        if v.isWord(i + 1, w.by), agentEnd > agentStart {
          out.append(
            Source(position: i, name: v.text(from: agentStart, to: agentEnd), according: false, trailing: passive))
        }
        continue
      }
      if v.isPunct(b - 1, ",") {
        var j = b - 2
        while j > s, !v.isPunct(j, ",") { j -= 1 }
        guard j > s, v.isPunct(j, ",") else { continue }
        // "Israel's military body in charge of civilian affairs, COGAT, said": a short name
        // set off by commas is the name.
        let inner = (j + 1)..<(b - 1)
        if (1...3).contains(inner.count),
          inner.allSatisfy({ v.tokens[$0].kind == .word && v.tokens[$0].flags.contains(.capitalized) })
        {
          out.append(Source(position: i, name: v.text(from: inner.lowerBound, to: inner.upperBound), according: false, trailing: false))
          continue
        }
        b = j
      }
      var a = b
      while a > s, b - a < 8, v.tokens[a - 1].kind == .word || (v.isPunct(a - 1, "-") && !spacedDash(a - 1)) || possessive(a - 1) {
        let f = v.flags(a - 1)
        // "The Health Ministry in Gaza", "Ministry of Health", "Committee to Protect
        // Journalists", "the ministry of health", "the health ministry in Gaza", "a spokesman
        // for the foundation", "an official at the crossing": a preposition between
        // capitalised words, or after the noun that heads an office's name or names who
        // speaks for one, stays in the name.
        let preposition = v.tokens[a - 1].word
        let speaker = a - 2 >= s && (v.flags(a - 2).contains(.office) || v.nounClass(a - 2) == .actors)
        let inName =
          ([w.in_, w.of, w.to, w.for_].contains(preposition) || (speaker && (preposition == w.at || preposition == w.from)))
          && a < b && a - 2 >= s && v.tokens[a - 2].kind == .word
          && ((v.tokens[a].flags.contains(.capitalized) && v.tokens[a - 2].flags.contains(.capitalized)
            && preposition != w.for_ && preposition != w.at && preposition != w.from)
            || speaker)
        // "A WHO spokesperson said": an acronym is a name, not the pronoun "who"; nor is a
        // capitalised word between two others ("Reporters Without Borders says").
        let acronym = v.tokens[a - 1].flags.contains(.allCaps)
        let titleWord =
          a < b && a - 2 >= s && v.tokens[a - 1].flags.contains(.capitalized) && v.tokens[a].flags.contains(.capitalized)
          && v.tokens[a - 2].kind == .word && v.tokens[a - 2].flags.contains(.capitalized)
        // ("On Sunday the ministry said": no name holds a weekday.)
        if !inName && !titleWord
          && (f.contains(.speech) || (f.contains(.phraseEnd) && !acronym) || v.tokens[a - 1].word == w.and
            || f.contains(.weekday))
        {
          break
        }
        // "the 400,000 people the UN estimates remain in the north": a counted noun before the
        // subject's determiner is the figure's, not the source's.
        if a < b, v.flags(a).contains(.determiner), ![.unknown, .actors, .things].contains(v.nounClass(a - 1)) {
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
      // "09:15 - The health ministry says": a dash that opens the walk is no part of the name.
      while a < b, v.flags(a).contains(.determiner) || v.isPunct(a, "-") { a += 1 }
      // ("said on Friday it had recorded 994 killings": a pronoun right before the verb is the
      // subject, whatever the walk took in before it.)
      if b - 1 > a, v.isWord(b - 1, in: w.subjectPronouns) { a = b - 1 }
      guard a < b else { continue }
      let subject = v.text(from: a, to: b)
      let lower = subject.lowercased()
      if ["he", "she", "they", "it", "we", "i"].contains(lower) {
        // "The UN human rights office said it had recorded 798 killings": the pronoun is the
        // source named before it in the sentence, else the last one of the document.
        if let last = out.last?.name ?? lastAttribution {
          out.append(Source(position: i, name: last, according: false, trailing: trailing))
        }
        continue
      }
      guard v.tokens[a].flags.contains(.capitalized) || v.tokens[a].flags.contains(.allCaps) || a > s
      else { continue }
      out.append(Source(position: i, name: subject, according: false, trailing: trailing))
    }
    // "The ministry's overall toll ... stands at more than 71,800": a possessive before a
    // word for the figures names their source, as "according to" does.
    for i in sentence where v.isWord(i, w.s) && i > s && v.tokens[i - 1].kind == .word {
      guard (i + 1...i + 2).contains(where: { k in k < e && v.isWord(k, in: w.figureNouns) }) else {
        continue
      }
      var a = i
      while a > s, i - a < 5, v.tokens[a - 1].kind == .word,
        v.tokens[a - 1].flags.contains(.capitalized) || v.flags(a - 1).contains(.office)
      {
        a -= 1
      }
      while a < i, v.flags(a).contains(.determiner) { a += 1 }
      guard a < i else { continue }
      out.append(Source(position: i, name: v.text(from: a, to: i), according: true, trailing: false))
    }
    if let last = out.last { lastAttribution = last.name }
    return out
  }

  /// "..., the UN estimated on Thursday": "estimated" after a name reports, as "said" does;
  /// before a number ("an estimated 350,000") it is a qualifier.
  private func estimatedAfterName(_ i: Int) -> Bool {
    view.isWord(i, w.estimated) && i > 0 && view.tokens[i - 1].kind == .word
      && !view.flags(i - 1).contains(.determiner) && !view.isNumber(i + 1)
      && !view.flags(i + 1).contains(.numberWord)
  }

  /// "The ministry put the number of patients in need at some 12,000", "The UN puts the toll
  /// at": "put" with a word for a figure right after it reports that figure, as "said" does.
  private func putsAFigure(_ i: Int) -> Bool {
    guard view.isWord(i, in: w.puts) else { return false }
    var k = i + 1
    if view.flags(k).contains(.determiner) { k += 1 }
    // One word may describe it: "the death toll", "the overall number".
    return (k...k + 1).contains { view.isWord($0, in: w.figureNouns) || view.isWord($0, w.number) || view.isWord($0, w.total) }
  }

  /// "34,500 deaths reported in that period": a reporting verb after a lower-case word that
  /// names no body, followed by a preposition, describes the figures; it names no source.
  private func isParticiple(_ i: Int) -> Bool {
    let v = view
    // "Under the agreement announced on Wednesday": after a deal or a plan, a speech verb and a
    // preposition describe it; a deal says nothing itself.
    if i > 0, i + 1 < v.count, [w.deal, w.agreement, w.ceasefire, w.truce].contains(v.tokens[i - 1].word),
      v.isWord(i + 1, w.on) || v.isWord(i + 1, in: w.afterParticiple)
    {
      return true
    }
    // (After an auxiliary the verb is a passive: "were recorded by the ministry".)
    guard i > 0, v.tokens[i - 1].kind == .word, !v.tokens[i - 1].flags.contains(.capitalized),
      !v.flags(i - 1).contains(.office), !v.flags(i - 1).contains(.auxiliary), v.nounClass(i - 1) != .actors,
      i + 1 < v.count,
      v.isWord(i, in: w.reportingParticiples)
    else { return false }
    return v.isWord(i + 1, in: w.afterParticiple)
  }

  /// The source of one figure: the nearest "X said" before it, else "according to", else a
  /// trailing ", X said." after it.
  private func attribution(for q: Quantity, _ sources: [Source]) -> String? {
    if let s = sources.last(where: { !$0.according && !$0.trailing && $0.position < q.spanStart }) {
      // "The foundation said ...; 47 people were injured, according to the UN": past a
      // semicolon or a ", and" that opens another clause, an "according to" after the figure
      // gives it.
      if (s.position..<q.spanStart).contains(where: { view.isPunct($0, ";") || (view.isPunct($0, ",") && view.isWord($0 + 1, w.and)) }),
        let after = sources.first(where: { $0.according && $0.position >= q.spanEnd })
      {
        return after.name
      }
      return s.name
    }
    // "..., the ministry said on Thursday, adding that 92,401 people had been wounded", "...,
    // prisoners' groups said, bringing the number arrested to 18,000": a report that goes on
    // past its closing source, adding or raising a figure, is still that source's.
    if let s = sources.last(where: { $0.trailing && $0.position < q.spanStart }),
      let comma = (s.position..<q.spanStart).first(where: { view.isPunct($0, ",") }),
      view.isWord(comma + 1, w.adding) || view.flags(comma + 1).contains(.raising),
      !(comma..<q.spanStart).contains(where: { view.isPunct($0, ";") || view.flags($0).contains(.speech) })
    {
      return s.name
    }
    // "killed more than 700, according to A, and arrested over 11,000, according to B": the
    // first "according to" after the figure, else the nearest before it.
    if let s = sources.first(where: { $0.according && $0.position >= q.spanEnd })
      ?? sources.last(where: { $0.according && $0.position < q.spanStart })
    {
      return s.name
    }
    return sources.first { $0.trailing && $0.position > q.spanEnd }?.name
  }

  // MARK: Values

  private func group(_ q: Quantity, _ indicator: Indicator) -> GroupName {
    var g = q.group ?? q.nationality
    switch indicator {
    case .prisonersReleased, .prisonersHeld, .deported:
      if g == nil || g == .palestinians || g == .people { g = .prisoners }
      // Those deported are released prisoners, whatever figure "Of them," borrowed its
      // group from ("the bodies of four hostages ... Of them, 97 were sent into exile").
      if indicator == .deported, g == .hostages, q.partitive || q.elliptical { g = .prisoners }
    case .hostagesReleased, .hostagesHeld:
      if g == nil || g == .people { g = .hostages }
    case .medevacNeeded, .medevacCompleted, .diedAwaitingEvacuation:
      // (Companions are only borrowed by a bare number: "a fraction of the 8,000 it says
      // need to leave" after "1,023 patients and 1,112 companions" are patients.)
      // ("at least 16,500 severely ill or injured Palestinians" in need of evacuation are
      // patients too.)
      if g == nil || g == .people || g == .palestinians || (g == .companions && q.elliptical) { g = .patients }
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
