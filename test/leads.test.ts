/**
 * Figures in a lead that opens with a dateline or credit (slots/lead.ts, slots/numbers.ts): the word after "ZARAGOZA
 * (AP) —" is capitalised because it opens the sentence, as a first word is, so a qualifier there ("About", "Some",
 * "Rund", "Quelque", "Unas") is no name and the figure after it is read whole. After review 27, finding 1: "About
 * 1,500" after a dateline was no figure, "Quelque 1 500" was read as 500. Sentences are made up after its leads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disagreements, extractSlots } from '../src/facts/slots/index.js';
import { leadStart } from '../src/facts/slots/lead.js';
import { tokenize } from '../src/facts/slots/tokens.js';
import type { Language } from '../src/types.js';

/** Number slots as "value unit [bound]". */
const numbers = (text: string, language?: Language): string[] =>
  extractSlots(text, language).flatMap((s) => (s.kind === 'number' ? [[s.value, s.unit, s.bound].filter((x) => x !== undefined).join(' ')] : []));

/** Disagreements as "kind: a-values | b-values". */
const differ = (a: string, b: string, language?: Language): string[] =>
  disagreements(extractSlots(a, language), extractSlots(b, language)).map((d) => `${d.kind}: ${d.a.map((s) => s.value).join(',')} | ${d.b.map((s) => s.value).join(',')}`);

/** The first own word of a sentence, as leadStart finds it. */
const leadWord = (text: string): string | undefined => {
  const toks = tokenize(text);
  return toks[leadStart(toks)]?.text;
};

describe('leadStart: where a sentence starts past its dateline or credit', () => {
  it.each([
    ['ZARAGOZA (AP) — About 1,500 people were evacuated.', 'About'],
    ['LIMA, Peru (AP) — The death toll rose.', 'The'],
    ['LIMA, Nov 23 (Reuters) - The death toll rose.', 'The'],
    ['LIMA, Nov. 23 (Reuters) - Nearly 20 died.', 'Nearly'],
    ['Zaragoza, 2 mar (EFE).- Unas 1.200 personas fueron desalojadas.', 'Unas'],
    ['Rio de Janeiro, 16 fev (Lusa) - Cerca de 300 pessoas.', 'Cerca'],
    ['HALLE (SAALE) (dpa) — Rund 28.000 Fahrzeuge.', 'Rund'],
    ['Halle (dpa/lsa) - Etwa 30.000 Fahrzeuge.', 'Etwa'],
    ['DRAGUIGNAN — Quelque 1 800 pompiers étaient mobilisés.', 'Quelque'],
    ['PARIS, 4 août (AFP) – Environ 1 200 personnes.', 'Environ'],
    ['RIO DE JANEIRO — Cerca de 300 pessoas.', 'Cerca'],
    ['Mannheim, Germany (Sports Network) - Wladimir Klitschko retained three titles.', 'Wladimir'],
    ['SAN JOSE, Calif., Nov. 3 (AP) — 12 people died.', '12'],
    ['"About 1,500 people were evacuated," he said.', 'About'],
    ['« Quelque 1 500 pompiers sont mobilisés », a dit le préfet.', 'Quelque'],
  ])('%s → %s', (text, word) => {
    expect(leadWord(text)).toBe(word);
  });

  it.each([
    'About 1,500 people were evacuated on Monday.',
    'Rescue teams — about 300 of them — arrived overnight.',
    'The town (population 3,000) — cut off for days — was reached.',
    'Officials said the toll rose - sharply - overnight.',
    'UPDATE 1-Peru landslide kills 16',
    'COLTS TOP CHIEFS, 20 - 13, REACH PLAYOFFS',
    'GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN ACCIDENT',
  ])('no dateline: "%s" starts at its first token', (text) => {
    expect(leadStart(tokenize(text))).toBe(0);
  });
});

