/** Names tied to a role: "Prime Minister Boris Johnson", "Wael Alwan, a spokesman for …". */
import { APPOSITION_BREAK, NOT_NAME, PARTICLES, PORTFOLIO_ROLES, ROLE_HEADS, ROLE_PREFIXES, ROLE_TAILS, STOP, WEEKDAYS } from './words.js';
import { emit, free, glued, isWordAt, lowerAt, type Ctx, type Tok } from './tokens.js';

const HYPHEN_OR_SPACE = /[‐‑\- ]/;

interface Role {
  readonly unit: string;
  readonly first: number;
  readonly last: number;
}

/** A role phrase whose head word is token i: "Prime Minister", "spokeswoman", "Secretary of State". */
function roleAt(c: Ctx, i: number): Role | undefined {
  const lower = lowerAt(c, i);
  // The head is the word up to its first hyphen ("vice-president": "vice"); looked up for every token, so
  // without building strings for the (most) tokens that have none.
  const cut = lower.search(HYPHEN_OR_SPACE);
  const head = ROLE_HEADS.get(cut < 0 ? lower : lower.slice(0, cut));
  if (head === undefined || !isWordAt(c, i)) return undefined;
  const words = [head, ...lowerAt(c, i).split(/[‐‑-]/).slice(1)];
  let last = i;
  if (lowerAt(c, i + 1) === 'of' && lowerAt(c, i + 2) === 'state') {
    words.push('of', 'state');
    last = i + 2;
  }
  while (ROLE_TAILS.has(lowerAt(c, last + 1)) && last < i + 3) words.push(lowerAt(c, ++last));
  let first = i;
  const prev = lowerAt(c, i - 1);
  const portfolio = PORTFOLIO_ROLES.has(head) && words.length === 1 && !STOP.has(prev) && !/^\p{Lu}+$/u.test(c.toks[i - 1]?.text ?? '');
  if (isWordAt(c, i - 1) && (ROLE_PREFIXES.has(prev) || portfolio)) {
    words.unshift(prev);
    first = i - 1;
  }
  return { unit: words.join(' '), first, last };
}

/** A capitalised word that can be part of a name; a role word ("General", "King") cannot start one. */
function nameToken(c: Ctx, i: number, first = false): boolean {
  const t = c.toks[i];
  if (t === undefined || t.kind !== 'word' || NOT_NAME.has(t.lower) || WEEKDAYS.includes(t.lower)) return false;
  if (!t.cap && !PARTICLES.has(/^\p{Ll}+(?=[‐‑-]\p{Lu})/u.exec(t.text)?.[0] ?? '')) return false; // "al-Assad"
  return !first || (!ROLE_HEADS.has(t.lower) && !ROLE_TAILS.has(t.lower));
}

/** An initial "J." inside a name. */
function initialAt(c: Ctx, i: number): boolean {
  const t = c.toks[i];
  return t !== undefined && t.cap && t.text.length === 1 && c.toks[i + 1]?.text === '.' && glued(c, i) && nameToken(c, i + 2);
}

interface Name {
  readonly value: string;
  readonly last: number;
  readonly end: number;
}

/** "Firstname [particle|initial] Lastname" from token i: two to four capitalised words. */
function nameAt(c: Ctx, i: number): Name | undefined {
  if (!nameToken(c, i, true)) return undefined;
  const parts: string[] = [];
  let k = i;
  let caps = 0;
  while (k < c.toks.length && parts.length < 6) {
    const t = c.toks[k] as Tok;
    // An initial first: "W" is also a capitalised word, and taken as one it ended "George W. Bush" at "George W".
    if (k > i && initialAt(c, k)) {
      k += 2;
    } else if (nameToken(c, k)) {
      parts.push(t.lower);
      caps++;
      k++;
      if (t.poss) break; // a possessive ends the name
    } else if (PARTICLES.has(t.text) && nameToken(c, k + 1)) {
      parts.push(t.text);
      k++;
    } else break;
  }
  if (caps < 2 || caps > 4 || nameToken(c, k)) return undefined;
  const lastTok = c.toks[k - 1] as Tok;
  const end = lastTok.poss ? lastTok.end - 2 : lastTok.end;
  return { value: normaliseName(parts.join(' ')), last: k - 1, end };
}

