/**
 * Every shape that passes between the pipeline's stages, declared once.
 * Stages: discover → read → parse → clean → segment → fingerprint → cluster → facts → report → render.
 */
import type { Packed } from './util/spill.js';
import type { Language } from './text/language.js';

export type { Language };

/** A file that could not be used, or a warning about one. Never fatal to the run. */
export interface Diagnostic {
  readonly path: string;
  readonly reason: string;
  /** `skipped`: the file is not in the report. `warning`: it is, but something was off. */
  readonly level: 'skipped' | 'warning';
  /**
   * How many records of the file at `path` this one line stands for, when it sums them up: a web archive's pages
   * with no article text (see input/archive-tally.ts). Absent for a line about one file or record.
   */
  readonly records?: number;
}

/** Metadata an input format may carry. */
export interface ArticleMeta {
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly date?: string;
  /** Who wrote it, as the input says (HTML byline, JSON `author`/`authors`, front matter `author`). */
  readonly byline?: string;
  /** The record's own id in its feed (JSON `id`/`guid`, RSS `guid`, Atom `id`), as written. */
  readonly externalId?: string;
  /** The text is a teaser (a feed item's `description`, a record's `summary`), not the article. */
  readonly excerpt?: boolean;
}

/** A file read and decoded, before any interpretation. */
export interface RawFile {
  readonly path: string;
  readonly text: string;
  /** The address the page was saved from, as its container recorded it (a web archive's URL); used when the page names none. */
  readonly address?: string;
}

/** An article as parsed from its file: a headline and body paragraphs (one paragraph per non-empty line). */
export interface ParsedArticle {
  readonly path: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly meta: ArticleMeta;
  /**
   * A live blog's entries (input/live.ts), in page order, each with the index in `paragraphs` of its first
   * paragraph; absent for an article that is not a live blog.
   */
  readonly entries?: readonly ParsedEntry[];
}

/**
 * When a live blog's entry was posted: its time as the page shows it ("18:05 GMT") or, from JSON-LD, its
 * `datePublished` as written; and its place among the blog's entries in time (0 the oldest, the highest the
 * newest: input/live.ts). What a sentence of an entry carries (see {@link Sentence.entry}).
 */
export interface LiveEntry {
  readonly at: string;
  readonly order: number;
}

/** A live blog's entry as parsed: a {@link LiveEntry} and the index of its first paragraph. */
export interface ParsedEntry extends LiveEntry {
  readonly paragraph: number;
}

/** Where an article's source (outlet) name came from: metadata, the URL's domain, a credit or dateline in the text, the file name. */
export type SourceOrigin = 'metadata' | 'url' | 'credit' | 'filename';

/** Why a line of an article was not treated as news. */
export type DropReason = 'caption' | 'credit' | 'promo' | 'short' | 'recurring' | 'heading' | 'repeat' | 'notice' | 'correction' | 'revision';

export interface DroppedLine {
  readonly text: string;
  readonly reason: DropReason;
}

/** One sentence of an article's cleaned body; `text` is exactly as it stands in the article. */
export interface Sentence {
  /** 0-based position among the article's kept sentences. */
  readonly index: number;
  readonly paragraph: number;
  readonly text: string;
  /** The live blog entry it is part of (see {@link ParsedArticle.entries}); absent outside a live blog's entries. */
  readonly entry?: LiveEntry;
}

/** An article after cleaning and sentence splitting: the unit every later stage works on. */
export interface Article {
  /** Stable id derived from content, independent of file names and input order. */
  readonly id: string;
  readonly path: string;
  readonly source: string;
  readonly sourceOrigin: SourceOrigin;
  readonly title: string;
  readonly url?: string;
  readonly date?: string;
  readonly byline?: string;
  /** See {@link ArticleMeta.externalId}. */
  readonly externalId?: string;
  /** Its text is a teaser, not the whole article (see {@link ArticleMeta.excerpt}): no omits are claimed for it. */
  readonly excerpt?: true;
  /**
   * The language its sentences are written in (text/language.ts), when not English: its terms are made by that
   * language's stop words and stemmer (text/term-rules.ts). Absent for English, never "en".
   */
  readonly language?: Language;
  readonly sentences: readonly Sentence[];
  /** The lines dropped from it, the first MAX_LISTED_DROPPED of them (see clean/sentences.ts). */
  readonly dropped: readonly DroppedLine[];
  /** How many more lines were dropped and are not listed; absent when none. */
  readonly droppedUnlisted?: number;
  /**
   * Its correction notices (the dropped lines of reason `correction`, every one up to MAX_LISTED_CORRECTIONS, see
   * clean/sentences.ts), as they stand in it; absent when none.
   */
  readonly corrections?: readonly string[];
  /**
   * The earlier versions of its outlet's story that it stands for (clean/repeats.ts: the same guid or URL, or a
   * version slug, and text still alike), oldest first; absent when none. Their text is read only to find another
   * outlet's copy of one (cluster/version-copies.ts).
   */
  readonly earlierVersions?: readonly EarlierVersion[];
}

