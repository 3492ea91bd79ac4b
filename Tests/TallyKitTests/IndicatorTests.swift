import Testing

@testable import TallyKit

@Suite("Indicators (codebook section 4)")
struct IndicatorTests {
  /// One sentence per indicator code, and the mention to look at.
  static let cases: [(String, String, Indicator)] = [
    ("Israeli strikes killed 45 people on Tuesday.", "45", .killed),
    ("Over 70,100 lives have been lost in Gaza.", "70,100", .killed),
    ("At least 120 people were wounded in the strike.", "120", .injured),
    ("More than 7,000 people are missing under the rubble.", "7,000", .missing),
    ("Rescuers recovered the bodies of 15 people from the rubble.", "15", .bodiesRecovered),
    ("At least 900 patients have died while awaiting evacuation.", "900", .diedAwaitingEvacuation),
    ("More than 12,000 patients are in urgent need of treatment abroad.", "12,000", .medevacNeeded),
    ("More than 6,000 patients were ready to be evacuated abroad.", "6,000", .medevacNeeded),
    ("Around 4,000 people with official referrals could not leave.", "4,000", .medevacNeeded),
    ("Fifty patients were evacuated to Egypt on Saturday.", "Fifty", .medevacCompleted),
    ("The ministry said 50 Palestinian patients have left through the crossing.", "50", .medevacCompleted),
    ("Five patients crossed, accompanied by 10 relatives.", "10", .medevacCompanions),
    ("About 100,000 Palestinians crossed into Egypt.", "100,000", .crossedOut),
    // (The wounded named right after the number who cross are evacuated patients.)
    ("Some 21 wounded crossed into Egypt on Friday.", "Some 21", .medevacCompleted),
    ("By Friday, 21 wounded had crossed, officials said.", "21", .medevacCompleted),
    ("By Friday, 21 more wounded had crossed, officials said.", "21", .medevacCompleted),
    ("Some 40 wounded left the hospital.", "Some 40", .injured),
    ("Only 12 Palestinians were allowed back into Gaza.", "12", .crossedIn),
    ("Around 150 people are expected to cross back on the first day.", "Around 150", .crossedIn),
    ("In all, 27 people moved through the crossing in both directions.", "27", .crossings),
    ("Another 38 people were turned back at the crossing.", "38", .crossingDenied),
    ("A further 38 failed to clear security checks.", "38", .crossingDenied),
    // (A possessive before the remains: the dead of those counted.)
    ("Militants handed over three hostages' bodies on Tuesday.", "three", .remainsReturned),
    ("Militants handed over three hostages on Tuesday.", "three", .hostagesReleased),
    ("Hamas freed three hostages on Saturday.", "three", .hostagesReleased),
    ("Israel is due to release 95 prisoners after Hamas frees three hostages.", "three", .hostagesReleased),
    // Present-tense verbs are cues like the past ones.
    ("Hamas holds 59 hostages, Israel says.", "59", .hostagesHeld),
    // Bodies held in Gaza are dead captives still held.
    ("Of the 28 bodies held in Gaza, 24 have been returned so far.", "28", .hostagesHeld),
    ("Of the 28 bodies held in Gaza, 24 have been returned so far.", "24", .remainsReturned),
    ("Israel detains 30 Palestinians in overnight raids.", "30", .detained),
    ("Hamas released three Israeli captives in exchange for 183 Palestinian prisoners.", "three", .hostagesReleased),
    ("Some 59 hostages remain in Gaza.", "59", .hostagesHeld),
    ("Hamas handed over the remains of four hostages.", "four", .remainsReturned),
    ("The remains of 23 Israeli and three foreign hostages were handed over.", "three", .remainsReturned),
    ("Israel released 183 Palestinian prisoners.", "183", .prisonersReleased),
    ("Hamas released three Israeli captives in exchange for 183 Palestinian prisoners.", "183", .prisonersReleased),
    ("Israel holds an estimated 4,500 Palestinian prisoners.", "4,500", .prisonersHeld),
    // Held in its own words, whatever the sentence next to it releases.
    ("Three captives were handed to the Red Cross. Thousands still in Israeli prisons", "Thousands", .prisonersHeld),
    ("Israeli forces arrested 25 Palestinians in raids.", "25", .detained),
    ("Seven of the freed prisoners will be deported to Egypt.", "Seven", .deported),
    ("Nearly 1.9 million people have been displaced.", "1.9 million", .displaced),
    ("About 600 aid trucks entered Gaza on Sunday.", "600", .aidTrucks),
    ("The ministry said 58 bodies had been brought to hospitals in the past 24 hours.", "58", .killed),
    ("Israel says 1,200 people were killed and 251 taken hostage.", "251", .hostagesHeld),
    ("Since Rafah reopened, around 1,500 patients and companions have crossed into Egypt.", "1,500", .crossedOut),
    ("The first group of 50 sick and wounded children crossed into Egypt.", "50", .medevacCompleted),
    ("At least 16,500 Palestinians who are seriously ill or wounded need medical evacuation.", "16,500", .medevacNeeded),
    ("Hamas handed over the bodies of Shiri Bibas and her two sons.", "two", .remainsReturned),
    ("Only a fraction of the 14,000 patients on the WHO's list have left.", "14,000", .medevacNeeded),
    ("Twelve patients, including six children, were transferred to hospitals in Egypt.", "Twelve", .medevacCompleted),
    ("The number recovered since the ceasefire rose to 437.", "437", .bodiesRecovered),
    ("Israeli forces rescued four hostages alive from Nuseirat on Saturday.", "four", .hostagesReleased),
    ("A convoy of 173 trucks entered on Sunday, while another 60 trucks were turned back.", "60", .other),
    ("A convoy of 173 trucks entered on Sunday, while another 60 trucks were turned back.", "173", .aidTrucks),
    ("Some 1,092 patients died between July 2024 and October 2025 while waiting for evacuation.", "Some 1,092", .diedAwaitingEvacuation),
    ("Officials said 350 patients had their evacuation requests approved but could not leave.", "350", .medevacNeeded),
    ("Four hostages rescued in Nuseirat raid; ministry says 274 Palestinians killed", "Four", .hostagesReleased),
    ("Rescue workers pulled the bodies of 15 people from the rubble.", "15", .bodiesRecovered),
    // The receiving side of an evacuation, with the number inside the cue's phrase.
    ("Egypt received 45 patients from Gaza on Monday.", "45", .medevacCompleted),
    ("Egypt receives 45 patients from Gaza as Rafah reopens", "45", .medevacCompleted),
    ("Hospitals in Egypt admitted 30 patients from Gaza on Monday.", "30", .medevacCompleted),
    ("The Red Crescent transferred 19 wounded people to Egyptian hospitals.", "19", .medevacCompleted),
    ("More than 12,000 people are still waiting for permission to seek treatment abroad.", "12,000", .medevacNeeded),
    ("Rescuers were searching for dozens of people believed trapped under collapsed buildings.", "dozens", .missing),
    // Freed prisoners sent to Egypt go into exile; they are not patients.
    ("Seven of the freed prisoners were transferred to Egypt.", "Seven", .deported),
    ("Hamas returned the bodies of four hostages, bringing to eight the number of deceased captives handed back.", "eight", .remainsReturned),
    // The same total named before its number: "deceased" still makes the returned remains.
    ("The number of deceased hostages returned since the truce began rose to 17, officials said.", "17", .remainsReturned),
    ("The number of hostages released since the truce began rose to 20, officials said.", "20", .hostagesReleased),
    // A release after the noun wins over a nearer participle that describes the people.
    ("Three Israeli women held in Gaza for 471 days were handed to the Red Cross on Sunday.", "Three", .hostagesReleased),
    // "crossing to" a receiving country leaves (the crossing alone is a place).
    ("Before the closure, about 50 patients a day had been crossing to Egypt for treatment.", "about 50", .medevacCompleted),
    ("About 40 patients will cross each day once the terminal reopens.", "About 40", .medevacCompleted),
    // A list inside a breakdown ends at ", and": the item after it is the whole's partner.
    ("Strikes killed 274 people, among them 64 children and 57 women, and nearly 700 wounded.", "57", .killed),
    ("Strikes killed 274 people, among them 64 children and 57 women, and nearly 700 wounded.", "nearly 700", .injured),
    // A part of the number after it is dead when that number's words say so.
    ("Since the October truce, 25 of the 28 deceased hostages have been returned.", "25", .remainsReturned),
    // Companions with no verb of their own travel with the evacuated patients before them.
    ("Jordan's army airlifted 29 children with cancer and their 34 companions from Gaza.", "34", .medevacCompanions),
    // A counted noun after "were" that ends its clause says what the number counts.
    ("Some 1,120 people left. Of those who left, 410 were patients and 620 their companions.", "410", .medevacCompleted),
    // ... but a part keeps its whole's indicator, taking only the group.
    ("More than 12,000 patients remain on the waiting list, of whom about 5,000 are children.", "about 5,000", .medevacNeeded),
    // Foreigners waiting to leave are no patients; foreigners who need medical evacuation are.
    ("Around 7,000 foreigners are waiting to leave, officials said.", "Around 7,000", .other),
    ("Some 300 foreign nationals who are wounded need medical evacuation.", "Some 300", .medevacNeeded),
    // People "left without" a parent are deprived, not gone; patients who "left without"
    // their companions did leave.
    ("At least 17,000 children in Gaza have been left without either parent.", "At least 17,000", .other),
    ("Some 300 patients left without their companions on Monday.", "Some 300", .medevacCompleted),
    // A warrant arrests no one.
    ("The prosecutor is seeking arrest warrants for five leaders.", "five", .other),
    // A risk of death is no death.
    ("UNICEF says 132,000 children are at risk of death from acute malnutrition.", "132,000", .other),
    // A quantifier before an opening "of them" still makes the parts after it parts.
    ("Israel released 1,968 Palestinians. Most of them, 1,718, had been detained in Gaza.", "1,718", .prisonersReleased),
    ("The number of UN staff killed has reached 280. Most of them - around 260 - worked for UNRWA.", "around 260", .killed),
    // Ambulances that carry patients out evacuate them.
    ("Ambulances carried another 140 patients out on Sunday.", "140", .medevacCompleted),
    // Another's estimate of the figure before is what that figure was.
    ("The army said about 350,000 people had fled. The UN's estimate was lower, at around 200,000.", "around 200,000", .displaced),
    ("Around 250,000 people have left Gaza City since the end of August, the army said. The UN put the number at 190,000 as of Saturday.", "190,000", .displaced),
    ("More than 1,200 trucks entered Gaza in the past week, Israel said. The UN counted fewer: 1,025 by its own tally.", "1,025", .aidTrucks),
    // Bodies doctors received are deaths; a last item whose own word says what it counts
    // ("150 wounded") shares no verb with the list and borrows no noun from it.
    ("Doctors said they had received at least 50 bodies and 150 wounded.", "at least 50", .killed),
    ("Doctors said they had received at least 50 bodies and 150 wounded.", "150", .injured),
    ("At Nasser hospital in Khan Younis, staff said they had received the bodies of 19 people.", "19", .killed),
    // A bare number after things, with a verb only people undergo, counts people.
    ("Strikes destroyed 40 homes, and 12 were killed.", "12", .killed),
    // The rest of a release told in parts is released.
    ("All 20 living hostages were handed over in two groups, the first seven at 8am and the remaining 13 a few hours later.", "13", .hostagesReleased),
    // A toll that bodies recovered raise counts the dead.
    ("The ministry said 152 bodies had been recovered since Sunday, raising the death toll to 47,283.", "47,283", .killed),
    ("The ministry said 152 bodies had been recovered since Sunday, raising the war's toll to 47,283.", "47,283", .killed),
    // People who "left" no place named, right after a displacement, left where it was.
    ("Up to 450,000 people have fled Rafah in the past week. The agency said roughly 100,000 had left in the first two days.", "roughly 100,000", .displaced),
    ("Up to 450,000 people have fled Rafah in the past week. Separately, 300 patients left through the crossing.", "300", .medevacCompleted),
    // Companions in an aside ("accompanied by 31 companions") are not what a later number
    // counts: the patients are.
    ("Sixteen patients, accompanied by 31 companions, left for Jordan. A further 23 are scheduled to leave on Wednesday.", "23", .medevacCompleted),
    ("Sixteen patients, accompanied by 31 companions, left for Jordan, up from nine a week earlier.", "nine", .medevacCompleted),
    ("A group of 50 patients, along with 61 companions, left on Monday, bringing the number evacuated to 117.", "117", .medevacCompleted),
    // A total's own words say what it counts: those held after arrests are prisoners.
    ("Israeli forces arrested about 3,000 people in the West Bank, according to prisoner groups, bringing the number held without charge to more than 2,800.", "2,800", .prisonersHeld),
    // More after a companion aside are more of the travellers, doing as they did.
    ("Fifty patients crossed into Egypt along with 61 companions, and another 37 were expected to follow on Sunday.", "37", .medevacCompleted),
    ("Fifty patients crossed into Egypt. Another 37 were expected to follow on Sunday.", "37", .medevacCompleted),
    // Leaving a prison is a release; a part after "of whom" that only names the kind of its
    // people breaks the whole down; a share may stand alone after "of whom".
    ("Buses carrying 369 Palestinian prisoners leave Ofer prison.", "369", .prisonersReleased),
    ("Some 300 patients left, of whom 150 were children.", "150", .medevacCompleted),
    ("Some 300 patients left, of whom half were children.", "half", .medevacCompleted),
    ("About 13,000 people were detained, of whom 243 have been killed.", "243", .killed),
    ("Israel says 109 hostages are still in Gaza, of whom about a third are believed to be dead.", "about a third", .hostagesHeld),
    // A movement north or south told as a return home is no displacement.
    ("Tens of thousands of Palestinians walked north along the coastal road on Monday after Israel allowed them to return.", "Tens of thousands", .other),
    ("More than 1 million people were forced south in October.", "More than 1 million", .displaced),
    ("The army plans to move about one million residents of Gaza City to the south by October 7.", "about one million", .displaced),
    // People who leave for treatment are evacuated patients.
    ("Jordan has flown 17 children with cancer out of Gaza for treatment since March.", "17", .medevacCompleted),
    ("About 40 people left Gaza for urgent treatment in Egypt on Monday.", "About 40", .medevacCompleted),
    ("About 400 people left Gaza for Egypt on Monday.", "About 400", .crossedOut),
    // The side that releases tells who its people are when their noun does not.
    ("Hamas is to free 20 more women and children, and Israel 60 Palestinian prisoners.", "20", .hostagesReleased),
    ("Israel has released them in batches, the latest group of 14 on Wednesday.", "14", .prisonersReleased),
    // ... and so does the agent of a passive release.
    ("Hamas freed three hostages, and 90 women and children were released by Israel.", "90", .prisonersReleased),
    // People of no side released beside a count of one side told by its noun are the other
    // side; not a part of that count, and not when another word names their side.
    ("Three men were freed on Saturday, and 183 prisoners were released.", "Three", .hostagesReleased),
    ("Three hostages were freed on Saturday, and 183 people were released.", "183", .prisonersReleased),
    ("Israel released 183 prisoners, including 18 men serving life sentences.", "18", .prisonersReleased),
    ("Three men were freed from prison on Saturday, and 183 prisoners were released.", "Three", .prisonersReleased),
    // A need told right after the noun phrase describes people an evacuation moves; a need
    // that is its own predicate, or an evacuation denied, stays a need.
    ("A plane carrying 17 children in need of treatment landed in Rome on Thursday.", "17", .medevacCompleted),
    ("A navy ship docked in La Spezia carrying 18 children in need of treatment and 35 family members.", "18", .medevacCompleted),
    ("A navy ship docked in La Spezia carrying 18 children in need of treatment and 35 family members.", "35", .medevacCompanions),
    ("About 4,000 children in need of evacuation remain in Gaza.", "About 4,000", .medevacNeeded),
    ("Some 12,000 patients needing treatment abroad have not been evacuated.", "Some 12,000", .medevacNeeded),
    // People taken on October 7 or into Gaza were abducted; people taken to hospital were not.
    ("Of the 251 people taken on October 7, 2023, 117 were Israeli civilians.", "251", .hostagesHeld),
    ("Of the 251 people taken on October 7, 2023, 117 were Israeli civilians.", "117", .hostagesHeld),
    ("Some 40 people were taken to hospital in October.", "Some 40", .other),
    // "Gazans" are Palestinians, and people "detained" hint at prisoners.
    ("Some 1,700 Gazans detained during the war without charge will be released.", "Some 1,700", .prisonersReleased),
    // A relative clause on a later list item is that item's verb alone.
    ("Israel will free 250 prisoners on Monday. The list includes 15 prisoners from East Jerusalem and 100 who will be deported.", "15", .prisonersReleased),
    ("Israel will free 250 prisoners on Monday. The list includes 15 prisoners from East Jerusalem and 100 who will be deported.", "100", .deported),
    // Drowning is no violent death; people held "without charge" are prisoners.
    ("At least 27 people drowned when an overloaded boat capsized off Libya.", "At least 27", .other),
    ("Israel is believed to be holding at least 1,500 people from Gaza without charge.", "at least 1,500", .prisonersHeld),
    // Trucks waiting to enter have not entered; trucks waiting to be collected inside have.
    ("More than 6,000 trucks loaded with aid are waiting in Egypt to enter Gaza.", "More than 6,000", .other),
    ("Hundreds of trucks are waiting to be collected on the Gaza side.", "Hundreds", .aidTrucks),
    ("About 600 trucks entered after waiting for days.", "About 600", .aidTrucks),
    // Returnees go in, whatever a crossing cue says of its direction.
    ("Officials said the daily cap of 50 returnees would be lifted next month.", "50", .crossedIn),
    // "requiring" is a need as "require" is.
    ("Officials said the WHO had a list of 2,500 children requiring urgent evacuation.", "2,500", .medevacNeeded),
    // Papers held are no people held.
    ("Some 200 Palestinians holding foreign passports left Gaza on Monday.", "Some 200", .crossedOut),
    // Past a relative clause right after the noun phrase, the next verb is the predicate.
    ("Officials said 50 people a day who left during the war will be allowed back in.", "50", .crossedIn),
    ("Twelve people who were injured in the strike later died in hospital.", "Twelve", .killed),
    ("Some 300 who were injured and displaced remain.", "Some 300", .injured),
    // People taken "out through" a crossing leave.
    ("A convoy took 22 seriously ill children and 41 relatives out through Kerem Shalom on Monday.", "22", .medevacCompleted),
    ("A convoy took 22 seriously ill children and 41 relatives out through Kerem Shalom on Monday.", "41", .medevacCompanions),
    // Every part after an opening whole ("Of them,", "Of those freed,") is a part of that
    // whole, not of the part before it.
    ("Israel freed 620 prisoners. Of them, 97 were deported and 445 had been detained in Gaza.", "445", .prisonersReleased),
    ("Israel freed 620 prisoners. Of those freed, 97 were deported, while 445 were detained in Gaza.", "445", .prisonersReleased),
    ("Israel freed 620 prisoners. Of those freed, 97 were deported, while 445 were detained in Gaza.", "97", .deported),
    // "the released" with no noun refers back as "those released" does, to a figure large
    // enough to hold the part (not the three hostages told last).
    ("Israel released 369 prisoners on Saturday, hours after three hostages were freed. Among the released, 36 had been serving life terms.", "36", .prisonersReleased),
    // The people handed over between the verb and the Red Cross.
    ("Militants handed three Thai farm workers to the Red Cross in Khan Younis.", "three", .hostagesReleased),
    ("It completed the handover of 33 captives, eight of them dead.", "eight", .remainsReturned),
    // Treatment in Gaza for hunger is not a medical evacuation.
    ("Some 71,000 children will need treatment for acute malnutrition.", "71,000", .other),
    // Waiting to go back north inside the Strip is no crossing; "forced south" displaces.
    ("Hundreds of thousands of displaced Palestinians waited to be allowed back to northern Gaza.", "Hundreds of thousands", .displaced),
    ("More than 1 million people were forced south at the start of the war.", "More than 1 million", .displaced),
    // An army that seized a crossing took a place, not the people who used it.
    ("Tanks seized the Rafah crossing, cutting off a route used by around 40 patients a day.", "around 40", .medevacNeeded),
    // A body that "lost" its people lost them to death.
    ("The charity has lost 12 staff members since the start of the conflict.", "12", .killed),
    // Countries not named receive patients as named ones do.
    ("The EU says member states have received 3,500 patients since October 2023.", "3,500", .medevacCompleted),
    // Carried to hospitals in a receiving city is an evacuation; to hospitals in Gaza is not.
    ("Ambulances carried 38 patients from the Rafah terminal to hospitals in Cairo on Sunday.", "38", .medevacCompleted),
    // (A longer reach between the verb and the hospitals: the wounded carried are evacuated.)
    ("Egyptian ambulances carried 45 wounded Palestinians and 60 companions from the Rafah crossing to hospitals in al-Arish on Sunday.", "45", .medevacCompleted),
    ("Egyptian ambulances carried 45 wounded Palestinians and 60 companions from the Rafah crossing to hospitals in al-Arish on Sunday.", "60", .medevacCompanions),
    ("Ambulances took 12 wounded people to hospitals in Khan Younis.", "12", .injured),
    // A total that mixes patients and companions crosses, however it is told.
    ("Egypt received 389 patients and companions during the week.", "389", .crossedOut),
    ("Some 300 patients and their companions crossed into Egypt.", "Some 300", .medevacCompleted),
    // Foreigners who travel along with patients share their verb, read for their own noun.
    ("Some 76 wounded Palestinians crossed into Egypt along with 335 foreign passport holders.", "335", .crossedOut),
    ("Some 76 wounded Palestinians crossed into Egypt along with 90 relatives.", "90", .medevacCompanions),
    // More of the figure before, with no verb of its own, are what it was (a verb of its own
    // keeps it from being read so).
    ("Twelve children with cancer were flown to Jordan. A further 29 are expected next week.", "29", .medevacCompleted),
    ("Italy has taken in 181 children from Gaza since January. Another 40 are due to arrive by plane next month.", "40", .medevacCompleted),
    // Parts of a release after "in two groups" are released (the groups count no one).
    ("All 20 living hostages were handed to the Red Cross in two groups, seven in the morning and 13 later.", "13", .hostagesReleased),
    // "One" before a name and a counted noun counts.
    ("One UN staff member was killed and five injured.", "One", .killed),
    // "found to have" is "were", not a recovery.
    ("Several were found to have lost a quarter of their body weight.", "Several", .other),
    // A release denied leaves its people held.
    ("The remains of the last two hostages have still not been returned.", "two", .hostagesHeld),
    // What people lost is no death of theirs; an item with a verb of its own after "have" is
    // no item of the list before.
    ("About 39,000 children have lost one or both parents.", "About 39,000", .other),
    ("At least 15,613 children have been killed, and about 39,000 have lost one or both parents.", "about 39,000", .other),
    // A later figure's verb past its breakdown is its own, not an earlier figure's.
    ("Floods damaged the tents of at least 27,000 families, the UN said, and three people, including a baby, died.", "at least 27,000", .other),
    // A figure with a verb of its own past its breakdown leaves an earlier figure's verb.
    ("He said four staff had been wounded and that some 80 patients, including six in intensive care, remained inside.", "some 80", .medevacNeeded),
    // A video (a statement, a list) released frees no one.
    ("Hamas released a video of a hostage, one of 20 hostages believed to be alive.", "20", .hostagesHeld),
    ("Hamas released footage of a hostage. Israel says 50 hostages are still in Gaza, of whom it believes 20 are alive.", "20", .hostagesHeld),
    // A wish to leave has not been granted.
    ("Some 12,000 patients are hoping to leave through Rafah.", "Some 12,000", .medevacNeeded),
    ("Some 5,000 patients had hoped to leave this week.", "Some 5,000", .medevacNeeded),
    // Using a crossing goes either way, unless the purpose says which.
    ("In total, 1,004 people have used the crossing since it reopened.", "1,004", .crossings),
    ("Some 200 patients used the crossing to leave for Egypt.", "Some 200", .medevacCompleted),
    // A specific verb after "be" is the predicate, past a cue describing a part.
    ("Israel freed 600 prisoners. The society said 97 of those freed would be sent abroad.", "97", .deported),
    // A need of shelter, food or aid is no need of treatment abroad.
    ("The UN said 1.5 million people were in need of emergency shelter.", "1.5 million", .other),
    ("About 500,000 people are in urgent need of food aid.", "About 500,000", .other),
    ("Some 12,000 patients are in need of medical evacuation.", "Some 12,000", .medevacNeeded),
    // Abducted people are hostages, whatever the noun.
    ("Of the roughly 250 people abducted on Oct. 7, 2023, about 100 remain in Gaza.", "roughly 250", .hostagesHeld),
    ("Of the roughly 250 people abducted on Oct. 7, 2023, about 100 remain in Gaza.", "about 100", .hostagesHeld),
    // The released side of an exchange for prisoners is hostages.
    ("Dozens were freed in a weeklong truce in exchange for 240 Palestinian prisoners.", "Dozens", .hostagesReleased),
    ("Twelve aid workers have been killed since the start of July.", "Twelve", .killed),
    ("Two of the injured later succumbed to their injuries.", "Two", .killed),
    ("The strike claimed the lives of 18 people, including six children.", "18", .killed),
    ("The strike claimed the lives of 18 people, including six children.", "six", .killed),
    // "left" is causative here, not leaving Gaza.
    ("A drone strike left 4 dead and 10 wounded.", "4", .killed),
    ("A drone strike left 4 dead and 10 wounded.", "10", .injured),
    ("Evacuations stood at 45 patients a day last week, down from 60.", "60", .medevacCompleted),
    // The predicate after a breakdown set off by commas is the whole's too.
    ("Eighteen critically ill patients, among them nine children, were evacuated to Jordan.", "Eighteen", .medevacCompleted),
    ("Egypt has received more than 3,000 wounded Palestinians for treatment.", "more than 3,000", .medevacCompleted),
    ("The first batch of 30 patients reached Al-Arish hospital.", "30", .medevacCompleted),
    // A bare number counting what a figure of the dead before it counted counts the dead.
    ("Israel has been releasing the bodies of 15 Palestinians; 195 have been returned so far.", "195", .remainsReturned),
    ("A total of 120 sick and wounded people, along with 150 relatives, left Gaza on Wednesday.", "120", .medevacCompleted),
    ("At least 14 patients on the evacuation list have died since January.", "At least 14", .diedAwaitingEvacuation),
    // A verb shared with the number after it ("left with 10 companions").
    ("Only 12 Palestinians entered Gaza on Monday, and 5 patients left with 10 companions.", "5", .medevacCompleted),
    ("Only 12 Palestinians entered Gaza on Monday, and 5 patients left with 10 companions.", "10", .medevacCompanions),
    ("Jordan has received 32 patients in a single airlift this month.", "32", .medevacCompleted),
    ("Some 15 patients left each day, while some 2,000-3,000 await approval.", "2,000-3,000", .medevacNeeded),
    // A fact box: the label before the colon says what is counted.
    ("Gaza in numbers\n\nKilled: 46,645\nMissing: more than 10,000\nPatients waiting: 12,000+", "12,000+", .medevacNeeded),
    ("Gaza in numbers\n\nKilled: 46,645\nMissing: more than 10,000\nPatients waiting: 12,000+", "46,645", .killed),
    // A longer label: its first counted noun outside brackets.
    ("Key figures\n\n- Hostages still held in Gaza: 59, including 35 believed dead", "59", .hostagesHeld),
    ("Key figures\n\n- Aid trucks entered since 19 January: 4,200 a week on average", "4,200", .aidTrucks),
    // Patients travelling with companions have left; a part "among" them is coded like them.
    ("Officials said 37 children were among the 50 patients, who were accompanied by 61 relatives.", "50", .medevacCompleted),
    ("Officials said 37 children were among the 50 patients, who were accompanied by 61 relatives.", "37", .medevacCompleted),
    ("Egypt says it is ready to receive as many as 600 patients a week.", "as many as 600", .medevacCompleted),
    // A running total raised by the figure before it takes that figure's indicator.
    ("The WHO evacuated 22 patients on Saturday, bringing the total since the ceasefire to 175.", "175", .medevacCompleted),
    ("Rescuers retrieved 57 bodies, bringing the number recovered since the ceasefire to 437.", "437", .bodiesRecovered),
    // The dead a hospital receives are deaths; the living listed after them keep their own
    // words, and a source's speech verb ends their clause.
    ("In the past 24 hours hospitals received 81 bodies and 300 injured people, the ministry said, adding that many remain under the rubble.", "81", .killed),
    ("In the past 24 hours hospitals received 81 bodies and 300 injured people, the ministry said, adding that many remain under the rubble.", "300", .injured),
    // (Also with words between the hospital and "received"; but the dead it takes in from a
    // handover told right after them are remains returned.)
    ("A hospital in Deir al-Balah said it had received the bodies of 25 people, 11 of them from one family.", "25", .killed),
    ("Al-Aqsa Martyrs Hospital said it had counted 44 bodies by nightfall.", "44", .killed),
    // (The value a change started from counts what the value it reached counts.)
    ("The death toll climbed to 45,028 on Monday from 44,976 on Sunday.", "44,976", .killed),
    ("The number of patients waiting rose to 18,500 from 16,000 in May.", "16,000", .medevacNeeded),
    // (A part of a whole no indicator counts, with no cue of its own, is no indicator's either.)
    ("Five more people died of hunger, the ministry said, raising the toll of hunger deaths to 175, among them 93 children.", "93", .other),
    ("Nasser Hospital received the bodies of 15 Palestinians returned by Israel on Tuesday.", "15", .remainsReturned),
    ("The hospital said it had received the bodies of 15 Palestinians handed over by Israel.", "15", .remainsReturned),
    ("Israel on Thursday received the remains of four hostages.", "four", .remainsReturned),
    ("About 300 people, according to the ministry, were killed overnight.", "About 300", .killed),
    ("More than 12,000 patients in Gaza are waiting to leave the enclave for treatment.", "12,000", .medevacNeeded),
    ("Israel has sent back the bodies of 150 Palestinians, the Red Cross said.", "150", .remainsReturned),
    ("On Tuesday, 210 people crossed back into the Strip.", "210", .crossedIn),
    // Soldiers freed are captives, with no word for hostages in the sentence.
    ("Four soldiers freed", "Four", .hostagesReleased),
    ("Rescuers were still searching for dozens believed buried under collapsed homes.", "dozens", .missing),
    ("About 1,200 Palestinians have crossed back into Gaza, and 600 people left for medical treatment.", "600", .medevacCompleted),
    ("WHO chief Tedros Adhanom Ghebreyesus said up to 14,000 people still needed to leave.", "14,000", .medevacNeeded),
    ("The Red Crescent said it had lost contact with nine of its paramedics in Rafah.", "nine", .missing),
    ("The UN said it was still searching for 13 aid workers.", "13", .missing),
    // A breakdown without a number is no predicate; a noun's own default does not pass to
    // another noun in a list.
    ("Officials said 400 Palestinians, including the wounded, would be allowed to leave each week.", "400", .crossedOut),
    ("The WHO said 25 patients and 60 staff had remained at the hospital.", "60", .other),
    // Deaths from the cold are no killings, nor is their running total.
    ("Two children died of cold in Khan Younis, bringing the number of winter deaths to 13.", "13", .other),
    // "found that" concludes; it recovers no bodies.
    ("A UN analysis found that nearly 70 per cent of those killed were women and children.", "70 per cent", .killed),
    // The receiving side with "for medical treatment"; people travelling with evacuated
    // patients are companions, whatever their noun.
    ("Italy received 31 children from Gaza on Wednesday for medical treatment, along with 90 family members.", "31", .medevacCompleted),
    ("Italy received 31 children from Gaza on Wednesday for medical treatment, along with 90 family members.", "90", .medevacCompanions),
    ("Ten patients left together with 61 family members on Monday.", "61", .medevacCompanions),
    // An adjective before the number gives way to the predicate after it.
    ("Talks on a second phase, under which the remaining 59 hostages would be freed, have yet to begin.", "59", .hostagesReleased),
    ("It completed the handover of 33 captives.", "33", .hostagesReleased),
    // A figure with a verb of its own does not take an earlier figure's.
    ("The ministry said five patients died, and that 95 medical staff and 10 patients remained inside.", "95", .other),
    ("The army says 350,000 residents have fled the city, while the UN says some 190,000 have moved south.", "190,000", .displaced),
    // A participle right after the noun describes; the verb after an auxiliary is the predicate.
    ("The society said about 70 prisoners freed in the exchanges so far had been exiled abroad.", "about 70", .deported),
    ("At least 1,600 patients have died before they could be evacuated.", "1,600", .diedAwaitingEvacuation),
    // The verb right after an earlier figure's noun phrase is that figure's, not a later one's.
    ("More than 4,000 aid trucks entered Gaza last week, the UN said, while tens of thousands of displaced people walked north.", "tens of thousands", .displaced),
    ("About 4,900 patients have been evacuated, while at least 10,000 more are still waiting.", "at least 10,000", .medevacNeeded),
    ("Hamas freed four Israeli soldiers, and Israel released 200 Palestinian prisoners.", "four", .hostagesReleased),
    // Flown, taken in or travelling abroad for treatment.
    ("Twenty-two children were flown to Italy on Thursday for treatment.", "Twenty-two", .medevacCompleted),
    ("Since November 2023, Italy has taken in 218 patients from Gaza.", "218", .medevacCompleted),
    ("Another 15 patients are due to travel to Italy in December.", "15", .medevacCompleted),
    // An item after "and" with a participle of its own is no item of the list before; a state
    // after a release is no part of it; a noun after "were" still shares the list's verb.
    ("Israel killed 17,400 children, and at least 17,000 have been separated from their parents.", "17,000", .other),
    ("Hamas released 3 hostages, and 19 are still held.", "19", .hostagesHeld),
    ("Strikes killed 40 people, and 12 were children.", "12", .killed),
    // Evacuation orders displace; a value compared with ("fewer than the 3,800 in 2024") is
    // coded as the figure it is compared with.
    ("Dozens of families were ordered to leave the Indonesian hospital.", "Dozens", .displaced),
    ("In 2025, the WHO helped evacuate 2,700 patients, fewer than the 3,800 in 2024.", "3,800", .medevacCompleted),
    // "Of the prisoners," names the whole, whatever a sentence without figures before it names.
    ("Hamas freed three hostages in exchange for 183 prisoners. The hostages appeared frail. Of the prisoners, 18 had been serving life sentences.", "18", .prisonersReleased),
    // Asking to leave is a need, not a departure.
    ("Around 20,000 people have asked to leave for treatment.", "20,000", .medevacNeeded),
    // Needing to be treated abroad is a need of evacuation.
    ("Some 12,000 people in Gaza still need to be treated abroad.", "12,000", .medevacNeeded),
    // A breakdown by age shares its whole's verb as the whole's people: the children are patients.
    ("Fifty patients, among them 30 children, were driven across the Rafah crossing into Egypt.", "30", .medevacCompleted),
    ("Fifty people, among them 30 children, crossed into Egypt.", "30", .crossedOut),
    // Dying before a departure is dying while awaiting evacuation; sheltering is displacement.
    ("Since the crossing reopened, 4 patients have died before their departure date.", "4", .diedAwaitingEvacuation),
    ("About 800,000 people are sheltering in al-Mawasi.", "800,000", .displaced),
    // A share of a population takes the predicate; the population it is a share of is no
    // count of the displaced.
    ("Roughly nine in ten of the strip's 2.1 million people had been forced from their homes.", "Roughly nine in ten", .displaced),
    ("Roughly nine in ten of the strip's 2.1 million people had been forced from their homes.", "2.1 million", .other),
    // A relative clause on a place says nothing of the people before it.
    ("Hundreds of thousands more remain in the city, which the army has ordered evacuated.", "Hundreds of thousands", .other),
    // A receiving country's medical corridor is an evacuation route; a lone paramedic counts.
    ("Jordan received 17 children on Wednesday under its medical corridor.", "17", .medevacCompleted),
    ("One paramedic remains missing.", "One", .missing),
    // Published figures free no one; departures leave and arrivals enter.
    ("Figures released by the Palestinian side show 1,850 departures and 1,420 arrivals at Rafah.", "1,850", .crossedOut),
    ("Figures released by the Palestinian side show 1,850 departures and 1,420 arrivals at Rafah.", "1,420", .crossedIn),
    // A verb that holds, after a participle describing the people, is their predicate.
    ("About 1,800 Gazans detained during the war remain in Israeli prisons.", "About 1,800", .prisonersHeld),
    // A sentence's opening whole reaches a number after a short reporting clause.
    ("Negotiators will discuss the exchange. Of the 48 hostages still in Gaza, Israel believes 20 are alive.", "20", .hostagesHeld),
    // Arriving in a receiving city, a receiving country as the subject; "family members" are
    // companions; "leaves 58 hostages in Gaza" holds them.
    ("Seventeen children from Gaza arrived in Rome on Tuesday night, together with 38 relatives.", "Seventeen", .medevacCompleted),
    ("Italy has now received more than 170 young patients since the start of the war.", "170", .medevacCompleted),
    ("Italy has taken in around 180 Gazan children since the start of the war.", "around 180", .medevacCompleted),
    ("Norway said it would receive 15 patients next week, while Spain has accepted 31.", "15", .medevacCompleted),
    ("Norway said it would receive 15 patients next week, while Spain has accepted 31.", "31", .medevacCompleted),
    ("A plane carrying 17 sick children and 38 relatives landed in Rome on Wednesday.", "17", .medevacCompleted),
    // A verb after the auxiliary is the figure's, even when the next number claims it too.
    ("Four Israeli soldiers were exchanged for 200 prisoners.", "Four", .hostagesReleased),
    ("A plane carrying 17 sick children and 38 relatives landed in Rome on Wednesday.", "38", .medevacCompanions),
    ("About 3,000 patients have been treated in European hospitals, the commission said.", "About 3,000", .medevacCompleted),
    ("About 3,000 patients have been treated in hospitals abroad.", "About 3,000", .medevacCompleted),
    ("Jordan received 17 children and their 24 family members on Wednesday, bringing the number of children it has treated this year to 130.", "24", .medevacCompanions),
    ("Jordan received 17 children and their 24 family members on Wednesday, bringing the number of children it has treated this year to 130.", "130", .medevacCompleted),
    ("His release leaves 58 hostages in Gaza.", "58", .hostagesHeld),
    // People a verb "leaves" behind do not leave; a clause opened by ", after" is another's.
    ("Israel kept the corridor closed, leaving tens of thousands of Palestinians waiting to return north, after Hamas failed to free a hostage.", "tens of thousands", .other),
    // Flights that carry patients to a receiving city evacuate them.
    ("Two flights carried 180 patients and 260 companions from Ramon airport to Abu Dhabi on Thursday.", "180", .medevacCompleted),
    ("Two flights carried 180 patients and 260 companions from Ramon airport to Abu Dhabi on Thursday.", "260", .medevacCompanions),
    // A cue across ", while" is another clause's when the figure has a predicate of its own;
    // people a verb leaves behind take the predicate after their breakdown.
    ("At least 38 people were killed, medics said, while the UN said 91 per cent of the population faced crisis levels of hunger.", "91 per cent", .other),
    ("The army said 480,000 people had left Gaza City for the south, while the UN put the figure at about 330,000.", "about 330,000", .displaced),
    ("No patients have left, leaving about 15,600 people, including 3,800 children, awaiting approval.", "about 15,600", .medevacNeeded),
    // A country prepared to receive patients plans an evacuation; the Red Cross preparing to
    // receive hostages, a release.
    ("Egypt had prepared to receive 200 patients on the first day.", "200", .medevacCompleted),
    ("The Red Cross said it was preparing to receive 20 living hostages on Monday.", "20", .hostagesReleased),
    // A week with "this" before it is a time, not a label: the people after it count.
    ("Earlier this week tens of thousands of displaced people walked north.", "tens of thousands", .displaced),
    // A bare number whose own verb only people undergo does not count the trucks before it.
    ("Some 200 aid trucks entered Gaza on Friday. At least 20 were killed in strikes.", "At least 20", .killed),
    ("Some 200 aid trucks entered Gaza on Friday. Another 30 entered on Saturday.", "30", .aidTrucks),
    // Nor does a total its own sentence names.
    ("Some 200 aid trucks entered. The strikes brought the number of dead to 300.", "300", .killed),
    // "others" are more of what the figure before counted.
    ("Hamas handed over the bodies of four more hostages on Tuesday. Twenty others remain in Gaza.", "Twenty", .hostagesHeld),
    // An order to leave around the number displaces.
    ("The military ordered tens of thousands of people to leave.", "tens of thousands", .displaced),
    // A count of prison terms counts the prisoners serving them.
    ("Of the prisoners released, 18 were serving life sentences, 54 long sentences and 111 had been detained in Gaza.", "54", .prisonersReleased),
    // The patients of a crossing total are evacuated.
    ("Israel has approved the exit of 1,340 people, including 520 patients.", "520", .medevacCompleted),
    // Taking hostages around the number.
    ("Gunmen killed about 1,200 people and took 251 hostage.", "251", .hostagesHeld),
    // A total raised after a list is the total of the item that counts what it names.
    ("214 patients and 301 companions left Gaza, bringing the total since February 2 to 388 patients.", "388", .medevacCompleted),
    // Companions listed after the patients, with words between, travel with them.
    ("A group of 29 children with cancer and their 52 companions flew out of Ramon airport.", "29", .medevacCompleted),
    ("A group of 29 children with cancer and their 52 companions flew out of Ramon airport.", "52", .medevacCompanions),
    // People named as such who "remain" somewhere are held only where the clause says
    // captives are; hostages, prisoners and a number that borrows its noun remain held.
    ("A dozen Palestinians died, while 400,000 residents remained cut off from aid.", "400,000", .other),
    ("Some 9,500 Palestinians remain in Israeli prisons.", "Some 9,500", .prisonersHeld),
    ("About 59 hostages remain in Gaza.", "About 59", .hostagesHeld),
    ("Of the roughly 250 people abducted on Oct. 7, 2023, about 100 remain in Gaza.", "about 100", .hostagesHeld),
    ("The rest of the deceased hostages, about 60, remain in Gaza.", "about 60", .hostagesHeld),
    // A wish or request to leave is a need for medical evacuation only for patients, or
    // where the sentence speaks of treatment or a health body speaks; else `other`.
    ("Some 12,000 people have registered to leave, the foreign ministry said, including 1,200 students.", "Some 12,000", .other),
    ("Some 12,000 people have registered to leave, the foreign ministry said, including 1,200 students.", "1,200", .other),
    ("About 20,000 people have asked to leave for treatment.", "About 20,000", .medevacNeeded),
    ("Some 12,000 patients are hoping to leave through Rafah.", "Some 12,000", .medevacNeeded),
    ("WHO chief Tedros said up to 14,000 people still needed to leave.", "up to 14,000", .medevacNeeded),
    ("Around 7,000 foreigners are waiting to leave.", "Around 7,000", .other),
    ("We had 300 patients ready to go on Sunday and not one could leave, a WHO official said.", "300", .medevacNeeded),
    // "awaiting permission to leave" is the need's leaving, not a departure.
    ("The number of patients awaiting permission to leave rose to 18,500 this week, the WHO said.", "18,500", .medevacNeeded),
    // "came in" enters; a verb after a companion aside is the figure's own.
    ("154 people left Gaza and 201 came in.", "201", .crossedIn),
    ("12 people returned to Gaza and five patients, each with two relatives, left for Egypt.", "five", .medevacCompleted),
    ("12 people returned to Gaza and five patients, each with two relatives, left for Egypt.", "two", .medevacCompanions),
    // More of those who travel, after patients and their companions, are more patients.
    ("Fifty sick children and 61 companions left on Saturday. A further 50 are due to leave on Sunday.", "50", .medevacCompleted),
    // A cue of a relative clause on another noun, after the figure's verb, is not the figure's.
    ("Gaza's health ministry said 67 people were killed in strikes that accompanied the operation.", "67", .killed),
    // Where the dead had sheltered makes them no displaced people.
    ("Strikes killed 50 people. Seven of the dead were children sheltering in a tent in Mawasi.", "Seven", .killed),
    // An evacuation ordered evacuates no one; the people who fled are displaced.
    ("Thousands of people fled Khan Younis after Israel ordered an evacuation of about a third of the area.", "Thousands", .displaced),
    // A rally held holds no one.
    ("Families held a rally in Tel Aviv on Thursday attended by thousands.", "thousands", .other),
    // A list item joined to a part "among" a number is a part too.
    ("Eight medics and six civil defence workers were among 15 emergency workers killed near Rafah.", "Eight", .killed),
    // A list after a colon that ends the whole's clause breaks the whole down.
    ("Hamas freed 24 hostages on Friday: 13 Israelis, 10 Thais and a Filipino.", "13", .hostagesReleased),
    ("Hamas freed 24 hostages on Friday: 13 Israelis, 10 Thais and a Filipino.", "10", .hostagesReleased),
    // "such deaths" after deaths that are no killings are none either.
    ("Eleven more people died of malnutrition in the past day, raising the total of such deaths to 300 since the war began.", "300", .other),
    // Released hostages treated in hospital are no medical evacuation.
    ("Two of the released hostages needed hospital treatment.", "Two", .other),
    // Bodies said to have been recovered are recoveries, wherever they were taken.
    ("Hospitals received the bodies of nine people recovered from the rubble.", "nine", .bodiesRecovered),
    // A death "since mid-2024 while waiting": a hyphen inside a word does not end a cue's gap.
    ("An estimated 1,000 patients have died since mid-2024 while waiting to leave.", "An estimated 1,000", .diedAwaitingEvacuation),
    // Patients who went to a receiving country were evacuated.
    ("Some 4,700 patients were evacuated. Most went to Egypt (2,100) and Jordan (300).", "2,100", .medevacCompleted),
    // Relatives who travelled with them are companions.
    ("Some 4,700 patients were evacuated. At least 1,200 relatives travelled with them.", "At least 1,200", .medevacCompanions),
    // The whole of a share that "accounted for" it is described by its own participle.
    ("Children accounted for one in three of the 4,700 patients medically evacuated from Gaza.", "4,700", .medevacCompleted),
    ("Half of the 600 trucks entered on Monday.", "600", .other),
    // The other side of an exchange past "the last".
    ("Israel freed 1,968 prisoners in exchange for the last 20 living hostages held in Gaza.", "20", .hostagesReleased),
    // Companions listed after evacuated patients travelled with them.
    ("The UAE has received the largest number, about 1,500 patients and 2,400 companions, the WHO said.", "2,400", .medevacCompanions),
    // The receiving side "since the crossing opened".
    ("The Red Crescent said it had received 310 patients since the crossing opened on February 2.", "310", .medevacCompleted),
    // "one" before a word for the dead or the living and a counted noun counts that noun.
    ("Israel identified the remains, leaving one deceased hostage still in Gaza.", "one", .hostagesHeld),
    // A receiving country's offer is an evacuation, planned.
    ("Italy has offered to take 100 more children.", "100", .medevacCompleted),
    // A time after the counted noun ends its phrase: the prisoners are counted, not hours.
    ("Hamas freed three hostages, and Israel freed 369 Palestinian prisoners hours later.", "369", .prisonersReleased),
    // (A time ends the phrase of a bare number too: the 13 count no hours.)
    ("Hamas freed the hostages in two groups, seven in the morning and 13 a few hours later.", "13", .hostagesReleased),
    // A breakdown set off by dashes, like one set off by commas, leaves the predicate after it.
    ("Only 41 left, leaving more than 16,500 people - including 4,000 children - on a waiting list.", "16,500", .medevacNeeded),
    // An infinitive completes the participle's phrase ("waiting to be evacuated").
    ("At least 1,092 patients died between July 2024 and November 2025 while waiting to be evacuated.", "1,092", .diedAwaitingEvacuation),
    // "were crossing" is a verb (not "the crossing", a place).
    ("Before the crossing was closed in May 2024, up to 50 patients were crossing daily.", "50", .medevacCompleted),
    // People "held back" at a crossing are denied.
    ("The WHO said 60 patients were to leave but that 33 were held back.", "33", .crossingDenied),
    // Convoys that were blocked entered no aid.
    ("Twelve convoys were blocked or impeded by Israeli authorities, OCHA said.", "Twelve", .other),
    // A cap on patients caps those who leave; deaths "before their turn came" await it.
    ("Under the deal, a cap of 50 patients a day applies at the crossing.", "50", .medevacCompleted),
    ("Israel set a limit of 600 trucks a day.", "600", .aidTrucks),
    ("At least 12 patients died before their turn came, the ministry said.", "At least 12", .diedAwaitingEvacuation),
    ("WHO said 560 patients had died since July while on the waiting list.", "560", .diedAwaitingEvacuation),
    // A receiving side that expects patients takes them in.
    ("The ministry said it expected to receive 50 patients a day under the agreement.", "50", .medevacCompleted),
    // Deaths "of malnutrition-related causes" are no killing.
    ("At least 460 people have died of malnutrition-related causes since the war began.", "460", .other),
    // Another's estimate of the figure before comes before a cue to its left.
    ("Officials said 64 people were refused exit, a figure others put at closer to 100.", "100", .crossingDenied),
  ]

