import { describe, expect, it } from 'vitest';
import { disagreements, extractSlots, type Disagreement } from '../src/facts/slots/index.js';

/** Slots as "kind value [unit]" strings, in sentence order. */
const show = (text: string): string[] =>
  extractSlots(text).map((s) => [s.kind, s.value, s.unit].filter((x) => x !== undefined).join(' '));

/** Disagreements as "kind: a-values | b-values". */
const differ = (a: string, b: string): string[] =>
  disagreements(extractSlots(a), extractSlots(b)).map(
    (d: Disagreement) => `${d.kind}: ${d.a.map((s) => s.value).join(',')} | ${d.b.map((s) => s.value).join(',')}`,
  );

const QABOUN_A =
  "The intensity of the regime's counterattack on Monday forced the rebels to retreat from most of the areas they captured that day in an industrial area that separated Qaboun from Jobar.";
const QABOUN_B =
  'The spokesman for one of the main insurgent groups involved in the attack told Reuters new offensive began at 5.00 a.m., targeting an area rebel fighters had seized from government control on Sunday before being forced to retreat.';
const ASSAD_A =
  'Syrian regime leader Bashar al Assad, along with allied Russian, Iranian and Shiite militia forces, have put rebels on the back foot with a steady succession of military victories over the past 18 months, including around Damascus.';
const ASSAD_B =
  'President Bashar al-Assad and the Syrian army, along with allied Russian, Iranian and Shi’ite militia forces, have gained the upper hand in the war for western Syria over the past 18 months, culminating in the full recapture of Aleppo in December.';

describe('extractSlots: times', () => {
  it('normalises 12-hour and 24-hour clock times', () => {
    expect(show('at 5:00 am')).toEqual(['time 05:00']);
    expect(show('at 5.00 a.m. today')).toEqual(['time 05:00']);
    expect(show('at 5 a.m. today')).toEqual(['time 05:00']);
    expect(show('at 05:00 and 17:30')).toEqual(['time 05:00', 'time 17:30']);
    expect(show('by 5pm')).toEqual(['time 17:00']);
    expect(show('at 12 am and 12:30 p.m.')).toEqual(['time 00:00', 'time 12:30']);
    expect(show('at noon and at midnight')).toEqual(['time 12:00', 'time 00:00']);
  });

  it('puts a following zone in the unit; "5:00 am (0300 GMT)" is a local and a GMT time', () => {
    expect(show('At 5:00 am (0300 GMT) we launched')).toEqual(['time 05:00', 'time 03:00 gmt']);
    expect(show('at 5 pm EST')).toEqual(['time 17:00 est']);
    expect(show('at 14:00 UTC')).toEqual(['time 14:00 gmt']);
  });

  it('records the text as written and its offsets', () => {
    const text = 'began at 5.00 a.m., targeting';
    const [slot] = extractSlots(text);
    // The context stops at the comma: "targeting" is another clause.
    expect(slot).toEqual({ kind: 'time', value: '05:00', text: '5.00 a.m.', start: 9, end: 18, context: ['began'] });
    const zoned = extractSlots('At 5:00 am (0300 GMT)')[1];
    expect(zoned).toMatchObject({ text: '0300 GMT', start: 12, end: 20, unit: 'gmt' });
  });

  it('leaves decimals, scores and impossible clocks alone as times', () => {
    expect(show('grew 3.5 percent')).toEqual(['number 3.5 percent']);
    expect(show('at 25:00 or 13 pm')).toEqual([]);
    expect(show('I am here')).toEqual([]);
  });
});

