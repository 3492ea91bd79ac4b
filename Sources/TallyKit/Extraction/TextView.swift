/// Read access to one tokenised document: the UTF-8 bytes, the tokens, and the facts the
/// lexicon holds about each word. Every extraction step works through this view.
struct TextView {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: UnsafeBufferPointer<Token>
  // `unowned(unsafe)`: both live longer than any view (the vocabulary for the whole process,
  // the words as long as the extractor), and a counted reference would be retained and
  // released on every copy of the view, from every thread, on the same cache line.
  unowned(unsafe) let vocabulary: Vocabulary
  unowned(unsafe) let w: NamedWords

  var count: Int { tokens.count }

  @inline(__always) func info(_ i: Int) -> WordInfo? {
    let id = tokens[i].word
    return id >= 0 ? vocabulary.info[Int(id)] : nil
  }

  /// The noun class of token `i` (`.unknown` for a non-word or a word the lexicon lacks).
  @inline(__always) func nounClass(_ i: Int) -> NounClass {
    guard i >= 0, i < tokens.count, tokens[i].word >= 0 else { return .unknown }
    return vocabulary.classTable[Int(tokens[i].word)]
  }

  @inline(__always) func flags(_ i: Int) -> WordFlags {
    guard i >= 0, i < tokens.count else { return [] }
    let id = tokens[i].word
    return id >= 0 ? vocabulary.flagTable[Int(id)] : []
  }

