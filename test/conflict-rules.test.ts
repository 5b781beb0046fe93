/**
 * The rules that keep conflicts to real disagreements (slots/day-roles.ts, number-roles.ts, context.ts): each with a
 * false conflict of the kind found on ECB+ dev that it removes, and a real disagreement of the same shape that is
 * still reported. Sentences are made up.
 */
import { describe, expect, it } from 'vitest';
import { disagreements, extractSlots } from '../src/facts/slots/index.js';

/** Slots as "kind value [unit]" strings, in sentence order. */
const show = (text: string): string[] => extractSlots(text).map((s) => [s.kind, s.value, s.unit].filter((x) => x !== undefined).join(' '));

/** Disagreements as "kind: a-values | b-values". */
const differ = (a: string, b: string): string[] =>
  disagreements(extractSlots(a), extractSlots(b)).map((d) => `${d.kind}: ${d.a.map((s) => s.value).join(',')} | ${d.b.map((s) => s.value).join(',')}`);

describe('days and times that are not the day of the event', () => {
  it('a day after a verb of saying and a short phrase dates the statement ("said at practice on Wednesday")', () => {
    expect(show('the coach said at practice on Wednesday that')).toEqual(['weekday wednesday said']);
    expect(show('the minister told reporters on Friday')).toEqual(['weekday friday said']);
    expect(show('the minister said the attack on Monday')).toEqual(['weekday monday']);
    expect(differ('The coach said at practice on Wednesday that Smith is out.', 'Smith hurt his knee on Thursday.')).toEqual([]);
    expect(differ('The coach said at practice on Wednesday that Smith is out.', 'The coach said in a statement on Thursday that Smith is out.')).toEqual([
      'weekday: wednesday | thursday',
    ]);
    expect(differ('Smith was put on injured reserve on Wednesday.', 'Smith was put on injured reserve on Thursday.')).toEqual(['weekday: wednesday | thursday']);
  });

  it('a day after a verb of telling and whom it told by name dates the statement ("told CNN on Sunday")', () => {
    expect(show('the minister told CNN on Sunday that')).toEqual(['weekday sunday said']);
    expect(show('After telling People in October that she would seek help')).toEqual(['date 10 said']);
    expect(show('The suspect told police on Sunday that')).toEqual(['weekday sunday']);
    expect(differ('Reid checked herself in on Tuesday, December 9.', 'After telling People in October that she was fine, Reid checked in.')).toEqual([]);
    expect(differ('The minister told CNN on Sunday that talks would resume.', 'The minister told CNN on Monday that talks would resume.')).toEqual(['weekday: sunday | monday']);
  });

  it('a date next to a verb of saying dates the statement ("the agency reported September 26")', () => {
    expect(show('the agency reported September 26, citing')).toEqual(['date 09-26 said']);
    expect(differ('The agency reported September 26 that the vote is near.', 'The vote will be held on December 15.')).toEqual([]);
    expect(differ('The agency reported September 26 that the vote is near.', 'The agency reported September 27 that the vote is near.')).toEqual([
      'date: 09-26 | 09-27',
    ]);
  });

  it('the day of one stage of an event of several days is compared only with the same stage ("the second day of the trial")', () => {
    expect(show('Testimony continued for the second day on Wednesday.')).toEqual(['weekday wednesday day second']);
    expect(show('on Tuesday, the opening day of the trial')).toEqual(['weekday tuesday day opening']);
    expect(show('the jury met on the 2nd day, Thursday')).toEqual(['weekday thursday day 2']);
    expect(show('The trial opened on Monday. It was a long day.')).toEqual(['weekday monday']);
    expect(differ('Testimony in the murder trial continued for the second day on Wednesday.', 'Jurors heard testimony Tuesday in the murder trial.')).toEqual([]);
    expect(differ('Testimony in the murder trial continued for the second day on Wednesday.', 'Testimony in the murder trial continued for the second day on Thursday.')).toEqual([
      'weekday: wednesday | thursday',
    ]);
  });

  it('a day something is planned for is compared only with planned days ("a vigil is planned for Sunday")', () => {
    expect(show('a vigil is planned for Sunday evening')).toEqual(['weekday sunday planned']);
    expect(show('the vote is scheduled on Monday')).toEqual(['weekday monday planned']);
    expect(differ('A vigil is planned for Sunday evening.', 'The clashes broke out late on Saturday.')).toEqual([]);
    expect(differ('A vigil is planned for Sunday evening.', 'A vigil is scheduled for Monday evening.')).toEqual(['weekday: sunday | monday']);
  });

  it('a date set between "the" and a noun is the date of that thing ("the December 15 election")', () => {
    expect(show('seats in the December 15 election')).toEqual(["date 12-15 's elect"]);
    expect(differ('Two parties will seek seats in the December 15 election.', 'The second party was founded in August.')).toEqual([]);
    expect(differ('Two parties will seek seats in the December 15 election.', 'Two parties will seek seats in the December 22 election.')).toEqual([
      'date: 12-15 | 12-22',
    ]);
    // The event's own date is still compared with the event's.
    expect(differ('The party was founded in August.', 'The party was founded in June.')).toEqual(['date: 08 | 06']);
  });

  it('a time after "as of" is the time of a running count, and so is the time in brackets that restates it', () => {
    expect(show('turnout was 60 percent as of 4:00 p.m. local time (1100 GMT)')).toEqual(['number 60 percent', 'time 16:00 as of', 'time 11:00 as of gmt']);
    expect(differ('Polls opened at 8:00 am local time (0300 GMT).', 'Turnout was 60 percent as of 4:00 p.m. local time (1100 GMT).')).toEqual([]);
    expect(differ('Turnout was 60 percent as of 4:00 p.m. (1100 GMT).', 'Turnout was 60 percent as of 5:00 p.m. (1200 GMT).')).toEqual([
      'time: 16:00 | 17:00',
      'time: 11:00 | 12:00',
    ]);
  });
});

