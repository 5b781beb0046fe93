/**
 * Values of articles in other languages than English (slots/locale.ts): German numbers, dates, weekdays and times,
 * and the French, Spanish, Italian and Dutch ones that fall out of their word lists. English sentences are read as
 * before: the same text without a language gives the English reading.
 */
import { describe, expect, it } from 'vitest';
import { disagreements, extractSlots } from '../src/facts/slots/index.js';
import { splitDigits, splitLocalDigits } from '../src/facts/slots/digits.js';
import { germanNumber } from '../src/facts/slots/german-numbers.js';
import type { Language } from '../src/types.js';

/** Slots as "kind value [unit] [bound]" strings, in sentence order. */
const show = (text: string, language?: Language): string[] =>
  extractSlots(text, language).map((s) => [s.kind, s.value, s.unit, s.bound].filter((x) => x !== undefined).join(' '));

/** Disagreements as "kind: a-values | b-values". */
const differ = (a: string, b: string, language?: Language): string[] =>
  disagreements(extractSlots(a, language), extractSlots(b, language)).map((d) => `${d.kind}: ${d.a.map((s) => s.value).join(',')} | ${d.b.map((s) => s.value).join(',')}`);

describe('digits with a decimal comma', () => {
  it('reads the thousands dot and the decimal comma', () => {
    expect(splitLocalDigits('1.200')).toEqual(['1200', '']);
    expect(splitLocalDigits('12,5')).toEqual(['12', '5']);
    expect(splitLocalDigits('1.200,5')).toEqual(['1200', '5']);
    expect(splitLocalDigits('1.200.000')).toEqual(['1200000', '']);
    expect(splitLocalDigits('1200')).toEqual(['1200', '']);
  });

  it('refuses what is no number there: an English decimal, a day and month, a stray group, a leading zero', () => {
    for (const s of ['12.5', '27.11', '1.20', '12.1234', '1,2,3', '007', '14:30']) expect(splitLocalDigits(s), s).toBeUndefined();
  });

  it('leaves the English reading as it was: "1.200" is ambiguous there, "1,200" a thousand and two hundred', () => {
    expect(splitDigits('1.200')).toBeUndefined();
    expect(splitDigits('1,200')).toEqual(['1200', '']);
    expect(splitDigits('12,5')).toBeUndefined();
  });
});

describe('German number words', () => {
  it('reads them written as one word', () => {
    const cases: [string, number][] = [
      ['eins', 1], ['zwei', 2], ['elf', 11], ['zwölf', 12], ['siebzehn', 17], ['zwanzig', 20], ['einundzwanzig', 21],
      ['neunundneunzig', 99], ['hundert', 100], ['einhundert', 100], ['hunderteins', 101], ['zweihundertfünfzig', 250],
      ['tausend', 1000], ['dreitausendvierhundert', 3400], ['zweieinhalb', 2.5], ['anderthalb', 1.5], ['dreißig', 30], ['dreissig', 30],
    ];
    for (const [w, n] of cases) expect(germanNumber(w), w).toBe(n);
  });

  it('takes no article and no word that only starts like a number', () => {
    for (const w of ['ein', 'eine', 'elfmeter', 'achtung', 'hundertschaft', 'zweite', 'tausende', 'und', 'zehnte']) expect(germanNumber(w), w).toBeUndefined();
  });
});