describe('a qualifier that opens a lead after a dateline', () => {
  it('reads no count in the dateline itself ("2 mar" is the day EFE filed)', () => {
    expect(numbers('Zaragoza, 2 mar (EFE).- Unas 1.200 personas han sido desalojadas.', 'es')).toEqual(['1200 person about']);
    expect(numbers('SAN JOSE, Calif., 3 (AP) — 12 people died.')).toEqual(['12 dead']);
  });

  it('keeps the figure in English: "About", "Nearly", "Some", "Around"', () => {
    expect(numbers('ZARAGOZA (AP) — About 1,500 people were evacuated on Monday.')).toEqual(['1500 peopl about']);
    expect(numbers('LIMA, Nov 23 (Reuters) - Nearly 1,500 people fled their homes.')).toEqual(['1500 peopl max']);
    expect(numbers('LIMA (AP) — Some 300 people were hurt.')).toEqual(['300 injur about']);
    expect(numbers('LIMA (AP) — Around 300 homes were buried.')).toEqual(['300 home about']);
    expect(differ('ZARAGOZA (AP) — About 1,500 people were evacuated on Monday.', 'ZARAGOZA (Reuters) - About 1,200 people were evacuated on Monday.')).toEqual([
      'number: 1500 | 1200',
    ]);
  });

  it('keeps it in Spanish, German and French, and reads a French space-grouped figure whole ("1 500", not 500)', () => {
    expect(numbers('Zaragoza, 2 mar (EFE).- Unas 1.200 personas han sido desalojadas.', 'es')).toEqual(['1200 person about']);
    expect(numbers('HALLE (dpa) — Rund 28.000 Fahrzeuge fuhren täglich über die Brücke.', 'de')).toEqual(['28000 fahrzeug about']);
    expect(numbers('DRAGUIGNAN (AFP) — Quelque 1 500 pompiers étaient mobilisés mardi.', 'fr')).toEqual(['1500 pompi about']);
    expect(differ('DRAGUIGNAN (AFP) — Quelque 1 500 pompiers étaient mobilisés mardi.', 'DRAGUIGNAN — Quelque 1 800 pompiers étaient mobilisés mardi.', 'fr')).toEqual([
      'number: 1500 | 1800',
    ]);
  });

  it('reads a capitalised German number word there, as at the start of a sentence (within it, it is a noun)', () => {
    expect(numbers('HALLE (dpa) — Zwölf Menschen wurden verletzt.', 'de')).toEqual(['12 mensch']);
    expect(numbers('Zwölf Menschen wurden verletzt.', 'de')).toEqual(['12 mensch']);
    expect(numbers('Die Elf gewann mit der Hilfe der Fans.', 'de')).toEqual([]);
  });

  it('a qualifier is never a name, wherever its clause starts: after a colon, in a quotation', () => {
    expect(numbers('The mayor said: Some 300 people were hurt.')).toEqual(['300 injur about']);
    expect(numbers('"About 1,500 people were evacuated," the mayor said.')).toEqual(['1500 peopl about']);
    expect(numbers('Le préfet a précisé : Environ 1 200 personnes ont été évacuées.', 'fr')).toEqual(['1200 person about']);
  });

  it('a name before a figure still takes it, after a dateline too, and its groups with it', () => {
    expect(numbers('LIMA (AP) — Route 6 was closed.')).toEqual([]);
    expect(numbers('the England Under 21 side won')).toEqual([]);
    expect(numbers('Die Linie 5 200 Meter weiter fuhr nicht.', 'de')).toEqual([]);
    expect(numbers('HALLE (dpa) — Auf der Brücke gilt Tempo 30.', 'de')).toEqual([]);
    // Opening the sentence, a capitalised word says no more past a dateline than at the start.
    expect(numbers('HALLE (dpa) — Tempo 30 gilt auf der Brücke.', 'de')).toEqual(numbers('Tempo 30 gilt auf der Brücke.', 'de'));
  });
});

describe('a dateline changes no figure of the sentence it opens (property)', () => {
  const DATELINES = ['ZARAGOZA (AP) — ', 'LIMA, Nov 23 (Reuters) - ', 'Zaragoza, 2 mar (EFE).- ', 'HALLE (SAALE) (dpa) — ', 'DRAGUIGNAN — ', '"'];
  const WORDS: Record<'en' | 'de' | 'fr' | 'es', readonly string[]> = {
    en: ['About', 'Some', 'Nearly', 'Around', 'More', 'than', 'Route', 'Officials', 'said', 'the', '1,500', '12', 'three', 'people', 'homes', 'were', 'evacuated', 'killed', 'at', 'least', 'toll', 'rose', 'to'],
    de: ['Rund', 'Etwa', 'Mehr', 'als', 'Tempo', 'Linie', 'Die', 'Stadt', '28.000', '5', '200', 'Zwölf', 'Menschen', 'Fahrzeuge', 'Einwohner', 'wurden', 'evakuiert', 'km/h'],
    fr: ['Quelque', 'Environ', 'Plus', 'de', 'Les', 'pompiers', '1 500', '1 800', '12', 'personnes', 'habitants', 'ont', 'été', 'évacués', 'km/h'],
    es: ['Unas', 'Unos', 'Cerca', 'de', 'Las', 'autoridades', '1.200', '15', 'personas', 'vecinos', 'fueron', 'desalojados', 'km/h'],
  };
  /** Number slots as "value unit bound". */
  const figures = (text: string, language?: Language): string[] =>
    extractSlots(text, language).flatMap((x) => (x.kind === 'number' ? [`${x.value} ${x.unit ?? '-'} ${x.bound ?? '-'}`] : []));

  it.each(['en', 'de', 'fr', 'es'] as const)('%s: the same figures, units and bounds with a dateline as without', (language) => {
    const words = WORDS[language];
    const body = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((ws) => `${(ws[0] as string).replace(/^\p{Ll}/u, (ch) => ch.toUpperCase())} ${ws.slice(1).join(' ')}.`);
    fc.assert(
      fc.property(fc.constantFrom(...DATELINES), body, (dateline, sentence) => {
        const lang = language === 'en' ? undefined : language;
        expect(figures(`${dateline}${sentence}`, lang)).toEqual(figures(sentence, lang));
      }),
      { numRuns: 300 },
    );
  });
});
