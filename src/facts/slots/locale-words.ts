/**
 * The word lists of the languages whose values are read by their own conventions (locale.ts): German first and
 * fullest; French, Spanish, Italian, Dutch, Portuguese, Swedish and Norwegian with their calendar, scale, percent and qualifier words. Lower case.
 */
import type { Language } from '../../text/language.js';
import type { Slot } from '../../types.js';

type Bound = NonNullable<Slot['bound']>;

export interface LocaleWords {
  /** Month names and spellings → 1–12. */
  readonly months: ReadonlyMap<string, number>;
  /** Month abbreviations, read only with their dot ("Nov.") → 1–12. */
  readonly monthAbbr: ReadonlyMap<string, number>;
  /** Weekday names → 0 (Monday) – 6 (Sunday). */
  readonly weekdays: ReadonlyMap<string, number>;
  /** Parts of the day a weekday is compounded with: "Montagabend", "maandagavond". */
  readonly dayParts: readonly string[];
  /** A day is written with an ordinal dot ("27. November"), and dates in digits with dots ("27.11.2026", "27.11."). */
  readonly dotted: boolean;
  /** The word between day and month and between month and year: Spanish "27 de noviembre de 2026". */
  readonly dateOf?: string;
  /** Words before a bare month that make it one ("im November"); and before a year ("seit 2019"). */
  readonly monthCues: ReadonlySet<string>;
  readonly yearCues: ReadonlySet<string>;
  /** Verbs of saying: a day next to one dates the statement; `on`: the word before a day ("am Montag"). */
  readonly speech: ReadonlySet<string>;
  readonly on: ReadonlySet<string>;
  /** Words before a day that make it a day planned for ("für Montag"). */
  readonly plannedFor: ReadonlySet<string>;
  /** Words before a day that make it the end of a span ("bis Mittwoch", "hasta el jueves"): see day-roles.ts. */
  readonly until: ReadonlySet<string>;
  /** Words after an hour that make it a clock time: "14.30 Uhr", "14.30 uur"; a bare hour only before "Uhr"; French "h" glued ("14h30"). */
  readonly clockWords: ReadonlySet<string>;
  /** Time zones of the language, as written (capitals) → the zone ids of words.ts. */
  readonly zones: ReadonlyMap<string, string>;
  /** Words (one or two) after a number that make it a percentage ("Prozent", "pour cent"). */
  readonly percent: readonly (readonly string[])[];
  /** Scale words after a number → powers of ten ("Millionen", "Mio.": 6; German "Billion": 12). */
  readonly scales: ReadonlyMap<string, number>;
  /** Forms of "one" that count only before a scale ("eine Million", "un million"); `dozen`: "ein Dutzend". */
  readonly one: ReadonlySet<string>;
  readonly dozen: ReadonlySet<string>;
  /** Qualifiers before a number, one or two words, and the bound they put on it (see Slot.bound). */
  readonly bounds: ReadonlyMap<string, Bound>;
  /** Connectors that make two numbers a range ("1.200 bis 1.500"). */
  readonly range: ReadonlySet<string>;
  /** Words skipped before a counted noun ("1.200 weitere Menschen"). */
  readonly filler: ReadonlySet<string>;
  /** Units of time that pass, and words before them that make a span the time passed so far ("seit vier Tagen"). */
  readonly spans: readonly string[];
  readonly since: ReadonlySet<string>;
  /** Words that start another clause, and prepositions of place or time (see slots/context.ts). */
  readonly clauseBreak: ReadonlySet<string>;
  readonly setting: ReadonlySet<string>;
  /** Whether a capitalised word is a name: not in German, where every noun is capitalised. */
  readonly capsAreNames: boolean;
  /**
   * Which word of the run after a number is the counted noun: the first capitalised (German), the first (French,
   * Spanish, Italian: adjectives follow), or the first plural, in -en or -s, else the first (Dutch: "1.200
   * gewonde mensen", "1.200 mensen raakten gewond").
   */
  readonly noun: 'capital' | 'first' | 'plural';
  /** Words of a counted noun that name a unit of its own → the unit ids of words.ts ("Euro" → eur, "Metern" → m). */
  readonly unitAlias: ReadonlyMap<string, string>;
  /** Words before "am" that make "am Sonntag" part of a paper's name ("Welt am Sonntag"). */
  readonly paperNames: ReadonlySet<string>;
  /** Stems that say the same of a figure ("getötet", "Tote", "starben"), as context.ts's SAME_SENSE does in English. */
  readonly sameSense: ReadonlyMap<string, string>;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(' ').filter((w) => w !== ''));
