import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, cleanParagraphs, lineHashes, MAX_RECURRING_WORDS, normalisedHash, recurringLines } from '../src/clean/boilerplate.js';
import { hashString } from '../src/fingerprint/hash.js';
import { isLinkText, looksLikeFurniture } from '../src/clean/furniture.js';
import { sentencesOf } from '../src/clean/sentences.js';
import { sourceOf, toArticles } from '../src/clean/articles.js';
import { parseArticle } from '../src/input/parse.js';
import type { Article, DroppedLine, ParsedArticle } from '../src/types.js';

const SEED_0 = 'seeds/000_599fd1684341c80a.txt';
const SEED_1 = 'seeds/001_9d1f47d9723a6f2b.txt';

function seed(path: string): ParsedArticle {
  const result = parseArticle({ path, text: readFileSync(new URL(`../${path}`, import.meta.url), 'utf8') });
  if (!result.ok) throw new Error(`${path}: ${result.reason}`);
  return result.article;
}

function article(path: string, paragraphs: readonly string[], meta: ParsedArticle['meta'] = {}, title = 'A headline'): ParsedArticle {
  return { path, title, paragraphs, meta };
}

const byPath = (articles: readonly Article[]): Map<string, Article> => new Map(articles.map((a) => [a.path, a]));

describe('normalisedHash', () => {
  it('equals the hash of the lower-cased, whitespace-folded, trimmed line, for any line', () => {
    const unit = fc.constantFrom('a', 'Z', 'q', '1', '.', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '\u200b', 'É', 'é', 'İ', 'ß', 'Σ', 'σ', 'Ω', 'Ж', 'ǅ', '’', '“', '—', '…', '😀', '\ud800');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (line) => {
        expect(normalisedHash(line)).toBe(hashString(line.toLowerCase().replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 2000 },
    );
    expect(normalisedHash('  Follow US on   Twitter\t')).toBe(hashString('follow us on twitter'));
  });

  it('gives the same on ASCII lines (hashed from their bytes), of any length, and on other lines that fill the byte array', () => {
    const ascii = fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c));
    const spaced = fc.constantFrom('a', 'B', ' ', '  ', '\t', '\r\n', '\v', '\x1c', '\x7f', '-');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: ascii, maxLength: 60 }), fc.string({ unit: spaced, maxLength: 60 })), (line) => {
        expect(normalisedHash(line)).toBe(hashString(line.toLowerCase().replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 3000 },
    );
    // A line that is not ASCII and exactly fills the scratch array (an ASCII line of that length made it so):
    // its UTF-8 is cut where the array ends, as long as the line, and must not pass for ASCII (helper-35 found
    // two such lines that hashed alike, and a recurring line missed because of it).
    const fill = 'a'.repeat(65_536);
    expect(normalisedHash(fill)).toBe(hashString(fill));
    for (const end of ['b', 'c']) {
      const line = `é${'a'.repeat(65_534)}${end}`;
      expect(normalisedHash(line)).toBe(hashString(line));
    }
    // Past the scratch array's first size, and past the longest line hashed from bytes.
    for (const line of [' Word '.repeat(1000), 'x Y '.repeat(20_000), `${'a'.repeat(70_000)}é`]) {
      expect(normalisedHash(line)).toBe(hashString(line.toLowerCase().replace(/\s+/g, ' ').trim()));
    }
  });
});

describe('classifyLine: the seed boilerplate', () => {
  it.each([
    ['TRT World and Agencies', 'credit'],
    ['A still image taken from a video shows rebel fighters in Damascus.', 'caption'],
    ["TRT World's Shamim Chowdhury has more from Turkish-Syrian border city of Gaziantep.", 'promo'],
    ['Route 6', 'short'],
    ['Geneva peace talks to resume', 'heading'],
    ['MESSAGE TO RUSSIA', 'heading'],
  ])('%s → %s', (line, reason) => {
    expect(classifyLine(line)).toBe(reason);
  });
});