  @inline(__always) func isWord(_ i: Int, _ id: Int32) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].word == id && id >= 0
  }

  /// Whether token `i` is one of the words of `set`.
  @inline(__always) func isWord(_ i: Int, in set: WordSet) -> Bool {
    i >= 0 && i < tokens.count && set.contains(tokens[i].word)
  }

  @inline(__always) func isPunct(_ i: Int, _ c: Character) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .punct && tokens[i].punct == c.asciiValue!
  }

  @inline(__always) func isNumber(_ i: Int) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .number
  }

  /// Whether token `i` writes a number, in digits or in words ("40", "forty").
  @inline(__always) func isNumeral(_ i: Int) -> Bool { isNumber(i) || flags(i).contains(.numberWord) }

  /// Whether token `i` is a form of "remain" ("remain", "remains", "remained", "remaining").
  func isFormOfRemain(_ i: Int) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .word && text(i).lowercased().hasPrefix("remain")
  }

  /// How many words right before token `b` say it counts more of something ("another", "a
  /// further", "an additional"): 0 when none do.
  func moreOfWords(before b: Int) -> Int {
    if isWord(b - 1, w.another) { return 1 }
    if isWord(b - 1, w.further) || isWord(b - 1, w.additional), isWord(b - 2, w.a) || isWord(b - 2, w.an) { return 2 }
    return 0
  }

  /// Where the words that open sentence `r` as a list of the parts of a whole told before end,
  /// when a number comes right after them: "Among them were 20 children", "Among those
  /// killed were", "They included 45 foreign nationals", "Those evacuated included more than
  /// 20", "The patients, who included 47 children". Nil when the sentence opens otherwise, or
  /// no number comes within four words.
  func partsOfTheWholeBefore(_ r: Range<Int>) -> Int? {
    var a = r.lowerBound
    // ("The patients, who included 47 children, were taken to ...": the subject names them.)
    if isWord(a, w.the), nounClass(a + 1) != .unknown, nounClass(a + 1) != .things, isPunct(a + 2, ","),
      isWord(a + 3, w.who), isWord(a + 4, in: w.includes)
    {
      a += 3
    }
    let opensAmong = isWord(a, w.among)
    guard opensAmong || isWord(a, w.they) || isWord(a, w.those) || isWord(a, w.these) || isWord(a, w.who) else {
      return nil
    }
    var j = a + 1
    while j < min(r.upperBound, a + 6), tokens[j].kind == .word {
      let verb =
        opensAmong
        ? isWord(j, w.were) || isWord(j, w.was) || isWord(j, w.are) || isWord(j, w.is_)
        : isWord(j, in: w.includes)
      if verb {
        let number = (j + 1..<min(r.upperBound, j + 5)).first { isNumeral($0) || tokens[$0].kind != .word }
        return number.map(isNumeral) == true ? j + 1 : nil
      }
      j += 1
    }
    return nil
  }

  /// Whether token `i` follows token `i - 1` with no space between them.
  @inline(__always) func glued(_ i: Int) -> Bool {
    i > 0 && i < tokens.count && !tokens[i].flags.contains(.spaceBefore)
  }

  func text(_ i: Int) -> String { text(from: i, to: i + 1) }

  /// Whether a superlative or "first" stands in the three words before `i`: a "since" there
  /// compares rather than opens a period ("the deadliest day since the ceasefire"), and a war
  /// word names one episode rather than the war ("the heaviest bombardment").
  func followsComparing(_ i: Int) -> Bool {
    var k = i - 1
    // ("the first group allowed out since Israel seized the crossing": five words back.)
    while k >= 0, i - k <= 5, tokens[k].kind == .word {
      if flags(k).contains(.comparing) { return true }
      // "the fifth such release since the ceasefire": an ordinal after "the" (not a share:
      // "a fifth of the population").
      if isWord(k, in: w.ordinals), isWord(k - 1, w.the) { return true }
      k -= 1
    }
    return false
  }

  /// The year a digit token writes (four digits, no comma or decimals, 1900-2100), if any.
  func year(_ i: Int) -> Int? {
    guard isNumber(i), let y = digitValue(i) else { return nil }
    let shape = digitShape(i)
    guard shape.digits == 4, !shape.comma, !shape.decimal, y >= 1900, y <= 2100 else { return nil }
    return Int(y)
  }

  /// The whole count token `i` writes in digits or in a number word ("10", "ten") when it
  /// lies within `bounds`: "two days ago", "the first 10 days of the ceasefire".
  func count(_ i: Int, within bounds: ClosedRange<Int>) -> Int? {
    let n: Double
    if isNumber(i) {
      guard let d = digitValue(i), !digitShape(i).decimal else { return nil }
      n = d
    } else if flags(i).contains(.numberWord) {
      n = wordValue(i)
    } else {
      return nil
    }
    return n >= Double(bounds.lowerBound) && n <= Double(bounds.upperBound) ? Int(n) : nil
  }

  /// The original text from the start of token `from` to the end of token `to - 1`.
  func text(from: Int, to: Int) -> String {
    guard from < to else { return "" }
    let a = Int(tokens[from].start)
    let b = Int(tokens[to - 1].end)
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
  }

  /// The value of a digit token ("16,500" is 16500), or `nil` if it is not a plain number.
  func digitValue(_ i: Int, times multiplier: Double = 1) -> Double? {
    let t = tokens[i]
    guard t.kind == .number else { return nil }
    // All digits as one integer, then one division by a power of ten: "1.7" million is
    // 17 * 1,000,000 / 10, exactly 1700000, where adding 0.7 would give 1700000.0000000002.
    var digits: Double = 0
    var fractionDigits = 0
    var inFraction = false
    for k in Int(t.start)..<Int(t.end) {
      let b = bytes[k]
      if b == 0x2C { continue }
      if b == 0x2E {
        inFraction = true
        continue
      }
      digits = digits * 10 + Double(b - 0x30)
      if inFraction { fractionDigits += 1 }
    }
    var divisor: Double = 1
    for _ in 0..<fractionDigits { divisor *= 10 }
    return digits * multiplier / divisor
  }

  /// Number of digit characters and whether there is a comma or decimal point.
  func digitShape(_ i: Int) -> (digits: Int, comma: Bool, decimal: Bool) {
    let t = tokens[i]
    var digits = 0
    var comma = false
    var decimal = false
    for k in Int(t.start)..<Int(t.end) {
      switch bytes[k] {
      case 0x2C: comma = true
      case 0x2E: decimal = true
      default: digits += 1
      }
    }
    return (digits, comma, decimal)
  }

  /// Where the clause after token `from` ends: a semicolon, colon, bracket or spaced dash, or
  /// `limit`.
  func clauseEnd(from: Int, limit: Int) -> Int {
    var k = from
    while k < limit {
      let t = tokens[k]
      if t.kind == .punct {
        let p = t.punct
        if p == UInt8(ascii: ";") || p == UInt8(ascii: ":") || p == UInt8(ascii: "(")
          || (p == UInt8(ascii: "-") && t.flags.contains(.spaceBefore))
          // ", which ...", ", where ...": a relative clause on a thing or a place; ", after
          // ...", ", but ...": a clause with a subject of its own.
          || (p == UInt8(ascii: ",")
            && (isWord(k + 1, w.which) || isWord(k + 1, w.where_) || isWord(k + 1, in: w.clauseOpeners)))
        {
          return k
        }
      }
      k += 1
    }
    return limit
  }

  /// The value of a number word or scale word.
  @inline(__always) func wordValue(_ i: Int) -> Double {
    vocabulary.numberTable[Int(tokens[i].word)]
  }

  /// The value of a hyphenated number word ("twenty-three"), if the token is one.
  func hyphenatedNumber(_ i: Int) -> Double? {
    guard i >= 0, i < tokens.count else { return nil }
    let t = tokens[i]
    guard t.kind == .word, t.word < 0, t.flags.contains(.hyphenated) else { return nil }
    var total: Double = 0
    var parts = 0
    var partStart = Int(t.start)
    let end = Int(t.end)
    var k = partStart
    while k <= end {
      if k == end || bytes[k] == 0x2D {
        var h = WordHasher()
        for j in partStart..<k { h.add(bytes[j]) }
        let id = vocabulary.frozenTable.lookup(hash: h.value, in: bytes, start: partStart, end: k)
        guard id >= 0, vocabulary.flagTable[Int(id)].contains(.numberWord) else { return nil }
        let v = vocabulary.numberTable[Int(id)]
        // Only tens followed by a unit: "twenty-three", not "three-twenty".
        if parts == 1 && !(total >= 20 && total.truncatingRemainder(dividingBy: 10) == 0 && v < 10) {
          return nil
        }
        total += v
        parts += 1
        partStart = k + 1
      }
      k += 1
    }
    return parts == 2 ? total : nil
  }
}