/** An earlier version of an article's text, dropped for the latest (see {@link Article.earlierVersions}). */
export interface EarlierVersion {
  readonly path: string;
  /** Its headline as the input gives it ("UPDATE 1-Peru landslide kills 16, dozens missing"). */
  readonly title: string;
  /** As the input writes it; absent when the version has none. */
  readonly date?: string;
}

/**
 * An article as the pipeline holds it from cleaning to the report: an {@link Article} with its sentences
 * packed (see clean/packed.ts), so that holding every article of a large feed costs little more than its text.
 */
export interface StoredArticle extends Omit<Article, 'sentences'> {
  readonly sentenceCount: number;
  /** The sentences, packed: UTF-8 JSON of `[paragraph, text]` pairs (in memory or spilled, see util/spill.ts). */
  readonly text: Packed;
}

/**
 * An earlier version's cleaned text (see {@link Article.earlierVersions}), kept only to find another outlet's copy of
 * it (cluster/version-copies.ts): never an article of the report.
 */
export interface StoredVersion {
  /** The index of the article that stands for it (its outlet's latest version) among the run's articles. */
  readonly article: number;
  readonly path: string;
  readonly title: string;
  /** Its sentences, packed as an article's are (see {@link StoredArticle.text}). */
  readonly text: Packed;
}

/** A sparse vector: parallel arrays of sorted term ids and weights, L2-normalised. */
export interface SparseVector {
  readonly terms: Uint32Array;
  readonly weights: Float32Array;
}

/** Kinds of checkable values found in a sentence. */
export type SlotKind = 'number' | 'time' | 'weekday' | 'date' | 'year' | 'name';

/** A checkable value in a sentence: what conflicts are made of. */
export interface Slot {
  readonly kind: SlotKind;
  /** Normalised value: "05:00" for "5.00 a.m.", "monday", "143", "march 21", "bashar al assad". */
  readonly value: string;
  /** The text as written in the sentence. */
  readonly text: string;
  /** What the value is about: the stem of the counted noun for numbers ("raid"), a role for names ("spokesman"). */
  readonly unit?: string;
  /**
   * A number's counted words as written after it ("air raids", "people", "%", "-year-old"), from which `unit` was
   * taken; absent when the number's own text says what it counts ("60m", "$4 million", "three-day").
   */
  readonly unitText?: string;
  /**
   * What the value is about: the stemmed content words near it in its clause (slots/context.ts); a value is
   * compared only with one whose context shares a word or either has none. Absent for names.
   */
  readonly context?: readonly string[];
  /**
   * Where or when a value was counted: the stemmed words after a preposition of place or time that follows it
   * ("in the province", "across Asia"); absent when there are none. Compared like `context` (slots/context.ts).
   */
  readonly scope?: readonly string[];
  /**
   * The stems of the capitalised words of the value's sentence after its first word (names of people and places,
   * marked "^" as in `context`); numbers and years only, absent when there are none.
   */
  readonly names?: readonly string[];
  /** The sentence's first word, marked as a name, when it is capitalised and not among `names`: a name or not. */
  readonly lead?: string;
  /**
   * The names in `context` that say whom the value is said of ("Jamaal Charles rushed for 226 yards": Charles), the
   * sentence's first word and places ("killed one person in Aceh") aside; absent when there are none.
   */
  readonly subject?: readonly string[];
  /**
   * How a number is qualified: `about` ("about", "around", "some": within a tenth either way), `min` ("at least",
   * "more than", "over"), `max` ("up to", "under", "within", "nearly": at most). Absent for an exact figure.
   */
  readonly bound?: 'about' | 'min' | 'max';
  /**
   * Set on a year that opens its sentence as the time of what it tells ("In 2017, …", "In March 2017 floods …"):
   * the sentence is history, about an event of that year (slots/background.ts). Two sentences anchored to different
   * years tell two events, whose values are not compared and which are not one fact (facts/conflicts.ts, align.ts).
   */
  readonly anchor?: true;
  readonly start: number;
  readonly end: number;
}

