/**
 * What a day, date or clock time in a sentence is the day of, when the words around it say it is not the day of
 * the event the sentence reports: the day of a statement ("a prosecutor said Friday", "said at practice on
 * Wednesday", "ITAR-TASS reported September 26"), a day something is planned for ("a vigil is planned for
 * Sunday"), the end of a span ("closed until Wednesday"), the day of a thing it names ("Sunday's game", "the
 * December 15 election") or the time of a running
 * count ("turnout was 60 percent as of 4 p.m."). The role becomes the value's unit, so that it is compared only
 * with values of the same role: an event's day is not disputed by the day someone spoke about it.
 */
import { SPEECH, STOP } from './words.js';
import { lowerAt, stem, type Ctx } from './tokens.js';
import { unitAfter } from './numbers.js';

/** Verbs of telling, whose addressee may stand between them and the day: "told CNN on Sunday", "telling People in October". */
const TELLING = new Set(['told', 'tells', 'tell', 'telling']);
/** Words that open a short phrase between a verb of saying and its day: "said at practice on Wednesday", "told reporters Friday". */
const SPEECH_PHRASE = new Set(['at', 'in', 'during', 'to', 'reporters', 'journalists']);
/** Words a short phrase after a verb of saying may hold: "in a statement", "at a news conference", "to the BBC". */
const PHRASE_WORDS = 4;
/** Verbs that make the day after them a day planned for: "scheduled for Monday", "due on Friday". */
const PLANNED = new Set(['planned', 'scheduled', 'rescheduled', 'set', 'slated', 'due', 'expected', 'postponed', 'moved']);

/**
 * `said` when the value on tokens `from`..`to` dates a statement: a verb of saying just before it (past "on"), or
 * just after, or before a short phrase that opens with a preposition ("said in a statement on Friday"), or a verb
 * of telling before whom it told by name ("told CNN on Sunday", "telling People in October").
 */
export function statementAt(c: Ctx, from: number, to: number): string | undefined {
  const before = lowerAt(c, from - 1) === 'on' ? from - 2 : from - 1;
  if (SPEECH.has(lowerAt(c, before)) || SPEECH.has(lowerAt(c, to + 1))) return 'said';
  for (let k = before - 1; k >= 0 && k >= before - PHRASE_WORDS; k--) {
    if (c.toks[k + 1]?.kind !== 'word' || c.toks[k]?.kind !== 'word') return undefined;
    const verb = lowerAt(c, k);
    // "told CNN on Sunday", "telling People in October": a verb of telling, then whom it told by name.
    if (TELLING.has(verb) && c.toks[k + 1]?.cap === true) return 'said';
    if (SPEECH.has(verb)) return SPEECH_PHRASE.has(lowerAt(c, k + 1)) ? 'said' : undefined;
  }
  return undefined;
}

/** `planned` when the day on tokens from.. is one something is planned for: "planned for Sunday", "due on Friday", "set for next Monday". */
export function plannedAt(c: Ctx, from: number): string | undefined {
  let k = from - 1;
  if (lowerAt(c, k) === 'next' || lowerAt(c, k) === 'this') k--;
  if (lowerAt(c, k) === 'for') return 'planned';
  // "delayed until Monday", "postponed until next week": the day it was put off to.
  if (UNTIL.has(lowerAt(c, k)) && DELAYED.has(lowerAt(c, k - 1))) return 'planned';
  if (lowerAt(c, k) === 'on') k--;
  if (PLANNED.has(lowerAt(c, k))) return 'planned';
  // "is scheduled to resume Monday", "will resume Monday": a verb in the future or planned, then its day.
  const verb = c.toks[k];
  if (verb?.kind !== 'word' || verb.cap) return undefined;
  return lowerAt(c, k - 1) === 'will' || (lowerAt(c, k - 1) === 'to' && PLANNED.has(lowerAt(c, k - 2))) ? 'planned' : undefined;
}

/** Verbs before "until" that make its day the one a thing was put off to. */
const DELAYED = new Set(['delayed', 'postponed', 'adjourned', 'deferred', 'recessed']);

/** Words before a day that make it the end of a span: "closed until Wednesday", "through Friday". */
const UNTIL = new Set(['until', 'till', 'through', 'thru']);

/**
 * `until` when the day on tokens from.. ends a span ("suspended until Wednesday", "through next Friday"), `until at
 * least` when it is only the earliest end ("until at least Wednesday"): compared only with the ends of spans (a
 * service closed until Thursday does not dispute a day something happened), and an earliest end only with
 * another (the road "closed until at least Wednesday" and the trains that "will not run until Thursday" may both
 * be right).
 */