describe('extractSlots of German sentences', () => {
  it('reads counts with the thousands dot and the decimal comma, and what they count', () => {
    expect(show('Rund 1.200 Menschen mussten ihre Häuser verlassen.', 'de')).toEqual(['number 1200 mensch about']);
    expect(show('Es fielen 1.200,5 Tonnen Getreide an.', 'de')).toEqual(['number 1200.5 tonn']);
    expect(show('Die Zahl stieg um 12,5 Prozent.', 'de')).toEqual(['number 12.5 percent']);
    expect(show('Die Zahl stieg um 12,5 %.', 'de')).toEqual(['number 12.5 percent']);
    // The counted noun is the first capitalised word, past lower-case adjectives.
    expect(show('Mehr als 1.200 verletzte Menschen wurden versorgt.', 'de')).toEqual(['number 1200 mensch min']);
  });

  it('reads number words and scales as the English path reads "two" and "million"', () => {
    expect(show('Bei dem Unglück starben zwölf Menschen.', 'de')).toEqual(['number 12 mensch']);
    expect(show('Die Stadt zahlt 1,2 Mio. Euro.', 'de')).toEqual(['number 1200000 eur']);
    expect(show('Die Stadt zahlt zwei Millionen Euro.', 'de')).toEqual(['number 2000000 eur']);
    expect(show('Der Bund gibt 3 Mrd. Euro aus.', 'de')).toEqual(['number 3000000000 eur']);
    expect(show('Fast eine Million Menschen waren betroffen.', 'de')).toEqual(['number 1000000 mensch max']);
    // A German Billion is a million millions.
    expect(show('Die Schulden stiegen auf eine Billion Euro.', 'de')).toEqual(['number 1000000000000 eur']);
    expect(show('Es kamen ca. 300 Helfer.', 'de')).toEqual(['number 300 helf about']);
  });

  it('drops ranges, names with a number and the time passed so far, as in English', () => {
    expect(show('1.200 bis 1.500 Menschen demonstrierten.', 'de')).toEqual([]);
    expect(show('Auf der Straße gilt Tempo 30 für alle Autos.', 'de')).toEqual([]);
    expect(show('Seit vier Tagen suchen Helfer nach den Vermissten.', 'de')).toEqual([]);
  });

  it('reads dates with the day first: "27. November", "27. Nov. 2026", "27.11.2026", "27.11."', () => {
    expect(show('Das Leck entstand am 27. November.', 'de')).toEqual(['date 11-27']);
    expect(show('Das Leck entstand am 27. November 2026.', 'de')).toEqual(['date 11-27', 'year 2026']);
    expect(show('Das Leck entstand am 27. Nov. 2026.', 'de')).toEqual(['date 11-27', 'year 2026']);
    expect(show('Das Leck entstand am 27.11.2026 in Lübeck.', 'de')).toEqual(['date 11-27', 'year 2026']);
    expect(show('Das Leck entstand am 27.11. in Lübeck.', 'de')).toEqual(['date 11-27']);
    expect(show('Das Leck entstand (27.11.2026) in Lübeck, nicht A27.11.2026.', 'de')).toEqual(['date 11-27', 'year 2026']);
    expect(show('Das Leck entstand am 3. Jänner, nicht am 3. Maerz oder 1. März.', 'de')).toEqual(['date 01-03', 'date 03-03', 'date 03-01']);
    expect(show('Das Leck entstand im Dezember.', 'de')).toEqual(['date 12 month']);
  });

  it('takes no day of a span of days ("vom 27. bis 29. November")', () => {
    expect(show('Die Messe dauert vom 27. bis 29. November.', 'de')).toEqual([]);
    expect(show('La foire dure du 27 au 29 novembre.', 'fr')).toEqual([]);
  });

  it('takes no date where the month comes first or the dot is missing', () => {
    expect(show('Im November 27 Menschen verletzt.', 'de').filter((s) => s.startsWith('date'))).toEqual(['date 11 month']);
    expect(show('Der Kurs lag bei 27.11 Punkten.', 'de').filter((s) => s.startsWith('date'))).toEqual([]);
  });

  it('reads weekdays, with a part of the day, and the day of a statement', () => {
    expect(show('Das Feuer brach am Montag aus.', 'de')).toEqual(['weekday monday']);
    expect(show('Das Feuer brach am Sonnabend aus.', 'de')).toEqual(['weekday saturday']);
    expect(show('Das Feuer brach am Dienstagabend aus.', 'de')).toEqual(['weekday tuesday']);
    expect(show('Die Polizei sagte am Mittwoch, das Feuer sei gelöscht.', 'de')).toEqual(['weekday wednesday said']);
    expect(show('Die Welt am Sonntag berichtete darüber.', 'de')).toEqual([]);
    expect(show('Montag, 27. November', 'de')).toEqual(['weekday monday', 'date 11-27']);
  });

  it('reads clock times with "Uhr", and no "am" as a half of the day', () => {
    expect(show('Das Leck entstand gegen 14.30 Uhr.', 'de')).toEqual(['time 14:30']);
    expect(show('Das Leck entstand gegen 14:30 Uhr.', 'de')).toEqual(['time 14:30']);
    expect(show('Das Leck entstand gegen 14 Uhr MEZ.', 'de')).toEqual(['time 14:00 cet']);
    expect(show('Der Kurs lag bei 14.30 Punkten.', 'de').filter((s) => s.startsWith('time'))).toEqual([]);
    // English reads "12 am" as midnight; in German "am" is "on the".
    expect(show('Die Zahl stieg auf 12 am Montag.', 'de')).toEqual(['number 12', 'weekday monday']);
    expect(show('Die Zahl stieg auf 12 am Montag.')).toContain('time 00:00');
  });

  it('tells a year from a count of the same digits', () => {
    expect(show('Im Jahr 2019 wurden 2019 Menschen verletzt.', 'de')).toEqual(['year 2019', 'number 2019 mensch']);
  });
});