/// A few lexicon ids tested for as a group: a short list, scanned.
struct WordSet: Sendable {
  let ids: [Int32]
  @inline(__always) func contains(_ id: Int32) -> Bool { id >= 0 && ids.contains(id) }
}

/// Lexicon ids of the words the extraction code tests for by name. A class, so that the
/// views and finders that carry it stay small to copy.
final class NamedWords: Sendable {
  /// "120 hostages remain", "the toll stands at": verbs of a present state after a figure.
  static let presentVerbWords = [
    "remain", "remains", "has", "have", "still", "stand", "stands",
    // ("14,000 people need to leave": a need is a present state.)
    "need", "needs",
  ]
  /// "34,500 deaths reported in that period": participles that describe figures, not a source.
  static let reportingParticipleWords = ["reported", "recorded", "counted", "documented", "confirmed", "registered"]
  /// The prepositions after such a participle.
  static let afterParticipleWords = ["in", "by", "since", "during", "over", "across", "between", "at", "from"]
  /// "the ministry's toll": words for a body's figures after its possessive.
  static let figureNounWords = ["toll", "count", "tally", "figure", "figures", "data", "records", "statistics"]
  /// "calls for the release of 10": the verb before a "for" that makes a plan.
  static let callWords = ["calls", "call", "calling", "called"]
  /// "Trucks carrying flour topped 150", "The dead numbered 45": verbs after which a number
  /// with no noun of its own counts the clause's subject.
  static let countingVerbWords = [
    "topped", "tops", "exceeded", "exceeds", "passed", "passes", "surpassed", "surpasses", "numbered",
    "totalled", "totaled", "totals", "reached", "reaches", "hit", "hits",
  ]
  /// "21 of whom were declared dead", "are believed to be dead": verbs that pass a state on
  /// to the word after them, which is then the figure's verb.
  static let statusVerbWords = [
    "declared", "pronounced", "confirmed", "believed", "thought", "feared", "presumed", "reported", "known", "found",
  ]
  /// Forms of "be", which make a participle after them passive.
  static let beWords = ["is", "are", "was", "were", "be", "been", "being"]
  /// "fewer than the 3,800 in 2024": words that compare a figure with another.
  static let comparativeWords = ["fewer", "more", "less", "lower", "higher"]
  /// "climbed to 45,028 on Monday from 44,976": verbs of a change, whose "from" names the
  /// value before it.
  static let changeWords = [
    "rose", "risen", "rises", "climbed", "climbs", "increased", "increases", "jumped", "jumps", "grew", "grown",
    "fell", "fallen", "falls", "dropped", "drops", "declined", "declines", "decreased", "decreases", "surged", "soared",
  ]
  /// "The UN put the number at ...": a report of a figure.
  static let putWords = ["put", "puts", "putting"]
  /// "came in daily during the last week": words that open the time phrase a closing rate may
  /// stand before ("a day after the strike", "daily strikes" are no rates).
  static let afterRateWords = [
    "during", "over", "since", "throughout", "until", "last", "this", "in", "so",
    // "each day from Monday", "each day once it reopens" (and "each day at first": see
    // `closingRate`)
    "from", "starting", "initially", "once",
  ]
  /// ", after ...", ", but ...": words that open a clause of its own after a comma, whose
  /// "since" is not a figure's outside it; and ", which ..." opening a relative clause.
  static let clauseOpenerWords = ["after", "but", "while", "whereas", "when"]
  static let relativeOpenerWords = ["which", "where", "who"]
  /// "due to leave", "due to be freed": the verbs of a schedule after "due to" (else it gives a
  /// cause: "due to the shortage").
  static let scheduledVerbWords = [
    "be", "leave", "return", "arrive", "travel", "cross", "enter", "exit", "resume", "begin", "start", "reopen",
    "open", "receive", "release", "free", "hand", "reach", "take", "go", "depart", "move",
  ]
  /// ", Israel believes 20 are alive": verbs of believing that, like those of saying, report
  /// a figure.
  static let beliefWords = ["believes", "believe", "thinks", "think", "fears", "fear"]
  /// "leaving tens of thousands waiting": the forms of "leave".
  static let leaveWords = ["leave", "leaves", "leaving", "left"]
  /// "delayed the release of 620": words that put an event off.
  /// "against a target of 600", "a cap of 50 a day": the number an aim or a limit sets.
  static let targetWords = ["target", "targets", "goal", "quota", "cap", "ceiling", "limit"]
  static let delayWords = ["delayed", "delays", "delay", "delaying", "postponed", "postpones", "postpone", "suspended", "halted"]
  /// "held up since Saturday", "blocked since March 2": participles of a stoppage, whose
  /// "since" measures the stoppage (with `delayWords`).
  static let stoppageWords = ["blocked", "closed", "shut", "stalled", "stuck", "frozen", "paused", "barred", "sealed"]
  /// "1,700 people detained in Gaza since the war began": participles of a detention, whose
  /// "since" tells when the people were taken, not a period of their release.
  static let detentionWords = ["detained", "held", "arrested", "jailed", "imprisoned", "captured", "abducted", "taken"]
  /// "the October 7 attack": nouns of an assault, which a day without a year names.
  static let attackWords = ["attack", "attacks", "massacre", "assault", "raid", "incursion", "rampage", "onslaught"]
  /// "up to 50 people a day may exit": a modal that permits, before a verb of movement.
  static let permissionWords = ["may", "can"]
  static let movementVerbWords = ["exit", "leave", "enter", "cross", "return", "travel", "depart", "go"]
  /// "The UN's estimate was lower, at around 200,000": nouns for another's estimate.
  static let estimateWords = ["estimate", "estimates"]
  /// "the 600 a day the deal requires", "the 600 a day the agreement provides for": what an
  /// agreement does to a number it sets.
  static let requireWords = [
    "requires", "required", "stipulates", "stipulated", "envisages", "envisaged", "promises", "promised",
    "specifies", "specified", "mandates", "mandated", "sets", "set", "provides", "provided", "calls",
  ]
  /// ", and it projected ...": pronouns that open a clause with a subject of its own.
  static let subjectPronounWords = ["it", "they", "he", "she", "we"]
  /// "three quarters of", "a third of": the denominators of shares written in words, with
  /// their value and whether the form is plural.
  static let denominatorWords: [(word: String, value: Double, plural: Bool)] = [
    ("half", 2, false), ("third", 3, false), ("thirds", 3, true), ("quarter", 4, false), ("quarters", 4, true),
    ("fifth", 5, false), ("fifths", 5, true), ("tenth", 10, false), ("tenths", 10, true),
  ]
  /// "half the patients", "half its population": what may follow a share's denominator
  /// without "of".
  static let shareDeterminerWords = ["the", "its", "their", "his", "her", "our", "all", "these", "those"]
  /// "half the number of January": words for what a share compares with rather than counts.
  static let measureWords = [
    "number", "numbers", "level", "levels", "amount", "total", "figure", "rate", "size", "volume", "capacity",
  ]
  /// "a third of the area": words for land, a share of which counts no one.
  static let placeWords = ["area", "areas", "territory", "land", "strip", "enclave", "city"]
  /// "Most of them, 1,718, had been detained": quantifiers before an opening "of".
  static let quantifierWords = ["most", "some", "many", "all"]
  /// "toll passes 68,000 despite truce": words after which a period names a setting, not
  /// the period a count runs over.
  static let settingWords = ["despite", "amid", "amidst"]
  /// "The youngest living hostage is 21": superlatives whose number after "is" is an age.
  static let ageSuperlativeWords = ["youngest", "oldest", "eldest"]
  /// "remain in Israeli prisons", "remain in custody": nouns of where captives are held.
  static let captivityWords = ["prison", "prisons", "jail", "jails", "detention", "custody", "captivity"]
  /// "beginning with three on Sunday": the participles that open the first part of a plan.
  static let beginningWords = ["beginning", "starting"]
  /// "another 37 were expected to follow": verbs that say only that people do as those before.
  static let followWords = [
    "follow", "follows", "followed",
    // "A further 40 are due to arrive next month": arriving repeats the movement before.
    "arrive", "arrives", "arrived", "arriving",
  ]
  /// "walked north ... after Israel allowed them to return": words of going back home.
  static let returnWords = ["return", "returns", "returned", "returning"]
  /// "walked north", "forced south": the directions of a movement inside the Strip.
  static let directionWords = ["north", "south", "northward", "southward"]
  /// "walked back to the north", "returned to northern Gaza": where a return inside the Strip
  /// goes (with `directionWords`).
  static let insideDirectionWords = ["northern", "southern"]
  /// "the fifth such release since the truce": ordinals, which compare as "first" does.
  static let ordinalWords = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
  /// "the attack that triggered the war": verbs whose object is a period named by its start.
  static let triggerWords = ["triggered", "sparked", "ignited", "precipitated", "started", "unleashed"]
  /// "They included 45 foreign nationals": verbs that open a list of the parts of a whole.
  static let includeWords = ["included", "include", "includes"]
  /// Every word of the groups, and the single words below them, for the lexicon.
  static let groupWords =
    presentVerbWords + reportingParticipleWords + afterParticipleWords + figureNounWords + callWords
    + countingVerbWords + statusVerbWords + putWords + beWords + comparativeWords + afterRateWords + clauseOpenerWords
    + relativeOpenerWords + targetWords + delayWords + stoppageWords + detentionWords + attackWords
    + scheduledVerbWords + beliefWords + leaveWords + subjectPronounWords + requireWords + permissionWords
    + movementVerbWords + estimateWords + denominatorWords.map(\.word) + shareDeterminerWords + measureWords
    + placeWords + quantifierWords + settingWords + ageSuperlativeWords + captivityWords + beginningWords + followWords + returnWords
    + directionWords + insideDirectionWords + ordinalWords + includeWords + triggerWords + changeWords
    + [
      "going", "set", "due", "life", "long", "lengthy", "compared", "estimated", "adding", "called", "short", "not",
      "never", "have", "has", "following", "hours", "within", "such", "meant", "still", "back", "same", "period",
      "respectively", "time", "end",
    ]