describe('extractSlots: weekdays', () => {
  it('finds full names and clearly dated abbreviations', () => {
    expect(show('on Monday and Tuesday')).toEqual(['weekday monday', 'weekday tuesday']);
    expect(show('on Sun. March 5')).toEqual(['weekday sunday', 'date 03-05']);
    expect(show('on Wed.')).toEqual(['weekday wednesday']);
  });

  it('gives a possessive weekday the thing it is the day of ("Sunday\'s playoff game"), to compare it only with days of the same', () => {
    expect(show('on Monday ahead of Tuesday’s talks')).toEqual(['weekday monday', "weekday tuesday 's talk"]);
    expect(show("will play in Sunday's divisional playoff game")).toEqual(["weekday sunday 's game"]);
    expect(show('before Saturday ’ s semifinals')).toEqual(["weekday saturday 's semifin"]);
    expect(differ("arrested on Tuesday, before Sunday's playoff game", "was arrested on Tuesday")).toEqual([]);
    expect(differ("will play in Sunday's playoff game", 'was arrested on Tuesday')).toEqual([]);
    expect(differ("Rebels said Sunday's attack killed 12.", "Rebels said Monday's attack killed 12.")).toEqual(["weekday: sunday | monday"]);
  });

  it('marks the day of a statement ("said Friday", "said on Friday", "on Friday said") as such', () => {
    expect(show('a prosecutor said Friday')).toEqual(['weekday friday said']);
    expect(show('the minister said on Friday that')).toEqual(['weekday friday said']);
    expect(show('Police on Friday said')).toEqual(['weekday friday said']);
    expect(show('checked out on Thursday')).toEqual(['weekday thursday']);
  });

  it('skips abbreviations that are not clearly days and weekdays inside names', () => {
    expect(show('the Sun. reported')).toEqual([]);
    expect(show('Sat down')).toEqual([]);
    expect(show('told the Sunday Times')).toEqual([]);
    expect(show('since the Good Friday agreement')).toEqual([]);
    // Named days, not dates: "It's not Patch Tuesday, but Microsoft released a fix" was a weekday conflict.
    for (const name of ['Patch Tuesday', 'Giving Tuesday', 'Shrove Tuesday', 'Fat Tuesday', 'Blue Monday']) expect(show(`It is not ${name}, but`)).toEqual([]);
  });
});

describe('extractSlots: dates and years', () => {
  it('month-day in either order, with the year as its own slot', () => {
    expect(show('on March 21')).toEqual(['date 03-21']);
    expect(show('on 21 March')).toEqual(['date 03-21']);
    expect(show('on March 21, 2017, rebels')).toEqual(['date 03-21', 'year 2017']);
    expect(show('on 21 March 2017')).toEqual(['date 03-21', 'year 2017']);
    expect(show('on the 21st of March')).toEqual(['date 03-21']);
    expect(show('on Dec. 3')).toEqual(['date 12-03']);
    expect(show('on Sept 11')).toEqual(['date 09-11']);
  });

  it('a bare month only after a cue word, or with a year', () => {
    expect(show('recapture of Aleppo in December.')).toEqual(['date 12 month']);
    expect(show('talks in February 2017 have')).toEqual(['date 02 month', 'year 2017']);
    expect(show('by mid-March')).toEqual(['date 03 month']);
    expect(show('May God help us')).toEqual([]);
    expect(show('they may march on Dec')).toEqual([]);
  });

  it('a 4-digit year needs a cue or no counted noun after it', () => {
    expect(show('deployed in 2015 in support')).toEqual(['year 2015']);
    // After "the", the noun is what the year is of: compared only with years of the same.
    expect(show('the 2015 elections')).toEqual(['year 2015 elect']);
    expect(show('in 2004 caused a tsunami')).toEqual(['year 2004']);
    expect(show('it was 2015.')).toEqual(['year 2015']);
    expect(show('sent 2000 troops')).toEqual(['number 2000 troop']);
    expect(show('in the 1990s')).toEqual([]);
  });
});