describe('disagreements of German sentences', () => {
  it('the same values written differently agree', () => {
    expect(differ('Es kamen 1.200 Menschen.', 'Es kamen 1200 Menschen.', 'de')).toEqual([]);
    expect(differ('Es starben zwölf Menschen.', 'Es starben 12 Menschen.', 'de')).toEqual([]);
    expect(differ('Das Leck entstand am 27. November.', 'Das Leck entstand am 27.11. in Lübeck.', 'de')).toEqual([]);
    expect(differ('Das Leck entstand um 14.30 Uhr.', 'Das Leck entstand um 14:30 Uhr.', 'de')).toEqual([]);
    expect(differ('Der Schaden liegt bei 1,2 Mio. Euro.', 'Der Schaden liegt bei 1,2 Millionen Euro.', 'de')).toEqual([]);
  });

  it('different values disagree', () => {
    expect(differ('Es kamen 1.200 Menschen.', 'Es kamen 1.500 Menschen.', 'de')).toEqual(['number: 1200 | 1500']);
    expect(differ('Das Feuer brach am Montag aus.', 'Das Feuer brach am Dienstag aus.', 'de')).toEqual(['weekday: monday | tuesday']);
    expect(differ('Das Leck entstand am 27. November.', 'Das Leck entstand am 28. November.', 'de')).toEqual(['date: 11-27 | 11-28']);
    expect(differ('Die Quote stieg auf 12,5 Prozent.', 'Die Quote stieg auf 12,8 Prozent.', 'de')).toEqual(['number: 12.5 | 12.8']);
  });

  it('"getötet", "Tote" and "starben" say one thing of a figure, as "killed" and "dead" do in English', () => {
    expect(differ('Bei dem Brand wurden zwölf Menschen getötet.', 'Bei dem Feuer wurden 15 Menschen verletzt.', 'de')).toEqual([]);
    expect(differ('Bei dem Brand wurden zwölf Menschen getötet.', 'Bei dem Feuer starben 15 Menschen.', 'de')).toEqual(['number: 12 | 15']);
  });

  it('read as English (as before), none of these were compared', () => {
    expect(differ('Es kamen 1.200 Menschen.', 'Es kamen 1.500 Menschen.')).toEqual([]);
    expect(differ('Das Feuer brach am Montag aus.', 'Das Feuer brach am Dienstag aus.')).toEqual([]);
    expect(differ('Das Leck entstand am 27. November.', 'Das Leck entstand am 28. November.')).toEqual([]);
  });
});