describe('classifyLine: other boilerplate', () => {
  it.each([
    ['Reporting by Tom Perry; Editing by Alison Williams', 'credit'],
    ['Additional reporting by Ellen Francis', 'credit'],
    ['(Reporting by Steve Scherer)', 'credit'],
    ['© 2017 Reuters', 'credit'],
    ['Copyright 2017 Reuters. All rights reserved.', 'credit'],
    ['Photo: Reuters/Omar Sanadiki', 'credit'],
    ['Reuters and agencies', 'credit'],
    ['Follow us on Twitter', 'promo'],
    ['Read more: Rebels regroup in Eastern Ghouta', 'promo'],
    ['Click here to read the full statement.', 'promo'],
    ['A photo shows smoke rising over Jobar.', 'caption'],
    ['Subscribe', 'short'],
    // Publication time stamps on their own line: each copy of a story has its own, which made facts and date conflicts.
    ['26 September 2013, 10:00 (GMT+05:00)', 'credit'],
    ['Updated 10:37 GMT', 'credit'],
    ['Published: March 3, 2017 at 5:02 pm ET', 'credit'],
    ['Tuesday 21 March 2017 10.37 GMT', 'credit'],
    ['Sept. 5, 2013 | 4:30 p.m.', 'credit'],
    ['Originally published 05/03/2013 at 10:20 AM EDT', 'credit'],
    ['UPDATED 05 / 03 / 2013 at 11: 00 AM EDT', 'credit'],
    // Captions that end in their picture's credit, as printed under the text.
    ['Firefighters work at the scene of the blaze in Lodi on Tuesday. Photograph: Luca Bruno/AP', 'caption'],
    ['A photo released by the ministry shows the damaged bridge. (AP Photo/Hussein Malla)', 'caption'],
    // Editors' notes about the article itself.
    ['This story has been updated with comment from the ministry.', 'notice'],
    ['This is a developing story and will be updated.', 'notice'],
    ['Our Standards: The Thomson Reuters Trust Principles.', 'notice'],
    ["Editor's note: This story was updated at 1:40 p.m. ET with the new death toll.", 'notice'],
    // Corrections (review 27 #3): a notice that says what was wrong, and whatever follows a correction's opening,
    // "said" and quotations too.
    ['This article was amended on 3 May 2024 to correct the number of people injured.', 'correction'],
    ["Correction: An earlier version of this article misstated the mayor's name.", 'correction'],
    ['An earlier version of this article misstated the number of passengers.', 'correction'],
    ['CORRECTION: An earlier version of this report said 41 homes were destroyed. The institute said 38.', 'correction'],
    ["An earlier version of this story misstated the mayor's first name. He is Julio Huamán, not Carlos Huamán.", 'correction'],
    ['Correction: A previous version of this article gave the wrong first name for the mayor of Chaglla.', 'correction'],
    ["This story has been corrected to show that the mayor's name is Julio Huamán.", 'correction'],
    ["Editor's note: An earlier version of this story said the minister \u201cwould resign.\u201d She said she \u201cwould not resign.\u201d", 'correction'],
    ['Clarification: The ministry said the figure included people treated at the scene.', 'correction'],
    ['Fe de erratas: una versión anterior de esta noticia decía que 41 viviendas fueron destruidas.', 'correction'],
    ["(Corrects mayor's first name in paragraph 3 to Julio from Carlos)", 'correction'],
    ['Refiles to correct typo in headline', 'correction'],
    ['This version corrects the spelling of the mayor\'s name.', 'correction'],
    ['(Story corrects headline to show the toll rose to 23, not 32)', 'correction'],
    ['• This article was amended on 29 November 2026. An earlier version gave the wrong toll.', 'correction'],
    // Agency revision notes: what a version changed, a verb with no subject.
    ['Adds new death toll, emergency declaration in paragraphs 1 and 4; updates missing in paragraph 3.', 'revision'],
    ['Recasts with government declaration, adds quotes from prime minister.', 'revision'],
    ['Updates with latest figures from civil defense institute.', 'revision'],
    ['(Adds comment from ministry, background)', 'revision'],
    ['(Updates death toll)', 'revision'],
    ['Refiles to add dropped word in paragraph 2', 'revision'],
    ['Changes dateline to LIMA from HUANUCO', 'revision'],
    ['Eds: Updates with details.', 'revision'],
    ['Writes through with new death toll, quotes', 'revision'],
    // Link text that stands for the rest of the article, alone on its line (review 26 #3).
    ['Continue reading...', 'promo'],
    ['Read more »', 'promo'],
    ['Full story', 'promo'],
    ['Keep reading →', 'promo'],
    ['Read the full story…', 'promo'],
    // Sub-headings that end in a colon.
    ['About the prison:', 'heading'],
    ['What we know so far:', 'heading'],
  ])('%s → %s', (line, reason) => {
    expect(classifyLine(line)).toBe(reason);
  });
});