  let presentVerbs, reportingParticiples, afterParticiple, figureNouns, calls, countingVerbs, statusVerbs, puts,
    beForms, comparatives, afterRate, clauseOpeners, relativeOpeners, targets, delays, stoppages, detentions, attacks, scheduledVerbs,
    beliefs, leaveForms, subjectPronouns, requires, permissions, movementVerbs, estimates, shareDeterminers,
    measures, places, quantifiers, settings, ageSuperlatives, captivity, beginnings, follows, returns, directions, insideDirections, ordinals,
    includes, triggers, changes: WordSet
  /// `denominatorWords` by lexicon id.
  private let denominators: [(id: Int32, value: Double, plural: Bool)]
  let going, compared, estimated, set_, meant, still, back, due, adding, called, short, held, not, never, have, has, following, hours, within, such, end: Int32

  let of, and, or, the, a, an, in_, every, to, from, between, since, after, before, as_, on, by,
    until, through, till, early, late, mid, last, this, next, yesterday, today, tonight, ago,
    earlier, later, week, month, year, morning, night, evening, afternoon, percent, per, cent,
    pm, am, p, m, daily, weekly, each, day, average, more, so, plus, including, among, them,
    these, those, whom, one, no, according, that, war, far, date, total, all, overall,
    cumulative, throughout, during, now, were, was, had, would, is_, are, be, been, will, shall,
    ll, permitted, allowed, s, half, out, old, aged, age, under, over, above, at, who, which,
    where_, while_, than, with, began, begun, started, start, took, effect, entered, came, into,
    force, signed, erupted, broke, launched, went, beginning, currently, second, toll, prison,
    prisons, jail, jails, detention, ready, need, needs, needed, waiting, eligible, believed, thought,
    feared, said, reported, known, presumed, likely, exchange, registered, number, tally, count,
    below, another, for_, days, weeks, months, few, weekend, first, past, previous, yet, further, additional, ceasefire, truce,
    ceaseFire, deal, agreement, down, up, along, together, but, family, members, sentences, terms, life, long, lengthy, prisoners, others, they, same, period, respectively, time: Int32