/** One sentence of one article, as cited in the report. */
export interface Mention {
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
  /** The time of the live blog entry it is part of, as the page gives it ({@link LiveEntry.at}); absent outside one. */
  readonly entry?: string;
  /**
   * Set when its article is a live blog and a newer entry of it gives a new value of the kind this sentence gives
   * (facts/live-updates.ts): those values are superseded, neither its article's claims nor compared.
   */
  readonly updated?: true;
}

/** One fact: the mentions, across a story's articles, that say the same thing. */
export interface Fact {
  readonly id: string;
  /** Ids of the articles that report it, sorted. */
  readonly articles: readonly string[];
  readonly mentions: readonly Mention[];
  /**
   * Articles not in `articles` that tell it too, within a sentence aligned with another fact (a lead that packs two
   * facts in one sentence): the first such sentence of each, in story order. They count as reporting it in
   * coverage, `shared` and `fullest`. Absent when none.
   */
  readonly alsoIn?: readonly Mention[];
}

export type ConflictKind = 'number' | 'time' | 'weekday' | 'date' | 'year' | 'name';

/** Two or more mentions of one fact that disagree on a value. */
export interface Conflict {
  readonly kind: ConflictKind;
  readonly fact: string;
  /** Short human summary, e.g. "weekday: Sunday (Reuters) vs Monday (TRT World)". */
  readonly detail: string;
  /** Per article, the disputed values it gives, as written: every article of the fact that gives one, whatever its source. */
  readonly values: readonly ConflictValue[];
  readonly mentions: readonly Mention[];
  /**
   * Set on the conflict of the tolls the articles' leads state, compared across the whole story (facts/lead-tolls.ts):
   * its mentions are lead sentences of several facts, `fact` the first of them. Absent on a conflict within one fact.
   */
  readonly leads?: true;
  /**
   * A disputed count's newest value, when the articles' dates can tell it (report/latest-value.ts); absent otherwise.
   * Last, so that the fields before it keep their places.
   */
  readonly latest?: LatestValue;
}

/** One of a conflict's values (the newest), with its article's source and date as written and as ISO 8601 text. */
export interface LatestValue extends ConflictValue {
  readonly source: string;
  readonly date: string;
  /** `date` as input/date.ts `isoDate` writes it: always a time (UTC with `Z`, or a time the input gave no zone for). */
  readonly published: string;
}

export interface ConflictValue {
  readonly article: string;
  /** The value as written ("35", "five", "$4 million"): what views highlight in the mentions. */
  readonly value: string;
  /** What a number counts, as the article words it after the value ("yards", "people", "%"); see Slot.unitText. */
  readonly unit?: string;
  /** The value as compared (Slot.value): "38" for "Thirty-eight", "4000000" for "$4 million", "monday", "03-21", "05:00". */
  readonly normalized: string;
  /** A number's qualifier (Slot.bound): "at least 12" is `min`; absent for an exact figure and other kinds. */
  readonly bound?: Slot['bound'];
  /** Which dispute of the conflict it belongs to (0, 1, …): values of one dispute were compared with each other. */
  readonly dispute: number;
  /**
   * The outlet whose claim the article gives the value as ("…, according to Reuters": facts/slots/citations.ts):
   * shown on that outlet's side, never the article's own claim, and never what makes the conflict. Absent for the
   * article's own values.
   */
  readonly cites?: string;
}

/** What one article adds to and leaves out of its story. */
export interface Coverage {
  readonly article: string;
  readonly source: string;
  /** Facts no other source of the story reports (but for sources that carry the same text: one voice, facts/voices.ts). */
  readonly adds: readonly string[];
  /** Facts other sources (other voices) report and this article does not. */
  readonly omits: readonly OmittedFact[];
}

export interface OmittedFact {
  readonly fact: string;
  /** How many of the story's other sources report it, the sources of one copy group counting as one (facts/voices.ts). */
  readonly reportedBy: number;
  /** How many sources the story has besides the article's own, counted alike. */
  readonly otherSources: number;
}

/** A near-duplicate pair: the same text republished. */
export interface CopyPair {
  readonly a: string;
  readonly b: string;
  /**
   * Jaccard similarity of the two articles' word shingles, computed exactly for the MinHash candidates; with
   * `ofVersion`, that of the copy and the earlier version it copies.
   */
  readonly jaccard: number;
  /**
   * The path of an earlier version (in the `earlierVersions` of `a` or `b`, its outlet's latest version) that the
   * other article copies: the copy is of that version, dropped for the latest (cluster/version-copies.ts). Absent
   * for a copy of the article's own text.
   */
  readonly ofVersion?: string;
}

/**
 * A copy group: the articles of a story joined by near-duplicate pairs (copies of one text, each a near-duplicate of
 * at least one other of the group), what `copies` makes when read as a graph (report/copy-groups.ts).
 */
