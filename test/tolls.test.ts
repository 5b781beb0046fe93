/**
 * Tolls, counts of the injured, passengers and magnitudes however news writes them (slots/tolls.ts,
 * slots/magnitudes.ts, slots/context.ts): each phrasing disputes a different figure given another way, and agrees
 * with the same figure given another way; the dead are never set against the injured. Sentences are made up, after
 * the review's Turkey and Skye stories.
 */
import { describe, expect, it } from 'vitest';
import { disagreements, extractSlots } from '../src/facts/slots/index.js';

/** Disagreements as "kind: a-values | b-values". */
const differ = (a: string, b: string): string[] =>
  disagreements(extractSlots(a), extractSlots(b)).map((d) => `${d.kind}: ${d.a.map((s) => s.value).join(',')} | ${d.b.map((s) => s.value).join(',')}`);

/** Number slots as "value unit". */
const show = (text: string): string[] => extractSlots(text).flatMap((s) => (s.kind === 'number' ? [`${s.value} ${s.unit ?? '-'}`] : []));

const KILLED_39 = '39 people were killed, officials said.';

describe('a death toll, however it is written, is a count of the dead', () => {
  const phrasings: readonly [string, string][] = [
    ['The death toll has risen to 41, officials said.', 'The death toll has risen to 39, officials said.'],
    ['The death toll rose to 41.', KILLED_39],
    ['The quake killed 41.', KILLED_39],
    ['Officials put the death toll at 41.', KILLED_39],
    ['The number of dead stands at 41.', KILLED_39],
    ['The number of people killed rose to 41.', KILLED_39],
    ['A death toll of 41 was given by officials.', KILLED_39],
    ['The quake struck at dawn, killing 41.', KILLED_39],
    ['The quake left 41 dead.', KILLED_39],
    ['Officials said 41 were killed.', KILLED_39],
    ['Officials said 41 have died.', KILLED_39],
    ['There were 41 deaths.', KILLED_39],
    ['41 people lost their lives in the quake.', '39 people died in the quake.'],
  ];

  it.each(phrasings)('"%s" disputes "%s"', (a, b) => {
    expect(show(a)).toEqual(['41 dead']);
    expect(differ(a, b)).toEqual(['number: 41 | 39']);
  });

  it.each(phrasings)('"%s" agrees with the same figure given as people killed', (a) => {
    expect(differ(a, '41 people were killed, officials said.')).toEqual([]);
  });

  it('"death toll rose to 41" does not dispute "41 people were killed"', () => {
    expect(differ('The death toll rose to 41.', '41 people were killed.')).toEqual([]);
  });

  it('keeps the bounds: "at least 39" is not disputed by a toll of 41, "at least 42" is', () => {
    expect(differ('The death toll has risen to 41.', 'At least 39 people have died.')).toEqual([]);
    expect(differ('The death toll has risen to 41.', 'The quake killed at least 42 people.')).toEqual(['number: 41 | 42']);
    expect(differ('The quake killed up to 41.', 'Officials said 39 were killed.')).toEqual([]);
  });

  it('a toll compared with the figure it rose from is agreed on ("rose to 41 from 39" against 39)', () => {
    expect(differ('The death toll rose to 41 from 39.', 'The death toll stood at 39.')).toEqual([]);
  });

  it('a number that is no toll stays uncounted: "rescued 41", a toll far back in another clause', () => {
    expect(show('Rescuers pulled 41 from the rubble.')).toEqual(['41 -']);
    expect(show('The death toll rose, and rescuers reached 41.')).toEqual(['41 -']);
    expect(show('The quake killed 41 sheep.')).toEqual(['41 sheep']);
  });
});

describe('a relative clause between the toll and its figure (review 27, finding 4)', () => {
  const AP = 'LIMA, Peru (AP) — The death toll from a landslide that buried homes in central Peru rose to 19 on Monday, officials said.';
  const REUTERS = 'LIMA, Nov 23 (Reuters) - The death toll from a landslide that buried homes in central Peru rose to 23 on Monday, officials said.';

  it('is passed over: "the death toll from a landslide that buried homes … rose to 19" is a toll', () => {
    expect(show(AP)).toEqual(['19 dead']);
    expect(differ(AP, REUTERS)).toEqual(['number: 19 | 23']);
    expect(differ(AP, 'LIMA (AP) — The landslide killed 19 people, officials said.')).toEqual([]);
  });

  it('with "which" or "who", and between commas', () => {
    expect(show('The death toll from the quake, which struck before dawn in eastern Turkey, has risen to 41.')).toEqual(['41 dead']);
    expect(show('The toll from the storm which flattened the coastal villages rose to 41.')).toEqual(['41 dead']);
    expect(show('The death toll among miners who were trapped in the shaft rose to 41.')).toEqual(['41 dead']);
    // "that" as a determiner is no clause either.
    expect(show('The death toll in that town rose to 41.')).toEqual(['41 dead']);
  });

  it('is passed over once: a clause that starts otherwise still ends the look-back', () => {
    expect(show('The death toll rose, and rescuers who reached the town found 41.')).toEqual(['41 -']);
    expect(show('The death toll from the quake that struck the town that lies in the valley rose to 41.')).toEqual(['41 -']);
    expect(show('The death toll rose after the rescuers said that the search reached 41.')).toEqual(['41 -']);
  });
});