  init(_ v: Vocabulary) {
    func id(_ s: String) -> Int32 {
      let i = v.id(s)
      precondition(i >= 0, "lexicon word missing: \(s)")
      return i
    }
    of = id("of"); and = id("and"); or = id("or"); the = id("the"); a = id("a"); an = id("an")
    in_ = id("in"); every = id("every"); to = id("to"); from = id("from")
    between = id("between"); since = id("since"); after = id("after"); before = id("before")
    as_ = id("as"); on = id("on"); by = id("by"); until = id("until"); through = id("through")
    till = id("till"); early = id("early"); late = id("late"); mid = id("mid"); last = id("last")
    this = id("this"); next = id("next"); yesterday = id("yesterday"); today = id("today")
    tonight = id("tonight"); ago = id("ago"); earlier = id("earlier"); later = id("later")
    week = id("week"); month = id("month"); year = id("year"); morning = id("morning")
    night = id("night"); evening = id("evening"); afternoon = id("afternoon")
    percent = id("percent"); per = id("per"); cent = id("cent"); pm = id("pm"); am = id("am")
    p = id("p"); m = id("m"); daily = id("daily"); weekly = id("weekly"); each = id("each")
    day = id("day"); average = id("average"); more = id("more"); so = id("so"); plus = id("plus")
    including = id("including"); among = id("among"); them = id("them"); these = id("these")
    those = id("those"); whom = id("whom"); one = id("one"); no = id("no")
    according = id("according"); that = id("that"); war = id("war"); far = id("far")
    date = id("date"); total = id("total"); all = id("all"); overall = id("overall")
    cumulative = id("cumulative"); throughout = id("throughout"); during = id("during")
    now = id("now"); were = id("were"); was = id("was"); had = id("had"); would = id("would")
    is_ = id("is"); are = id("are"); be = id("be"); been = id("been"); will = id("will")
    shall = id("shall"); ll = id("'ll"); permitted = id("permitted"); allowed = id("allowed")
    s = id("'s"); half = id("half"); out = id("out"); old = id("old"); aged = id("aged")
    age = id("age"); under = id("under"); over = id("over"); above = id("above"); at = id("at")
    who = id("who"); which = id("which"); where_ = id("where"); while_ = id("while")
    than = id("than"); with = id("with"); began = id("began"); begun = id("begun")
    started = id("started"); start = id("start"); took = id("took"); effect = id("effect")
    entered = id("entered"); came = id("came"); into = id("into"); force = id("force")
    signed = id("signed"); erupted = id("erupted"); broke = id("broke")
    launched = id("launched"); went = id("went"); beginning = id("beginning")
    currently = id("currently"); second = id("second"); toll = id("toll"); prison = id("prison")
    prisons = id("prisons"); jail = id("jail"); jails = id("jails"); detention = id("detention"); ready = id("ready")
    need = id("need"); needs = id("needs"); needed = id("needed"); waiting = id("waiting")
    eligible = id("eligible"); believed = id("believed"); thought = id("thought")
    feared = id("feared"); said = id("said"); reported = id("reported"); known = id("known")
    presumed = id("presumed"); likely = id("likely"); exchange = id("exchange")
    registered = id("registered"); number = id("number")
    tally = id("tally"); count = id("count"); below = id("below")
    another = id("another"); for_ = id("for"); days = id("days"); weeks = id("weeks"); months = id("months")
    few = id("few")
    weekend = id("weekend"); first = id("first"); past = id("past"); previous = id("previous"); yet = id("yet")
    further = id("further"); additional = id("additional")
    ceasefire = id("ceasefire")
    truce = id("truce"); ceaseFire = id("cease-fire"); deal = id("deal"); agreement = id("agreement")
    down = id("down"); up = id("up"); along = id("along"); together = id("together"); but = id("but")
    family = id("family"); members = id("members"); sentences = id("sentences"); terms = id("terms")
    life = id("life"); long = id("long"); lengthy = id("lengthy"); prisoners = id("prisoners")
    others = id("others"); they = id("they"); same = id("same"); period = id("period")
    respectively = id("respectively"); time = id("time")
    func set(_ words: [String]) -> WordSet { WordSet(ids: words.map(id)) }
    presentVerbs = set(NamedWords.presentVerbWords)
    ordinals = set(NamedWords.ordinalWords)
    includes = set(NamedWords.includeWords)
    triggers = set(NamedWords.triggerWords)
    reportingParticiples = set(NamedWords.reportingParticipleWords)
    afterParticiple = set(NamedWords.afterParticipleWords)
    figureNouns = set(NamedWords.figureNounWords)
    calls = set(NamedWords.callWords)
    countingVerbs = set(NamedWords.countingVerbWords)
    statusVerbs = set(NamedWords.statusVerbWords)
    puts = set(NamedWords.putWords)
    beForms = set(NamedWords.beWords)
    going = id("going")
    end = id("end")
    compared = id("compared")
    estimated = id("estimated")
    set_ = id("set")
    meant = id("meant")
    still = id("still")
    back = id("back")
    due = id("due")
    adding = id("adding")
    called = id("called")
    short = id("short")
    held = id("held")
    not = id("not")
    never = id("never")
    have = id("have")
    has = id("has")
    following = id("following")
    hours = id("hours")
    within = id("within")
    such = id("such")
    comparatives = set(NamedWords.comparativeWords)
    changes = set(NamedWords.changeWords)
    afterRate = set(NamedWords.afterRateWords)
    clauseOpeners = set(NamedWords.clauseOpenerWords)
    relativeOpeners = set(NamedWords.relativeOpenerWords)
    targets = set(NamedWords.targetWords)
    delays = set(NamedWords.delayWords)
    stoppages = set(NamedWords.stoppageWords + NamedWords.delayWords)
    detentions = set(NamedWords.detentionWords)
    attacks = set(NamedWords.attackWords)
    scheduledVerbs = set(NamedWords.scheduledVerbWords)
    beliefs = set(NamedWords.beliefWords)
    leaveForms = set(NamedWords.leaveWords)
    subjectPronouns = set(NamedWords.subjectPronounWords)
    requires = set(NamedWords.requireWords)
    permissions = set(NamedWords.permissionWords)
    movementVerbs = set(NamedWords.movementVerbWords)
    estimates = set(NamedWords.estimateWords)
    shareDeterminers = set(NamedWords.shareDeterminerWords)
    measures = set(NamedWords.measureWords)
    places = set(NamedWords.placeWords)
    quantifiers = set(NamedWords.quantifierWords)
    settings = set(NamedWords.settingWords)
    ageSuperlatives = set(NamedWords.ageSuperlativeWords)
    captivity = set(NamedWords.captivityWords)
    beginnings = set(NamedWords.beginningWords)
    follows = set(NamedWords.followWords)
    returns = set(NamedWords.returnWords)
    directions = set(NamedWords.directionWords)
    insideDirections = set(NamedWords.directionWords + NamedWords.insideDirectionWords)
    denominators = NamedWords.denominatorWords.map { (id($0.word), $0.value, $0.plural) }
  }