  /// Movement inside the Strip is not a border crossing.
  @Test func crossingIntoAnotherPartOfGazaIsNoBorderCrossing() throws {
    let north = try #require(figure("More than 300,000 displaced Palestinians crossed into northern Gaza on Monday.", "More than 300,000"))
    #expect(north.indicator != .crossedOut && north.indicator != .crossedIn, "\(north.indicator)")
    let across = try #require(figure("More than 376,000 people crossed from southern to northern Gaza, the UN said.", "More than 376,000"))
    #expect(across.indicator != .crossedOut && across.indicator != .crossedIn, "\(across.indicator)")
    let egypt = try #require(figure("More than 300 Palestinians crossed into Egypt on Monday.", "More than 300"))
    #expect(egypt.indicator == .crossedOut)
    let city = try #require(figure("More than 480,000 people had left Gaza City for the south.", "More than 480,000"))
    #expect(city.indicator == .displaced)
    #expect(try #require(figure("Some 100,000 people fled Khan Younis on Monday.", "Some 100,000")).indicator == .displaced)
    let corridor = try #require(figure("More than 200,000 people had crossed the Netzarim corridor by midday.", "More than 200,000"))
    #expect(corridor.indicator != .crossedOut && corridor.indicator != .crossedIn, "\(corridor.indicator)")
    let home = try #require(figure("More than 300,000 displaced Palestinians have returned to northern Gaza since Monday.", "More than 300,000"))
    #expect(home.indicator == .displaced)
    #expect(try #require(figure("Only 12 Palestinians returned to Gaza through Rafah.", "12")).indicator == .crossedIn)
    let town = try #require(figure("A few dozen families had returned to Beit Hanoun by Friday.", "A few dozen"))
    #expect(town.indicator != .crossedIn, "\(town.indicator)")
    let back = try #require(figure("More than 500,000 people have crossed back to northern Gaza since January 27.", "500,000"))
    #expect(back.indicator != .crossedIn, "\(back.indicator)")
    let goingNorth = try #require(figure("Thousands of displaced Palestinians waited after Israel delayed their return north.", "Thousands"))
    #expect(goingNorth.indicator != .crossedIn, "\(goingNorth.indicator)")
    // Nor does a verb of entering that a return inside the Strip shares make it a crossing.
    let shared = "Around 600 trucks a day have entered, while some 300,000 people have walked back to the north."
    #expect(try #require(figure(shared, "some 300,000")).indicator == .other)
    #expect(try #require(figure(shared, "Around 600")).indicator == .aidTrucks)
  }