describe('extractSlots: numbers', () => {
  it('normalises digits, separators, scales and currencies', () => {
    expect(show('1,200 people')).toEqual(['number 1200 peopl']);
    expect(show('grew 3.50 percent')).toEqual(['number 3.5 percent']);
    expect(show('grew 10% last year')).toEqual(['number 10 percent']);
    // One unit however it is written: "percent last month" was counted in months.
    for (const t of ['fell to 5.4 percent last month', 'fell to 5.4 per cent last month', 'fell to 5.4% last month', 'fell 5.4 pct']) expect(show(t)).toEqual(['number 5.4 percent']);
    for (const t of ['a wave 60m high', 'a wave 60 metres high', 'a wave 60 meters high']) expect(show(t)).toEqual(['number 60 m']);
    for (const t of ['10km away', '10 kilometres away', '10 kilometers away']) expect(show(t)).toEqual(['number 10 km']);
    expect(show('ran 5 miles')).toEqual(show('ran 5mi'));
    expect(show('pledged $1.2 billion in aid')).toEqual(['number 1200000000 usd']);
    expect(show('pledged $3bn')).toEqual(['number 3000000000 usd']);
    expect(show('pledged 1.2 billion dollars')).toEqual(['number 1200000000 usd']);
    expect(extractSlots('pledged $1.2 billion in aid')[0]).toMatchObject({ text: '$1.2 billion', start: 8, end: 20 });
  });

  it('reads number words and "a dozen", not "dozens" or ordinals', () => {
    expect(show('in three days')).toEqual(['number 3 dai']);
    expect(show('a dozen trucks')).toEqual(['number 12 truck']);
    expect(show('two hundred and fifty soldiers')).toEqual(['number 250 soldier']);
    expect(show('twenty-five civilians')).toEqual(['number 25 civilian']);
    expect(show('twenty five civilians')).toEqual(['number 25 civilian']);
    expect(show('three million people')).toEqual(['number 3000000 peopl']);
    expect(show('dozens of tanks')).toEqual([]);
    expect(show('for the second time, the first attack')).toEqual([]);
    expect(show('half a dozen eggs')).toEqual([]);
  });

  it('reads fractions of a scale and "and a half"', () => {
    expect(show('half a million people fled')).toEqual(['number 500000 peopl']);
    expect(show('a half million dollars')).toEqual(['number 500000 usd']);
    expect(show('a quarter of a million people marched')).toEqual(['number 250000 peopl']);
    expect(show('quarter of a billion dollars')).toEqual(['number 250000000 usd']);
    expect(show('two and a half million people voted')).toEqual(['number 2500000 peopl']);
    expect(show('one and a half years')).toEqual(['number 1.5 year']);
    expect(extractSlots('Half a million people fled.')[0]).toMatchObject({ text: 'Half a million' });
    expect(show('half the town fled')).toEqual([]);
    // "half a million" is not a million: the two disagree, and neither is a disagreement with 500,000.
    expect(differ('Half a million people fled the city.', 'A million people fled the city.')).toEqual(['number: 500000 | 1000000']);
    expect(differ('Half a million people fled the city.', '500,000 people fled the city.')).toEqual([]);
  });

  it('reads dollars named by a prefix, and a number after a possessive', () => {
    expect(show('raised $US1 million for the victims')).toEqual(['number 1000000 usd']);
    expect(show('raised US$1 million')).toEqual(['number 1000000 usd']);
    expect(show('paid A$2.5 billion')).toEqual(['number 2500000000 aud']);
    expect(show('paid NZ$40 million')).toEqual(['number 40000000 nzd']);
    // Australian and US dollars are not compared (they were both "usd", a disagreement at any rate of exchange).
    expect(differ('The bid was A$2.5 billion.', 'The bid was US$1.7 billion.')).toEqual([]);
    expect(differ('The bid was US$2.5 billion.', 'The bid was $US1.7 billion.')).toEqual(['number: 2500000000 | 1700000000']);
    expect(show("Vinatieri's 45-yard field goal")).toEqual(['number 45 -yard']);
    expect(show('The Route 6 road')).toEqual([]);
  });

  it('the unit is the counted noun: first plural in a short run, else its last word', () => {
    expect(show('at least 143 air raids were conducted')).toEqual(['number 143 raid']);
    expect(show('143 more air raids')).toEqual(['number 143 raid']);
    expect(show('some 2 km east of the walls')).toEqual(['number 2 km']);
    expect(show('some 2km east')).toEqual(['number 2 km']);
    expect(show('spent 18 months, culminating')).toEqual(['number 18 month']);
    expect(show('7 people rescued yesterday')).toEqual(['number 7 peopl']);
    expect(show('one person')).toEqual(['number 1 peopl']);
    // People killed or who died are the dead (a toll: tolls.ts).
    expect(show('7 people killed yesterday')).toEqual(['number 7 dead']);
    expect(show('one person died')).toEqual(['number 1 dead']);
    expect(show('5 Syrian soldiers')).toEqual(['number 5 soldier']);
  });

  it('keeps the words of the unit as written, from the first counted word to the counted noun', () => {
    const words = (text: string): (string | undefined)[] => extractSlots(text).map((s) => s.unitText);
    expect(words('at least 143 more air raids were conducted')).toEqual(['air raids']);
    expect(words('7 people killed yesterday')).toEqual(['people']);
    expect(words('5 Syrian soldiers and 35 dead')).toEqual(['Syrian soldiers', 'dead']);
    expect(words('a 38 caliber revolver')).toEqual(['caliber revolver']);
    expect(words('after 143 air\n  raids')).toEqual(['air raids']);
    expect(words("spent 30 days' worth and three officer's cars")).toEqual(['days', 'officer']);
    expect(words('grew 10% and 5.4 per cent and 3 Percent')).toEqual(['%', 'per cent', 'Percent']);
    expect(words('a 25-year-old man')).toEqual(['-year-old']);
    // The value's own text says it: no words to add.
    expect(words('a three-day truce, a wave 60m high, $1.2 billion in aid, 40 dollars')).toEqual([undefined, undefined, undefined, 'dollars']);
  });

  it('a number followed by a function word has no unit', () => {
    expect(extractSlots('one of the main insurgent groups')).toEqual([
      { kind: 'number', value: '1', text: 'one', start: 0, end: 3, context: ['insurg', 'main'] },
    ]);
  });

  it('leaves out the time passed so far: it grows with the day each article was written', () => {
    expect(show('over the past 18 months, culminating')).toEqual([]);
    expect(show('after four days of the worst riots')).toEqual([]);
    expect(show('After 13 days of bombardment')).toEqual([]);
    expect(show('in the last two weeks')).toEqual([]);
    expect(show('held for 10 days')).toEqual(['number 10 dai']);
    expect(show('a sentence of 485 years')).toEqual(['number 485 year']);
  });

  it('hyphen compounds get a "-" unit so they only meet other compounds', () => {
    expect(show('a 25-year-old man')).toEqual(['number 25 -year-old']);
    expect(show('a three-day truce')).toEqual(['number 3 -dai']);
  });

  it('skips numbers that are part of names, ranges, ordinals and ambiguous forms', () => {
    expect(show('Route 6 was cut')).toEqual([]);
    expect(show('along the Route 6 highway')).toEqual([]);
    expect(show('an F-16 and MH17 and COVID-19')).toEqual([]);
    expect(show('warehouse No. 5')).toEqual([]);
    expect(show('2-3 days')).toEqual([]);
    expect(show('between 140 and 150 raids')).toEqual([]);
    expect(show('two or three days')).toEqual([]);
    expect(show('on the 21st floor')).toEqual([]);
    expect(show('1.200 people and 1,2 and 007')).toEqual([]);
    expect(show('since the 9/11 attacks, 3/4 of voters')).toEqual([]);
    expect(show('under UN Security Council Resolution 2254')).toEqual([]);
    expect(show('5 killed and 13 pm')).toEqual(['number 5 dead']);
    expect(show('Some 200 people')).toEqual(['number 200 peopl']);
    expect(show('50 km (30 miles) away')).toEqual(['number 50 km', 'number 30 mi']); // miles and mi are one unit
  });
});

