/**
 * The word lists slot extraction matches against: calendar words, time zones, number words, unit-run stop
 * words and role words. All lowercase except the time-zone abbreviations, which must be written in capitals.
 */
const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const WEEKDAY_ABBR = new Map([['mon', 0], ['tue', 1], ['tues', 1], ['wed', 2], ['thu', 3], ['thur', 3], ['thurs', 3], ['fri', 4], ['sat', 5], ['sun', 6]]);
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR = new Map([['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12]]);
/** Words before a bare month name that make it a month ("in December"), and before a 4-digit year. */
export const MONTH_CUES = set('in since until till by from through during last next early late mid of this before after between');
export const YEAR_CUES = set('in since until till from of during early late mid the year before after between through');
/** Verbs of saying: a weekday next to one dates the statement, not the event. */
export const SPEECH = set('said says say told tells announced announces stated reported reports confirmed confirms added adds declared insisted warned');
/** Capitalised words after a weekday that make it part of a name ("the Sunday Times"), and before it. */
export const WEEKDAY_NAME_NEXT = set('times telegraph mail express post herald mirror star independent sport agreement prayers');
export const WEEKDAY_NAME_PREV = set('good black bloody ash palm holy easter maundy cyber super patch giving shrove fat blue');
export const ZONES = new Map([['GMT', 'gmt'], ['UTC', 'gmt'], ['EST', 'est'], ['EDT', 'edt'], ['CST', 'cst'], ['CDT', 'cdt'], ['MST', 'mst'], ['MDT', 'mdt'], ['PST', 'pst'], ['PDT', 'pdt'], ['BST', 'bst'], ['CET', 'cet'], ['CEST', 'cest'], ['EET', 'eet'], ['EEST', 'eest'], ['MSK', 'msk'], ['JST', 'jst'], ['IST', 'ist'], ['AEST', 'aest'], ['AEDT', 'aedt'], ['ET', 'et'], ['PT', 'pt']]);

export const SMALL = new Map('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ').map((w, i) => [w, i + 1] as const));
export const TENS = new Map('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as const));
export const SCALES = new Map([['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12], ['bn', 9]]);
export const CURRENCY = new Map([['$', 'usd'], ['£', 'gbp'], ['€', 'eur']]);
/** Glued measurement suffixes: "2km", "40kg". */
export const MEASURES = set('km m kg cm mm ft mi mph kph kmh mw gw kw');
/**
 * Units of measure as {@link UNIT_ALIAS} leaves their stems: after a figure, such a word is the unit by itself,
 * whatever follows it ("61 mph overnight", "6 metres on the coast", "5,000 acres since Sunday" are in mph, m, acres).
 */
export const MEASURE_UNITS: ReadonlySet<string> = new Set([...MEASURES, 'kmh', 'percent', 'acr', 'hectar', 'degre', 'inch', 'knot']);
/** Words that end a unit run: function words, directions, adverbs of time and place. */
export const STOP = set(
  'a an the of in on at to for from by with and or but nor than as into onto over under about around some nearly almost ' +
    'is are was were be been being had has have will would could should may might can did do does said says say told ' +
    'who whom whose which that this these those it its they them their he she his her him we our us you your i me my ' +
    'ago later earlier before after since until each per via during while when where if then there here so too very ' +
    'inside outside across near along against toward towards among within without despite including away apart ' +
    'north south east west northeast northwest southeast southwest northern southern eastern western up down out off ' +
    'others another all both many most few several such same own only just also not no yet still again further ' +
    'roughly approximately',
);
/** Skipped before a unit run: "143 more air raids". */
export const FILLER = set('more fewer less');
export const IRREGULAR_PLURAL = set('people men women children police personnel staff troops cattle feet teeth mice');
export const UNIT_ALIAS = new Map([
  ['person', 'peopl'],
  // People counted where they live (evacuated, cut off, told to stay indoors): the same people as "people".
  ['resid', 'peopl'],
  ['inhabit', 'peopl'],
  ['dollar', 'usd'],
  ['euro', 'eur'],
  ['pct', 'percent'],
  // Spelled-out measures (stemmed, both spellings) as their glued forms ("60m" and "60 metres" are one unit).
  ...(['metr', 'meter'] as const).map((w) => [w, 'm'] as const),
  ...(['kilometr', 'kilomet', 'kilometer'] as const).map((w) => [w, 'km'] as const),
  ...(['centimetr', 'centimet', 'centimeter'] as const).map((w) => [w, 'cm'] as const),
  ...(['millimetr', 'millimet', 'millimeter'] as const).map((w) => [w, 'mm'] as const),
  ...(['kilogram', 'kilo'] as const).map((w) => [w, 'kg'] as const),
  ...(['feet', 'foot'] as const).map((w) => [w, 'ft'] as const),
  ['mile', 'mi'],
]);
/**
 * Counted nouns aliased by the word, not the stem, where the stem is another noun's too: "villagers" are people as
 * "residents" are, but its stem "villag" is also the stem of "villages".
 */
export const WORD_UNIT: ReadonlyMap<string, string> = new Map([
  ['villager', 'peopl'],
  ['villagers', 'peopl'],
  ['townspeople', 'peopl'],
  ['townsfolk', 'peopl'],
]);
/** Connectors that make two numbers a range ("between 140 and 150"); both ends are then dropped. */
export const RANGE = set('- – — to and or');

export const ROLE_HEADS = new Map(
  ('spokesman:spokesperson spokeswoman:spokesperson spokesperson:spokesperson chairman:chair chairwoman:chair ' +
    'chairperson:chair congressman:congressperson congresswoman:congressperson president minister leader commander ' +
    'chief director governor mayor secretary envoy ambassador general senator judge captain coach ceo chancellor ' +
    'premier king queen prince emir prosecutor lawmaker')
    .split(' ')
    .map((e) => {
      const [word, canon] = e.split(':') as [string, string | undefined];
      return [word, canon ?? word] as const;
    }),
);
/** Words that continue a role: "Secretary General", "Chief Executive Officer". */
export const ROLE_TAILS = set('general executive officer minister secretary chief commander director president');
/** Words before a role that change which office it is: "vice president", "police chief". */
export const ROLE_PREFIXES = set('vice deputy former prime assistant attorney lieutenant major acting interim police army military');
/** Roles whose office is named by the word before them: "foreign minister", "health secretary". */
export const PORTFOLIO_ROLES = set('minister secretary');
export const PARTICLES = set('al el bin ibn bint abu de da di du del der van von la le');
/** Capitalised words that do not start or continue a personal name. */
export const NOT_NAME = set('the a an and or but of in on at for to from by with said says told after before as this that it he she they we');
/** Words that may not stand between "Name," and the role in "Name, the UN's spokeswoman". */
export const APPOSITION_BREAK = set('who whose which that said says told and or but when where while if as because was is were are has have had will would not');