  /// A reference back repeats the figure it names: a whole opening its sentence ("Of the
  /// 369,") takes the earlier figure's indicator rather than its part's predicate; "the three
  /// men", with nothing else to code them, count what the three counted; "Of them," opening a
  /// sentence makes its numbers parts of the figure before. "The two" refers to no figure.
  @Test func aDeathTollIsNoCountOfTheBodiesBefore() throws {
    // A bare number a sentence names as a death toll counts the dead, though the sentence
    // before counted bodies recovered.
    let text = "Crews recovered the bodies of 14 people from the rubble. The ministry put the death toll at 69,733."
    #expect(try #require(figure(text, "69,733")).indicator == .killed)
    #expect(try #require(figure(text, "14")).indicator == .bodiesRecovered)
    // A total of bodies returned still borrows the bodies ("the number returned so far").
    let returned = "Israel returned 15 bodies. The ministry put the number returned so far at 195."
    #expect(try #require(figure(returned, "195")).indicator == .remainsReturned)
  }

  @Test func aDeadPartOfAHostageFigureIsLeftToItsWhole() throws {
    let text = "Hamas will free 33 hostages during the first phase, eight of whom are dead."
    #expect(try #require(figure(text, "eight")).indicator == .hostagesReleased)
    #expect(try #require(figure(text, "33")).indicator == .hostagesReleased)
    // Also when the whole borrows its hostages from the sentence before.
    let further = "Hamas has freed 16 hostages. A further 33 are to be freed, eight of whom are dead."
    #expect(try #require(figure(further, "eight")).indicator == .hostagesReleased)
    // The dead among "the remaining" hostages are still held, whatever the figure before.
    let remaining = "Under the truce, 15 hostages have now been released, and Israel says eight of the remaining 18 are dead."
    #expect(try #require(figure(remaining, "eight")).indicator == .hostagesHeld)
    // People killed, told as a part of others, are killed.
    let killed = "Strikes hit 40 homes, and 12 people were killed, three of whom were children."
    #expect(try #require(figure(killed, "three")).indicator == .killed)
  }