export interface CopyGroup {
  /** Its articles, in story order (at least two). */
  readonly articles: readonly string[];
  /** How many of its pairs the story's `copies` lists: every pair when `allPairs`, else a spanning tree (n − 1). */
  readonly pairs: number;
  /** Whether `copies` lists every near-duplicate pair of the group (groups of up to MAX_LISTED_GROUP articles). */
  readonly allPairs: boolean;
  /** The lowest and highest Jaccard similarity of its pairs in `copies`. */
  readonly minJaccard: number;
  readonly maxJaccard: number;
}

/**
 * A partial copy: nearly all of one article's text word for word inside a longer article of its story (wire copy
 * republished but cut) and not a near-duplicate of it (cluster/partial-copies.ts).
 */
export interface PartialCopy {
  /** The shorter article. */
  readonly part: string;
  /** The longer article it is cut from (or that both are cut from). */
  readonly whole: string;
  /** Share of the part's word shingles that are the whole's, exact: at least the partial threshold. */
  readonly containment: number;
  /**
   * Jaccard similarity of the two, exact: below the duplicate threshold, but for a pair above it that the MinHash
   * search did not propose (not in the story's `copies`).
   */
  readonly jaccard: number;
}

export interface Story {
  /** `s1`, `s2`, …: the story's rank in the default order (most sources first), whatever `--sort`; moves between runs. */
  readonly id: string;
  /** The id of its anchor article (report/story-key.ts): the same from run to run while that article stays in it. */
  readonly key: string;
  readonly title: string;
  /** Article ids, sorted by source then path. */
  readonly articles: readonly string[];
  readonly sources: readonly string[];
  /**
   * Its near-duplicate pairs: every pair of a copy group of up to MAX_LISTED_GROUP articles (cluster/near-duplicates.ts),
   * a spanning tree of a larger one.
   */
  readonly copies: readonly CopyPair[];
  /** Its copy groups, in story order by first article; absent when `copies` is empty. */
  readonly copyGroups?: readonly CopyGroup[];
  /** False when a copy group lists a spanning tree only (see {@link CopyGroup.allPairs}); absent when every pair is listed. */
  readonly copiesComplete?: false;
  /**
   * How many independent sources (voices, facts/voices.ts) the story has: its sources, those of one copy group
   * counting as one, and an excerpt's (the part of a partial copy) with its whole's. Absent when that is all of them
   * (neither a copy group nor a partial copy joins two sources).
   */
  readonly independentSources?: number;
  /** Its partial copies, one for each part at most, in story order by part; absent when there are none. */
  readonly partialCopies?: readonly PartialCopy[];
  /** Fact ids every source reports. */
  readonly shared: readonly string[];
  readonly facts: readonly Fact[];
  readonly conflicts: readonly Conflict[];
  readonly coverage: readonly Coverage[];
  /** The earliest dated article of the story, when any article has a full date. */
  readonly firstReported?: FirstReport;
  /** The article that reports the most of the story's facts, when it has several articles and its facts are worked out. */
  readonly fullest?: Fullest;
  /**
   * Sources left out of `shared`: every article of theirs here is a teaser (or a file compared over part of its
   * text), and two or more other sources have a whole article. Absent when no source is left out.
   */
  readonly sharedExcept?: readonly string[];
}

/** The story's most complete account: the article reporting the most of its facts (teasers and cut files aside). */
export interface Fullest {
  readonly article: string;
  /** How many of the story's facts it reports. */
  readonly facts: number;
  /** How many of the story's corroborated facts (reported by two or more sources, a copy group's counting once) it reports: what it is chosen by. */
  readonly corroborated: number;
  /** How many facts of the story are corroborated. */
  readonly storyCorroborated: number;
  /**
   * The other articles with the same two counts (teasers, files cut short and the chosen one's near-duplicates
   * aside; of another copy group, its first only), in story order: the choice among them was by story order
   * alone. Absent when there is no tie.
   */
  readonly tiedWith?: readonly string[];
}

/** When a story was first reported and by whom: the article with the earliest full date (ties: by source, id). */
export interface FirstReport {
  /** The date as the article gives it. */
  readonly date: string;
  /** The same date as ISO 8601 text (input/date.ts `isoDate`): see {@link ReportArticle.published}. */
  readonly published: string;
  readonly source: string;
  readonly article: string;
}