describe('counts that play another part than the whole', () => {
  it('"his first 17 passes" is part of a series: compared only with the same part', () => {
    expect(show('after completing his first 17 passes')).toEqual(['number 17 first pass']);
    expect(differ('Manning completed 29 of 34 passes.', 'Manning finished 29-of-34 after completing his first 17 passes.')).toEqual([]);
    expect(differ('Manning completed his first 17 passes.', 'Manning completed his first 15 passes.')).toEqual(['number: 17 | 15']);
  });

  it('a count after "including", "of which" or "among them" is a part of a larger one', () => {
    expect(show('31 pieces of apparatus, including three ladder trucks')).toEqual(['number 31 piec', 'number 3 part truck']);
    expect(differ('A total of 31 pieces of apparatus responded, including three ladder trucks.', 'A total of 31 fire trucks were on scene.')).toEqual([]);
    expect(differ('Crews came with 31 engines, including three ladder trucks.', 'Crews came with 31 engines, including four ladder trucks.')).toEqual(['number: 3 | 4']);
  });

  it('"46 of the wounded" counts a part of the wounded (a partitive); "one of the groups" counts no noun', () => {
    expect(show('at least 46 of the wounded were taken to hospital')).toEqual(['number 46 part injur']);
    expect(show('two of the victims were children')).toEqual(['number 2 part victim']);
    expect(show('one of the groups said')).toEqual(['number 1']);
    // "N of the M": N counts the noun after M, and M is the whole, compared only with wholes. A part is compared
    // only with parts: "three of the four soldiers killed by friendly fire" against "five soldiers" (ECB+ dev).
    expect(show('3 of the 5 suspects')).toEqual(['number 3 part suspect', 'number 5 whole suspect']);
    expect(differ('Officials said 46 of the 212 passengers were injured.', 'Officials said 38 passengers were injured.')).toEqual([]);
    expect(differ('Three of the four soldiers killed by friendly fire died in a tank strike.', 'Five soldiers were killed on Wednesday.')).toEqual([]);
    expect(differ('Officials said 46 of the 212 passengers were injured.', 'Officials said 38 of the 212 passengers were injured.')).toEqual(['number: 46 | 38']);
    expect(differ('The ferry carried 212 passengers.', 'Officials said 46 of the 212 passengers were injured.')).toEqual([]);
    expect(show("20 of the country's provinces")).toEqual(['number 20']);
    expect(differ('He said at least 46 of the wounded were taken to hospitals.', 'He said at least 64 of the wounded were taken to hospitals.')).toEqual(['number: 46 | 64']);
    expect(differ('Police said 3 of the 5 suspects were arrested.', 'Police said 4 of the 5 suspects were arrested.')).toEqual(['number: 3 | 4']);
  });

  it('a value one side gives as a part is agreed on, as a value given without its unit is', () => {
    expect(differ('AMD will pay $334 million for SeaMicro, including $281 million in cash.', 'AMD is paying $281 million in cash for SeaMicro.')).toEqual([]);
    expect(differ('AMD will pay $334 million for SeaMicro, including $281 million in cash.', 'AMD will pay $300 million for SeaMicro.')).toEqual([
      'number: 334000000 | 300000000',
    ]);
  });

  it('"he has 53 catches" is a running total: compared only with running totals, and so are the counts joined to it', () => {
    expect(show('He has 53 catches for 605 yards and five touchdowns.')).toEqual(['number 53 so far catch', 'number 605 so far yard', 'number 5 so far touchdown']);
    expect(show('He has rushed for only 150 yards')).toEqual(['number 150 so far yard']);
    expect(show('He had eight catches and scored twice')).toEqual(['number 8 catch']);
    expect(differ('He has 53 catches for 605 yards.', 'He wound up with eight catches for 101 yards.')).toEqual([]);
    expect(differ('Jones has 193 yards this season.', 'Jones had 793 yards and six touchdowns.')).toEqual([]);
    expect(differ('He has 53 catches for 605 yards.', 'He has 55 catches for 630 yards.')).toEqual(['number: 53 | 55', 'number: 605 | 630']);
    expect(differ('He had eight catches for 101 yards.', 'He finished with nine catches for 101 yards.')).toEqual(['number: 8 | 9']);
  });

  it('"2 yards a carry" is a rate: compared only with rates of the same', () => {
    expect(show('He averaged 2 yards a carry.')).toEqual(['number 2 yard/carri']);
    expect(show('O’Brien earns $4 million a year')).toEqual(['number 4000000 usd/year']);
    expect(show('injured 20 people a week ago')).toEqual(['number 20 injur']);
    expect(differ('He averaged 2 yards a carry.', 'He ran for 716 yards.')).toEqual([]);
    expect(differ('He averaged 2 yards a carry.', 'He averaged 3 yards a carry.')).toEqual(['number: 2 | 3']);
  });

  it('reads thousands written with a spaced comma ("2, 117 points") whole', () => {
    expect(show('the all-time leader with 2, 117 points')).toEqual(['number 2117 point']);
    expect(show('a tsunami killed 1, 230, 000 people')).toEqual(['number 1230000 dead']);
    // A list is not a thousands group: "1, 2" stays two numbers ("2 and 3" is a range, dropped).
    expect(show('in 1, 2 and 3')).toEqual(['number 1']);
    expect(differ('The tsunami killed 230, 000 people.', 'The tsunami killed 230,000 people.')).toEqual([]);
    expect(differ('The tsunami killed 230, 000 people.', 'The tsunami killed 220,000 people.')).toEqual(['number: 230000 | 220000']);
  });
});