const numbered = (words: string, from = 0): Map<string, number> => new Map(words.split(' ').map((w, i) => [w, i + from] as const));
/** "a:1 b:1 c:2" → a map. */
const pairs = (entries: string): Map<string, number> => new Map(entries.split(' ').map((e) => [e.split(':')[0] as string, Number(e.split(':')[1])] as const));
const bounds = (about: string, min: string, max: string): Map<string, Bound> =>
  new Map([
    ...about.split(',').filter((w) => w !== '').map((w) => [w.trim(), 'about'] as const),
    ...min.split(',').filter((w) => w !== '').map((w) => [w.trim(), 'min'] as const),
    ...max.split(',').filter((w) => w !== '').map((w) => [w.trim(), 'max'] as const),
  ]);
/**
 * Words for people counted where they live, as `unitAlias` entries for the stem the language's word for people has
 * ("Menschen": mensch, "personnes", "personas", "persone", "personer": person, "pessoas": pesso, "mensen": men): "1.200 Einwohner" and "1.500
 * Menschen", "1.200 vecinos" and "1.500 personas" count the same people, as "residents" and "people" do in English.
 */
const people = (stem: string, words: string): string =>
  words
    .split(' ')
    .map((w) => `${w}:${stem}`)
    .join(' ');
const aliases = (entries: string): Map<string, string> => new Map(entries.split(' ').map((e) => e.split(':') as [string, string]));

const GERMAN: LocaleWords = {
  months: pairs('januar:1 jänner:1 jaenner:1 februar:2 feber:2 märz:3 maerz:3 april:4 mai:5 juni:6 juli:7 august:8 september:9 oktober:10 november:11 dezember:12'),
  monthAbbr: pairs('jan:1 jän:1 feb:2 febr:2 mär:3 mrz:3 apr:4 jun:6 jul:7 aug:8 sep:9 sept:9 okt:10 nov:11 dez:12'),
  weekdays: pairs('montag:0 dienstag:1 mittwoch:2 donnerstag:3 freitag:4 samstag:5 sonnabend:5 sonntag:6'),
  dayParts: ['morgen', 'vormittag', 'mittag', 'nachmittag', 'abend', 'nacht', 'früh', 'frueh'],
  dotted: true,
  monthCues: set('im seit bis ab anfang ende mitte vom zum von nach vor letzten vergangenen kommenden nächsten diesen'),
  yearCues: set('im jahr jahre jahres seit bis ab von anfang ende mitte vor nach zwischen frühjahr sommer herbst winter'),
  speech: set('sagte sagten sagt erklärte erklärten erklärt teilte teilten teilt berichtete berichteten berichtet bestätigte bestätigten bestätigt meldete meldeten meldet betonte warnte kündigte kündigten'),
  on: set('am'),
  plannedFor: set('für'),
  until: set('bis'),
  clockWords: set('uhr'),
  zones: new Map([['MEZ', 'cet'], ['MESZ', 'cest']]),
  percent: [['prozent']],
  scales: pairs('tausend:3 tsd:3 million:6 millionen:6 mio:6 milliarde:9 milliarden:9 mrd:9 billion:12 billionen:12'),
  one: set('ein eine einer einem einen'),
  dozen: set('dutzend'),
  bounds: bounds(
    'rund,etwa,ca,circa,zirka,ungefähr,geschätzt,schätzungsweise,annähernd',
    'mindestens,wenigstens,mehr als,über,gut,weit über',
    'bis zu,höchstens,maximal,knapp,fast,beinahe,nahezu,weniger als,unter',
  ),
  range: set('bis und oder - – —'),
  filler: set('weitere weiteren mehr'),
  spans: ['tag', 'woch', 'monat', 'stund', 'jahr', 'minut'],
  since: set('seit nach vergangenen letzten'),
  clauseBreak: set('und aber während oder nachdem bevor als wenn weil obwohl seit bis dass sondern denn'),
  setting: set('in im an am auf bei beim während über gegen nahe innerhalb außerhalb'),
  capsAreNames: false,
  noun: 'capital',
  unitAlias: aliases('euro:eur dollar:usd meter:m metern:m kilometer:km kilometern:km zentimeter:cm millimeter:mm kilogramm:kg kilo:kg ' + people('mensch', 'einwohner einwohnern anwohner anwohnern bewohner bewohnern personen')),
  paperNames: set('welt bild'),
  sameSense: aliases('getotet:die tot:die starb:die gestorb:die todesopf:die umgekomm:die verletzt:injur festgenomm:arrest festnahm:arrest verhaftet:arrest'),
};