  /// The value of a share's denominator and whether it is plural, for the word with lexicon
  /// id `word`; nil for any other word.
  func denominator(_ word: Int32) -> (value: Double, plural: Bool)? {
    guard word >= 0, let d = denominators.first(where: { $0.id == word }) else { return nil }
    return (d.value, d.plural)
  }
}

extension TextView {
  /// A rate at `k` ("daily", "a day", "per week") and how many words it takes.
  func rate(at k: Int, end: Int) -> (rate: Rate, words: Int)? {
    guard k < end else { return nil }
    if isWord(k, w.daily) { return (.day, 1) }
    if isWord(k, w.weekly) { return (.week, 1) }
    // ("190,000 a week ago" and "nine a week earlier" are dates; "fled in a week" a period.)
    if k + 1 < end, isWord(k, w.a) || isWord(k, w.per) || isWord(k, w.each) || isWord(k, w.every),
      !isWord(k + 2, w.ago), !isWord(k + 2, w.earlier), !isWord(k + 2, w.later), !isWord(k + 2, w.before),
      !(isWord(k, w.a) && (isWord(k - 1, w.in_) || isWord(k - 1, w.over) || isWord(k - 1, w.within)))
    {
      if isWord(k + 1, w.day) { return (.day, 2) }
      if isWord(k + 1, w.week) { return (.week, 2) }
    }
    return nil
  }