describe('where a count was made (its scope)', () => {
  it('words after a preposition that follows a figure say where it was counted, not what it counts', () => {
    // "top-ranked" was the only word the two shared: one figure is needed, the other scored.
    expect(differ("He needed nine points in the top-ranked Tar Heels' game.", "He was posting 20 points in the top-ranked Tar Heels' victory.")).toEqual([]);
    expect(differ("He scored nine points in the top-ranked Tar Heels' game.", "He scored 20 points in the top-ranked Tar Heels' victory.")).toEqual(['number: 9 | 20']);
  });

  it('a count for one place does not dispute a count for another place', () => {
    expect(differ('Ten houses were damaged in Takengon.', 'The quake damaged 300 houses in Aceh.')).toEqual([]);
    expect(differ('The tsunami killed 170,000 people in the province.', 'The tsunami killed 230,000 people in 14 countries.')).toEqual([]);
    expect(differ('Ten houses were damaged in Takengon.', 'Twelve houses were damaged in Takengon.')).toEqual(['number: 10 | 12']);
    // A measure is of one thing wherever it is said to be: a fall "at Mount Cook" is the fall "near the Tasman Glacier".
    expect(differ('The climber died after falling about 150 metres at Mount Cook.', 'The climber died after falling about 60m from a ridge near the Tasman Glacier.')).toEqual([
      'number: 150 | 60',
    ]);
    // Settings that are not places may be one in other words: still compared.
    expect(differ('95 people were killed in the quake.', '158 people were killed in the earthquake.')).toEqual(['number: 95 | 158']);
  });

  it('"that" right after a preposition is a determiner ("in that stretch"), not the start of a clause', () => {
    expect(differ('He has three of his four touchdowns in that stretch.', 'He scored six touchdowns on offense.')).toEqual([]);
    expect(differ('He scored four touchdowns in that stretch.', 'He scored six touchdowns in that stretch.')).toEqual(['number: 4 | 6']);
  });

  it('a figure in brackets right after another restates it (a conversion) and is about what that one is about', () => {
    expect(differ('Property damage is an estimated $2 million.', 'The clashes caused 200 million euros ($265.3 million) of damage.')).toEqual([]);
    expect(differ('The clashes caused $300 million of damage.', 'The clashes caused 200 million euros ($265.3 million) of damage.')).toEqual([
      'number: 300000000 | 265300000',
    ]);
  });

  it('a figure whose only words are its scope is about that scope, not about anything', () => {
    expect(differ('He had five points during a pivotal run.', 'Doug McDermott scored 23 points.')).toEqual([]);
    expect(differ('He had five points.', 'Doug McDermott scored 23 points.')).toEqual(['number: 5 | 23']);
  });
});