export function untilAt(c: Ctx, from: number): string | undefined {
  let k = from - 1;
  if (lowerAt(c, k) === 'next' || lowerAt(c, k) === 'this') k--;
  const least = lowerAt(c, k) === 'least' && lowerAt(c, k - 1) === 'at';
  if (least) k -= 2;
  if (!UNTIL.has(lowerAt(c, k))) return undefined;
  return least || (lowerAt(c, k - 1) === 'least' && lowerAt(c, k - 2) === 'at') ? 'until at least' : 'until';
}

/**
 * For a possessive weekday ("Sunday's attack", "Saturday ’ s semifinals", as some feeds space it), `'s` and the
 * stem of the thing it is the day of: "Sunday's playoff game" names a game, and is compared only with the days of
 * other games, not with the day of the arrest the sentence reports. Undefined for any other weekday.
 */
export function possessiveOf(c: Ctx, i: number): string | undefined {
  const next = c.toks[i + 1]?.text;
  const spaced = (next === "'" || next === '’') && lowerAt(c, i + 2) === 's';
  if (c.toks[i]?.poss !== true && !spaced) return undefined;
  return `'s ${unitAfter(c, spaced ? i + 3 : i + 1)?.stem ?? ''}`.trim();
}

/**
 * For a date set between "the" and a noun ("the December 15 election", "the Dec. 3 vote"), `'s` and the noun's
 * stem, as for a possessive weekday: the day of that thing, not of the event the sentence reports.
 */
export function attributiveOf(c: Ctx, from: number, to: number): string | undefined {
  const next = c.toks[to + 1];
  if (lowerAt(c, from - 1) !== 'the' || next?.kind !== 'word' || next.cap || STOP.has(next.lower)) return undefined;
  return `'s ${stem(next.lower)}`;
}

/** Ordinal words that name a stage of an event of several days: "the second day of the trial", "the final day". */
const STAGE_ORDINALS = new Set('first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth final last opening closing'.split(' '));
/** Tokens looked over on either side of a day for the stage it is the day of. */
const STAGE_REACH = 5;

/**
 * `day <ordinal>` when the day on tokens `from`..`to` is the day of one stage of an event of several days: "testimony
 * continued for the second day on Wednesday", "on Tuesday, the opening day of the trial", "the 2nd day". Two outlets reporting two days of one trial give two days, not a disagreement; the
 * same stage on two days still is one. Looked for within a clause, up to five tokens either side.
 */
export function stageAt(c: Ctx, from: number, to: number): string | undefined {
  const ordinalBefore = (k: number): string | undefined => {
    const w = lowerAt(c, k);
    if (STAGE_ORDINALS.has(w)) return w;
    if ((w === 'st' || w === 'nd' || w === 'rd' || w === 'th') && c.toks[k - 1]?.kind === 'num') return c.toks[k - 1]?.text;
    return undefined;
  };
  for (let k = from - 1; k >= 1 && k >= from - STAGE_REACH; k--) {
    const t = c.toks[k];
    if (t === undefined || (t.kind === 'punct' && t.text !== ',')) break;
    const stage = lowerAt(c, k) === 'day' ? ordinalBefore(k - 1) : undefined;
    if (stage !== undefined) return `day ${stage}`;
  }
  for (let k = to + 1; k < c.toks.length && k <= to + STAGE_REACH; k++) {
    const t = c.toks[k];
    if (t === undefined || (t.kind === 'punct' && t.text !== ',')) break;
    const stage = lowerAt(c, k) === 'day' ? ordinalBefore(k - 1) : undefined;
    if (stage !== undefined) return `day ${stage}`;
  }
  return undefined;
}

/** The role of the day or date on tokens `from`..`to`: see the functions above; undefined for the day of an event. */
export function dayRole(c: Ctx, from: number, to: number): string | undefined {
  return statementAt(c, from, to) ?? plannedAt(c, from) ?? untilAt(c, from) ?? stageAt(c, from, to);
}

/** `as of` when the clock time at token `from` is the time of a running count ("as of 4 p.m."); undefined otherwise. */
export function timeRole(c: Ctx, from: number): string | undefined {
  return lowerAt(c, from - 2) === 'as' && lowerAt(c, from - 1) === 'of' ? 'as of' : undefined;
}