  /// Whether token `j` joins the two ends of a range of dates or days: "to", "until",
  /// "through", a hyphen, or "and" when "between" (at `opener`) opened the range.
  func joinsRange(at j: Int, opener: Int) -> Bool {
    isWord(j, w.to) || isWord(j, w.until) || isWord(j, w.through) || isPunct(j, "-")
      || (isWord(j, w.and) && isWord(opener, w.between))
  }

  /// ", after ...", ", which ...": whether token `j` is a comma followed by a lower-case word
  /// of `words` (a capitalized one is a name: "WHO" is no "who").
  func opensClause(at j: Int, _ words: WordSet) -> Bool {
    isPunct(j, ",") && isWord(j + 1, in: words) && !tokens[j + 1].flags.contains(.capitalized)
  }

  /// "up from", "down from", "compared with", "compared to", "short of", "than the", "than in": words at
  /// `k` that bring in a value a figure is compared with (not the qualifier "more than 40").
  func comparesWith(at k: Int) -> Bool {
    comparingFrom(at: k)
      || (isWord(k, w.compared) && (isWord(k + 1, w.with) || isWord(k + 1, w.to)))
      || (isWord(k, w.of) && isWord(k - 1, w.short))
      // ("well below the 600 trucks a day promised")
      || ((isWord(k, w.below) || isWord(k, w.above)) && isWord(k + 1, w.the))
      || (isWord(k, w.than)
        && (isWord(k + 1, w.the) || isWord(k + 1, w.in_) || isWord(k + 1, w.on) || isWord(k + 1, w.last)
          || isWord(k + 1, w.before) || isWord(k + 1, w.during) || sharesAMeasure(from: k + 1)))
  }

