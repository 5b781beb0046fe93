/**
 * Slots: the checkable values of one sentence (times, weekdays, dates, years, counted numbers and names tied
 * to a role), normalised so that two outlets' wordings of one fact can be compared; and that comparison.
 *
 * Extraction is pattern matching over a token list with bounded look-around, so it is linear in the sentence.
 * It is deliberately conservative: a value that is not clearly a time, a date or a counted quantity is left
 * out, because every slot is a chance to show a journalist a false conflict. Known limits, all on the side of
 * missing a conflict: ranges ("between 140 and 150") and numbers glued to a name ("Route 6", "F-16") are
 * dropped; a unit is a heuristic guess (first plural of the next three content words, else the last), so
 * "one person" / "two men" get different units; names are found only next to a role word, and need a first and a
 * last name. A number's unit also carries the part it plays (a part, a running total, a rate: number-roles.ts),
 * and a day's, date's or time's unit the role it has (a statement's, a plan's, a named thing's: day-roles.ts).
 * An article in German, French, Spanish, Italian or Dutch has its values read by its language's conventions
 * (locale.ts: "1.200" is 1200, "27. November" a date, "14.30 Uhr" a time), into the same normalised values.
 * A toll's unit is the dead or the injured however it is worded ("the death toll rose to 41", "killed 41", "41
 * dead": tolls.ts, English only), and a quake's magnitude has one unit with its word before or after it (magnitudes.ts).
 */
export { claims, claimSlots, extractDays, extractSlots, openingYear, textYears, yearValues, type Claims, type TextYear } from './extract.js';
export type { Citation } from './citations.js';
export { dateRole, disagreements, type Disagreement } from './compare.js';
export { baseUnit } from './number-roles.js';
export { mayTellPast } from './background.js';