describe('whom a count is said of', () => {
  it('a figure said of a named person is not disputed by a sentence that names others and not that one', () => {
    expect(differ('Jamaal Charles rushed for 226 yards.', 'Peyton Hillis added 101 yards for the Chiefs, who had 352 yards rushing.')).toEqual([]);
    // The same person named, first word or not, still compares.
    expect(differ('Jamaal Charles rushed for 226 yards.', 'Charles had 206 yards rushing for the Chiefs.')).toEqual(['number: 226 | 206']);
    // A sentence that names no one, and a first word that is no name ("Officials said"), do not keep figures apart.
    expect(differ('Jamaal Charles rushed for 226 yards.', 'He rushed for 206 yards.')).toEqual(['number: 226 | 206']);
    expect(differ('Officials said 95 people were killed.', 'Police said 158 people were killed.')).toEqual(['number: 95 | 158']);
  });

  it('a sentence that names only whom and where the figure\'s own sentence names too names no one else (review 29 #3)', () => {
    // One outlet names the operator, the other leaves it unnamed: the same ferry, the same Uig.
    expect(differ('A CalMac ferry carrying 120 passengers ran aground near Uig on Monday.', 'A ferry carrying 12 passengers ran aground near Uig on Monday.')).toEqual(['number: 120 | 12']);
    expect(differ('The Boeing 737 was carrying 180 passengers when it landed in Glasgow.', 'The plane was carrying 118 passengers when it landed in Glasgow.')).toEqual(['number: 180 | 118']);
    // A name of the other sentence's own still keeps the figures apart: another operator, another player.
    expect(differ('A CalMac ferry carrying 120 passengers ran aground near Uig on Monday.', 'A NorthLink ferry carrying 12 passengers ran aground near Uig on Monday.')).toEqual([]);
    expect(differ('Jamaal Charles rushed for 226 yards for the Chiefs.', 'Peyton Hillis added 101 yards for the Chiefs.')).toEqual([]);
  });

  it('a name after a preposition is a place, not whom the figure is of', () => {
    expect(differ('The quake killed at least five people in Indonesia on Tuesday.', 'A quake in Central Aceh killed at least one person, the agency said.')).toEqual([
      'number: 5 | 1',
    ]);
  });
});

