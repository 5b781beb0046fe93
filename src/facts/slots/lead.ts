/**
 * Where a sentence's own words start, past a dateline or credit that opens it: "ZARAGOZA (AP) — About 1,500 …",
 * "LIMA, Nov 23 (Reuters) - The …", "Zaragoza, 2 mar (EFE).- Unas 1.200 …", "HALLE (dpa) — Rund 28.000 …",
 * "DRAGUIGNAN — Quelque 1 500 …". The word there is capitalised because it opens the sentence, as a first word is,
 * so it says no more of a name than a first word does.
 */
import { tokenize, type Tok } from './tokens.js';

/** Tokens a dateline and its credit may take, up to the dash: "RIO DE JANEIRO, Brazil, Nov. 23 (Reuters) -". */
const DATELINE_REACH = 16;
/** Lower-case words a place's name may hold: "Rio de Janeiro", "Frankfurt am Main", "Boulogne-sur-Mer" written apart. */
const PLACE_PARTICLES = new Set('de da do dos das di del della des du la le les am an der im en sur'.split(' '));
/** Words a place in capitals without a credit may take before its dash: "RIO DE JANEIRO —", "SAN LUIS OBISPO, Calif. —", not a headline in capitals. */
const PLACE_WORDS = 5;
/** Tokens a credit's brackets may hold: "(AP)", "(dpa/lsa)", "(Agência Brasil)", not a clause. */
const CREDIT_REACH = 4;

/** A dash that ends a dateline: an em or en dash, or a hyphen standing apart from the word after it ("(Reuters) - The"). */
function isDash(toks: readonly Tok[], k: number): boolean {
  const t = toks[k] as Tok;
  if (t.text === '—' || t.text === '–') return true;
  return t.text === '-' && toks[k + 1] !== undefined && (toks[k + 1] as Tok).start > t.end;
}

/** A word written in capitals only, of two letters or more: "ZARAGOZA", "LIMA". */
function allCaps(t: Tok | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

/** Quotation marks that may open a sentence's own words: '"About 1,500 people were evacuated," he said.', « Quelque 1 500 … ». */
const OPENING_QUOTES = new Set(['"', '“', '‘', "'", '«', '„', '‚', '»', '›', '‹']);

/**
 * The index of the sentence's first own word: past a dateline or credit that opens it (below) and past an opening
 * quotation mark. 0 when neither is there.
 */
export function leadStart(toks: readonly Tok[]): number {
  let k = datelineEnd(toks);
  while (k < toks.length - 1 && OPENING_QUOTES.has((toks[k] as Tok).text)) k++;
  return k;
}

/** The dateline and credit that open `text`, up to their dash ("QUITO, Ecuador (AP)"); '' when it opens with none. */
export function datelineOf(text: string): string {
  const toks = tokenize(text);
  const end = datelineEnd(toks);
  return end === 0 ? '' : text.slice(0, (toks[end - 1] as Tok).start);
}

/**
 * The index of the first token after a dateline or credit that opens the sentence, or 0 when it opens with none.
 * A dateline is a place (capitalised words, a date in digits and short words), then a credit in brackets or not,
 * then a dash ("—", "–", a free-standing "-", EFE's ".-"); without a credit its first word is in capitals
 * ("DRAGUIGNAN —"), so that "Rescue teams — about 300 of them — …" is no dateline, and of a few words, so that a
 * headline in capitals ("GRANDMOTHER KILLED BY DRUNK DRIVER IN HIT - AND - RUN …") is none either; a number after
 * its dash makes it a score or a range ("COLTS TOP CHIEFS, 20 - 13"), not a dateline.
 */
function datelineEnd(toks: readonly Tok[]): number {
  let depth = 0;
  let inside = 0;
  let credit = false;
  let words = 0;
  const reach = Math.min(toks.length - 1, DATELINE_REACH);
  for (let k = 0; k < reach; k++) {
    const t = toks[k] as Tok;
    if (t.text === '(') {
      depth++;
      inside = 0;
      continue;
    }
    if (t.text === ')') {
      if (depth === 0) return 0;
      depth--;
      credit = true;
      continue;
    }
    if (depth > 0) {
      if (++inside > CREDIT_REACH) return 0;
      continue;
    }
    if (k > 0 && isDash(toks, k)) return credit || (allCaps(toks[0]) && words <= PLACE_WORDS && toks[k + 1]?.kind !== 'num') ? k + 1 : 0;
    if (t.kind === 'word') words++;
    // A lower-case word is a place's particle or a month after its day ("2 mar", "4 août"); anything else is prose.
    if (t.kind === 'word' ? !t.cap && !PLACE_PARTICLES.has(t.text) && toks[k - 1]?.kind !== 'num' : t.kind === 'punct' && t.text !== ',' && t.text !== '.' && t.text !== '/') return 0;
  }
  return 0;
}