describe('the injured are kept apart from the dead', () => {
  it('"41 dead" and "41 injured" (or "39 injured") do not conflict', () => {
    expect(differ('The quake left 41 dead.', 'The quake left 41 injured.')).toEqual([]);
    expect(differ('The quake left 41 dead.', 'The quake left 39 injured.')).toEqual([]);
    expect(differ('The quake killed 41.', 'The quake injured 39.')).toEqual([]);
  });

  it('the injured dispute the injured, whatever the wording', () => {
    expect(show('The quake injured 1,600.')).toEqual(['1600 injur']);
    expect(differ('The quake injured 1,600.', '1,500 people were injured in the quake.')).toEqual(['number: 1600 | 1500']);
    expect(differ('The quake left 1,600 wounded.', 'The quake injured 1,600 people.')).toEqual([]);
  });

  it('a shared count of the injured no longer hides a disputed toll in the same sentences', () => {
    expect(differ('The death toll has risen to 41, with 1,600 people injured.', 'The quake killed 42 and injured 1,600 people.')).toEqual(['number: 41 | 42']);
  });

  it('people counted otherwise ("30 people were rescued") are not a toll', () => {
    expect(show('30 people were rescued.')).toEqual(['30 peopl']);
    expect(differ('30 people were rescued alive.', 'The quake killed 45.')).toEqual([]);
  });
});

describe('passengers on board', () => {
  it('"with 120 passengers on board" disputes "carrying 112 passengers"', () => {
    expect(differ('A ferry ran aground with 120 passengers on board.', 'A ferry carrying 112 passengers ran aground near Uig.')).toEqual(['number: 120 | 112']);
    expect(differ('A ferry ran aground with 120 passengers aboard.', 'A ferry carrying 112 passengers ran aground.')).toEqual(['number: 120 | 112']);
  });

  it('passengers killed are not the passengers on board', () => {
    expect(differ('The plane crashed, killing 41 passengers.', 'The plane was carrying 120 passengers.')).toEqual([]);
  });
});

describe('magnitudes, with the unit word before or after the figure', () => {
  it('"magnitude 6.8", "magnitude-6.8", "a magnitude of 6.8", "6.8-magnitude", "6.8 magnitude" are one unit', () => {
    for (const t of ['The magnitude 6.8 quake hit.', 'A magnitude-6.8 quake hit.', 'A quake of magnitude 6.8 hit.', 'A 6.8-magnitude quake hit.', 'A 6.8 magnitude quake hit.', 'A quake measuring 6.8 on the Richter scale hit.']) {
      expect(show(t), t).toEqual(['6.8 magnitud']);
    }
  });

  it('one outlet\'s 6.7 disputes another\'s 6.8 of the same quake; the same figure written otherwise agrees', () => {
    expect(differ('The magnitude 6.7 quake hit the province of Elazig.', 'The magnitude 6.8 quake struck the province of Elazig on Friday.')).toEqual(['number: 6.7 | 6.8']);
    expect(differ('A magnitude-6.8 quake hit.', 'A 6.7-magnitude earthquake hit.')).toEqual(['number: 6.8 | 6.7']);
    expect(differ('A magnitude-6.8 quake hit.', 'A 6.8-magnitude earthquake hit.')).toEqual([]);
  });

  it('reads "magnitude 9. 1" as 9.1, and gives no slot to the halves of a figure split into two sentences', () => {
    expect(show('In 2004, a magnitude 9. 1 quake triggered a tsunami.')).toEqual(['9.1 magnitud']);
    expect(show('In 2004, a magnitude 9.')).toEqual([]);
    expect(show('1 magnitude earthquake hit Aceh.')).toEqual([]);
    expect(show('0 magnitude.')).toEqual([]);
  });
});