describe('French, Spanish, Italian and Dutch values', () => {
  it('read the decimal comma, the day before the month and the language\'s names', () => {
    expect(show('Le lundi 27 novembre 2026, plus de 1.200 personnes ont été évacuées.', 'fr')).toEqual(['weekday monday', 'date 11-27', 'year 2026', 'number 1200 person min']);
    expect(show('Le taux a atteint 12,5 pour cent à 14h30 le 1er décembre.', 'fr')).toEqual(['number 12.5 percent', 'time 14:30', 'date 12-01']);
    expect(show('El martes 27 de noviembre de 2026 murieron 1.200 personas.', 'es')).toEqual(['weekday tuesday', 'date 11-27', 'year 2026', 'number 1200 person']);
    expect(show('Lunedì 27 novembre oltre 1.200 persone sono state evacuate.', 'it')).toEqual(['weekday monday', 'date 11-27', 'number 1200 person min']);
    expect(show('Op maandag 27 november moesten ruim 1.200 mensen om 14.30 uur vertrekken.', 'nl')).toEqual(['weekday monday', 'date 11-27', 'number 1200 men min', 'time 14:30']);
  });

  it('take the counted noun where the language puts it: the first word in French, the first plural in Dutch', () => {
    expect(show('Plus de 1.200 personnes évacuées.', 'fr')).toEqual(['number 1200 person min']);
    expect(show('Er raakten 1.200 gewonde mensen gewond.', 'nl')).toEqual(['number 1200 men']);
    expect(show('Ruim 1.200 mensen raakten gewond.', 'nl')).toEqual(['number 1200 men min']);
    expect(show('Het kost 1,2 miljoen euro.', 'nl')).toEqual(['number 1200000 eur']);
  });

  it('read thousands grouped by a space or a no-break space ("1 200", "3\u202f500\u202f000")', () => {
    expect(show('Plus de 1 200 personnes et 3\u202f500\u202f000 euros, soit 1 200,5 tonnes.', 'fr')).toEqual([
      'number 1200 person min',
      'number 3500000 eur',
      'number 1200.5 ton',
    ]);
    expect(differ('Plus de 1 200 personnes ont été évacuées.', 'Plus de 1.200 personnes ont été évacuées.', 'fr')).toEqual([]);
  });

  it('read dates in digits with the day first ("27/11/2026", "27-11-2026", "le 28/11"), not fractions or scores', () => {
    expect(show('Le 27/11/2026, puis le 28/11 et le 27-11-2026.', 'fr')).toEqual(['date 11-27', 'year 2026', 'date 11-28', 'date 11-27', 'year 2026']);
    expect(show('Il gagne 3-1 avec 1/2 des voix.', 'fr').filter((s) => s.startsWith('date'))).toEqual([]);
    expect(differ('El accidente ocurrió el 27/11/2026.', 'El accidente ocurrió el 28 de noviembre de 2026.', 'es')).toEqual(['date: 11-27 | 11-28']);
  });

  it('compare them', () => {
    expect(differ('Plus de 1.200 personnes ont été évacuées lundi.', 'Plus de 1.500 personnes ont été évacuées mardi.', 'fr')).toEqual(['weekday: monday | tuesday', 'number: 1200 | 1500']);
    expect(differ('Murieron 1.200 personas.', 'Murieron 1200 personas.', 'es')).toEqual([]);
  });
});

describe('Portuguese values', () => {
  it('read the thousands dot, the decimal comma, "16 de fevereiro", the "-feira" weekdays, scales and bounds', () => {
    expect(show('Cerca de 1.500 pessoas ficaram desalojadas em 16 de fevereiro de 2026.', 'pt')).toEqual(['number 1500 pesso about', 'date 02-16', 'year 2026']);
    expect(show('Choveu 258,6 mm na terça-feira; ao menos 14 mortos até as 21h00 de domingo.', 'pt')).toEqual(['number 258.6 mm', 'weekday tuesday', 'number 14 mort min', 'time 21:00', 'weekday sunday']);
    expect(show('O governo liberou 2,5 milhões de reais.', 'pt')).toEqual(['number 2500000']);
  });

  it('read the day of the month in brackets after a weekday ("segunda-feira (16)") as the weekday\'s, not a count', () => {
    expect(show('Subiu para 16 o número de mortos na segunda-feira (16).', 'pt')).toEqual(['number 16', 'weekday monday']);
    expect(differ('O temporal atingiu a cidade na segunda-feira (16).', 'O temporal atingiu a cidade na segunda-feira (17).', 'pt')).toEqual([]);
  });

  it('compare them', () => {
    expect(differ('Morreram 1.200 pessoas na segunda-feira.', 'Morreram 1.500 pessoas na terça-feira.', 'pt')).toEqual(['weekday: monday | tuesday', 'number: 1200 | 1500']);
    expect(differ('Morreram 1.200 pessoas.', 'Morreram 1200 pessoas.', 'pt')).toEqual([]);
  });
});