describe('classifyLine: news is kept', () => {
  it.each([
    'More than 100 people were killed.',
    'He died.',
    'Smith said.',
    'Police said the man, 34, was arrested.',
    'Russia, Iran and Turkey brokered an uneasy ceasefire in Syria earlier this year.',
    'A military media unit run by Hezbollah said that fighting continued in the towns.',
    '“There is no place that has not been hit,” said Abu Abdo a field commander from Failaq al Rahman brigade.',
    'On March 3, 2017, rebels attacked.',
    'The vote is on Monday at 10 am.',
    // A line that introduces a quote, and news that mentions a photograph or an update.
    'He said:',
    'The minister told reporters:',
    'The statement read:',
    'The ministry added:',
    'In a letter, the captain wrote:',
    "This is a developing story for the island's economy, which depends on the ferry, the council leader said.",
    'The report was amended on Tuesday to include the names of the crew, the coastguard said.',
    // Plural nouns that are revision verbs too, a sentence with a subject, a correction someone else made.
    'Updates to the app will be rolled out in stages, the company said.',
    'Changes to the law take effect in paragraph form next year.',
    'Fixes for the bridge will take three months.',
    'Adds and removals to the list are published every month.',
    // A bill's provisions, listed as verbs with no subject: words of news that editors use too, then their own noun.
    'Expands background checks to gun shows.',
    'Removes lead pipes from schools.',
    'Adds photo ID requirement for voters.',
    'Replaces the headline tax rate with a flat rate.',
    'The newspaper published a correction on Tuesday.',
    'Officials corrected the death toll to 38 on Tuesday.',
    'The ministry said an earlier version of its report had overstated the damage.',
    'The photograph: a grainy image of two men, was shown in court on Monday.',
    'The ministry updated its figures on Tuesday.',
    'Police released a photo of the suspect on Monday.',
    'He said he would continue reading the files.',
  ])('%s', (line) => {
    expect(classifyLine(line)).toBeUndefined();
  });
});

describe('cleaning the seeds', () => {
  const { articles, empty } = toArticles([seed(SEED_0), seed(SEED_1)]);
  const trt = byPath(articles).get(SEED_0) as Article;
  const reuters = byPath(articles).get(SEED_1) as Article;
  const keptText = (a: Article): string => a.sentences.map((s) => s.text).join('\n');

  it('keeps both seeds', () => {
    expect(empty).toEqual([]);
    expect(articles.map((a) => a.path).sort()).toEqual([SEED_0, SEED_1]);
  });

  it('drops exactly the boilerplate lines of seed 000, each with its reason', () => {
    expect(trt.dropped).toEqual([
      { text: 'A still image taken from a video shows rebel fighters in Damascus.', reason: 'caption' },
      { text: 'TRT World and Agencies', reason: 'credit' },
      { text: 'A still image taken from a video shows rebel fighters in Damascus.', reason: 'caption' },
      { text: "TRT World's Shamim Chowdhury has more from Turkish-Syrian border city of Gaziantep.", reason: 'promo' },
      { text: 'Geneva peace talks to resume', reason: 'heading' },
      { text: 'Route 6', reason: 'short' },
    ]);
  });

  it('drops only the sub-heading of seed 001', () => {
    expect(reuters.dropped).toEqual([{ text: 'MESSAGE TO RUSSIA', reason: 'heading' }]);
  });

  it('keeps the news sentences, including short ones and quotes', () => {
    expect(keptText(trt)).toContain('Russia, Iran and Turkey brokered an uneasy ceasefire in Syria earlier this year.');
    expect(keptText(trt)).toContain('"They are encircled," the army said in a statement');
    expect(keptText(reuters)).toContain('A military media unit run by Hezbollah said that fighting continued in the towns.');
    expect(keptText(reuters)).toContain('at least 143 air raids');
    for (const a of [trt, reuters]) {
      for (const d of a.dropped) expect(keptText(a)).not.toContain(d.text);
    }
  });

  it('keeps every sentence exactly as it stands in the file', () => {
    for (const a of articles) {
      const file = readFileSync(new URL(`../${a.path}`, import.meta.url), 'utf8');
      for (const s of a.sentences) expect(file).toContain(s.text);
      expect(a.sentences.map((s) => s.index)).toEqual(a.sentences.map((_, i) => i));
    }
  });
});

