/** Clock times: "5:00 am", "5.00 a.m.", "17:30", "1730 GMT", noon and midnight, with a time zone when one follows. */
import { ZONES } from './words.js';
import { emit, free, glued, isWordAt, lowerAt, pad2, type Ctx, type Tok } from './tokens.js';
import { timeRole } from './day-roles.js';

/** "am", "PM", "a.m.", "p.m" at token j: the half of the day and the last token used. */
export function meridiemAt(c: Ctx, j: number): { pm: boolean; last: number } | undefined {
  const w = lowerAt(c, j);
  if (!isWordAt(c, j)) return undefined;
  if (w === 'am' || w === 'pm') return { pm: w === 'pm', last: j };
  if ((w === 'a' || w === 'p') && c.toks[j + 1]?.text === '.' && lowerAt(c, j + 2) === 'm' && glued(c, j) && glued(c, j + 1)) {
    return { pm: w === 'p', last: c.toks[j + 3]?.text === '.' && glued(c, j + 2) ? j + 3 : j + 2 };
  }
  return undefined;
}

/**
 * Clock times, each with its zone as unit ("gmt"), and "as of" before it when it is the time of a running count
 * ("as of 4:00 p.m. local time (1100 GMT)": the time in brackets restates the one before it, role and all).
 */
/** Tokens from the end of a time to a bracketed time that restates it: "p.m. local time (1100". */
const RESTATED_WITHIN = 4;

export function findTimes(c: Ctx): void {
  let previous: { last: number; role: string | undefined } | undefined;
  for (let i = 0; i < c.toks.length; i++) {
    if (c.used[i] !== 0) continue;
    const t = c.toks[i] as Tok;
    let value: string | undefined;
    let last = i;
    if (t.kind === 'word' && (t.lower === 'noon' || t.lower === 'midday' || t.lower === 'midnight')) {
      value = t.lower === 'midnight' ? '00:00' : '12:00';
    } else if (t.kind === 'num') {
      const clock = /^(\d{1,2})([:.])(\d\d)$/.exec(t.text);
      const mer = meridiemAt(c, i + 1);
      const h = Number(clock?.[1] ?? t.text);
      const m = Number(clock?.[3] ?? 0);
      if (mer !== undefined && h >= 1 && h <= 12 && m < 60 && (clock !== null || t.text.length <= 2)) {
        value = `${pad2((h % 12) + (mer.pm ? 12 : 0))}:${pad2(m)}`;
        last = mer.last;
      } else if (clock?.[2] === ':' && h <= 23 && m < 60) {
        value = `${pad2(h)}:${pad2(m)}`;
      } else if (/^\d{4}$/.test(t.text) && ZONES.has(c.toks[i + 1]?.text ?? '')) {
        const hh = Number(t.text.slice(0, 2));
        const mm = Number(t.text.slice(2));
        if (hh <= 23 && mm < 60) value = `${pad2(hh)}:${pad2(mm)}`;
      }
    }
    if (value === undefined || !free(c, i, last)) continue;
    const zone = c.toks[last + 1]?.kind === 'word' ? ZONES.get(c.toks[last + 1]?.text ?? '') : undefined;
    const restated = previous !== undefined && c.toks[i - 1]?.text === '(' && i - previous.last <= RESTATED_WITHIN;
    const role = restated ? previous?.role : timeRole(c, i);
    const unit = role === undefined ? zone : `${role}${zone === undefined ? '' : ` ${zone}`}`;
    emit(c, 'time', value, i, zone === undefined ? last : last + 1, unit);
    previous = { last: zone === undefined ? last : last + 1, role };
    i = last;
  }
}
