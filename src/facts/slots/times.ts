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
    } else if (t.kind === 'num' && c.rules !== undefined) {
      const local = localClock(c, i);
      value = local?.value;
      last = local?.last ?? i;
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
    const zoneText = c.toks[last + 1]?.text ?? '';
    const zone = c.toks[last + 1]?.kind === 'word' ? (ZONES.get(zoneText) ?? c.rules?.zones.get(zoneText)) : undefined;
    const restated = previous !== undefined && c.toks[i - 1]?.text === '(' && i - previous.last <= RESTATED_WITHIN;
    const role = restated ? previous?.role : c.rules === undefined ? timeRole(c, i) : undefined;
    const unit = role === undefined ? zone : `${role}${zone === undefined ? '' : ` ${zone}`}`;
    emit(c, 'time', value, i, zone === undefined ? last : last + 1, unit);
    previous = { last: zone === undefined ? last : last + 1, role };
    i = last;
  }
}

/**
 * A clock time as languages other than English write it, at the number token i: "14:30" (any language), "14.30 Uhr",
 * "14 Uhr" (a clock word after it: locale.ts), French "14h30", "14h". No "am"/"pm": German "am" is "on the".
 */
function localClock(c: Ctx, i: number): { value: string; last: number } | undefined {
  const rules = c.rules;
  const t = c.toks[i] as Tok;
  if (rules === undefined) return undefined;
  const clock = /^(\d{1,2})([:.])(\d\d)$/.exec(t.text);
  const h = Number(clock?.[1] ?? t.text);
  const m = Number(clock?.[3] ?? 0);
  if (h > 24 || m > 59 || (clock === null && t.text.length > 2)) return undefined;
  const hh = h === 24 ? 0 : h;
  const next = c.toks[i + 1];
  // French "14h30", "14h": the "h" glued to the hour, and the minutes glued to it.
  if (clock === null && next?.lower === 'h' && glued(c, i) && rules.clockWords.has('h')) {
    const minutes = glued(c, i + 1) && /^\d\d$/.test(c.toks[i + 2]?.text ?? '') ? Number(c.toks[i + 2]?.text) : undefined;
    if (minutes !== undefined && minutes > 59) return undefined;
    return { value: `${pad2(hh)}:${pad2(minutes ?? 0)}`, last: minutes === undefined ? i + 1 : i + 2 };
  }
  // A bare hour only before German "Uhr": Dutch "14 uur" and French "14 heures" may be a span of hours.
  if (next?.kind === 'word' && rules.clockWords.has(next.lower) && !glued(c, i) && (clock !== null || next.lower === 'uhr')) return { value: `${pad2(hh)}:${pad2(m)}`, last: i + 1 };
  if (clock?.[2] === ':' && h <= 23) return { value: `${pad2(h)}:${pad2(m)}`, last: i };
  return undefined;
}