describe('cleanParagraphs', () => {
  it('drops a short line that an article repeats as a caption', () => {
    const a = article('a.txt', ['Smoke over the old city walls at dusk.', 'The army said it had regained the area.', 'Smoke over the old city walls at dusk.']);
    expect(cleanParagraphs(a, new Set())).toEqual({
      paragraphs: ['The army said it had regained the area.'],
      dropped: [
        { text: 'Smoke over the old city walls at dusk.', reason: 'caption' },
        { text: 'Smoke over the old city walls at dusk.', reason: 'caption' },
      ],
    });
  });

  it('counts a line repeated in another case or spacing as a repeat, and only that line', () => {
    const a = article('a.txt', ['Smoke over the old city walls at dusk.', 'The army said it had regained the area.', 'SMOKE over  the old city\twalls at dusk.', 'Smoke over the old city walls at dawn.']);
    expect(cleanParagraphs(a, new Set())).toEqual({
      paragraphs: ['The army said it had regained the area.', 'Smoke over the old city walls at dawn.'],
      dropped: [
        { text: 'Smoke over the old city walls at dusk.', reason: 'caption' },
        { text: 'SMOKE over  the old city\twalls at dusk.', reason: 'caption' },
      ],
    });
  });
});

describe('recurring lines', () => {
  const FURNITURE = 'Our correspondent contributed to this report from the regional bureau.';
  const BACKGROUND = 'Russia deployed its air force in Syria in 2015 in support of Assad in his war against rebels.';
  const withLine = (line: string): ParsedArticle[] => [
    article('a.txt', ['Heavy rain flooded the valley on Monday night.', line, 'The mayor declared a state of emergency.']),
    article('b.txt', ['A new bridge over the river opened to traffic on Friday.', line, 'It cost more than it was meant to.']),
    article('c.txt', ['Talks between the two unions broke down again today.', line, 'A strike could start within the week.']),
  ];
  const stories = withLine(FURNITURE);

  it('drops a line found in three articles with different neighbours as recurring', () => {
    const recurring = recurringLines(stories);
    expect(recurring.size).toBe(1);
    for (const s of stories) {
      const cleaned = cleanParagraphs(s, recurring);
      expect(cleaned.dropped).toEqual([{ text: FURNITURE, reason: 'recurring' }]);
      expect(cleaned.paragraphs).toEqual(s.paragraphs.filter((p) => p !== FURNITURE));
    }
  });

  it('matches recurring lines ignoring case and spacing', () => {
    const shouty = article('d.txt', ['Something else happened entirely today.', `  ${FURNITURE.toUpperCase().replace(/ /g, '  ')}`]);
    const recurring = recurringLines(stories);
    expect(cleanParagraphs(shouty, recurring).dropped.map((d) => d.reason)).toEqual(['recurring']);
  });

  it('keeps a long background sentence that recurs the same way: reused background is news', () => {
    expect(BACKGROUND.split(' ').length).toBeGreaterThan(MAX_RECURRING_WORDS);
    const background = withLine(BACKGROUND);
    const recurring = recurringLines(background);
    expect(recurring.size).toBe(1);
    for (const s of background) expect(cleanParagraphs(s, recurring)).toEqual({ paragraphs: s.paragraphs, dropped: [] });
  });

  it('drops a recurring line of exactly 12 words, and keeps one of 13: the word count stops early but exactly', () => {
    const line = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join('  ');
    for (const [n, dropped] of [[MAX_RECURRING_WORDS, true], [MAX_RECURRING_WORDS + 1, false]] as const) {
      const articles = withLine(line(n));
      const recurring = recurringLines(articles);
      expect(recurring.size).toBe(1);
      expect(cleanParagraphs(articles[0] as ParsedArticle, recurring).dropped.length).toBe(dropped ? 1 : 0);
    }
  });

  it('drops a line repeated within an article as a caption up to 40 words, and keeps a repeated line of 41', () => {
    const line = (n: number): string => `${Array.from({ length: n - 1 }, (_, i) => `word${i}`).join(' ')} end.`;
    for (const [n, dropped] of [[40, 2], [41, 0]] as const) {
      const a = article('r.txt', ['The council met on Monday to vote on the budget.', line(n), 'The vote was close.', line(n)]);
      expect(cleanParagraphs(a, new Set()).dropped.map((d) => d.reason)).toEqual(Array(dropped).fill('caption'));
    }
  });

  it('keeps the first copy of a quote or statement an article gives twice (a pull quote) and drops the later copies as repeats', () => {
    const quote = '"We have never seen water this high," said mayor Ann Cole.';
    const statement = 'The mayor said the town would rebuild the sea wall.';
    const caption = 'Rescue workers search the flooded lower streets of Marlow.';
    const a = article('q.txt', ['Heavy rain flooded Marlow on Tuesday.', quote, statement, caption, 'Crews used boats.', quote, caption, statement, quote]);
    const { paragraphs, dropped } = cleanParagraphs(a, new Set());
    expect(paragraphs).toEqual(['Heavy rain flooded Marlow on Tuesday.', quote, statement, 'Crews used boats.']);
    expect(dropped).toEqual([
      { text: caption, reason: 'caption' },
      { text: quote, reason: 'repeat' },
      { text: caption, reason: 'caption' },
      { text: statement, reason: 'repeat' },
      { text: quote, reason: 'repeat' },
    ]);
  });

  it('finds the lines the definition names: in ≥ 3 articles, on each side ≥ 3 different neighbours or none at all (property)', () => {
    // The definition, spelled out with a Map of Sets (what LineCounter does in flat arrays); -1: no line there.
    const byDefinition = (articles: readonly ParsedArticle[]): Set<number> => {
      const seen = new Map<number, { articles: number; before: Set<number>; after: Set<number> }>();
      for (const a of articles) {
        const hashes = a.paragraphs.map(normalisedHash);
        hashes.forEach((h, i) => {
          if (hashes.indexOf(h) !== i) return;
          const entry = seen.get(h) ?? { articles: 0, before: new Set<number>(), after: new Set<number>() };
          seen.set(h, entry);
          entry.articles++;
          entry.before.add(hashes[i - 1] ?? -1);
          entry.after.add(hashes[i + 1] ?? -1);
        });
      }
      const varied = (s: Set<number>): boolean => s.size >= 3 || (s.size === 1 && s.has(-1));
      return new Set([...seen].filter(([, e]) => e.articles >= 3 && varied(e.before) && varied(e.after)).map(([h]) => h));
    };
    // Few distinct lines, so that lines recur, in the same and in different surroundings.
    const line = fc.constantFrom('Sign up now.', 'SIGN UP  now.', 'Rain fell.', 'The end.', 'Shares rose.', 'He left.', 'Ads.');
    const articles = fc.array(fc.array(line, { maxLength: 6 }).map((ps) => article('x.txt', ps)), { maxLength: 12 });
    fc.assert(
      fc.property(articles, (as) => {
        expect([...recurringLines(as)].sort()).toEqual([...byDefinition(as)].sort());
      }),
    );
  });

  it('keeps the last sentence of wire copy that each outlet ends with its own credit line (or none)', () => {
    const wire = ['A magnitude 6.2 earthquake struck central Italy early on Wednesday.', 'Rescue workers searched for survivors.', 'The agency said 1,200 rescuers had been deployed by noon.'];
    const copies = ['Reporting by Steve Scherer', '© 2016 Guardian News and Media', undefined].map((credit, k) => article(`${k}.txt`, credit ? [...wire, credit] : wire));
    expect(recurringLines(copies).size).toBe(0);
    // The first sentence too, when each outlet puts its own line before it.
    const led = ['Updated 10:00', 'Listen to this story', 'Breaking'].map((lead, k) => article(`${k}.txt`, [lead, ...wire]));
    expect(recurringLines(led).size).toBe(0);
  });

  it('drops furniture that ends (or starts) every article it is in, after (or before) different text', () => {
    const last = stories.map((s) => article(s.path, [...s.paragraphs.filter((p) => p !== FURNITURE), FURNITURE]));
    expect([...recurringLines(last)]).toEqual([normalisedHash(FURNITURE)]);
    const first = stories.map((s) => article(s.path, [FURNITURE, ...s.paragraphs.filter((p) => p !== FURNITURE)]));
    expect([...recurringLines(first)]).toEqual([normalisedHash(FURNITURE)]);
  });

  it('keeps a line found in only two articles', () => {
    expect(recurringLines(stories.slice(0, 2)).size).toBe(0);
  });

  it('does not take text from three identical copies of one article', () => {
    const copies = ['x.txt', 'y.txt', 'z.txt'].map((p) => article(p, stories[0]?.paragraphs ?? []));
    expect(recurringLines(copies).size).toBe(0);
    const { articles, empty } = toArticles(copies);
    expect(empty).toEqual([]);
    for (const a of articles) {
      expect(a.dropped).toEqual([]);
      expect(a.sentences.map((s) => s.text)).toEqual(stories[0]?.paragraphs);
    }
  });
});