describe('Swedish and Norwegian values', () => {
  it('read Swedish: the space-grouped thousands, "i måndags", "den 27 november", scales, percent and qualifiers', () => {
    expect(show('Minst 1 200 personer evakuerades i måndags.', 'sv')).toEqual(['number 1200 person min', 'weekday monday']);
    expect(show('Olyckan inträffade den 27 november 2026 och kostade 2,5 miljoner kronor.', 'sv')).toEqual(['date 11-27', 'year 2026', 'number 2500000 kron']);
    expect(show('På tisdag hade 14,5 procent av hushållen ingen el.', 'sv')).toEqual(['weekday tuesday', 'number 14.5 percent']);
  });

  it('read Norwegian: the day with its ordinal dot ("27. november", "27.11.2026") and "rundt" as about', () => {
    expect(show('Over 1 200 personer ble evakuert mandag 27. november 2026.', 'no')).toEqual(['number 1200 person min', 'weekday monday', 'date 11-27', 'year 2026']);
    expect(show('Den 27.11.2026 døde 12 personer.', 'no')).toEqual(['date 11-27', 'year 2026', 'number 12 person']);
    expect(show('Rundt 2,5 millioner kroner ble samlet inn på lørdag.', 'no')).toEqual(['number 2500000 kron about', 'weekday saturday']);
  });

  it('compare them', () => {
    expect(differ('Minst 1 200 personer evakuerades i måndags.', 'Minst 1 500 personer evakuerades i tisdags.', 'sv')).toEqual(['weekday: monday | tuesday', 'number: 1200 | 1500']);
    expect(differ('1 200 personer døde.', '1.200 personer døde.', 'no')).toEqual([]);
  });
});

describe('people counted where they live, speeds and round figures in every language (review 27)', () => {
  it('residents are people: "Einwohner", "Anwohner", "vecinos", "habitantes", "moradores", "habitants", "invånare" count what "Menschen", "personas", "personnes", "pessoas", "personer" do', () => {
    const cases: [Language, string, string][] = [
      ['de', 'Die Stadt ließ 1.200 Anwohner in Sicherheit bringen.', 'Die Stadt ließ 1.500 Menschen in Sicherheit bringen.'],
      ['de', 'Die Stadt ließ 1.200 Einwohner in Sicherheit bringen.', 'Die Stadt ließ 1.500 Bewohner in Sicherheit bringen.'],
      ['es', 'Las autoridades desalojaron a 1.200 vecinos del barrio.', 'Las autoridades desalojaron a 1.500 personas del barrio.'],
      ['es', 'Las autoridades desalojaron a 1.200 habitantes del barrio.', 'Las autoridades desalojaron a 1.500 moradores del barrio.'],
      ['fr', 'La préfecture a évacué 1 200 habitants du village.', 'La préfecture a évacué 1 500 personnes du village.'],
      ['it', 'Sono stati evacuati 1.200 abitanti del paese.', 'Sono stati evacuati 1.500 residenti del paese.'],
      ['nl', 'De gemeente evacueerde 1.200 inwoners uit de wijk.', 'De gemeente evacueerde 1.500 mensen uit de wijk.'],
      ['pt', 'A Defesa Civil retirou 1.200 moradores do bairro.', 'A Defesa Civil retirou 1.500 pessoas do bairro.'],
      ['sv', 'Kommunen evakuerade 1.200 invånare från området.', 'Kommunen evakuerade 1.500 personer från området.'],
      ['no', 'Kommunen evakuerte 1.200 innbyggere fra området.', 'Kommunen evakuerte 1.500 personer fra området.'],
    ];
    for (const [language, a, b] of cases) {
      expect(differ(a, b, language), a).toEqual(['number: 1200 | 1500']);
      expect(differ(a, b.replace('1.500', '1.200').replace('1 500', '1 200'), language), a).toEqual([]);
    }
  });

  it('a figure in km/h is a speed, shown as written ("80 km/h"), not a distance in km', () => {
    for (const language of ['fr', 'de', 'es'] as const) {
      const [slot] = extractSlots('Le mistral a soufflé jusqu\'à 80 km/h sur la côte.', language).filter((s) => s.kind === 'number');
      expect(slot, language).toMatchObject({ value: '80', unit: 'kmh', unitText: 'km/h' });
    }
    expect(show('Der Zug fuhr mit 120 km/h über die Brücke.', 'de')).toEqual(['number 120 kmh']);
    expect(show('Der Zug fuhr 120 km über die Brücke.', 'de')).toEqual(['number 120']);
    expect(differ('Le mistral a soufflé jusqu\'à 80 km/h.', 'Le mistral a soufflé à 90 km/h.', 'fr')).toEqual(['number: 80 | 90']);
    expect(differ('Le feu est à 80 km/h du village.', 'Le feu est à 80 km du village.', 'fr')).toEqual([]);
  });

  it('two round figures ("etwa 30.000" / "rund 28.000") within a tenth of each other agree; farther apart they do not', () => {
    expect(differ('Etwa 30.000 Fahrzeuge fuhren täglich über die Brücke.', 'Rund 28.000 Fahrzeuge fuhren täglich über die Brücke.', 'de')).toEqual([]);
    expect(differ('Rund 28.000 Fahrzeuge fuhren täglich über die Brücke.', 'Rund 35.000 Fahrzeuge fuhren täglich über die Brücke.', 'de')).toEqual(['number: 28000 | 35000']);
    expect(differ('Unas 1.200 personas fueron desalojadas.', 'Cerca de 1.500 personas fueron desalojadas.', 'es')).toEqual(['number: 1200 | 1500']);
    expect(differ('Environ 1 150 personnes ont été évacuées.', 'Quelque 1 200 personnes ont été évacuées.', 'fr')).toEqual([]);
    // Two floors are two outlets' figures, however close.
    expect(differ('Mehr als 30.000 Fahrzeuge fuhren täglich über die Brücke.', 'Mehr als 28.000 Fahrzeuge fuhren täglich über die Brücke.', 'de')).toEqual(['number: 30000 | 28000']);
  });
});