const FRENCH: LocaleWords = {
  months: pairs('janvier:1 février:2 fevrier:2 mars:3 avril:4 mai:5 juin:6 juillet:7 août:8 aout:8 septembre:9 octobre:10 novembre:11 décembre:12 decembre:12'),
  monthAbbr: pairs('janv:1 févr:2 fév:2 avr:4 juil:7 sept:9 oct:10 nov:11 déc:12'),
  weekdays: numbered('lundi mardi mercredi jeudi vendredi samedi dimanche'),
  dayParts: [],
  dotted: false,
  monthCues: set('en depuis début fin mi'),
  yearCues: set('en depuis année début fin'),
  speech: set('déclaré annoncé indiqué affirmé précisé expliqué dit'),
  on: set('le ce'),
  plannedFor: set('pour'),
  until: set("jusqu'à jusqu'au"),
  clockWords: set('h'),
  zones: new Map(),
  percent: [['pour', 'cent']],
  scales: pairs('million:6 millions:6 milliard:9 milliards:9'),
  one: set('un une'),
  dozen: set('douzaine'),
  bounds: bounds('environ,quelque,près de', 'au moins,plus de', "moins de,jusqu'à,presque"),
  range: set('à au et ou - – —'),
  filler: set(''),
  spans: ['jour', 'jours', 'semaine', 'semaines', 'mois', 'heures', 'minutes'],
  since: set('depuis après'),
  clauseBreak: set('et mais tandis ou après avant quand lorsque parce puisque qui que dont où'),
  setting: set('dans en à au aux pendant sur près'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur euros:eur dollar:usd dollars:usd mètre:m mètres:m kilomètre:km kilomètres:km ' + people('person', 'habitants riverains résidents')),
  paperNames: set(''),
  sameSense: new Map(),
};

const SPANISH: LocaleWords = {
  months: pairs('enero:1 febrero:2 marzo:3 abril:4 mayo:5 junio:6 julio:7 agosto:8 septiembre:9 setiembre:9 octubre:10 noviembre:11 diciembre:12'),
  monthAbbr: pairs('ene:1 feb:2 abr:4 ago:8 sept:9 oct:10 nov:11 dic:12'),
  weekdays: pairs('lunes:0 martes:1 miércoles:2 miercoles:2 jueves:3 viernes:4 sábado:5 sabado:5 domingo:6'),
  dayParts: [],
  dotted: false,
  dateOf: 'de',
  monthCues: set('en desde hasta principios finales mediados'),
  yearCues: set('en desde hasta año'),
  speech: set('dijo declaró afirmó anunció informó explicó aseguró'),
  on: set('el este'),
  plannedFor: set('para'),
  until: set('hasta'),
  clockWords: set(''),
  zones: new Map(),
  percent: [['por', 'ciento']],
  scales: pairs('millón:6 millon:6 millones:6'),
  one: set('un una'),
  dozen: set('docena'),
  bounds: bounds('unos,unas,alrededor de,cerca de,aproximadamente', 'al menos,más de', 'menos de,hasta,casi'),
  range: set('a al y o - – —'),
  filler: set(''),
  spans: ['día', 'días', 'semana', 'semanas', 'mes', 'meses', 'horas', 'minutos'],
  since: set('desde tras después'),
  clauseBreak: set('y pero mientras o después antes cuando porque que quien cuyo donde'),
  setting: set('en durante sobre cerca'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur euros:eur dólar:usd dólares:usd metro:m metros:m kilómetro:km kilómetros:km ' + people('person', 'vecinos vecinas habitantes moradores residentes')),
  paperNames: set(''),
  sameSense: new Map(),
};

const ITALIAN: LocaleWords = {
  months: pairs('gennaio:1 febbraio:2 marzo:3 aprile:4 maggio:5 giugno:6 luglio:7 agosto:8 settembre:9 ottobre:10 novembre:11 dicembre:12'),
  monthAbbr: pairs('genn:1 febbr:2 sett:9 ott:10 nov:11 dic:12'),
  weekdays: pairs('lunedì:0 lunedi:0 martedì:1 martedi:1 mercoledì:2 mercoledi:2 giovedì:3 giovedi:3 venerdì:4 venerdi:4 sabato:5 domenica:6'),
  dayParts: [],
  dotted: false,
  monthCues: set('a in da fino inizio fine metà'),
  yearCues: set('nel dal fino anno'),
  speech: set('detto dichiarato annunciato affermato spiegato'),
  on: set(''),
  plannedFor: set('per'),
  until: set('fino'),
  clockWords: set(''),
  zones: new Map(),
  percent: [['per', 'cento']],
  scales: pairs('milione:6 milioni:6 miliardo:9 miliardi:9'),
  one: set('un una uno'),
  dozen: set('dozzina'),
  bounds: bounds('circa', 'almeno,oltre,più di', 'meno di,fino a,quasi'),
  range: set('a al e o - – —'),
  filler: set(''),
  spans: ['giorno', 'giorni', 'settimana', 'settimane', 'mese', 'mesi', 'ore', 'minuti'],
  since: set('da dopo'),
  clauseBreak: set('e ma mentre o dopo prima quando perché che cui dove'),
  setting: set('in nel nella durante su presso'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur dollari:usd dollaro:usd metro:m metri:m chilometro:km chilometri:km ' + people('person', 'abitanti residenti')),
  paperNames: set(''),
  sameSense: new Map(),
};

const DUTCH: LocaleWords = {
  months: pairs('januari:1 februari:2 maart:3 april:4 mei:5 juni:6 juli:7 augustus:8 september:9 oktober:10 november:11 december:12'),
  monthAbbr: pairs('jan:1 feb:2 mrt:3 apr:4 jun:6 jul:7 aug:8 sep:9 sept:9 okt:10 nov:11 dec:12'),
  weekdays: pairs('maandag:0 dinsdag:1 woensdag:2 donderdag:3 vrijdag:4 zaterdag:5 zondag:6'),
  dayParts: ['ochtend', 'middag', 'avond', 'nacht', 'morgen'],
  dotted: false,
  monthCues: set('in sinds tot begin eind medio'),
  yearCues: set('in sinds tot jaar begin eind'),
  speech: set('zei zegt verklaarde meldde bevestigde'),
  on: set('op'),
  plannedFor: set(''),
  until: set('tot'),
  clockWords: set('uur'),
  zones: new Map(),
  percent: [['procent']],
  scales: pairs('duizend:3 miljoen:6 miljoenen:6 miljard:9 miljarden:9'),
  one: set('een'),
  dozen: set('dozijn'),
  bounds: bounds("ongeveer,circa,zo'n", 'ruim,minstens,meer dan', 'minder dan,bijna'),
  range: set('tot en of - – —'),
  filler: set(''),
  spans: ['dag', 'dagen', 'week', 'weken', 'maand', 'maanden', 'uur', 'minuten'],
  since: set('sinds na'),
  clauseBreak: set('en maar terwijl of nadat voordat toen als omdat hoewel dat die wie waar'),
  setting: set('in op bij tijdens tegen nabij'),
  capsAreNames: true,
  noun: 'plural',
  unitAlias: aliases('euro:eur dollar:usd meter:m kilometer:km ' + people('men', 'inwoners bewoners personen')),
  paperNames: set(''),
  sameSense: new Map(),
};

const PORTUGUESE: LocaleWords = {
  months: pairs('janeiro:1 fevereiro:2 março:3 marco:3 abril:4 maio:5 junho:6 julho:7 agosto:8 setembro:9 outubro:10 novembro:11 dezembro:12'),
  // No "mar." (the sea), as Spanish has none.
  monthAbbr: pairs('jan:1 fev:2 abr:4 mai:5 jun:6 jul:7 ago:8 set:9 out:10 nov:11 dez:12'),
  // Only the "-feira" forms: "segunda" alone is also "second".
  weekdays: pairs('segunda-feira:0 terça-feira:1 terca-feira:1 quarta-feira:2 quinta-feira:3 sexta-feira:4 sábado:5 sabado:5 domingo:6'),
  dayParts: [],
  dotted: false,
  dateOf: 'de',
  monthCues: set('em desde até início final meados'),
  yearCues: set('em desde até ano'),
  speech: set('disse disseram afirmou declarou anunciou informou explicou confirmou'),
  on: set('na no nesta neste'),
  plannedFor: set('para'),
  until: set('até'),
  clockWords: set('h'),
  zones: new Map(),
  percent: [['por', 'cento']],
  scales: pairs('mil:3 milhão:6 milhao:6 milhões:6 milhoes:6 bilhão:9 bilhao:9 bilhões:9 bilhoes:9'),
  one: set('um uma'),
  dozen: set('dúzia duzia'),
  bounds: bounds('cerca de,aproximadamente,em torno de,por volta de', 'ao menos,pelo menos,mais de', 'menos de,até,quase'),
  range: set('a e ou - – —'),
  filler: set(''),
  spans: ['dia', 'dias', 'semana', 'semanas', 'mês', 'meses', 'horas', 'minutos'],
  since: set('desde após depois'),
  clauseBreak: set('e mas enquanto ou depois antes quando porque que quem cujo onde'),
  setting: set('em no na nos nas durante sobre perto'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur euros:eur dólar:usd dólares:usd metro:m metros:m quilômetro:km quilômetros:km quilómetro:km quilómetros:km ' + people('pesso', 'moradores habitantes residentes')),
  paperNames: set(''),
  sameSense: new Map(),
};

const SWEDISH: LocaleWords = {
  months: pairs('januari:1 februari:2 mars:3 april:4 maj:5 juni:6 juli:7 augusti:8 september:9 oktober:10 november:11 december:12'),
  monthAbbr: pairs('jan:1 feb:2 apr:4 aug:8 sept:9 okt:10 nov:11 dec:12'),
  // "i måndags" (last Monday) as well as "på måndag".
  weekdays: pairs('måndag:0 måndags:0 tisdag:1 tisdags:1 onsdag:2 onsdags:2 torsdag:3 torsdags:3 fredag:4 fredags:4 lördag:5 lördags:5 söndag:6 söndags:6'),
  dayParts: [],
  dotted: false,
  monthCues: set('i sedan till från början slutet mitten'),
  yearCues: set('i sedan till från år'),
  speech: set('sa sade säger uppgav meddelade berättade bekräftade'),
  on: set('på'),
  plannedFor: set(''),
  until: set('till'),
  clockWords: set(''),
  zones: new Map(),
  percent: [['procent']],
  scales: pairs('tusen:3 miljon:6 miljoner:6 miljard:9 miljarder:9'),
  one: set('en ett'),
  dozen: set('dussin'),
  bounds: bounds('omkring,cirka,ca,ungefär,runt', 'minst,över,mer än,fler än,drygt', 'upp till,högst,nästan,knappt,mindre än,färre än'),
  range: set('till och eller - – —'),
  filler: set(''),
  spans: ['dag', 'dagar', 'vecka', 'veckor', 'månad', 'månader', 'timmar', 'minuter'],
  since: set('sedan efter'),
  clauseBreak: set('och men medan eller efter innan när om eftersom att som där'),
  setting: set('i på vid under mot nära'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur dollar:usd meter:m kilometer:km ' + people('person', 'människor invånare boende')),
  paperNames: set(''),
  sameSense: new Map(),
};

/** Norwegian (and Danish, which is read as Norwegian: see text/language.ts): the day with its ordinal dot, "27. november". */
const NORWEGIAN: LocaleWords = {
  months: pairs('januar:1 februar:2 mars:3 april:4 mai:5 juni:6 juli:7 august:8 september:9 oktober:10 november:11 desember:12 december:12'),
  monthAbbr: pairs('jan:1 feb:2 apr:4 aug:8 sept:9 okt:10 nov:11 des:12 dec:12'),
  weekdays: pairs('mandag:0 tirsdag:1 onsdag:2 torsdag:3 fredag:4 lørdag:5 søndag:6'),
  dayParts: [],
  dotted: true,
  monthCues: set('i siden til fra begynnelsen slutten midten'),
  yearCues: set('i siden til fra år'),
  speech: set('sa sier opplyste meldte bekreftet forteller'),
  on: set('på'),
  plannedFor: set(''),
  until: set('til'),
  clockWords: set(''),
  zones: new Map(),
  percent: [['prosent'], ['procent']],
  scales: pairs('tusen:3 million:6 millioner:6 milliard:9 milliarder:9'),
  one: set('en ett et ei'),
  dozen: set('dusin'),
  bounds: bounds('omkring,cirka,ca,rundt,omtrent', 'minst,over,mer enn,flere enn', 'opptil,høyst,nesten,mindre enn,færre enn'),
  range: set('til og eller - – —'),
  filler: set(''),
  spans: ['dag', 'dager', 'døgn', 'uke', 'uker', 'måned', 'måneder', 'timer', 'minutter'],
  since: set('siden etter'),
  clauseBreak: set('og men mens eller etter før når hvis fordi at som der'),
  setting: set('i på ved under mot nær'),
  capsAreNames: true,
  noun: 'first',
  unitAlias: aliases('euro:eur dollar:usd meter:m kilometer:km ' + people('person', 'mennesker innbyggere beboere')),
  paperNames: set(''),
  sameSense: new Map(),
};

/** The languages read by their own conventions. */
export const LOCALE_WORDS: Partial<Record<Language, LocaleWords>> = { de: GERMAN, fr: FRENCH, es: SPANISH, it: ITALIAN, nl: DUTCH, pt: PORTUGUESE, sv: SWEDISH, no: NORWEGIAN };