describe('measures and people whatever words follow them (slots/numbers.ts measureAt, words.ts UNIT_ALIAS)', () => {
  it('a unit of measure is the unit by itself: "61 mph overnight" is in mph, "6 metres on the coast" in metres', () => {
    expect(show('Gusts reached 61 mph overnight on the coast.')).toEqual(['number 61 mph']);
    expect(show('Winds of 100 km/h were recorded.')).toEqual(['number 100 kmh']);
    expect(show('The fire has burned 5,000 acres since Sunday.')).toEqual(['number 5000 acr', 'weekday sunday']);
    const gusts = 'Gusts reached 61 mph overnight on the coast, forecasters said.';
    expect(differ(gusts, 'Gusts hit 80 mph on the coast overnight, forecasters said.')).toEqual(['number: 61 | 80']);
    expect(differ(gusts, 'Gusts reached 80 mph early on Friday, forecasters said.')).toEqual(['number: 61 | 80']);
    expect(differ('Waves reached 6 metres overnight on the coast.', 'Waves hit 9 metres on the coast overnight.')).toEqual(['number: 6 | 9']);
    expect(differ('Winds of 100 km/h were recorded overnight.', 'Winds of 130 km/h were recorded on the coast.')).toEqual(['number: 100 | 130']);
    // Agreeing figures, and a depth against a distance, are no dispute.
    expect(differ(gusts, 'Gusts hit 61 mph on the coast overnight, forecasters said.')).toEqual([]);
    expect(differ('The quake struck 10 km deep, officials said.', 'The quake struck 55 km south of Bireun, officials said.')).toEqual([]);
    // A count is still of what follows it: "nine points" and "nine rebounds" are two things.
    expect(differ('Carter scored 14 points in the game.', 'Carter had 12 rebounds in the game.')).toEqual([]);
  });

  it('residents and people count the same people; the dead and the evacuated do not', () => {
    expect(differ('The derailment forced 2,000 residents to leave their homes.', 'The derailment forced 2,500 people to leave their homes.')).toEqual(['number: 2000 | 2500']);
    expect(differ('The derailment forced 2,000 residents to leave their homes.', 'The derailment forced 2,000 people to leave their homes.')).toEqual([]);
    expect(differ('The quake killed 12 residents of the town.', 'The quake forced 2,000 people to leave the town.')).toEqual([]);
  });

  it('villagers are people too, and villages are not (their stems are one: review 27)', () => {
    expect(show('Troops evacuated 300 villagers.')).toEqual(['number 300 peopl']);
    expect(show('Troops evacuated 30 villages.')).toEqual(['number 30 villag']);
    expect(differ('The flood forced 300 villagers to leave their homes.', 'The flood forced 500 people to leave their homes.')).toEqual(['number: 300 | 500']);
    expect(differ('The flood forced 300 villagers to leave their homes.', 'The flood forced 300 residents to leave their homes.')).toEqual([]);
    expect(differ('Gunmen killed 30 villagers.', '30 people were killed.')).toEqual([]);
  });

  it('a speed glued to its number ("90km/h") is in km/h, as "90 km/h" is', () => {
    expect(show('Winds of 90km/h hit the coast.')).toEqual(['number 90 kmh']);
    expect(extractSlots('Winds of 90km/h hit the coast.').find((s) => s.kind === 'number')?.text).toBe('90km/h');
    expect(differ('Winds of 90km/h hit the coast.', 'Winds of 110 km/h hit the coast.')).toEqual(['number: 90 | 110']);
    expect(differ('Winds of 90km/h hit the coast.', 'Winds of 90 km/h hit the coast.')).toEqual([]);
  });
});