describe('the end of a span ("until Wednesday") in every language', () => {
  it('gives a day after "until" the role until, "until at least" its own, and compares each only with its kind', () => {
    expect(show('Rail traffic will remain suspended until Wednesday.')).toEqual(['weekday wednesday until']);
    expect(show('Rail traffic will remain suspended until at least next Wednesday.')).toEqual(['weekday wednesday until at least']);
    expect(show('The road is closed through Friday.')).toEqual(['weekday friday until']);
    expect(differ('The line will stay closed until at least Wednesday.', 'Commuter trains will not run until Thursday.')).toEqual([]);
    expect(differ('The line will stay closed until Wednesday.', 'The line will stay closed until Thursday.')).toEqual(['weekday: wednesday | thursday']);
    expect(differ('The bridge collapsed on Wednesday.', 'Traffic is diverted until Thursday.')).toEqual([]);
  });

  it('reads a day put off to ("delayed until Monday") or planned by its verb ("scheduled to resume Monday", "will resume Monday") as planned', () => {
    expect(show('Their testimony has been delayed until Monday.')).toEqual(['weekday monday planned']);
    expect(show('The trial is scheduled to resume Monday.')).toEqual(['weekday monday planned']);
    expect(show('The trial will resume Monday.')).toEqual(['weekday monday planned']);
    expect(show('The trial resumed Monday.')).toEqual(['weekday monday']);
    // ECB+ 33_3 and 33_1: a witness who was to testify on Thursday, put off until Monday, when the trial resumes.
    expect(differ('A second witness had expected to testify in the shooting on Thursday as well but after threatened with death, their testimony has been delayed until Monday.', 'The trial is scheduled to resume Monday, with testimony from a man who claims he was threatened.')).toEqual([]);
  });

  it('reads "hasta", "bis", "jusqu\'à", "fino a", "até" and an "at least" before or after them', () => {
    expect(show('La circulación seguirá cortada al menos hasta el miércoles.', 'es')).toEqual(['weekday wednesday until at least']);
    expect(show('Los trenes no circularán hasta el jueves.', 'es')).toEqual(['weekday thursday until']);
    expect(differ('La circulación seguirá cortada al menos hasta el miércoles.', 'Los trenes de Cercanías no circularán hasta el jueves.', 'es')).toEqual([]);
    expect(show('Die Brücke bleibt bis mindestens Mittwoch gesperrt.', 'de')).toEqual(['weekday wednesday until at least']);
    expect(show('La route restera fermée jusqu\'à mercredi.', 'fr')).toEqual(['weekday wednesday until']);
    expect(show('La linea resterà chiusa fino a mercoledì.', 'it')).toEqual(['weekday wednesday until']);
    expect(show('As aulas foram suspensas até sexta-feira.', 'pt')).toEqual(['weekday friday until']);
    // "natten till söndag" is the night into Sunday: the event's day (review 27b).
    expect(show('Branden bröt ut natten till söndag.', 'sv')).toEqual(['weekday sunday']);
    expect(differ('Der Zug fuhr am Mittwoch.', 'Die Strecke bleibt bis Donnerstag gesperrt.', 'de')).toEqual([]);
  });
});