/** "Bashar al-Assad" → "bashar al assad"; "O’Brien" → "obrien"; accents dropped. */
function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[‐‑-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Wael Alwan, a spokesman for …": the name that ends just before a comma in front of the role. */
function nameBefore(c: Ctx, roleFirst: number): { name: Name; from: number } | undefined {
  let k = roleFirst - 1;
  while (k >= 0 && k > roleFirst - 6 && isWordAt(c, k) && !APPOSITION_BREAK.has(lowerAt(c, k))) k--;
  if (c.toks[k]?.text !== ',') return undefined;
  let from = k - 1;
  while (from >= 0 && from > k - 8 && (nameToken(c, from) || PARTICLES.has(c.toks[from]?.text ?? '') || c.toks[from]?.text === '.')) from--;
  if (from >= 0 && nameToken(c, from)) return undefined; // a longer capitalised run: an organisation, not a person
  from++;
  while (from < k && !nameToken(c, from)) from++;
  const name = nameAt(c, from);
  return name !== undefined && name.last === k - 1 && free(c, from, k - 1) ? { name, from } : undefined;
}

/**
 * Words that prose writes in lowercase inside a sentence and Title Case capitalises: verbs that carry a sentence,
 * pronouns, conjunctions, prepositions. Not "may", "will", "can" or "do" (Theresa May, Will Smith, Can Dündar,
 * Do Kwon).
 */
const TITLE_TELLS = new Set(
  ('be is are was were been being had has have would could should did does says said told that this these ' +
    'those which who with from into than after before over about not its their his her they he she it more ' +
    'to for and of in on at by as').split(' '),
);

/**
 * A headline in Title Case ("Former President Bush Had Enacted Legislation that Could Have Put More Animals in
 * Danger"): its words of four letters or more, after the first, are capitalised but for at most one in five, four
 * at least, and one of {@link TITLE_TELLS} is capitalised after a word. Where every word is capitalised a name's
 * end cannot be told ("Bush Had Enacted Legislation" was read as a name), so no names are taken from it. Words
 * in capitals (WHO, IT) are left out of the count: a sentence of names and acronyms still has its verbs in
 * lowercase ("The WHO said WHO Director-General Tedros Adhanom Ghebreyesus would visit").
 */
function titleCase(c: Ctx): boolean {
  let caps = 0;
  let lower = 0;
  let tells = 0;
  for (let i = 1; i < c.toks.length; i++) {
    const t = c.toks[i] as Tok;
    if (t.kind !== 'word' || (t.text.length > 1 && t.text === t.text.toUpperCase())) continue;
    if (t.cap && c.toks[i - 1]?.kind === 'word' && TITLE_TELLS.has(t.lower)) tells++;
    if (t.text.length < 4) continue;
    if (t.cap) caps++;
    else lower++;
  }
  return tells > 0 && caps >= 4 && lower * 5 <= caps;
}

/** Words that join a second title to a role: "CEO and co-founder", "president and chief executive". */
const JOINED_TITLE = new Set(['and', '-', 'co', 'founder', 'co-founder', 'cofounder', 'owner', 'editor', 'publisher']);

/**
 * A name after a second title joined to the role: "CEO and co-founder Andrew Feldman" (tokens from `from`: "and",
 * then at most four lowercase title words, then the name), with the second title's role when it is one
 * ("chairman and chief executive Jamie Dimon": chief executive). Without it "the Intel Atom, SeaMicro CEO and
 * co-founder Andrew Feldman said" read "Intel Atom", before the comma, as the CEO's name.
 */
function nameAfterRoles(c: Ctx, from: number): { name: Name; role?: Role } | undefined {
  if (lowerAt(c, from) !== 'and') return undefined;
  let role: Role | undefined;
  for (let k = from + 1; k < from + 6; k++) {
    const t = c.toks[k];
    if (t === undefined) return undefined;
    if (!t.cap && (JOINED_TITLE.has(t.lower) || ROLE_HEADS.has(t.lower) || ROLE_TAILS.has(t.lower))) {
      role ??= roleAt(c, k);
      continue;
    }
    const name = k > from + 1 ? nameAt(c, k) : undefined;
    return name === undefined ? undefined : { name, ...(role ? { role } : {}) };
  }
  return undefined;
}

export function findNames(c: Ctx): void {
  if (titleCase(c)) return;
  for (let i = 0; i < c.toks.length; i++) {
    const role = roleAt(c, i);
    if (role === undefined) continue;
    const direct = nameAt(c, role.last + 1);
    const joined = direct === undefined ? nameAfterRoles(c, role.last + 1) : undefined;
    const after = direct ?? joined?.name;
    if (after !== undefined) {
      emit(c, 'name', after.value, role.last + 1, after.last, role.unit, after.end);
      // The person holds both titles: compared with what another source calls either.
      const second = joined?.role?.unit;
      if (second !== undefined && second !== role.unit) emit(c, 'name', after.value, role.last + 1, after.last, second, after.end);
      i = after.last;
      continue;
    }
    const before = nameBefore(c, role.first);
    if (before !== undefined) emit(c, 'name', before.name.value, before.from, before.name.last, role.unit, before.name.end);
    i = role.last;
  }
}