  /// Whether `k` is a "from" that brings in the value a figure is compared with: "up from",
  /// "down from", or after a change to a number within six words, "climbed to 45,028 on
  /// Monday from 44,976" ("rose from 44,976 to 45,028" compares nothing: the change runs
  /// forward).
  func comparingFrom(at k: Int) -> Bool {
    guard isWord(k, w.from) else { return false }
    return isWord(k - 1, w.up) || isWord(k - 1, w.down)
      || (max(1, k - 6)..<max(1, k)).contains { j in isWord(j, w.to) && isNumeral(j + 1) && isWord(j - 1, in: w.changes) }
  }

  /// The days one unit of time at `i` lasts: 1 for "day" or "days", 7 for "week" or "weeks";
  /// nil for any other word.
  func daysPerUnit(at i: Int) -> Int? {
    if isWord(i, w.day) || isWord(i, w.days) { return 1 }
    if isWord(i, w.week) || isWord(i, w.weeks) { return 7 }
    return nil
  }

  /// Where the whole of "N of (the) M" starts when `k` is its "of": past the determiner, if
  /// any, and a "remaining" after it ("22 of the 36 hospitals", "eight of 33", "eight of the
  /// remaining 18"); nil when `k` is no "of".
  func afterOf(_ k: Int) -> Int? {
    guard isWord(k, w.of) else { return nil }
    guard flags(k + 1).contains(.determiner) else { return k + 1 }
    // ("eight of the remaining 18")
    return isFormOfRemain(k + 2) ? k + 3 : k + 2
  }

  /// "half the number", "a third of the total": a share of a measure, which compares (after
  /// "than": "fewer than half the number who left in 2024").
  private func sharesAMeasure(from k: Int) -> Bool {
    var j = k
    if isWord(j, w.a) || isWord(j, w.one) { j += 1 }
    guard j < tokens.count, w.denominator(tokens[j].word) != nil else { return false }
    j += 1
    if isWord(j, w.of) { j += 1 }
    if j < tokens.count, flags(j).contains(.determiner) { j += 1 }
    return isWord(j, in: w.measures)
  }
}