describe('extractSlots: names tied to a role', () => {
  it('ROLE Firstname Lastname', () => {
    expect(show('UN spokeswoman Alessandra Velucci told reporters')).toEqual(['name alessandra velucci spokesperson']);
    expect(show('President Bashar al-Assad and the army')).toEqual(['name bashar al assad president']);
    expect(show('Syrian regime leader Bashar al Assad, along')).toEqual(['name bashar al assad leader']);
    expect(show('President George W. Bush said on Monday')).toEqual(['name george bush president', 'weekday monday said']);
    expect(show('Foreign Minister Sergei Lavrov met Vice President Mike Pence')).toEqual([
      'name sergei lavrov foreign minister',
      'name mike pence vice president',
    ]);
    expect(show('Secretary of State Rex Tillerson said')).toEqual(['name rex tillerson secretary of state']);
    expect(show('Prime Minister Theresa May said')).toEqual(['name theresa may prime minister']);
    expect(show('UN Secretary-General António Guterres said')).toEqual(['name antonio guterres secretary general']);
  });

  it('Firstname Lastname, (a|the) … ROLE', () => {
    expect(show('"We restored all the points," Wael Alwan, a spokesman for the main rebel group, said.')).toEqual([
      'name wael alwan spokesperson',
    ]);
    expect(show('Dmitry Peskov, the Kremlin spokesman, said')).toEqual(['name dmitry peskov spokesperson']);
    expect(show('Wael Alwan, spokesman for the Free Syrian Army')).toEqual(['name wael alwan spokesperson']);
  });

  it('text and offsets cover the name only, without a possessive', () => {
    const [slot] = extractSlots("Kremlin spokesman Dmitry Peskov's remarks");
    expect(slot).toEqual({ kind: 'name', value: 'dmitry peskov', unit: 'spokesperson', text: 'Dmitry Peskov', start: 18, end: 31 });
  });

  it('no name without a role, for a single surname, or for an organisation', () => {
    expect(show('The spokesman for one of the groups')).toEqual(['number 1']);
    expect(show('President Assad said')).toEqual([]);
    expect(show('TRT World’s Shamim Chowdhury has more')).toEqual([]);
    expect(show('the United Nations Security Council Working Group, the spokesman said')).toEqual([]);
  });

  it('ROLE and second title Firstname Lastname: the name after, not a capitalised phrase before a comma', () => {
    // ECB+ topic 43: "Intel Atom" was read as the CEO's name, a false conflict with "Andrew Feldman".
    expect(show('along the lines of the Intel Atom, SeaMicro CEO and co - founder Andrew Feldman said')).toEqual(['name andrew feldman ceo']);
    expect(show('SeaMicro CEO and co-founder Andrew Feldman said')).toEqual(['name andrew feldman ceo']);
    // The name holds both titles, so it is compared with what another source calls either.
    expect(show('the company’s president and chief executive Mary Barra said')).toEqual(['name mary barra president', 'name mary barra chief executive']);
    const dimon = extractSlots('JPMorgan chairman and chief executive Jamie Dimon said the bank would grow.');
    expect(disagreements(dimon, extractSlots('JPMorgan chief executive Marianne Lake said the bank would grow.')).map((d) => d.kind)).toEqual(['name']);
    expect(disagreements(dimon, extractSlots('JPMorgan chairman Jamie Dimon said the bank would grow.'))).toEqual([]);
    // Only titles may come between: "the spokesman and reporters" is no title of the name after it.
    expect(show('Wael Alwan, the spokesman and reporters John Smith met')).toEqual(['name wael alwan spokesperson']);
  });

  it('no names from a headline in Title Case, where a name cannot be told from the words after it', () => {
    // ECB+ topic 9: "Bush Had Enacted Legislation" was a name, and a conflict with "George W. Bush".
    expect(show('Former President Bush Had Enacted Legislation that Could Have Put More Animals in Danger')).toEqual([]);
    expect(show('Syrian President Bashar Assad Says Rebels Will Be Defeated on Monday')).toEqual(['weekday monday']);
    // A sentence has its verbs in lowercase, however many names it holds.
    expect(show('Prime Minister Boris Johnson said on Monday the United Kingdom would')).toEqual(['name boris johnson prime minister', 'weekday monday said']);
    expect(show('Former President Bush Signs Legislation To Protect Animals')).toEqual([]);
    // helper-43: acronyms and names that are also small words made ordinary sentences read as headlines.
    expect(show('The WHO said WHO Director-General Tedros Adhanom Ghebreyesus would visit.')).toEqual(['name tedros adhanom ghebreyesus director general']);
    expect(show('US prosecutor Damian Williams said Do Kwon would face trial.')).toEqual(['name damian williams prosecutor']);
    expect(show('Senator Chuck Schumer said the IT outage was over and the WHO had no role.')).toEqual(['name chuck schumer senator']);
    expect(show('Foreign Minister Sergei Lavrov met Vice President Mike Pence in Helsinki')).toEqual([
      'name sergei lavrov foreign minister',
      'name mike pence vice president',
    ]);
  });
});