  /// People "accompanied by" others after them are not the companions: patients so
  /// accompanied are the evacuated, and the other items of their list are not companions
  /// either.
  @Test func thoseAccompaniedAreNotTheCompanions() throws {
    let text = "Egypt let 118 people cross into Egypt from Gaza on Thursday. "
      + "They included 45 foreign nationals, 38 students and 35 patients, some accompanied by relatives."
    let found = figures(text)
    #expect(found.map(\.indicator) == [.crossedOut, .crossedOut, .crossedOut, .medevacCompleted])
    // A word for companions used as a noun ("and their escorts") is no verb of accompanying.
    let bus = figures("A bus carrying 25 patients and their escorts pulled into the Egyptian side of the crossing.")
    #expect(bus.map(\.indicator) == [.medevacCompleted])
    let aside = figures("On Monday, 12 patients, accompanied by 20 relatives, left Gaza.")
    #expect(aside.map(\.indicator) == [.medevacCompleted, .medevacCompanions])
    // The companions themselves, told by the verb, still are.
    #expect(try #require(figure("Twelve relatives accompanied the patients to Jordan.", "Twelve")).indicator == .medevacCompanions)
  }

  /// A sentence opened by words that refer back ("They included", "Among them were") lists
  /// parts of the figure before it: with no cue of their own they count what it counted, on
  /// its day; a cue of their own still codes them.
  @Test func aListOpenedByTheyIncludedBreaksDownTheFigureBefore() throws {
    let text = "Israeli strikes killed 42 people on Tuesday. Among the dead were 11 children. They included 3 doctors."
    let found = figures(text, published: "2025-06-15")
    #expect(found.map(\.indicator) == [.killed, .killed, .killed])
    #expect(found.map { $0.date?.description } == ["2025-06-10", "2025-06-10", "2025-06-10"])
    let crossing = figures("Egypt let 118 people cross into Egypt on Thursday. Among them were 20 children.", published: "2025-06-15")
    #expect(crossing.map(\.indicator) == [.crossedOut, .crossedOut])
    // So does a subject that names the people, then "who included".
    let who = figures(
      "The WHO evacuated 155 patients and 216 companions on Wednesday. "
        + "The patients, who included 47 children, were taken to hospitals in Jordan.", published: "2025-06-05")
    #expect(who.map(\.indicator) == [.medevacCompleted, .medevacCompanions, .medevacCompleted])
    #expect(who.last?.date?.description == "2025-06-04")
    // Other openings are no reference back.
    let own = figures("Egypt let 118 people cross into Egypt on Thursday. They said 20 children were wounded.")
    #expect(own.last?.indicator == .injured)
  }

