import { describe, expect, it } from 'vitest';
import { detectLanguage, FUNCTION_WORDS, functionWordHits, languageOfHits, LANGUAGES, type Language } from '../src/text/language.js';
import { nextWord, WordSpan } from '../src/text/words.js';

/** A sentence or two of news in each language (written for this test). */
const SAMPLES: Record<Language, string> = {
  en: 'The government said on Monday that it would raise taxes for the second time this year, and the opposition has called the plan a mistake.',
  de: 'Die Regierung hat am Montag angekündigt, dass sie die Steuern in diesem Jahr zum zweiten Mal erhöhen wird. Die Opposition nannte den Plan einen Fehler.',
  fr: "Le gouvernement a annoncé lundi qu'il augmenterait les impôts pour la deuxième fois cette année. L'opposition a qualifié le projet d'erreur.",
  es: 'El gobierno anunció el lunes que subirá los impuestos por segunda vez este año, y la oposición calificó el plan de error para el país.',
  it: "Il governo ha annunciato lunedì che aumenterà le tasse per la seconda volta quest'anno. L'opposizione ha definito il piano un errore per il paese.",
  pt: 'O governo anunciou na segunda-feira que vai aumentar os impostos pela segunda vez este ano, e a oposição disse que o plano é um erro para o país.',
  nl: 'De regering heeft maandag aangekondigd dat zij de belastingen dit jaar voor de tweede keer zal verhogen. De oppositie noemde het plan een fout.',
  sv: 'Regeringen meddelade på måndagen att den kommer att höja skatterna för andra gången i år, och oppositionen säger att planen är ett misstag.',
  no: 'Regjeringen sa mandag at den vil øke skattene for andre gang i år, og opposisjonen mener at planen er en feil som ikke kan forsvares.',
};

describe('detectLanguage', () => {
  for (const language of LANGUAGES) {
    it(`tells ${language} from a sentence or two`, () => {
      expect(detectLanguage([SAMPLES[language]])).toBe(language);
    });
  }

  it('keeps English an English article that quotes and names foreign words', () => {
    const text = [
      'Der Spiegel reported that the chancellor met the president of El Salvador in Los Angeles on Tuesday.',
      'The meeting, which was described as "sehr gut" by one aide, took place at the Hotel de la Paix, where the delegations stayed.',
      'Le Monde and La Repubblica also covered the visit, and die Zeit said it was the first of its kind.',
    ];
    const hits = functionWordHits(text);
    // The foreign words are there and counted, but English has far more.
    expect(hits[LANGUAGES.indexOf('de')]).toBeGreaterThan(0);
    expect(hits[LANGUAGES.indexOf('fr')]).toBeGreaterThan(0);
    expect(detectLanguage(text)).toBe('en');
  });

  it('takes texts too short to tell as English: two function words or fewer', () => {
    expect(detectLanguage(['Regierung tagt am Montag'])).toBe('en');
    expect(detectLanguage(['Die Regierung hat am Montag'])).toBe('de');
    expect(detectLanguage(['Merkel', 'Berlin'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('decides on the first 200 words: a German article with an English appendix is German, and the other way round', () => {
    const german = Array(10).fill(SAMPLES.de).join(' ');
    const english = Array(10).fill(SAMPLES.en).join(' ');
    expect(detectLanguage([german, english])).toBe('de');
    expect(detectLanguage([english, german])).toBe('en');
  });

  it('reads the texts in order, across headline and sentences', () => {
    const sentences = SAMPLES.fr.split('. ');
    expect(detectLanguage(sentences)).toBe('fr');
  });

  it('counts an elided article by its apostrophe ("l\'", "qu\'")', () => {
    const hits = functionWordHits(["l'homme qu'il d'un l'état l'année l'Assemblée"]);
    expect(hits[LANGUAGES.indexOf('fr')]).toBe(6);
    expect(hits[LANGUAGES.indexOf('en')]).toBe(0);
  });

  it('costs little more than finding the words: at most 3 times a bare scan of them', () => {
    const texts = LANGUAGES.map((l) => [Array(10).fill(SAMPLES[l]).join(' ')]);
    const span = new WordSpan();
    const scan = (): void => {
      for (const [text] of texts) for (let i = 0, n = 0; n < 200 && nextWord(text as string, i, span); i = span.end, n++);
    };
    const time = (f: () => void): number => {
      let best = Infinity;
      for (let round = 0; round < 5; round++) {
        const started = performance.now();
        for (let k = 0; k < 300; k++) f();
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const detect = (): void => {
      for (const t of texts) detectLanguage(t);
    };
    time(scan);
    time(detect);
    expect(time(detect)).toBeLessThan(3 * time(scan) + 5);
  });
});

describe('languageOfHits', () => {
  const at = (counts: Partial<Record<Language, number>>): number[] => LANGUAGES.map((l) => counts[l] ?? 0);

  it('needs at least 5 hits and twice English\'s, or in a short text 3 hits, three times English\'s and twice any other\'s', () => {
    expect(languageOfHits(at({ de: 5 }))).toBe('de');
    expect(languageOfHits(at({ de: 4, nl: 3 }))).toBe('en');
    expect(languageOfHits(at({ en: 5, de: 10 }))).toBe('de');
    expect(languageOfHits(at({ en: 6, de: 11 }))).toBe('en');
    // Short texts.
    expect(languageOfHits(at({ en: 1, de: 4, nl: 2 }))).toBe('de');
    expect(languageOfHits(at({ de: 3 }))).toBe('de');
    expect(languageOfHits(at({ de: 2 }))).toBe('en');
    expect(languageOfHits(at({ en: 2, de: 4 }))).toBe('en');
  });

  it('tells a German teaser of one sentence, so it is compared with its German article by the same rules', () => {
    expect(detectLanguage(['Koalition vor dem Aus?', 'Ein enger Vertrauter der Kanzlerin warnt, die Koalition könne in wenigen Wochen zerbrechen.'])).toBe('de');
    // An English line naming German titles stays English.
    expect(detectLanguage(['Die Welt and Der Spiegel reported on the talks in Berlin on Monday.'])).toBe('en');
  });

  it('picks the language with the most hits, the first listed on a tie', () => {
    expect(languageOfHits(at({ es: 9, pt: 12 }))).toBe('pt');
    expect(languageOfHits(at({ es: 12, pt: 12 }))).toBe('es');
    expect(languageOfHits(at({ sv: 8, no: 7 }))).toBe('sv');
  });
});

describe('FUNCTION_WORDS', () => {
  it('has 30 to 70 lower-case words for each language, none repeated', () => {
    for (const language of LANGUAGES) {
      const words = FUNCTION_WORDS[language].split(' ');
      expect(words.length, language).toBeGreaterThanOrEqual(30);
      expect(words.length, language).toBeLessThanOrEqual(70);
      expect(new Set(words).size, language).toBe(words.length);
      for (const w of words) expect(w, language).toBe(w.toLowerCase());
    }
  });
});