describe('recurring lines: only furniture, not shared news (review 26 #1)', () => {
  // Three unrelated stories, each line between different neighbours: LineCounter counts the line as recurring.
  const threeStories = (line: string): ParsedArticle[] => [
    article('fire.txt', ['Flames tore through a Quincy warehouse on Tuesday morning.', line, 'Crews stayed on the scene for six hours.']),
    article('fire2.txt', ['A fire destroyed a warehouse in Quincy early Tuesday.', line, 'The building had been empty since 2019.']),
    article('crash.txt', ['A tractor-trailer overturned on Route 3 in Braintree.', line, 'Two lanes were closed for the morning commute.']),
  ];

  it.each(['No injuries were reported.', 'No one was hurt.', "Flynn's body was found in a car near Spiro on April 9.", 'The cause of the fire is under investigation.', 'I partied.', 'We take these issues very seriously.', '"The man is an emotional wreck. "'])(
    'keeps a short news sentence that three unrelated articles share: %s',
    (line) => {
      const articles = threeStories(line);
      const recurring = recurringLines(articles);
      expect([...recurring]).toEqual([normalisedHash(line)]);
      for (const a of articles) expect(cleanParagraphs(a, recurring)).toEqual({ paragraphs: a.paragraphs, dropped: [] });
    },
  );

  it.each([
    'The Associated Press contributed to this report.',
    'Our correspondent contributed to this report from the regional bureau.',
    'Jane Doe contributed reporting from Boston.',
    'Get the latest headlines delivered to your inbox every morning.',
    'Download the WCVB app for breaking news alerts.',
    'Check back for updates.',
    'Stay with NBC 5 for the latest on this developing story.',
    'Comments on this story are closed.',
    'Our newsroom is staffed around the clock.',
    'Have a news tip? Email tips@wcvb.com.',
    'Jane Doe is a staff reporter for the Boston Herald.',
    'Never miss a story: get our free daily briefing.',
    'More coverage of the Boston area at www.wcvb.com.',
    'Stories from across Massachusetts and New England in one place every day',
  ])('drops a recurring line that looks like site furniture: %s', (line) => {
    const articles = threeStories(line);
    const recurring = recurringLines(articles);
    for (const a of articles) expect(cleanParagraphs(a, recurring).dropped).toEqual([{ text: line, reason: 'recurring' }]);
  });

  it('tells furniture by its look only for lines that recur: a furniture-looking line in two articles stays', () => {
    const line = 'The Associated Press contributed to this report.';
    const two = threeStories(line).slice(0, 2);
    const recurring = recurringLines(two);
    for (const a of two) expect(cleanParagraphs(a, recurring).dropped).toEqual([]);
  });

  it.each(['Tap water was cut off for 3,000 homes.', 'Watch commanders met on Tuesday.', 'Download speeds fell by half.', 'Read was arrested in 2019.', 'The report found 30 cases.', 'Subscribers lost access for two hours.'])(
    'takes a news sentence that starts like a call to act, or names a report, for news: %s',
    (line) => {
      expect(looksLikeFurniture(line, true)).toBe(false);
    },
  );

  it('keeps a furniture word inside a quotation or reported words: it is someone speaking, not the site', () => {
    expect(looksLikeFurniture('"Check back with us tomorrow," the sheriff said.', true)).toBe(false);
    expect(looksLikeFurniture('You never think it will happen here, she said.', true)).toBe(false);
    expect(looksLikeFurniture('You never think it will happen here.', true)).toBe(true);
    // An unpunctuated line is never a sentence of news: furniture when it recurs, whatever its words.
    expect(looksLikeFurniture('No injuries were reported', false)).toBe(true);
    expect(looksLikeFurniture('No injuries were reported.', true)).toBe(false);
  });

  it('gives a story the same facts whether or not an unrelated article that shares a line is in the run', () => {
    const [fire, fire2, crash] = threeStories('No injuries were reported.') as [ParsedArticle, ParsedArticle, ParsedArticle];
    const texts = (as: readonly ParsedArticle[]): Map<string, string[]> => new Map(toArticles(as).articles.map((a) => [a.path, a.sentences.map((s) => s.text)]));
    const withCrash = texts([fire, fire2, crash]);
    withCrash.delete(crash.path);
    expect(withCrash).toEqual(texts([fire, fire2]));
    expect(withCrash.get(fire.path)).toContain('No injuries were reported.');
  });
});