export interface ReportArticle {
  readonly id: string;
  readonly path: string;
  readonly source: string;
  readonly sourceOrigin: SourceOrigin;
  readonly title: string;
  readonly url?: string;
  /** As the input writes it, never reformatted. */
  readonly date?: string;
  /**
   * `date` as ISO 8601 text (input/date.ts `isoDate`): `2026-11-03T13:05:00Z` for a time with a zone (in UTC),
   * `2026-11-03T14:05:00` for a time without one, `2026-11-03` for a day alone. Absent when `date` is not read as
   * a day (a month or year alone, a form not understood) or there is no date.
   */
  readonly published?: string;
  readonly byline?: string;
  readonly externalId?: string;
  readonly excerpt?: true;
  /** See {@link Article.language}: absent for English. */
  readonly language?: Language;
  readonly sentences: number;
  /** See {@link Article.corrections}. */
  readonly corrections?: readonly string[];
  readonly dropped: readonly DroppedLine[];
  readonly droppedUnlisted?: number;
  /** See {@link Article.earlierVersions}, each with its date as ISO 8601 text when read (`published`). */
  readonly earlierVersions?: readonly ReportVersion[];
}

/** An earlier version in the report: its path, its date as written and as ISO 8601 text (see {@link ReportArticle.published}). */
export interface ReportVersion extends EarlierVersion {
  readonly published?: string;
}

/** One source of the run, over the stories of the report (report/sources.ts). */
export interface SourceSummary {
  readonly source: string;
  readonly articles: number;
  /** Stories with an article of this source. */
  readonly stories: number;
  /** Of those, the stories another source told too. */
  readonly sharedStories: number;
  /** Stories of several sources that this source reported first (when the dates can tell). */
  readonly firstReports: number;
  /** Its articles that are near-duplicates of another source's article (republished, or republished by it). */
  readonly nearDuplicates: number;
  /** Its articles that are partial copies of another source's article (excerpts), or that another source's excerpt is cut from. */
  readonly partialCopies: number;
  /** Over its stories of several sources (see {@link SourceFactCounts}): facts it alone reports. */
  readonly addedFacts: number;
  /** Facts another source reports and it does not (not counted where its only articles are teasers or cut short). */
  readonly omittedFacts: number;
  /** Conflicts with a value of its own on one side. */
  readonly conflicts: number;
}

/** A source's fact counts in one story of several sources: what {@link SourceSummary} adds up. */
export interface SourceFactCounts {
  readonly source: string;
  readonly addedFacts: number;
  readonly omittedFacts: number;
  readonly conflicts: number;
}

/** The whole result of a run: what every renderer receives. */
export interface Report {
  readonly version: 1;
  readonly options: ReportOptions;
  readonly articles: readonly ReportArticle[];
  readonly stories: readonly Story[];
  /** Every source side by side, over the stories of the report. */
  readonly sources: readonly SourceSummary[];
  readonly skipped: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** The options that shape the result (echoed in the report so a run can be reproduced). */
export interface ReportOptions {
  readonly storyThreshold: number;
  readonly duplicateThreshold: number;
  /** `--partial-threshold`: containment of word shingles for a partial copy (absent in reports made before it). */
  readonly partialThreshold?: number;
  readonly factThreshold: number;
  readonly permutations: number;
  readonly shingle: number;
  readonly seed: number;
  readonly singleStory: boolean;
  /** The story-similarity settings (`--name-weight`, `--title-weight`, `--year-penalty`, `--date-window`). */
  readonly nameWeight?: number;
  readonly titleWeight?: number;
  readonly yearPenalty?: number;
  /** `--country-penalty` (text/countries.ts); absent when 1 (no penalty, the default). */
  readonly countryPenalty?: number;
  readonly dateWindow?: number;
  /** `--max-size` in bytes: which files were read at all. */
  readonly maxSize?: number;
  /** How the stories shown were chosen and ordered (`--min-sources`, `--sort`, `--top`, `--source`, `--not-source`, `--match`, `--since`, `--until`; see render/select.ts). */
  readonly minSources?: number;
  readonly sort?: 'sources' | 'articles' | 'date';
  readonly top?: number;
  readonly source?: readonly string[];
  readonly notSource?: readonly string[];
  readonly match?: readonly string[];
  readonly since?: string;
  readonly until?: string;
}

/** How far a long run has got, for a progress line on stderr. */
export interface ProgressEvent {
  /** `lines`: lines of JSON Lines read from standard input or a large feed file (their total unknown: 0). */
  readonly stage: 'read' | 'lines' | 'fingerprinted' | 'stories' | 'facts';
  readonly done: number;
  readonly total: number;
  /** `lines`: what they are read from, a file as shown or `<stdin>`. */
  readonly from?: string;
}

/** A piece of the report's text as it is written out: a string, or (made on a worker thread) its UTF-8 bytes. */
export type TextPiece = string | Uint8Array;
