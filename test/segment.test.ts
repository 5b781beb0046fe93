import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { splitSentences, type Span } from '../src/text/segment.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

/** The first invariant a result breaks, or null: in bounds, ordered, non-overlapping, trimmed, non-empty, covering. */
function violation(text: string, spans: readonly Span[]): string | null {
  const space = (i: number): boolean => /\s/.test(text.charAt(i));
  let prevEnd = 0;
  for (const { start, end } of spans) {
    if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer span ${start}-${end}`;
    if (start < prevEnd) return `span ${start}-${end} overlaps or precedes ${prevEnd}`;
    if (end <= start || end > text.length) return `span ${start}-${end} empty or out of bounds`;
    if (space(start) || space(end - 1)) return `span ${start}-${end} not trimmed`;
    for (let i = prevEnd; i < start; i++) if (!space(i)) return `char ${i} not in any span`;
    prevEnd = end;
  }
  for (let i = prevEnd; i < text.length; i++) if (!space(i)) return `char ${i} not in any span`;
  return null;
}

const checkSpans = (text: string, spans: readonly Span[]): void => {
  expect(violation(text, spans)).toBeNull();
};

describe('splitSentences: basics', () => {
  it('splits plain sentences and trims each span', () => {
    expect(split('  Rebels attacked. The army responded.  ')).toEqual(['Rebels attacked.', 'The army responded.']);
  });
  it('returns nothing for blank input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \t\u00a0 ')).toEqual([]);
  });
  it('keeps a heading without terminal punctuation as one sentence', () => {
    expect(split('Geneva peace talks to resume')).toEqual(['Geneva peace talks to resume']);
  });
  it('keeps a trailing fragment after the last terminator', () => {
    expect(split('It rained. Then')).toEqual(['It rained.', 'Then']);
  });
  it('does not split a period without following whitespace', () => {
    expect(split('Visit reuters.com for more. Or not.')).toEqual(['Visit reuters.com for more.', 'Or not.']);
  });
  it('does not split before a lowercase word', () => {
    expect(split('He said it was fine. the end.')).toEqual(['He said it was fine. the end.']);
  });
});

describe('splitSentences: abbreviations and initials', () => {
  it.each([
    'The U.S. envoy met the U.N. chief on Monday.',
    'Mr. Smith and Mrs. Jones met Dr. Brown.',
    'Gen. Ali and Lt. Col. Omar spoke to Sen. Kerry, Rep. Lee and Gov. Cuomo.',
    'They walked down St. James Street.',
    'It happened on Jan. 12 and again on Dec. 3 last year.',
    'Talks slipped from early Feb. to late Mar. at the earliest.',
    'Apple Inc. and Acme Corp. sued Foo Ltd. and Bar Co. over patents.',
    'He is the No. 5 seed in the draw.',
    'It was Syria vs. Turkey in the final.',
    'Some groups, e.g. Failaq al Rahman, i.e. the main one, joined.',
    'The crowd was approx. 5,000 people.',
    'George W. Bush spoke first.',
    'J. R. R. Tolkien wrote it.',
    'Martin Luther King Jr. spoke in Washington, D.C. on that day.',
  ])('keeps "%s" whole', (sentence) => {
    expect(split(sentence)).toEqual([sentence]);
  });
  it('splits after U.S. when a common sentence starter follows', () => {
    expect(split('The talks were held in the U.S. The next day they ended.'))
      .toEqual(['The talks were held in the U.S.', 'The next day they ended.']);
    expect(split('He lives in the U.K. But he was born here.'))
      .toEqual(['He lives in the U.K.', 'But he was born here.']);
  });
  it('does not split after U.S. before a name', () => {
    expect(split('He served in the U.S. Army for a decade.')).toEqual(['He served in the U.S. Army for a decade.']);
  });
  it('splits after a month abbreviation or No. followed by a capital', () => {
    expect(split('He said no. The talks failed.')).toEqual(['He said no.', 'The talks failed.']);
    expect(split('It ended in Dec. Rebels then regrouped.')).toEqual(['It ended in Dec.', 'Rebels then regrouped.']);
  });
  it('splits after a company suffix before a sentence starter', () => {
    expect(split('He works for Acme Inc. It makes rockets.')).toEqual(['He works for Acme Inc.', 'It makes rockets.']);
  });
  it('treats an initial followed by a starter-like initial as a name', () => {
    expect(split('J. A. Smith was there.')).toEqual(['J. A. Smith was there.']);
  });
});

describe('splitSentences: times and numbers', () => {
  it.each([
    'The attack began at 5.00 a.m. on Tuesday.',
    'The attack began at 5:00 am on Tuesday.',
    'It ended at 10 p.m. on Tuesday.',
    'Growth slowed to 3.5 percent.',
    'The deal is worth $1.2 billion in total.',
    'At 5:00 am (0300 GMT) we launched the offensive.',
  ])('keeps "%s" whole', (sentence) => {
    expect(split(sentence)).toEqual([sentence]);
  });
  it('splits after a.m. before a sentence starter', () => {
    expect(split('It began at 5.00 a.m. The next day it stopped.'))
      .toEqual(['It began at 5.00 a.m.', 'The next day it stopped.']);
  });
  it('splits after a year or other number', () => {
    expect(split('It started in 2015. Russia joined later.')).toEqual(['It started in 2015.', 'Russia joined later.']);
  });
  it('keeps a German date with an ordinal dot whole, and still splits after a bare number', () => {
    const s = 'TOKIO, 12. März (dpa) - Ein Erdbeben hat am 1. Oktober den Norden erschüttert.';
    expect(split(s)).toEqual([s]);
    expect(split('The toll rose to 12. March marchers then left.')).toEqual(['The toll rose to 12.', 'March marchers then left.']);
    expect(split('Die Zahl stieg auf 12. Die Polizei sagte das.')).toEqual(['Die Zahl stieg auf 12.', 'Die Polizei sagte das.']);
  });
  it('keeps a German date with an abbreviated month whole ("27. Nov. 2026"), not a day before "Jan" the name', () => {
    const s = 'Das Leck entstand am 27. Nov. 2026 in Lübeck, am 3. Okt. war es entdeckt worden.';
    expect(split(s)).toEqual([s]);
    expect(split('He wore No. 12. Jan Smith said so.')).toEqual(['He wore No. 12.', 'Jan Smith said so.']);
  });
  it('keeps German abbreviations inside a sentence: z. B., Nr., Mio.', () => {
    for (const s of ['Viele Länder, z. B. Frankreich, stimmten zu.', 'Er trug die Nr. 10 im Team.', 'Die Stadt zahlte 5 Mio. Euro dafür.']) {
      expect(split(s)).toEqual([s]);
    }
  });
  it('keeps the seed sentence with 5.00 a.m., as one', () => {
    const s = 'The spokesman for one of the main insurgent groups involved in the attack told Reuters new offensive ' +
      'began at 5.00 a.m., targeting an area rebel fighters had seized from government control on Sunday before ' +
      'being forced to retreat.';
    expect(split(s)).toEqual([s]);
  });
});

describe('splitSentences: quotations', () => {
  it('keeps a multi-sentence quotation inside one sentence (seed)', () => {
    const s = 'A rebel spokesman confirmed the report: "At 5:00 am (0300 GMT) we launched the new offensive and we ' +
      'restored all the points we withdrew from on Monday. We have fire control over the Abassiyin garages and ' +
      'began storming it," Wael Alwan, a spokesman for the main rebel group, Failaq al Rahman, said.';
    expect(split(s)).toEqual([s]);
  });
  it('ends a sentence after a closing curly quote (seed)', () => {
    const a = 'A Syrian military source told Reuters rebel fighters had entered the area, setting off a car bomb at ' +
      'the start of the attack.';
    const b = 'The source said a group of rebels that had entered the area had been encircled and were ' +
      '“being dealt with.”';
    expect(split(`${a} ${b}`)).toEqual([a, b]);
  });
  it('ends after a closing straight quote and splits after it before a capital', () => {
    expect(split('It was fighting "Syrian militants." Rebels denied it.'))
      .toEqual(['It was fighting "Syrian militants."', 'Rebels denied it.']);
  });
  it('keeps curly multi-sentence quotes whole', () => {
    const s = '“We won. They lost,” he said.';
    expect(split(s)).toEqual([s]);
  });
  it('does not swallow the paragraph after a stray opening quote', () => {
    expect(split('He said "we won. They lost. It is over.')).toEqual(['He said "we won.', 'They lost.', 'It is over.']);
  });
  it('ignores a stray closing quote', () => {
    expect(split('We won. They lost," he said. Then he left.'))
      .toEqual(['We won.', 'They lost," he said.', 'Then he left.']);
  });
  it('pairs quotes locally when one is stray', () => {
    expect(split('He said "maybe. Then she left. "We won. It is over," she said.'))
      .toEqual(['He said "maybe.', 'Then she left.', '"We won. It is over," she said.']);
  });
  it('uses single curly quotes when they clearly quote', () => {
    const s = '‘We won. They lost,’ he said.';
    expect(split(s)).toEqual([s]);
  });
  it('does not treat apostrophes as quotes', () => {
    expect(split('Russia’s army advanced. The Shi’ite militia held. They don’t agree. It’s over.'))
      .toEqual(['Russia’s army advanced.', 'The Shi’ite militia held.', 'They don’t agree.', 'It’s over.']);
    expect(split("Russia's army advanced. The rebels' gains held. Rebels' men left.")).toEqual([
      "Russia's army advanced.", "The rebels' gains held.", "Rebels' men left.",
    ]);
  });
  it('splits after a quote that ends at the paragraph and starts the next sentence with a quote', () => {
    expect(split('“They are encircled,” the army said. “We will win.”'))
      .toEqual(['“They are encircled,” the army said.', '“We will win.”']);
  });
});

describe('splitSentences: ? ! ellipsis and brackets', () => {
  it('splits on ? and !', () => {
    expect(split('Why now? Nobody knows! It is over.')).toEqual(['Why now?', 'Nobody knows!', 'It is over.']);
  });
  it('applies the quote rules to ? and !', () => {
    expect(split('"Why now?" he asked.')).toEqual(['"Why now?" he asked.']);
    expect(split('"Go home!" She left.')).toEqual(['"Go home!"', 'She left.']);
    expect(split('"Why? Who knows?" He left.')).toEqual(['"Why? Who knows?"', 'He left.']);
  });
  it('splits on an ellipsis only before a capital', () => {
    expect(split('He paused... Then he left.')).toEqual(['He paused...', 'Then he left.']);
    expect(split('He paused… Then he left.')).toEqual(['He paused…', 'Then he left.']);
    expect(split('He paused... and then left.')).toEqual(['He paused... and then left.']);
  });
  it('does not end a sentence inside brackets', () => {
    const s = 'The attack (the third this week. Officials expect more) was repelled.';
    expect(split(s)).toEqual([s]);
  });
  it('ends a sentence after brackets that close a full sentence', () => {
    expect(split('(The army denied it.) Rebels said otherwise.')).toEqual(['(The army denied it.)', 'Rebels said otherwise.']);
    expect(split('He left (at 5 p.m.). Then he came back.')).toEqual(['He left (at 5 p.m.).', 'Then he came back.']);
  });
});

describe('splitSentences: unicode', () => {
  it('treats non-breaking spaces as whitespace', () => {
    expect(split('\u00a0It rained.\u00a0The\u202fend.\u00a0')).toEqual(['It rained.', 'The\u202fend.']);
  });
  it('does not split at en or em dashes', () => {
    const s = 'Dozens of tanks were deployed – an unusual scene — for residents.';
    expect(split(s)).toEqual([s]);
  });
  it('recognises non-ASCII capitals and lowercase', () => {
    expect(split('He left. Éric stayed. It was fine. élan followed.'))
      .toEqual(['He left.', 'Éric stayed.', 'It was fine. élan followed.']);
  });
});

describe('splitSentences: adversarial input', () => {
  const cases: Array<[string, string]> = [
    ['1 MB with no spaces', 'ab.'.repeat(350_000)],
    ['200,000 dots', '.'.repeat(200_000)],
    ['200,000 spaced dots', '. '.repeat(200_000)],
    ['100,000 straight quotes', '"'.repeat(100_000)],
    ['100,000 mixed quotes and periods', '“a. ”b. ‘c. ’d. \'e. "f. '.repeat(16_000)],
    ['1 MB of spaces', ' '.repeat(1_000_000)],
    ['many short sentences', 'A. B. U.S. The end. '.repeat(50_000)],
    ['deep brackets', '('.repeat(100_000) + 'x. Y.' + ')'.repeat(100_000)],
  ];
  it.each(cases)('handles %s', (_name, text) => {
    checkSpans(text, splitSentences(text));
  });
  it('never puts a span inside 1 MB of spaces', () => {
    expect(splitSentences(' '.repeat(1_000_000))).toEqual([]);
  });
});

describe('splitSentences: properties', () => {
  const units = ['a', 'B', 'U', 'S', 'The', ' ', ' ', '\u00a0', '.', '.', '?', '!', '…', '"', '“', '”', '‘', '’',
    "'", '(', ')', '[', ']', '5', ':', ',', '–', 'Mr', 'é'];
  it('spans are in bounds, ordered, non-overlapping, trimmed, non-empty and cover all text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 80 }), (text) => {
        checkSpans(text, splitSentences(text));
      }),
      { seed: 20240521, numRuns: 2000 },
    );
  });
  it('holds for long strings from a seeded generator', () => {
    let state = 0x9e3779b9;
    const next = (): number => {
      state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
      return state;
    };
    for (let round = 0; round < 20; round++) {
      let text = '';
      for (let i = 0; i < 5_000; i++) text += units[next() % units.length] ?? '';
      checkSpans(text, splitSentences(text));
    }
  });
});