  /// Bodies a hospital takes in are deaths; a list item named by its wound after "of" is
  /// wounded, whatever verb its list shares.
  @Test func bodiesAHospitalTakesInAreDeathsAndTheWoundedAreWounded() throws {
    let text = "Nasser Hospital in Khan Younis said it took in another 14 bodies and dozens of wounded."
    #expect(figures(text).map(\.indicator) == [.killed, .injured])
    let scores = figures("Strikes killed 40 people and scores of injured were taken to hospital.")
    #expect(scores.map(\.indicator) == [.killed, .injured])
  }

  /// A share of a population whose size follows it ("90% of Gaza's population of about 2.1
  /// million") takes the predicate; the population is no indicator's.
  @Test func aShareOfAPopulationOfNTakesThePredicate() throws {
    let found = figures("The UN says roughly 90% of Gaza's population of about 2.1 million has been displaced.")
    #expect(found.map(\.indicator) == [.displaced, .other])
    #expect(found.map(\.unit) == [.ratio, .people])
    // Ceasefires and exchanges are no one.
    let twice = "Since the start of the war, 147 hostages have been returned alive, most of them in two ceasefires."
    #expect(figures(twice).map(\.text) == ["147"])
    // A share of structures counts no one.
    let structures = "The UN says 90% of the population has been displaced, and 78 percent of all structures damaged."
    #expect(figures(structures).map(\.text) == ["90%"])
  }

  /// After a participle that describes the people ("hostages held in Gaza"), a verb after an
  /// auxiliary is the predicate.
  @Test func aVerbAfterADescribingParticipleIsThePredicate() throws {
    let text = "All 20 living hostages held in Gaza were returned to Israel on Monday."
    #expect(try #require(figure(text, "20")).indicator == .hostagesReleased)
    // A verb of the people's own right after them ("remain") stays theirs.
    #expect(try #require(figure("About 1,800 Gazans detained during the war remain in Israeli prisons.", "1,800")).indicator == .prisonersHeld)
  }

  /// The parts of an opening whole that counts things ("Of the 51 missions planned,") are
  /// those things, not people borrowed from the sentence before; the bodies of Palestinians
  /// held fit no indicator, those of hostages are hostages held.
  @Test func partsOfThingsAreThingsAndBodiesHeldAreNoPrisoners() throws {
    let missions = "Hamas holds the bodies of 28 hostages. Of the 51 missions planned, 30 were denied outright and 12 impeded."
    let found = figures(missions)
    #expect(found.map(\.text) == ["28"])
    #expect(found.map(\.indicator) == [.hostagesHeld])
    #expect(try #require(figure("Israel holds the bodies of 735 Palestinians, rights groups say.", "735")).indicator == .other)
  }

  /// A part that names its people ("230 of the patients") is of the last figure that counts
  /// them, not of the figure just before it; a receiving side reaches past a list to "from
  /// Gaza"; an order to evacuate a city evacuates no patients.
  @Test func aNamedPartIsOfTheFigureThatCountsItsPeople() {
    let text = "Egypt's health ministry said it had received 1,512 patients and 2,430 companions from Gaza, "
      + "and that 230 of the patients were children under 12. Of the patients received, 90 were in critical condition."
    #expect(figures(text).map(\.indicator) == [.medevacCompleted, .medevacCompanions, .medevacCompleted, .medevacCompleted])
    let order = "About 320,000 people have left Gaza City since the military ordered its evacuation on September 9."
    #expect(figures(order).map(\.indicator) == [.displaced])
  }

  /// An opening that names its whole ("Among the patients were") is of the last figure that
  /// counts those people; one that tells what happened to it ("Of those freed,") is of the
  /// last larger figure coded as that event.
  @Test func anOpeningWholeIsTheFigureItNamesOrTells() {
    let among = "WHO evacuated 41 patients and 145 companions to Jordan. Among the patients were 23 children."
    #expect(figures(among).map(\.indicator) == [.medevacCompleted, .medevacCompanions, .medevacCompleted])
    let freed = "Israel released 1,968 detainees in exchange for the last 20 living hostages held in Gaza. "
      + "Of those freed, 250 were serving long sentences, while some 1,718 had been detained during the war."
    #expect(figures(freed).map(\.indicator) == [.prisonersReleased, .hostagesReleased, .prisonersReleased, .prisonersReleased])
    #expect(figures(freed).map(\.group) == ["prisoners", "hostages", "prisoners", "prisoners"])
  }

  /// Items joined by "and" share the plan and the rate that close their clause, also after a
  /// verb of saying; a bare number counts what the next counts.
  /// Bare numbers count the people their own sentence names before them (with no figure that
  /// names what it counts between), not an earlier sentence's figure.
  @Test func bareNumbersCountThePeopleTheirSentenceNames() {
    let text =
      "Israel freed 1,968 Palestinian prisoners. The Red Cross said it had facilitated the release of the hostages in two groups, seven in the morning and 13 a few hours later."
    let found = figures(text)
    #expect(found.map(\.indicator) == [.prisonersReleased, .hostagesReleased, .hostagesReleased])
    // (With no people named in their sentence, they still count the figure before.)
    let before = figures("Israel freed 1,968 Palestinian prisoners. Buses took 700 to Ramallah and 300 to Gaza.")
    #expect(before.map(\.indicator) == [.prisonersReleased, .prisonersReleased, .prisonersReleased])
  }

  @Test func listItemsShareTheirClausesPlanAndRate() {
    let text = "Officials saying 50 sick Palestinians and 100 relatives would be allowed out each day."
    let found = figures(text)
    #expect(found.map(\.modality) == [.planned, .planned])
    #expect(found.map(\.per) == ["day", "day"])
    // (A rate right after the next number is that number's own, unless the item is a bare
    // number like it; "or" joins as "and" does.)
    #expect(figures("Some 6,700 trucks and 145 a day entered.").map(\.per) == [nil, "day"])
    #expect(figures("Between them, 75 and 110 a day entered in those months.").map(\.per) == ["day", "day"])
    // A bare number counts what the next one counts.
    let leaving = figures("Officials said two or three patients were allowed to leave through Rafah every day.")
    #expect(leaving.map(\.per) == ["day", "day"])
    #expect(leaving.map(\.indicator) == [.medevacCompleted, .medevacCompleted])
    let trucks = figures("An average of 75 and 110 trucks a day entered in August and September respectively.")
    #expect(trucks.map(\.unit) == [.trucks, .trucks])
    #expect(trucks.map(\.indicator) == [.aidTrucks, .aidTrucks])
  }

  /// "N of them" after a short subject and a comma ("The patients, 11 of them children,")
  /// are of the last figure that counts what the subject names, not of the last figure.
  @Test func aPartOfTheSubjectBeforeItsCommaIsOfWhatTheSubjectNames() {
    let text = "Egypt received 27 patients and 54 companions on Thursday. "
      + "The patients, 11 of them children, were taken by ambulance to hospitals in Cairo. Five of them were critical."
    #expect(figures(text).map(\.indicator) == [.medevacCompleted, .medevacCompanions, .medevacCompleted, .medevacCompleted])
  }

  /// The dead of an opening are the deaths the whole counted.
  @Test func theDeadOfAnOpeningAreTheWholesDeaths() {
    let text = "At least 1,092 patients died while waiting to be evacuated. Among the dead were 140 children."
    #expect(figures(text).map(\.indicator) == [.diedAwaitingEvacuation, .diedAwaitingEvacuation])
    let killed = "Strikes killed 40 people on Monday. Among the dead were 12 children."
    #expect(figures(killed).map(\.indicator) == [.killed, .killed])
  }

  /// A reference back with no cue that codes it is what the figure it names again was.
  @Test func aReferenceBackWithNoCueIsWhatItNames() {
    let text = "Hamas freed four hostages on Saturday. The army confirmed the four have crossed into Israel."
    #expect(figures(text).map(\.indicator) == [.hostagesReleased, .hostagesReleased])
  }

  /// A number after a semicolon borrows no group from the clause before it.
  @Test func aClauseAfterASemicolonBorrowsNoGroup() throws {
    let text = "Israel says 3 hostages' bodies identified; Gaza reports 25 killed"
    #expect(try #require(figure(text, "25")).group == "people")
  }

  /// A whole after "out of" counts what its part counted: hospitals are no one.
  @Test func aWholeAfterOutOfCountsWhatItsPartCounted() throws {
    let text = "About 360 health workers remain in Israeli detention. Half a dozen hospitals still function, out of 36 before the war."
    #expect(figures(text).map(\.text) == ["About 360"])
    let patients = figures("Three patients, out of 40 on the list, left on Monday.")
    #expect(patients.map(\.group) == ["patients", "patients"])
  }

  /// A total that deaths which are no killing raise counts such deaths, and a part of those
  /// deaths takes no cue from the total's clause; a total raised by killings is killed.
  @Test func aTotalRaisedByDeathsThatAreNoKillingCountsSuchDeaths() {
    let hunger = "The ministry said 16 people had died of malnutrition over the past week, 4 of them children, "
      + "bringing the toll since the war began to 197."
    #expect(figures(hunger).map(\.indicator) == [.other, .other, .other])
    let strikes = "Strikes killed 40 people on Monday, 12 of them children, bringing the death toll to 60,000."
    #expect(figures(strikes).map(\.indicator) == [.killed, .killed, .killed])
  }

  /// A crowd that gathers counts no indicator's people, whatever the sentence is about.
  @Test(arguments: [
    "Buses carrying the freed prisoners arrived in Ramallah, where crowds of about 2,000 people had gathered.",
    "Thousands gathered in Tel Aviv to demand a deal for the hostages.",
    "The rally for the hostages was attended by some 100,000 people.",
    "Thousands of people gathered in Ramallah and Khan Younis to welcome the freed prisoners.",
  ])
  func aCrowdIsNoIndicators(_ sentence: String) {
    #expect(figures(sentence).map(\.indicator) == [.other])
  }

  /// A captivity told in the past perfect has ended: the three hostages freed before, "had
  /// been held for 491 days", are the released three; hostages named with no reference back
  /// are still held.
  @Test func aCaptivityInThePastPerfectHasEnded() throws {
    let text = "Hamas freed three hostages on Saturday. The three hostages, all men, had been held for 491 days."
    #expect(figures(text).map(\.indicator) == [.hostagesReleased, .hostagesReleased])
    #expect(figures("By then 59 hostages had been held for over 500 days.").map(\.indicator) == [.hostagesHeld])
  }

  @Test func remainsAfterPeopleIsTheirVerb() throws {
    // "the population remains displaced": a verb, not the remains of the dead.
    let f = try #require(figure("Roughly 90 per cent of the population remains displaced.", "90 per cent"))
    #expect(f.indicator == .displaced)
    #expect(f.unit == .ratio)
    #expect(try #require(figure("Hamas handed over the hostage remains of four men.", "four")).indicator == .remainsReturned)
  }