describe('link text at the end of a feed description (review 26 #3)', () => {
  it.each(['Continue reading...', 'Continue reading…', 'Read more »', 'Read more ›', 'read more', 'Full story »', '[Read more]', 'Read the full article', 'Keep reading.', 'More »'])('%s is link text', (text) => {
    expect(isLinkText(text)).toBe(true);
  });

  it.each(['Read more about the plan in the report.', 'Continue reading the list, he said.', 'The full story emerged on Monday.', 'More than 30 died.'])('%s is not', (text) => {
    expect(isLinkText(text)).toBe(false);
  });

  it('drops the sentence that is only link text as a promo, and keeps the paragraph it ends', () => {
    const dropped: DroppedLine[] = [];
    const sentences = sentencesOf(['Rescuers were still trying to reach villages cut off by landslides. Continue reading...', 'The prime minister travelled to Jajarkot with a medical team. Read more »'], dropped);
    expect(sentences.map((s) => s.text)).toEqual(['Rescuers were still trying to reach villages cut off by landslides.', 'The prime minister travelled to Jajarkot with a medical team.']);
    expect(dropped).toEqual([
      { text: 'Continue reading...', reason: 'promo' },
      { text: 'Read more »', reason: 'promo' },
    ]);
  });
});

describe('toArticles', () => {
  const body = ['Heavy rain flooded the valley on Monday night.', 'The mayor declared a state of emergency.'];
  const other = article('news/other.txt', ['A new bridge over the river opened to traffic on Friday.', 'It cost more than it was meant to.']);

  it('derives ids from content: the same text under two names differs only by a -2 suffix', () => {
    const { articles } = toArticles([article('feeds/b.txt', body), article('feeds/a.txt', body), other]);
    const ids = byPath(articles);
    const a = ids.get('feeds/a.txt')?.id ?? '';
    expect(a).toMatch(/^a[0-9a-f]{8}$/);
    expect(ids.get('feeds/b.txt')?.id).toBe(`${a}-2`);
    expect(ids.get('news/other.txt')?.id).not.toBe(a);
  });

  it('keeps an id when the file is renamed or moved, or the input order changes', () => {
    const before = byPath(toArticles([article('feeds/flood.txt', body), other]).articles);
    const after = byPath(toArticles([other, article('archive/renamed-flood.md', body)]).articles);
    expect(after.get('archive/renamed-flood.md')?.id).toBe(before.get('feeds/flood.txt')?.id);
    expect(after.get('news/other.txt')?.id).toBe(before.get('news/other.txt')?.id);
  });

  it('changes the id when the text changes', () => {
    const one = toArticles([article('a.txt', body)]).articles[0]?.id;
    const two = toArticles([article('a.txt', [...body, 'One more line was added.'])]).articles[0]?.id;
    expect(one).not.toBe(two);
  });

  it('returns an article left with nothing but boilerplate as empty', () => {
    const furniture = article('junk.txt', ['TRT World and Agencies', 'Route 6', 'Follow us on Twitter']);
    const { articles, empty } = toArticles([furniture, other]);
    expect(empty).toEqual(['junk.txt']);
    expect(articles.map((a) => a.path)).toEqual(['news/other.txt']);
  });

  it('carries url and date from metadata and splits paragraphs into sentences', () => {
    const { articles } = toArticles([article('a.md', ['First sentence here. Second one follows.', 'A new paragraph.'], { url: 'https://x.test', date: '2017-03-21', source: 'AP' })]);
    const a = articles[0] as Article;
    expect(a).toMatchObject({ url: 'https://x.test', date: '2017-03-21', source: 'AP', sourceOrigin: 'metadata' });
    expect(a.sentences).toEqual([
      { index: 0, paragraph: 0, text: 'First sentence here.' },
      { index: 1, paragraph: 0, text: 'Second one follows.' },
      { index: 2, paragraph: 1, text: 'A new paragraph.' },
    ]);
  });
});

