// JSON literals for the record's codes (generated from the enums; a test checks each against
// its raw value).

extension Indicator {
  /// The code as a JSON string literal, written without building a `String`.
  var json: StaticString {
    switch self {
    case .killed: return "\"killed\""
    case .injured: return "\"injured\""
    case .missing: return "\"missing\""
    case .bodiesRecovered: return "\"bodies_recovered\""
    case .diedAwaitingEvacuation: return "\"died_awaiting_evacuation\""
    case .medevacNeeded: return "\"medevac_needed\""
    case .medevacCompleted: return "\"medevac_completed\""
    case .medevacCompanions: return "\"medevac_companions\""
    case .crossedOut: return "\"crossed_out\""
    case .crossedIn: return "\"crossed_in\""
    case .crossings: return "\"crossings\""
    case .crossingDenied: return "\"crossing_denied\""
    case .hostagesReleased: return "\"hostages_released\""
    case .hostagesHeld: return "\"hostages_held\""
    case .remainsReturned: return "\"remains_returned\""
    case .prisonersReleased: return "\"prisoners_released\""
    case .prisonersHeld: return "\"prisoners_held\""
    case .detained: return "\"detained\""
    case .deported: return "\"deported\""
    case .displaced: return "\"displaced\""
    case .aidTrucks: return "\"aid_trucks\""
    case .other: return "\"other\""
    }
  }
}
extension Qualifier {
  /// The code as a JSON string literal, written without building a `String`.
  var json: StaticString {
    switch self {
    case .exact: return "\"exact\""
    case .atLeast: return "\"at_least\""
    case .moreThan: return "\"more_than\""
    case .atMost: return "\"at_most\""
    case .fewerThan: return "\"fewer_than\""
    case .approximately: return "\"approximately\""
    case .range: return "\"range\""
    case .vague: return "\"vague\""
    }
  }
}
extension CountUnit {
  /// The code as a JSON string literal, written without building a `String`.
  var json: StaticString {
    switch self {
    case .people: return "\"people\""
    case .ratio: return "\"ratio\""
    case .trucks: return "\"trucks\""
    case .convoys: return "\"convoys\""
    }
  }
}
extension Modality {
  /// The code as a JSON string literal, written without building a `String`.
  var json: StaticString {
    switch self {
    case .actual: return "\"actual\""
    case .planned: return "\"planned\""
    }
  }
}