describe('extractSlots: hostile input', () => {
  it('long runs of digits, dots, spaces, quotes and letters finish with sensible results', () => {
    const [big] = extractSlots(`${'9'.repeat(50_000)} people`);
    expect(big?.value.length).toBe(50_000);
    expect(big?.unit).toBe('peopl');
    expect(show('1.'.repeat(30_000))).toEqual([]);
    expect(show('.'.repeat(100_000))).toEqual([]);
    expect(show(' '.repeat(100_000))).toEqual([]);
    expect(show('"\''.repeat(50_000))).toEqual([]);
    expect(show(`5 ${'b'.repeat(100_000)}`)).toEqual(['number 5']); // no unit from an absurd word
    expect(show('one '.repeat(20_000)).length).toBe(20_000);
    expect(show(`spokesman ${'Aa '.repeat(30_000)}`)).toEqual([]);
    expect(show('1:'.repeat(30_000) + '1')).toEqual([]);
  });
});

describe('disagreements', () => {
  it('the Qaboun sentences disagree on the weekday only: {monday} vs {sunday}', () => {
    const found = disagreements(extractSlots(QABOUN_A), extractSlots(QABOUN_B));
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('weekday');
    expect(found[0]?.a.map((s) => s.text)).toEqual(['Monday']);
    expect(found[0]?.b.map((s) => s.text)).toEqual(['Sunday']);
  });

  it('"5:00 am (0300 GMT)" and "5.00 a.m." agree on the time', () => {
    expect(differ('At 5:00 am (0300 GMT) we launched the new offensive', 'new offensive began at 5.00 a.m.')).toEqual([]);
  });

  it('the Assad sentences agree: different roles are not compared, 18 months = 18 months, December is one-sided', () => {
    expect(differ(ASSAD_A, ASSAD_B)).toEqual([]);
  });

  it('weekday: disjoint sets disagree, overlapping sets do not', () => {
    expect(differ('on Monday', 'on Sunday')).toEqual(['weekday: monday | sunday']);
    expect(differ('on Tuesday and on Thursday', 'on Thursday')).toEqual([]);
    expect(differ('on Monday', 'the attack')).toEqual([]);
  });

  it('time: compared within one zone (or none)', () => {
    expect(differ('began at 5:00 am', 'began at 6 a.m.')).toEqual(['time: 05:00 | 06:00']);
    expect(differ('began at 0300 GMT', 'began at 4 a.m.')).toEqual([]);
    expect(differ('at 5 am (0300 GMT)', 'at 6 am (0400 GMT)')).toEqual(['time: 05:00 | 06:00', 'time: 03:00 | 04:00']);
  });

  it('date: month-days when both have one, else months', () => {
    expect(differ('on March 21', 'on March 22')).toEqual(['date: 03-21 | 03-22']);
    expect(differ('on March 21', 'in March')).toEqual([]);
    expect(differ('in December', 'on December 3')).toEqual([]);
    expect(differ('in December', 'in November')).toEqual(['date: 12 | 11']);
    expect(differ('on March 21 and in December', 'on March 21')).toEqual([]);
  });

  it('year: disjoint sets disagree', () => {
    expect(differ('deployed in 2015', 'deployed in 2016')).toEqual(['year: 2015 | 2016']);
    expect(differ('on March 21, 2017', 'in 2017')).toEqual([]);
  });

  it('number and year: compared only when their contexts share a word (what the figure is about)', () => {
    // helper-53's review of ECB+: two players' yards, a death toll against an injury count, a season against a draft.
    expect(differ('Jamaal Charles rushed for 226 yards while Peyton Hillis added 101.', 'Peyton Hillis added 101 yards on the ground')).toEqual([]);
    expect(differ('damaging houses and injuring at least five people', 'killing at least one person')).toEqual([]);
    expect(differ('Merriman was suspended for the 2008 season', 'Allen was the 2006 pick')).toEqual([]);
    // The same thing in other words: a toll is "killed", "dead" or "deaths".
    expect(differ('leaving more than 220,000 people dead', 'killed more than 230,000 people')).toEqual(['number: 220000 | 230000']);
    expect(differ('Carter scored 14 points', 'Carter had 12 points')).toEqual(['number: 14 | 12']);
  });

  it('number: a shared name alone does not make two figures about the same thing when both say what they are', () => {
    // Whom the figure is about, not what: games played against games missed (ECB+ dev, C20).
    expect(differ('Bush played in 10 games this season.', 'Bush missed four games after surgery.')).toEqual([]);
    // The same verb, or one side that says nothing but the name, still compares.
    expect(differ('Williams scored 20 points.', 'Williams scored 22 points.')).toEqual(['number: 20 | 22']);
    expect(differ('Hansbrough: 20 points.', 'Hansbrough scored 22 points.')).toEqual(['number: 20 | 22']);
  });

  it('number: a value the other side gives without its unit is agreed on, and only that value', () => {
    expect(differ('Hillis added 101 yards', 'Hillis added 101.')).toEqual([]);
    expect(differ('Richard Carter scored 14 points and Seth VanDeest scored 13', 'paced by 13 points from Seth VanDeest, while Richard Carter had 12 points')).toEqual(['number: 14 | 12']);
  });

  it('number: a qualified figure agrees with the figures it allows', () => {
    expect(differ('the climber fell about 600 metres', 'the climber fell 609 metres')).toEqual([]);
    expect(differ('at least four bombs fell', 'five bombs fell')).toEqual([]);
    expect(differ('rockets landed within 20 miles of Tel Aviv', 'rockets landed 17 miles from Tel Aviv')).toEqual([]);
    expect(differ('rockets landed within 20 miles of Tel Aviv', 'rockets landed 25 miles from Tel Aviv')).toEqual(['number: 20 | 25']);
    // "nearly $80 million" is under 80; two outlets giving two floors give two figures.
    expect(differ('a contract worth nearly $80 million', 'a contract worth $82 million')).toEqual(['number: 80000000 | 82000000']);
    expect(differ('killing at least five people', 'killing at least one person')).toEqual(['number: 5 | 1']);
  });

  it('number: two round figures within a tenth of each other agree ("about 1,000" / "some 950"), farther apart they do not', () => {
    expect(differ('about 1,000 people were evacuated', 'some 950 people were evacuated')).toEqual([]);
    expect(differ('around 30,000 vehicles crossed the bridge daily', 'about 28,000 vehicles crossed the bridge daily')).toEqual([]);
    expect(differ('about 1,500 people were evacuated', 'about 1,200 people were evacuated')).toEqual(['number: 1500 | 1200']);
    expect(differ('the climber fell about 150 metres', 'the climber fell about 60m')).toEqual(['number: 150 | 60']);
    // Two floors or two ceilings are two figures, however close.
    expect(differ('more than 1,000 people were evacuated', 'more than 950 people were evacuated')).toEqual(['number: 1000 | 950']);
    expect(differ('nearly 1,000 people were evacuated', 'nearly 950 people were evacuated')).toEqual(['number: 1000 | 950']);
  });

  it('weekday: the day of a statement is compared only with days of statements', () => {
    expect(differ('Lohan checked out on Thursday', 'Lohan checked out, a prosecutor said Friday')).toEqual([]);
    expect(differ('the minister said on Thursday', 'the minister said on Friday')).toEqual(['weekday: thursday | friday']);
  });

  it('number: compared per unit; numbers without a unit are never compared', () => {
    expect(differ('at least 143 air raids were conducted', 'at least 120 air raids')).toEqual(['number: 143 | 120']);
    expect(differ('over the past 18 months', 'in the last 18 months')).toEqual([]);
    expect(differ('in three days', 'for four years')).toEqual([]);
    expect(differ('a dozen people', '12 people')).toEqual([]);
    expect(differ('one of the groups', 'two of the groups')).toEqual([]);
    expect(differ('$1.2 billion in aid', '1.2 billion dollars in aid')).toEqual([]);
    expect(differ('$1.2 billion in aid', '$1.5 billion in aid')).toEqual(['number: 1200000000 | 1500000000']);
    expect(differ('killed 5 people and wounded 20 people', '20 people were wounded')).toEqual([]);
    expect(differ('5 killed and 20 wounded', '6 killed')).toEqual(['number: 5 | 6']);
  });

  it('lists the disagreeing slots of each side, not every slot', () => {
    const [d] = disagreements(extractSlots('143 air raids in three days'), extractSlots('140 air raids in three days'));
    expect(d).toMatchObject({ kind: 'number', a: [{ text: '143', unit: 'raid' }], b: [{ text: '140', unit: 'raid' }] });
  });

  it('name: a near-spelling for the same role is flagged', () => {
    expect(differ('UN spokeswoman Alessandra Velucci said', 'spokeswoman Alessandra Vellucci said')).toEqual([
      'name: alessandra velucci | alessandra vellucci',
    ]);
    // a transliteration variant is a near-spelling too (a documented limit)
    expect(differ('spokesman Mohamed Saleh said', 'spokesman Mohammed Saleh said')).toEqual([
      'name: mohamed saleh | mohammed saleh',
    ]);
  });

  it('name: different people for one role disagree; the same person written differently does not', () => {
    expect(differ('spokesman John Smith said', 'spokesman Peter Jones said')).toEqual(['name: john smith | peter jones']);
    expect(differ('spokesman Wael Alwan said', 'Wael Alwan, a spokesman for the group, said')).toEqual([]);
    expect(differ('President Bashar al-Assad', 'President Bashar al Assad')).toEqual([]);
    expect(differ('President Bashar al-Assad', 'President Bashar Hafez al-Assad')).toEqual([]);
    expect(differ('leader Bashar al-Assad', 'President Hassan Rouhani')).toEqual([]);
    expect(differ('spokesman Wang Yi said', 'spokesman Wang Li said')).toEqual([]);
    expect(differ('spokesman Mohammed bin Salman', 'spokesman Osama bin Laden')).toEqual([
      'name: mohammed bin salman | osama bin laden',
    ]);
    // A shared first name is not the same person; a shared surname, or a name within the other, is.
    expect(differ('Pentagon spokesman John Kirby said', 'Pentagon spokesman John Smith said')).toEqual(['name: john kirby | john smith']);
    expect(differ('Crown Prince Mohammed bin Salman said', 'Crown Prince Mohammed bin Zayed said')).toEqual(['name: mohammed bin salman | mohammed bin zayed']);
    expect(differ('President Bill Clinton said', 'President William Clinton said')).toEqual([]);
    // A shared surname under two given names is two people (review 26: two outlets' fire chiefs), unless one given
    // name is a beginning or a short form of the other.
    expect(differ('Fire chief Mark Hensley said 38 cars left the tracks.', 'Fire chief Mike Hensley said 38 cars left the tracks.')).toEqual(['name: mark hensley | mike hensley']);
    expect(differ('spokesman Chris Smith said', 'spokesman Christopher Smith said')).toEqual([]);
    expect(differ('Senator Tom Carper said', 'Senator Thomas Carper said')).toEqual([]);
    expect(differ('Governor Mike DeWine said', 'Governor Michael DeWine said')).toEqual([]);
    expect(differ('Director Jon Owen said', 'Director John Owen said')).toEqual([]);
    expect(differ('President Barack Obama said', 'President Obama said')).toEqual([]);
    expect(differ('spokesman Sawarmi Khaled Saad said', 'spokesman Sawarmi Khalid said')).toEqual([]); // transliterated
  });

  it('reports kinds in a fixed order and nothing for empty input', () => {
    expect(differ('on Monday at 5 am, 3 raids', 'on Sunday at 6 am, 4 raids')).toEqual([
      'weekday: monday | sunday',
      'time: 05:00 | 06:00',
      'number: 3 | 4',
    ]);
    expect(disagreements([], [])).toEqual([]);
  });
});