describe('sourceOf', () => {
  it('prefers the metadata source, trimmed', () => {
    expect(sourceOf(article('feeds/x.md', ['b'], { source: '  Reuters ' }))).toEqual({ source: 'Reuters', origin: 'metadata' });
  });

  it('falls back to the file name without its ending', () => {
    expect(sourceOf(article('feeds/ap-news.txt', ['b']))).toEqual({ source: 'ap-news', origin: 'filename' });
    expect(sourceOf(article('C:\\feeds\\bbc.md', ['b']))).toEqual({ source: 'bbc', origin: 'filename' });
    expect(sourceOf(article('feeds/archive.2017.txt', ['b']))).toEqual({ source: 'archive.2017', origin: 'filename' });
    expect(sourceOf(article('feeds/.hidden', ['b']))).toEqual({ source: '.hidden', origin: 'filename' });
  });

  it('ignores a blank metadata source', () => {
    expect(sourceOf(article('feeds/afp.txt', ['b'], { source: '   ' }))).toEqual({ source: 'afp', origin: 'filename' });
  });
});

describe('cleanPacked', () => {
  it('keeps the dropped lines of an article with sentences, and none of one left empty (it is skipped)', async () => {
    const { cleanPacked } = await import('../src/clean/sentences.js');
    const { packParagraphs } = await import('../src/clean/packed.js');
    const packStrings = (lines: string[]) => packParagraphs(lines, lineHashes(lines));
    const news = cleanPacked(packStrings(['Photo: Reuters', 'The council approved the budget on Monday after a long debate.']), new Set());
    expect(news.sentenceCount).toBe(1);
    expect(news.dropped.map((d) => d.text)).toEqual(['Photo: Reuters']);
    const empty = cleanPacked(packStrings(['Photo: Reuters', 'Share this', 'Photo: Reuters']), new Set());
    expect(empty.sentenceCount).toBe(0);
    expect(empty.dropped).toEqual([]);
    expect(empty.droppedUnlisted).toBe(0);
  });

  it('lists the first MAX_LISTED_DROPPED dropped lines of an article and counts the rest', async () => {
    const { cleanPacked, MAX_LISTED_DROPPED } = await import('../src/clean/sentences.js');
    const { packParagraphs } = await import('../src/clean/packed.js');
    const stray = Array.from({ length: 250 }, (_, i) => `Link${i}`);
    const lines = ['The council approved the budget on Monday after a long debate.', ...stray];
    const cleaned = cleanPacked(packParagraphs(lines, lineHashes(lines)), new Set());
    expect(cleaned.sentenceCount).toBe(1);
    expect(cleaned.dropped).toEqual(stray.slice(0, MAX_LISTED_DROPPED).map((text) => ({ text, reason: 'short' })));
    expect(cleaned.droppedUnlisted).toBe(250 - MAX_LISTED_DROPPED);
    // As an article: the count comes after the list, and only where lines are left unlisted.
    const { articles } = toArticles([article('links.txt', lines), article('news.txt', ['The mayor opened the new bridge over the river on Friday morning.'])]);
    const [links, news] = [...articles].sort((x, y) => x.path.localeCompare(y.path));
    expect(Object.keys(links!).slice(-3)).toEqual(['sentences', 'dropped', 'droppedUnlisted']);
    expect(Object.keys(news!).slice(-2)).toEqual(['sentences', 'dropped']);
  });
});

describe('packParagraphs', () => {
  it('gives back the paragraphs and their hashes, also from inside a larger buffer at an odd offset', async () => {
    const { packParagraphs, unpackParagraphs } = await import('../src/clean/packed.js');
    const lines = ['Photo: Reuters', 'Ein Bericht über “Zürich” — 5.00 a.m.', '', '😀 mixed\tspace'];
    const packed = packParagraphs(lines, lineHashes(lines));
    expect(unpackParagraphs(packed)).toEqual({ paragraphs: lines, hashes: lineHashes(lines) });
    const shared = new Uint8Array(packed.length + 8);
    shared.set(packed, 3);
    expect(unpackParagraphs(shared.subarray(3, 3 + packed.length))).toEqual({ paragraphs: lines, hashes: lineHashes(lines) });
    expect(Array.from(lineHashes(lines))).toEqual(lines.map(normalisedHash));
    expect(unpackParagraphs(packParagraphs([], new Uint32Array(0)))).toEqual({ paragraphs: [], hashes: new Uint32Array(0) });
  });
});