  @Test func referencesBackRepeatTheFigureTheyName() throws {
    let exchange = figures(
      "Hamas freed three Israeli hostages on Saturday, and Israel released 369 Palestinian prisoners in return. "
        + "Of the 369, 333 had been detained in Gaza during the war. The three men were taken to a hospital in Tel Aviv.",
      published: "2025-02-16")
    #expect(exchange.map(\.text) == ["three", "369", "369", "333", "three"])
    #expect(
      exchange.map(\.indicator) == [
        .hostagesReleased, .prisonersReleased, .prisonersReleased, .prisonersReleased, .hostagesReleased,
      ])
    let parts = figures("Israel released 183 Palestinians. Of them, 18 were serving life sentences and 54 had long sentences.")
    #expect(parts.map(\.indicator) == [.prisonersReleased, .prisonersReleased, .prisonersReleased])
    let two = figures("Hamas freed two hostages on Saturday. The two men later met reporters.")
    #expect(two.map(\.indicator) == [.hostagesReleased, .other])
  }

  /// A verb that passes a state on ("were declared dead", "are believed to be") leaves the
  /// cue after it to the part it follows, not the whole before: the 179 casualties are not all
  /// dead. The day of the war a day's number names is no figure ("On day 100, 30 people ...").
  @Test func aPartsStatusIsNotItsWholes() throws {
    let text = "The field hospital said it had received 179 casualties, 21 of whom were declared dead on arrival."
    #expect(try #require(figure(text, "179")).indicator != .killed)
    #expect(try #require(figure(text, "21")).indicator == .killed)
    #expect(figures("On day 100, 30 people were killed.").map(\.text) == ["30"])
    #expect(figures("On the day 30 people were killed, the hospital closed.").map(\.text) == ["30"])
  }

  /// A number right after a verb of passing or counting, with no noun of its own, counts the
  /// clause's subject.
  @Test(arguments: [
    ("Trucks carrying flour topped 150 on Sunday.", "topped 150", Indicator.aidTrucks, CountUnit.trucks),
    ("Aid trucks entering Gaza exceeded 600 on Sunday.", "exceeded 600", .aidTrucks, .trucks),
    ("The dead numbered at least 45.", "at least 45", .killed, .people),
  ])
  func aNumberAfterACountingVerbCountsTheSubject(_ sentence: String, _ mention: String, _ indicator: Indicator, _ unit: CountUnit) throws {
    let f = try #require(figure(sentence, mention))
    #expect(f.indicator == indicator)
    #expect(f.unit == unit)
  }

  @Test(arguments: cases)
  func indicator(_ sentence: String, _ mention: String, _ expected: Indicator) throws {
    let f = try #require(figure(sentence, mention), "no figure \(mention)")
    #expect(f.indicator == expected)
  }

  @Test func everyIndicatorHasATest() {
    let tested = Set(Self.cases.map { $0.2 })
    let missing = Indicator.allCases.filter { $0 != .other && !tested.contains($0) }
    #expect(missing.isEmpty, "untested: \(missing)")
  }

  @Test func aCountOfPeopleThatFitsNoIndicatorIsOther() throws {
    let f = try #require(figure("Some 300 students sat the exams.", "300"))
    #expect(f.indicator == .other)
  }

  /// `killed` counts people killed by violence (codebook section 4): deaths from hunger,
  /// disease or cold fit no indicator.
  @Test(arguments: [
    ("At least 10 children have died of malnutrition and dehydration at the hospital.", "At least 10", Indicator.other),
    ("The ministry said 66 children had died from malnutrition since October.", "66", .other),
    ("Three more people starved to death on Sunday.", "Three", .other),
    ("The number of starvation deaths rose to 175.", "175", .other),
    ("At least 57 children have died from the effects of malnutrition since March 2.", "At least 57", .other),
    ("At least 12 people have died of the cold since November began.", "At least 12", .other),
    ("Two people died of their wounds.", "Two", .killed),
    // A part "of them" that only "died" died as its whole did.
    ("At least 147 people have died of malnutrition this year. Nine of them died in the past day.", "Nine", .other),
    ("Strikes killed 40 people on Monday. Nine of them died in hospital.", "Nine", .killed),
    // Treatment for malnutrition (in Gaza) is no medical evacuation, "required" or "needed".
    ("Around 90,000 women and children require treatment for malnutrition.", "Around 90,000", .other),
    ("At least 28 people died in the strike.", "At least 28", .killed),
  ])
  func deathsThatAreNotKillings(_ sentence: String, _ mention: String, _ expected: Indicator) throws {
    #expect(try #require(figure(sentence, mention)).indicator == expected)
  }

  @Test func breakdownsTakeTheIndicatorOfTheirTotal() throws {
    let text = "As many as 9,900 people have been killed in the war, including at least 1,400 Israelis and 32 Americans."
    let found = figures(text, published: "2023-11-01")
    #expect(found.map(\.indicator) == [.killed, .killed, .killed])
    #expect(found.map(\.group) == ["people", "israelis", "americans"])
  }

  /// A list right after the whole's noun phrase and a colon breaks it down, whatever verb
  /// describes a part ("detained in Gaza during the war" released prisoners).
  @Test func aListAfterAColonBreaksTheWholeDown() throws {
    let text = "Israel released 1,968 Palestinians: 250 serving long or life sentences and 1,718 detained in Gaza during the war."
    #expect(figures(text).map(\.indicator) == [.prisonersReleased, .prisonersReleased, .prisonersReleased])
    // A colon after the whole's verb is no breakdown: the parts' own verbs code them.
    let both = "Over two weeks, 1,120 people went through Rafah: 470 left Gaza and 650 came back."
    #expect(figures(both).map(\.indicator) == [.crossings, .crossedOut, .crossedIn])
  }

  @Test func partsTakeTheIndicatorOfTheWhole() throws {
    let text = """
      Israel freed 183 Palestinian prisoners on Saturday. At least 73 of these Palestinians had been serving life sentences.
      """
    let found = figures(text)
    #expect(found.map(\.indicator) == [.prisonersReleased, .prisonersReleased])
  }

  /// "Of the prisoners, 18 ... and 111 ...": parts of the prisoners released before, even when
  /// their own predicate tells how they came to be held.
  @Test func partsOfAnOpeningPhraseTakeTheWhole() throws {
    let text = """
      Israel freed 183 Palestinian prisoners on Saturday. \
      Of the prisoners, 18 were serving life terms and 111 had been detained in Gaza during the war.
      """
    let found = figures(text)
    #expect(found.map(\.indicator) == [.prisonersReleased, .prisonersReleased, .prisonersReleased])
    #expect(found.map(\.group) == ["prisoners", "prisoners", "prisoners"])
    // Without an opening phrase, an arrest is an arrest.
    #expect(figures("Israeli forces detained 111 people in Gaza.").map(\.indicator) == [.detained])
  }

  /// A list item with a verb of its own does not share the verb of the item before it.
  @Test(arguments: [
    ("Israeli strikes killed 40 people, and 2 children died of hunger.", [Indicator.killed, .other]),
    ("Hamas returned the remains of nine deceased hostages, and 19 are still held in Gaza.", [.remainsReturned, .hostagesHeld]),
    ("The army killed 12 fighters and 3 civilians were wounded.", [.killed, .injured]),
    // One list, one verb: the verb after the last item is shared.
    ("The remains of 23 Israeli and three foreign hostages have been handed over.", [.remainsReturned, .remainsReturned]),
    ("On Thursday, 19 patients and 28 companions crossed into Egypt.", [.medevacCompleted, .medevacCompanions]),
  ])
  func aListItemWithItsOwnVerbKeepsIt(_ sentence: String, _ expected: [Indicator]) {
    #expect(figures(sentence).map(\.indicator) == expected)
  }

  /// "handed over four coffins": "over" is the verb's particle, not "more than"; the dead
  /// named after them are remains too; a plan reaches over "the remains of" and a list item
  /// after "next week", and "living" hostages in that list are not remains.
  @Test func anExchangeOfRemainsAndHostages() throws {
    let text = """
      Hamas handed over four coffins on Thursday, which it said contained the bodies of Shiri \
      Bibas and her two young sons. Hamas is due to return the remains of four more hostages \
      next week, and six living hostages on Saturday. Israel is to free 602 prisoners, \
      including 50 serving life sentences.
      """
    let found = figures(text, published: "2025-02-20")
    #expect(found.map(\.text) == ["four", "two", "four", "six", "602", "50"])
    #expect(found.map(\.qualifier)[0] == .exact)
    #expect(found.map(\.indicator) == [.remainsReturned, .remainsReturned, .remainsReturned, .hostagesReleased, .prisonersReleased, .prisonersReleased])
    #expect(found.map(\.modality) == [.actual, .actual, .planned, .planned, .planned, .planned])
    #expect(found.map { $0.date?.description } == ["2025-02-20", "2025-02-20", "2025-02-27", "2025-02-22", "2025-02-20", "2025-02-20"])
  }

  /// A receiving country's offer ("offered to take") is planned, like "agreed to receive".
  @Test func anOfferToReceiveIsPlanned() throws {
    #expect(try #require(figure("Italy has offered to take 100 more children.", "100")).modality == .planned)
    #expect(try #require(figure("Jordan agreed to receive 2,000 children.", "2,000")).modality == .planned)
  }

  /// An item listed after a release, told by how its people came to be held, is released
  /// too, and shares the plan.
  @Test func anItemAfterAReleaseIsReleased() throws {
    let text = "Israel would free 250 life-sentence prisoners plus 1,700 Gazans detained after October 7, 2023."
    let f = try #require(figure(text, "1,700"))
    #expect(f.indicator == .prisonersReleased)
    #expect(f.modality == .planned)
    #expect(f.periodStart == nil)
    let listed = "Israel will free 250 prisoners serving life sentences and 1,700 Gazans detained after October 7, 2023."
    let g = try #require(figure(listed, "1,700"))
    #expect(g.indicator == .prisonersReleased)
    #expect(g.modality == .planned)
  }

  /// A later figure's verb is not an earlier one's; an earlier one's may serve a clause
  /// that leaves it out.
  @Test func aLaterFiguresVerbIsItsOwn() throws {
    let text = """
      In exchange, Israel freed about 1,950 Palestinian prisoners. Buses carrying 1,718 detainees \
      arrived at Nasser hospital, while 96 prisoners were taken to Ramallah and 154 were deported.
      """
    let coded = figures(text).map(\.indicator)
    #expect(coded == [.prisonersReleased, .prisonersReleased, .prisonersReleased, .deported])
    let gapped = figures("Twenty people were killed in Rafah and 15 in Khan Younis.")
    #expect(gapped.map(\.indicator) == [.killed, .killed])
    let named = figures("Hamas released 3 hostages and Israel 183 prisoners who had been held for years.")
    #expect(named.map(\.indicator) == [.hostagesReleased, .prisonersReleased])
  }

  /// "them" after a sentence with no figure are what it names first; a bare number after "and"
  /// is another item; "a further 111" continues the release before it.
  @Test func partsAndItemsAcrossSentences() throws {
    let text = """
      Israel has released 183 Palestinian prisoners in exchange for three Israeli captives. \
      The freed Palestinians arrived in Ramallah, where they were greeted by relatives. \
      Seven of them were taken to hospital, the Red Crescent said. \
      Among those released were 18 serving life sentences and 54 serving long sentences. \
      A further 111 had been detained in Gaza after October 7, 2023, without charge.
      """
    let coded = figures(text)
    #expect(coded.map(\.text) == ["183", "three", "Seven", "18", "54", "111"])
    #expect(coded.dropFirst(2).map(\.indicator) == Array(repeating: .prisonersReleased, count: 4))
    #expect(coded[2].group == "prisoners")
  }

  /// "the 33" with no noun of its own counts what the last 33 counted.
  @Test func aNumberReferringBackCountsWhatItRefersTo() throws {
    let text = """
      Under the deal, 33 hostages are to be freed in exchange for about 1,900 prisoners. \
      Israel believes eight of the 33 are dead.
      """
    let coded = figures(text)
    #expect(coded.map(\.text) == ["33", "about 1,900", "eight", "33"])
    #expect(coded[2].group == "hostages")
    #expect(coded[2].indicator == .hostagesHeld)
    #expect(coded[3].group == "hostages")
    // Remains left behind are held; protesters are people, not the hostages before them.
    let left = figures("Hamas handed over the bodies of four deceased hostages, leaving the remains of 24 others in Gaza.")
    #expect(left.map(\.indicator) == [.remainsReturned, .hostagesHeld])
    // Number words from three up refer back too.
    let four = figures("Israeli forces rescued four hostages on Saturday. The four were taken by helicopter to a hospital in Israel.")
    #expect(four.map(\.indicator) == [.hostagesReleased, .hostagesReleased])
    #expect(four.last?.group == "hostages")
    let protest = figures("Israel believes 101 hostages are still held. Thousands of protesters gathered in Tel Aviv.")
    #expect(protest.last?.indicator == .other)
    #expect(protest.last?.group == "people")
  }

  /// "including 250 serving long sentences": the -ing verb is the breakdown's predicate.
  @Test func aBreakdownsVerbIsNotItsNoun() throws {
    let f = try #require(figure("Israel freed 1,968 Palestinians, including 250 serving long sentences.", "250"))
    #expect(f.indicator == .prisonersReleased)
    let g = try #require(figure("Israel released 1,968 prisoners, among them 250 serving life terms.", "250"))
    #expect(g.indicator == .prisonersReleased)
    // Outside a breakdown the -ing word describes the noun: theatres are no figure.
    #expect(figure("The hospital has 300 beds and four operating theatres.", "four") == nil)
  }

  /// "Among them were 445 men ... and 151 people ...": parts of the release before, even with
  /// a verb of detention of their own; "about 50 of the freed prisoners" are released by
  /// their own words.
  @Test func partsOfAReleaseAreReleased() {
    let text = """
      Israel released 642 Palestinian prisoners early on Thursday. Among them were 445 men and \
      boys detained in Gaza during the war and 151 people serving long sentences, 97 of whom \
      will be sent abroad. Buses carrying about 50 of the freed prisoners arrived in Ramallah.
      """
    #expect(figures(text).map(\.indicator) == [.prisonersReleased, .prisonersReleased, .prisonersReleased, .deported, .prisonersReleased])
  }

  /// "At least 106 of the prisoners" takes the last figure of prisoners, not the last figure.
  @Test func aPartitiveNounFindsItsWhole() throws {
    let text = """
      Hamas released three captives in exchange for 137 Palestinian prisoners. More than 71,000 \
      people have been killed in Gaza. At least 106 of the prisoners had been serving long sentences.
      """
    #expect(try #require(figure(text, "At least 106")).indicator == .prisonersReleased)
  }

  /// A share counts what its own words say, not the trucks of the sentence before.
  @Test func aShareDoesNotBorrowAnEarlierNoun() throws {
    let text = "At least 20 aid trucks were looted on Saturday. Nearly 90 per cent of the population has been displaced."
    let f = try #require(figure(text, "Nearly 90 per cent"))
    #expect(f.indicator == .displaced)
    #expect(f.unit == .ratio)
  }

  /// Nor does the number a thing is measured at ("estimated the crowd at 100,000").
  @Test func aMeasuredThingDoesNotBorrowAnEarlierNoun() throws {
    let text = "Israel says 50 hostages are still held. Organisers estimated the crowd at 100,000."
    let f = try #require(figure(text, "100,000"))
    #expect(f.indicator == .other)
    #expect(f.group != "hostages")
    // A total word is still a total: "The army put the toll at 30" counts the dead.
    let toll = try #require(figure("Three soldiers were killed on Monday. The army put the toll at 30.", "30"))
    #expect(toll.indicator == .killed)
  }

  /// A part ("12 of them") after a list item has a predicate of its own; it does not share
  /// the item's verb.
  @Test func aPartTakesItsOwnPredicate() throws {
    let found = figures("Israel released 90 prisoners, and 12 of them were deported.")
    #expect(found.map(\.indicator) == [.prisonersReleased, .deported])
  }

  /// "eight of the 26 hostages": a part of the number after it, counting what that number
  /// counts, not a part of the figure before (here the prisoners of the exchange).
  @Test func aPartOfTheNumberAfterItCountsThatNumbersNoun() throws {
    let text = """
      Under the deal, 33 hostages are to be freed in exchange for up to 1,900 Palestinians. \
      Israel believes eight of the 26 hostages due for release in the first phase are dead.
      """
    let eight = try #require(figures(text).first { $0.text == "eight" })
    #expect(eight.group == "hostages")
    #expect([.hostagesReleased, .hostagesHeld].contains(eight.indicator), "\(eight.indicator)")
  }

  @Test func sharedVerbsReachEveryItemOfAList() throws {
    let found = figures("On Thursday, 19 patients and 28 companions crossed into Egypt.")
    #expect(found.map(\.indicator) == [.medevacCompleted, .medevacCompanions])
    let both = figures("Israeli forces have killed at least 509 Palestinians and wounded more than 1,400 others.")
    #expect(both.map(\.indicator) == [.killed, .injured])
  }

  @Test func modalityMarksScheduledNumbers() throws {
    #expect(try #require(figure("About 150 people were expected to leave Gaza.", "150")).modality == .planned)
    #expect(try #require(figure("Hamas would return 20 living hostages.", "20")).modality == .planned)
    #expect(try #require(figure("Of the 183 Palestinians to be released, 111 were from Gaza.", "183")).modality == .planned)
    #expect(try #require(figure("Seven of them will be deported.", "Seven")).modality == .planned)
    // A state found or confirmed is no plan: "were found to be acutely malnourished".
    let found = "UNICEF said 12,000 children under five were found to be acutely malnourished in July."
    #expect(try #require(figure(found, "12,000")).modality == .actual)
    #expect(try #require(figure("Fifty patients left Gaza.", "Fifty")).modality == .actual)
    // The other side of an exchange shares its plan, past "a total of".
    let totalOf = "Under the first phase, 33 hostages are to be freed over six weeks in exchange for a total of about 1,900 Palestinian prisoners."
    #expect(try #require(figure(totalOf, "about 1,900")).modality == .planned)
    // "registered with the Palestinian embassy in Cairo to go back": an intended number.
    #expect(try #require(figure("Some 60,000 more have registered with the Palestinian embassy in Cairo to go back.", "Some 60,000")).modality == .planned)
    // "may exit" permits.
    #expect(try #require(figure("Israel has said up to 50 people a day may exit in the first phase.", "up to 50")).modality == .planned)
    // "a further" leaves the reach of the plan before it as it was.
    #expect(try #require(figure("Jordan expects to receive a further 300 next week.", "300")).modality == .planned)
    // A total expected to rise to a number shares the expectation ("numbers", described).
    #expect(try #require(figure("Officials expect daily numbers to rise to 100 by March.", "100")).modality == .planned)
    #expect(try #require(figure("The numbers rose to 100 in March.", "100")).modality == .actual)
    #expect(try #require(figure("Around 600 trucks a day are supposed to enter.", "600")).modality == .planned)
    // "meant to" plans; "meant" alone tells what followed.
    #expect(try #require(figure("Up to 600 aid trucks are meant to enter each day.", "600")).modality == .planned)
    #expect(try #require(figure("The closure meant 40 patients could not leave.", "40")).modality == .actual)
    // The plan after a companion aside is the figure's.
    let aside = "Under the arrangement, up to 50 patients a day, each with no more than two companions, may leave."
    #expect(try #require(figure(aside, "up to 50")).modality == .planned)
    #expect(try #require(figure("Fifty patients, along with 61 companions, left on Monday.", "Fifty")).modality == .actual)
    // A number a target sets.
    let aimed = "The UN recorded roughly 145 trucks a day, against a target of 600."
    #expect(try #require(figure(aimed, "600")).modality == .planned)
    #expect(try #require(figure(aimed, "roughly 145")).modality == .actual)
    // A fact box's value shares its label's plan.
    #expect(try #require(figure("Palestinian prisoners to be released: about 1,950", "about 1,950")).modality == .planned)
    #expect(try #require(figure("Palestinian prisoners released: 1,950", "1,950")).modality == .actual)
    // The plan after the noun is read past an age limit.
    #expect(try #require(figure("About 640,000 children under 10 are to be reached.", "About 640,000")).modality == .planned)
    // A call on someone to act plans what they are to do.
    let call = "Thousands rallied, calling on the government to secure the release of the 73 hostages still held in Gaza."
    #expect(try #require(figure(call, "73")).modality == .planned)
    // A deadline to act plans: "72 hours to free".
    #expect(try #require(figure("The deal gives Hamas 72 hours to free the 20 living hostages.", "20")).modality == .planned)
    // A number an agreement sets is a target.
    let required = "On the first day, 630 trucks entered, more than the 600 a day the deal requires."
    #expect(try #require(figure(required, "600")).modality == .planned)
    #expect(try #require(figure(required, "630")).modality == .actual)
    // The plan after a part's whole ("154 of the 250 were expected to") is the part's; the
    // whole, naming an earlier figure again, is what that figure was.
    let exile = "Of those freed, 250 had been serving life sentences. Some 154 of the 250 were expected to be sent into exile."
    #expect(try #require(figure(exile, "Some 154")).modality == .planned)
    #expect(try #require(figure(exile, "Some 154")).indicator == .deported)
    let whole = try #require(figures(exile).last)
    #expect(whole.value == 250 && whole.indicator == .prisonersReleased && whole.modality == .actual)
    // The first item of a list after "A further" shares the plan told after the list.
    let further = "Hamas has freed 10 hostages. A further three hostages and 110 prisoners are due to be exchanged on Thursday."
    #expect(try #require(figure(further, "three")).modality == .planned)
    // A day of a month between the noun and the verb does not stop the look for a plan.
    let freed = "Officials estimate that about 1,000 prisoners held since October 7 will be among those freed."
    #expect(try #require(figure(freed, "about 1,000")).modality == .planned)
    let provided = "Some 145 trucks a day entered, far fewer than the 600 a day the agreement provides for."
    #expect(try #require(figure(provided, "600")).modality == .planned)
    #expect(try #require(figure(provided, "145")).modality == .actual)
    // A verb joined by "and" to the figure before shares its plan.
    let joined = "Under the proposal, Hamas would free 10 living hostages and return 18 bodies over 60 days."
    #expect(try #require(figure(joined, "18")).modality == .planned)
    // The first part of a plan is planned.
    let first = "Under the deal, 33 hostages will be released over six weeks, beginning with three on Sunday."
    #expect(try #require(figure(first, "three")).modality == .planned)
    // A gapped item ("and Israel 60 ...") shares the plan of the verb it leaves out.
    let gapped = "Hamas is to free 20 women and children, and Israel 60 Palestinian prisoners."
    #expect(try #require(figure(gapped, "60")).modality == .planned)
    // A release put off has not happened; "during the delay" puts nothing off.
    let delayed = "Israel delayed the release of 620 Palestinian prisoners on Saturday."
    #expect(try #require(figure(delayed, "620")).modality == .planned)
    #expect(try #require(figure("Strikes during the delay killed 19 people.", "19")).modality == .actual)
    // A bare number after "and" shares the plan; a call for someone to act plans.
    let perHostage = "Israel will free 30 prisoners for each civilian hostage and 50 for each female soldier."
    #expect(try #require(figure(perHostage, "50")).modality == .planned)
    #expect(try #require(figure("The plan calls for Hamas to release all 48 remaining hostages.", "48")).modality == .planned)
    // "set" plans only as "set to" or "set for"; "due to" a cause plans nothing.
    #expect(try #require(figure("Some 30 people were killed when a strike set fire to tents.", "30")).modality == .actual)
    #expect(try #require(figure("About 150 prisoners are set to be freed.", "150")).modality == .planned)
    #expect(try #require(figure("Thirty patients died due to the shortage of fuel.", "Thirty")).modality == .actual)
    #expect(try #require(figure("Thirty patients are due to leave on Monday.", "Thirty")).modality == .planned)
    // An estimate is no plan.
    #expect(try #require(figure("Some 400,000 people are estimated to be trapped in the north.", "400,000")).modality == .actual)
    #expect(try #require(figure("More than 6,000 patients were ready to be evacuated.", "6,000")).modality == .actual)
    #expect(try #require(figure("Of the 94 hostages in Gaza, 34 are believed to be dead.", "34")).modality == .actual)
    #expect(try #require(figure("About 7,000 people have registered to return to Gaza.", "7,000")).modality == .planned)
    #expect(try #require(figure("About 30,000 people have registered with the embassy to go back.", "30,000")).modality == .planned)
    #expect(try #require(figure("Many of the 300 people registered for evacuation are children.", "300")).modality == .actual)
    let exchange = "Under the deal, 33 hostages will be released in exchange for about 1,900 Palestinian prisoners."
    #expect(try #require(figure(exchange, "1,900")).modality == .planned)
    // An intent governing the verb before the number plans it; after the number it is a need.
    #expect(try #require(figure("Officials hope to evacuate up to 50 patients a day.", "up to 50")).modality == .planned)
    #expect(try #require(figure("Some 12,000 patients are hoping to leave through Rafah.", "12,000")).modality == .actual)
    // "and another three on Saturday" is an item of the list before it, plan included.
    let another = figures("Hamas would free three hostages on Thursday and another three on Saturday.")
    #expect(another.map(\.modality) == [.planned, .planned])
    #expect(another.map(\.indicator) == [.hostagesReleased, .hostagesReleased])
    // The other side of a swap shares its plan, "in return for" as "in exchange for".
    #expect(try #require(figure("Israel will free 250 prisoners in return for the 48 hostages still in Gaza.", "48")).modality == .planned)
    // Past permission tells what happened; a need is a present state even when "approved".
    #expect(try #require(figure("Roughly 50 patients a day were allowed to leave.", "Roughly 50")).modality == .actual)
    #expect(try #require(figure("Around 1,500 patients who had been approved for treatment abroad are stranded.", "Around 1,500")).modality == .actual)
    #expect(try #require(figure("Crews exhumed 392 bodies, and 165 of them had yet to be identified.", "165")).modality == .actual)
    let receive = try #require(figure("The Red Cross said it was preparing to receive 20 living hostages.", "20"))
    #expect(receive.indicator == .hostagesReleased)
    #expect(receive.modality == .planned)
    // Companions travel as the patients before them do.
    let each = figures("Officials had said up to 50 patients would be allowed to cross each day, each with two companions.")
    #expect(each.map(\.modality) == [.planned, .planned])
    // A proposal plans; "the release of" between does not hide it.
    #expect(try #require(figure("Hamas is going to free 20 hostages.", "20")).modality == .planned)
    #expect(try #require(figure("Officials said 400 Palestinians, including the wounded, would be allowed to leave.", "400")).modality == .planned)
    #expect(try #require(figure("The WFP said nearly one in three Gazans was going days without food.", "one in three")).modality == .actual)
    #expect(try #require(figure("The military began calling up tens of thousands of reservists.", "tens of thousands")).modality == .actual)
    let proposal = figures("A 60-day truce proposal calls for the release of 10 living hostages and 18 bodies.")
    #expect(proposal.map(\.modality) == [.planned, .planned])
    // A scheduling word after a determiner describes ("the approved lists").
    #expect(try #require(figure("Officials turned back 12 travellers whose names were not on the approved lists.", "12")).modality == .actual)
    #expect(try #require(figure("Egypt says it is ready to receive as many as 600 patients a week.", "as many as 600")).modality == .planned)
    // A number "called for" is a target; people who call for something are not.
    let target = "Some 4,453 trucks have entered, well short of the 600 a day called for in the deal."
    #expect(try #require(figure(aimed, "600")).modality == .planned)
    #expect(try #require(figure(target, "4,453")).modality == .actual)
    #expect(try #require(figure("Fifty families called for the release of 20 detainees.", "Fifty")).modality == .actual)
    // The first item of a list that opens its clause shares the plan told after the list; an
    // item after a verb of its own does not ("freed 3 hostages and 20 will be freed").
    let due = figures("Forty-five patients and 90 companions were due to leave Gaza on Wednesday.")
    #expect(due.map(\.modality) == [.planned, .planned])
    #expect(try #require(figure("Hamas freed 3 hostages and 20 will be freed next week.", "3")).modality == .actual)
    // The number a total is to be brought to shares the plan of the verb before "the number".
    let halve = "Israel said it would halve the number of aid trucks allowed in to 300 a day."
    #expect(try #require(figure(halve, "300")).modality == .planned)
    #expect(try #require(figure("Strikes brought the number of dead to 300.", "300")).modality == .actual)
  }

  @Test func attributionNamesWhoGaveTheFigure() throws {
    #expect(try #require(figure("The Gaza health ministry said 45 people were killed.", "45")).attribution == "Gaza health ministry")
    // A day told between the subject and its verb, or before the subject, is no part of it.
    for told in [
      "The ministry on Sunday said 45 people were killed.", "The ministry late on Sunday evening said 45 people were killed.",
      "The ministry on Sunday also said 45 people were killed.", "On Sunday the ministry said 45 people were killed.",
    ] {
      #expect(try #require(figure(told, "45")).attribution == "ministry")
    }
    // A speech word that a verb in "-ing" takes as its object names no source.
    let object = "CPJ said it was investigating reports of dozens more killings."
    #expect(try #require(figure(object, "dozens")).attribution == "CPJ")
    // A live blog's time stamp, set apart by a spaced dash, is no part of the name.
    let live = "10:45 GMT - The Red Cross says it has received the remains of two more deceased hostages."
    #expect(try #require(figure(live, "two")).attribution == "Red Cross")
    // A pronoun right before the verb is the subject: "said on Friday it had recorded".
    let onFriday = "The UN human rights office said on Friday it had recorded 994 killings near aid sites."
    #expect(try #require(figure(onFriday, "994")).attribution == "UN human rights office")
    #expect(try #require(figure("At least 32 people were killed, according to local health officials.", "32")).attribution == "local health officials")
    // A counted noun before the speaker's determiner is not the speaker's name.
    let estimate = "Of the 400,000 people the UN estimates remain in northern Gaza, some 75,000 are in Beit Lahia."
    #expect(try #require(figure(estimate, "some 75,000")).attribution == "UN")
    // Past a semicolon or a ", and", an "according to" after the figure gives it.
    let andClause = "The UN said 15 trucks were collected, and at least 23 people were killed near aid sites, according to the civil defence."
    #expect(try #require(figure(andClause, "at least 23")).attribution == "civil defence")
    let semicolon = "The foundation said it had handed out 8,000 boxes; 47 people were injured, according to the UN."
    #expect(try #require(figure(semicolon, "47")).attribution == "UN")
    let fromFigures = "The toll rose to 30,035, according to figures from the health ministry."
    #expect(try #require(figure(fromFigures, "30,035")).attribution == "health ministry")
    #expect(try #require(figure("Three soldiers were wounded, the military said.", "Three")).attribution == "military")
    #expect(try #require(figure("The Health Ministry in Gaza said 46,006 people were killed.", "46,006")).attribution == "Health Ministry in Gaza")
    #expect(try #require(figure("Fifty patients left Gaza.", "Fifty")).attribution == nil)
    #expect(try #require(figure("The strike claimed the lives of 18 people.", "18")).attribution == nil)
    // Counting is giving a figure too: "while the UN counts 3,200".
    let counts = "Israel says more than 4,000 trucks have entered, while the UN counts 3,200."
    #expect(try #require(figure(counts, "3,200")).attribution == "UN")
    #expect(try #require(figure(counts, "more than 4,000")).attribution == "Israel")
    // A trailing source with a few closing words after its verb.
    #expect(try #require(figure("Some 16,500 patients need evacuation, the World Health Organization said on Tuesday.", "16,500")).attribution == "World Health Organization")
    #expect(try #require(figure("Ten patients left, the ministry said in a statement.", "Ten")).attribution == "ministry")
    // Adverbs and auxiliaries between the source and its verb; "It" is the source before.
    #expect(try #require(figure("The ministry has said that 45 people were killed.", "45")).attribution == "ministry")
    #expect(try #require(figure("The UN later reported that 45 people were killed.", "45")).attribution == "UN")
    // A short name set off by commas; a possessive before the toll; a name ends before "who".
    #expect(try #require(figure("Israel's military body in charge of civilian affairs, COGAT, said 150 people had been approved to leave.", "150")).attribution == "COGAT")
    #expect(try #require(figure("The ministry's overall toll from the war stands at more than 71,800.", "71,800")).attribution == "ministry")
    #expect(try #require(figure("Five patients left, according to an Egyptian official who spoke on condition of anonymity.", "Five")).attribution == "Egyptian official")
    #expect(try #require(figure("Some 50 patients a day had been leaving, according to the WHO.", "50")).attribution == "WHO")
    let two = "Israeli forces have killed more than 700 Palestinians, according to the health ministry, and arrested over 11,000, according to prisoner groups."
    #expect(try #require(figure(two, "700")).attribution == "health ministry")
    #expect(try #require(figure(two, "11,000")).attribution == "prisoner groups")
    #expect(try #require(figure("The UN human rights office said it had recorded 798 killings near aid sites.", "798")).attribution == "UN human rights office")
    // A reporting verb after the figures' noun is a participle, not a source.
    #expect(try #require(figure("The office verified 8,119 of the 34,500 deaths reported in that period.", "8,119")).attribution == nil)
    let pronoun = "The health ministry said 13 people died of hunger. It also said that 2,368 people had been killed while seeking aid."
    #expect(try #require(figure(pronoun, "2,368")).attribution == "health ministry")
    // A preposition after the noun heading an office's name stays in the name.
    #expect(try #require(figure("The ministry of health reported that 273 people had died.", "273")).attribution == "ministry of health")
    #expect(try #require(figure("Some 24 were deported, according to the prisoners' media office.", "24")).attribution == "prisoners' media office")
    // An acronym is a name, not the pronoun "who".
    #expect(try #require(figure("A WHO spokesperson said 16,500 people need evacuation.", "16,500")).attribution == "WHO spokesperson")
    // A quotation's comma inside its closing quote, and "for" after the head of an office.
    let quoted = "\"We have counted 47 people injured,\" a spokesman for the foundation said."
    #expect(try #require(figure(quoted, "47")).attribution == "spokesman for the foundation")
    // A passive names no source before it, but its agent after "by"; a live blog's dash is no
    // part of the name.
    #expect(try #require(figure("Seven more deaths from malnutrition were recorded overnight.", "Seven")).attribution == nil)
    #expect(try #require(figure("Seven more deaths were recorded by the ministry overnight.", "Seven")).attribution == "ministry")
    // A capitalised word between two others stays in the name.
    #expect(try #require(figure("Reporters Without Borders says nearly 200 journalists have been killed.", "nearly 200")).attribution == "Reporters Without Borders")
    // A deal "announced on Wednesday" is described, not a source.
    #expect(try #require(figure("Under the agreement announced on Wednesday, Hamas will release 33 hostages.", "33")).attribution == nil)
    // "states" is a noun ("member states"), not a speech verb.
    #expect(try #require(figure("The EU says member states have received 3,500 patients.", "3,500")).attribution == "EU")
    let agent = "Ten children were flown out under a programme announced by King Abdullah, who pledged to take in 2,000 sick children."
    #expect(try #require(figure(agent, "2,000")).attribution == "King Abdullah")
    #expect(try #require(figure("09:15 - The health ministry says 62 people were killed.", "62")).attribution == "health ministry")
    // "estimated" after a name reports ("the UN estimated"); before a number it qualifies.
    #expect(try #require(figure("About 400,000 people remain trapped in the north, the UN estimated on Thursday.", "400,000")).attribution == "UN")
    #expect(try #require(figure("An estimated 350,000 people have fled.", "350,000")).attribution == nil)
    #expect(try #require(figure("Some 480,000 people had left, while the UN put the figure at about 330,000.", "330,000")).attribution == "UN")
    // "put the number|toll ... at" reports a figure, as "said" does.
    #expect(try #require(figure("The UN puts the death toll at 500.", "500")).attribution == "UN")
    #expect(try #require(figure("Officials put 20 patients on the bus.", "20")).attribution == nil)
    // "at" and "from" after who speaks for a body: "an official at the crossing".
    let crossing = "Between 60 and 80 patients are expected to cross next week, an official at the crossing said on Thursday."
    #expect(try #require(figure(crossing, "Between 60 and 80")).attribution == "official at the crossing")
    #expect(try #require(figure("Officials from the ministry said 45 people were killed.", "45")).attribution == "Officials from the ministry")
    #expect(try #require(figure("The Committee to Protect Journalists says at least 192 journalists have been killed.", "at least 192")).attribution == "Committee to Protect Journalists")
    #expect(try #require(figure("The prisoners’ media office said 24 were deported.", "24")).attribution == "prisoners’ media office")
    #expect(try #require(figure("Strikes killed 413 people, the health ministry in Gaza said on Tuesday, in a statement.", "413")).attribution == "health ministry in Gaza")
    // A report that goes on past its closing source ("adding that", "bringing") is still its.
    let adding = "The toll has passed 40,000, the health ministry said on Thursday, adding that 92,401 people had been wounded."
    #expect(try #require(figure(adding, "92,401")).attribution == "health ministry")
    let bringing = "Israeli forces detained 25 Palestinians, prisoners' groups said, bringing the number arrested to about 18,000."
    #expect(try #require(figure(bringing, "about 18,000")).attribution == "prisoners' groups")
    // (Another source after it gives its own.)
    let another = "Five people were killed, the ministry said, adding that the UN says 300 trucks entered."
    #expect(try #require(figure(another, "300")).attribution == "UN")
  }

  @Test func groupsNameWhoIsCounted() throws {
    #expect(try #require(figure("At least 12 Israeli soldiers have been killed.", "12")).group == "soldiers")
    #expect(try #require(figure("Israel released 90 Palestinian prisoners.", "90")).group == "prisoners")
    #expect(try #require(figure("Dozens of foreign passport holders left Gaza.", "Dozens")).group == "foreign nationals")
    #expect(try #require(figure("Israeli strikes killed 45 Palestinians.", "45")).group == "palestinians")
    // A label's adjective of nationality describes the word after it, not the people counted.
    #expect(try #require(figure("Israeli raids in Gaza: hundreds detained this month.", "hundreds")).group == "people")
    #expect(try #require(figure("Palestinians killed: 60,000", "60,000")).group == "palestinians")
    // A place named after the people a label counts is where they are.
    #expect(try #require(figure("- People sheltering in UNRWA facilities: around 110,000", "110,000")).group == "people")
    // A part of "the dead" named after "were": its group, with the whole's indicator.
    let part = try #require(figure("At least 45 Palestinians were killed. More than 20 of the dead were children.", "More than 20"))
    #expect(part.group == "children")
    #expect(part.indicator == .killed)
    // "The number of journalists killed ... has reached 200": the total names what is counted.
    #expect(try #require(figure("The number of journalists killed in the war has reached 200.", "200")).group == "journalists")
    // (Past a year: "since October 2023".)
    let since = "The number of journalists killed in Gaza since October 2023 has risen to at least 192, after five were killed on Monday."
    #expect(try #require(figure(since, "at least 192")).group == "journalists")
    // A breakdown ("including two children") is not what a later bare number counts.
    let text = "Five more people, including two children, died of hunger, bringing the number of hunger deaths to 159."
    #expect(try #require(figure(text, "159")).group == "people")
    // "The death toll among journalists" names what it counts, as "the number of" does.
    #expect(try #require(figure("The death toll among journalists stood at 211 on Tuesday.", "211")).group == "journalists")
    // "eight of them" after a breakdown are of the whole before it.
    let died = "The ministry said 271 people, including 112 children, had died, eight of them in the past day."
    #expect(try #require(figure(died, "eight")).group == "people")
    // A bare number that needs evacuation counts patients, not the companions before it.
    let fraction = "In all, 1,023 patients and 1,112 companions left, a fraction of the 8,000 it says need to leave."
    #expect(try #require(figure(fraction, "8,000")).group == "patients")
    // Those deported are prisoners, whatever "Of them," borrowed its group from.
    let exile = "Israel freed 642 prisoners in exchange for the bodies of four hostages. Of them, 97 were sent into exile."
    #expect(try #require(figure(exile, "97")).group == "prisoners")
    // Workers of a foreign nationality are that nationality, not aid workers.
    #expect(try #require(figure("Hamas freed five Thai workers on Thursday.", "five")).group == "thais")
    #expect(try #require(figure("Twelve aid workers were killed.", "Twelve")).group == "aid workers")
    // Teachers count people (not things, as an unknown noun before a verb would).
    #expect(figures("At least 13,000 students and 500 teachers have been killed.").map(\.text) == ["At least 13,000", "500"])
    // Returnees are people, not the companions of the figure before.
    let returning = "Up to 50 patients may leave each day, each with two relatives, while 40 returnees are allowed in."
    #expect(try #require(figure(returning, "40")).group == "people")
    // A describing word between a nationality and the counted noun; two nouns in a row are one.
    #expect(try #require(figure("Hamas released four Israeli female soldiers.", "four")).group == "soldiers")
    #expect(try #require(figure("Three women journalists were killed.", "Three")).group == "journalists")
    #expect(try #require(figure("Some 1,400 Israeli civilians and soldiers were killed.", "1,400")).group == "israelis")
    // "others" are of the group the figure before counted (its whole, not its breakdown).
    let others = "Strikes killed 509 Palestinians and wounded more than 1,400 others."
    #expect(try #require(figure(others, "1,400")).group == "palestinians")
    let missing = "At least 93 people, among them 25 children, were killed. Forty others remain missing."
    #expect(try #require(figure(missing, "Forty")).group == "people")
    // A part's group may come from its predicate noun; "others" after it do not take it.
    let dead = "Strikes killed 300 people. Of the dead, at least 174 were children. More than 500 others were wounded."
    #expect(try #require(figure(dead, "at least 174")).group == "children")
    #expect(try #require(figure(dead, "More than 500")).group == "people")
    // Nor is a number after a breakdown's list and ", and" one of the breakdown's people.
    let both = "This week 1,264 people crossed: 602 left, among them 210 patients, and 662 returned to Gaza."
    #expect(try #require(figure(both, "662")).group == "people")
    // Palestinians in need of evacuation are patients.
    #expect(try #require(figure("At least 16,500 severely ill Palestinians need medical evacuation.", "16,500")).group == "patients")
  }

  /// A total whose parts after a colon go both ways counts crossings in both directions; a
  /// total whose parts go one way does not.
  @Test func aTotalWhosePartsGoBothWaysCountsCrossings() throws {
    let both = "Over two weeks, 1,120 people went through Rafah: 470 left Gaza and 650 came back."
    #expect(figures(both).map(\.indicator) == [.crossings, .crossedOut, .crossedIn])
    let patients = "In all, 1,240 people crossed: 520 patients and 610 companions left, and 110 returned."
    #expect(try #require(figure(patients, "1,240")).indicator == .crossings)
    let out = "On Monday 300 people crossed: 120 patients and 180 companions left Gaza."
    #expect(try #require(figure(out, "300")).indicator == .crossedOut)
  }
}

