/**
 * Which terms of a story's sentences are only names there: what two sentences must share besides them to tell one
 * fact (align.ts). "President Emmanuel Macron said on Monday that he would not resign." and "President Emmanuel
 * Macron visited a hospital in Lyon on Monday." share four terms and no claim; "Home ministry spokesman Narayan
 * Prasad Bhattarai said 85 people had been injured" and "… said rescuers were still trying to reach remote villages"
 * share a speaker and his title.
 *
 * A word (of an English sentence) names when it is
 * - capitalised and not the first word of its sentence (or of a quotation, a bracket, or what follows a colon or a
 *   dash): a name, a title before one, a weekday or a month;
 * - capitalised at the start, and the word after it is capitalised too ("Prime Minister Pushpa Kamal Dahal
 *   flew …"), or its term is capitalised within a sentence elsewhere in the story and never lower-case ("Dahal
 *   flew …", "Monday's quake …");
 * - a title right before a capitalised word ("spokesman Narayan …", "fire chief Mark Hensley") or one of the two
 *   words before such a title with nothing but space between that is no verb's form ("Home ministry spokesman",
 *   "fire chief"; not "firing" in "firing head coach Jim O'Brien").
 * A term is plain in a sentence when one of its words there does not name. Sentences in other languages are read
 * as all plain (German capitalises every noun; the titles are English words).
 */
import { ROLE_HEADS, ROLE_TAILS } from './slots/words.js';

/** Words that title a person when a name follows them. */
const TITLES: ReadonlySet<string> = new Set([
  ...ROLE_HEADS.keys(),
  ...ROLE_TAILS,
  ...['officer', 'official', 'sheriff', 'inspector', 'commissioner', 'superintendent', 'marshal', 'deputy', 'trooper', 'sergeant', 'detective', 'attorney'],
  ...['spokesman', 'spokeswoman', 'spokesperson', 'correspondent', 'reporter', 'analyst', 'economist', 'professor', 'dr'],
]);

/** Per word: its first letter is a capital. */
export const CAP = 1;
/** Per word: it starts its sentence, a quotation, a bracket, or what follows a colon or a dash. */
export const INITIAL = 2;
/** Per word: something other than space stands between it and the word before. */
export const BREAK = 4;
/** Per word: it titles a person when a name follows ("spokesman", "chief", "minister"). */
export const TITLE = 8;

/** Per word: it looks like a verb's form ("firing", "killed"), which no title's modifier is. */
export const VERBAL = 16;

/** What the naming rules ask of a (lower-case) word: {@link TITLE}, {@link VERBAL} or 0. */
export function wordKind(word: string): number {
  return (TITLES.has(word) ? TITLE : 0) | (word.length > 4 && /(?:ing|ed)$/.test(word) ? VERBAL : 0);
}

/** Whether the code unit is a capital letter. */
function isCapital(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[at] as string;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** What a gap between two words holds: nothing but space (0), {@link BREAK}, or a start ({@link BREAK} | {@link INITIAL}). */
function gapFlags(text: string, from: number, to: number): number {
  let flags = 0;
  let space = false;
  let hyphen = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      space = true;
      continue;
    }
    flags |= BREAK;
    // Quotation marks, brackets, colon, dashes; a hyphen with space about it is a dash ("(Reuters) - A quake …"),
    // one between two words joins them ("al-Qaeda", "Mat-Su").
    if (c === 34 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 58 || c === 0x2013 || c === 0x2014) flags |= INITIAL;
    if (c === 45) hyphen = true;
  }
  return hyphen && space ? flags | INITIAL : flags;
}

/** The words of a story's texts, as storyTermCounts (terms.ts) meets them, and which of their terms are plain. */
export class StoryNaming {
  #term = new Int32Array(1024);
  #flags = new Uint8Array(1024);
  #length = 0;
  /** Per text: the index of its first word, and whether its words are read (English). */
  readonly #starts: number[] = [];
  readonly #read: boolean[] = [];
  #lastEnd = 0;

  /** Starts text k (read when `english`). */
  begin(english: boolean): void {
    this.#starts.push(this.#length);
    this.#read.push(english);
    this.#lastEnd = -1;
  }

  /** A word of the current text: its story-local term (-1: none), where it lies, and its {@link wordKind}. */
  word(text: string, start: number, end: number, term: number, kind: number): void {
    if (!this.#read[this.#read.length - 1]) return;
    if (this.#length === this.#term.length) {
      const t = new Int32Array(2 * this.#length);
      t.set(this.#term);
      this.#term = t;
      const f = new Uint8Array(2 * this.#length);
      f.set(this.#flags);
      this.#flags = f;
    }
    let flags = this.#lastEnd < 0 ? INITIAL : gapFlags(text, this.#lastEnd, start);
    if (isCapital(text, start)) flags |= CAP;
    flags |= kind;
    this.#term[this.#length] = term;
    this.#flags[this.#length++] = flags;
    this.#lastEnd = end;
  }

  /**
   * Per text, its plain terms (story-local ids, sorted); `terms`: how many terms the story has. A text not read
   * has every term plain: `counts[k]` gives them.
   */
  plain(terms: number, all: (k: number) => Uint32Array): Uint32Array[] {
    const n = this.#length;
    const term = this.#term;
    const flags = this.#flags;
    const lower = new Uint8Array(terms);
    const inner = new Uint8Array(terms);
    for (let i = 0; i < n; i++) {
      const t = term[i] as number;
      if (t < 0) continue;
      const f = flags[i] as number;
      if ((f & CAP) === 0) lower[t] = 1;
      else if ((f & INITIAL) === 0) inner[t] = 1;
    }
    const names = new Uint8Array(n);
    const texts = this.#starts.length;
    const out: Uint32Array[] = [];
    const seen = new Uint8Array(terms);
    for (let k = 0; k < texts; k++) {
      if (!this.#read[k]) {
        out.push(all(k));
        continue;
      }
      const from = this.#starts[k] as number;
      const to = k + 1 < texts ? (this.#starts[k + 1] as number) : n;
      // A capitalised word in the sentence's inside (the next word, for the check of a first word).
      const innerCap = (i: number): boolean => i < to && ((flags[i] as number) & (CAP | INITIAL | BREAK)) === CAP;
      for (let i = from; i < to; i++) {
        const f = flags[i] as number;
        const t = term[i] as number;
        if ((f & CAP) !== 0 && t >= 0) {
          if ((f & INITIAL) === 0 || innerCap(i + 1) || (inner[t] === 1 && lower[t] === 0)) names[i] = 1;
        }
        if ((f & TITLE) !== 0 && innerCap(i + 1)) {
          names[i] = 1;
          // Up to two words before it, joined by space only, not a verb's form: "Home ministry spokesman", "fire
          // chief"; not "firing" in "firing head coach Jim O'Brien".
          for (let j = i - 1, steps = 0; j >= from && steps < 2 && (term[j] as number) >= 0 && ((flags[j] as number) & VERBAL) === 0 && ((flags[j + 1] as number) & BREAK) === 0; j--, steps++) names[j] = 1;
        }
      }
      const plain: number[] = [];
      for (let i = from; i < to; i++) {
        const t = term[i] as number;
        if (t < 0 || names[i] === 1 || seen[t] === 1) continue;
        seen[t] = 1;
        plain.push(t);
      }
      for (const t of plain) seen[t] = 0;
      out.push(Uint32Array.from(plain).sort());
    }
    return out;
  }
}
