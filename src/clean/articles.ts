/**
 * Turn parsed files into articles: drop boilerplate lines, split the rest into sentences, name the source,
 * and give each article an id derived from its content (so renaming or moving files changes nothing).
 */
import type { Article, ArticleMeta, Diagnostic, EarlierVersion, ParsedArticle, SourceOrigin, StoredArticle, StoredVersion } from '../types.js';
import { dropRepeats } from './repeats.js';
import { naturalCompare } from '../util/natural-order.js';
import { hashString } from '../fingerprint/hash.js';
import { LineCounter, lineHashes } from './boilerplate.js';
import { cleanPacked, kept, ownCopy, type PackedText } from './sentences.js';
import { packParagraphs, unpackParagraphs, unpacked } from './packed.js';
import { detectOutlet } from '../input/outlet.js';
import { cleanTextParallel } from '../parallel/clean.js';
import type { ThreadBudget } from '../parallel/threads.js';
import { PackedStore, type Packed } from '../util/spill.js';

export { sentencesOf } from './sentences.js';

/**
 * The outlet: metadata, else the URL's domain, else a dateline or credit line, else the file name (see
 * input/outlet.ts). Looks at the paragraphs before cleaning, because cleaning drops credit lines.
 */
export function sourceOf(article: ParsedArticle): { source: string; origin: SourceOrigin } {
  return detectOutlet(article.path, article.meta, article.paragraphs);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function contentId(article: ParsedArticle): string {
  const h = hashString([article.title, ...article.paragraphs].join('\n'));
  return `a${h.toString(16).padStart(8, '0')}`;
}

/**
 * A parsed article waiting to be cleaned: all that its id and report need, in strings of their own (not pieces
 * of its file's text, which can then go), and its paragraphs packed (see clean/packed.ts).
 */
interface Pending {
  readonly path: string;
  readonly title: string;
  readonly meta: ArticleMeta;
  readonly outlet: { readonly source: string; readonly origin: SourceOrigin };
  /** The id before any "-2" suffix, and what orders copies of one text (source and metadata). */
  readonly base: string;
  readonly tie: string;
  readonly paragraphs: Packed;
  /** Its lines as the {@link LineCounter} counts them: counted once repeated polls are dropped (clean/repeats.ts). */
  readonly lines: Uint32Array;
  /** The earlier versions it stands for (clean/repeats.ts), once repeated polls are dropped. */
  readonly earlier?: readonly EarlierVersion[];
  /** Those versions' own records, cleaned too so that another outlet's copy of one is found (cluster/version-copies.ts). */
  readonly earlierRecords?: readonly Pending[];
}

/**
 * What the intake keeps of a parsed article, with its paragraphs packed with their hashes (see packParagraphs)
 * and its lines counted for the {@link LineCounter}: worked out on any thread (a read worker does it next to the file, and sends this back).
 */
export interface PreparedArticle extends Omit<Pending, 'paragraphs' | 'earlier' | 'earlierRecords'> {
  readonly paragraphs: Uint8Array;
}

/**
 * Text in decomposed form ("Petro\u0301polis", as macOS pasteboards and some CMS exports give it) composed
 * (NFC), so that a word with an accent is one word for the word scanner, `--match` and the terms (review 27b).
 * Only text with a combining mark is normalised: the test is a fraction of the cost of `normalize`.
 */
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const composed = (text: string): string => (COMBINING.test(text) ? text.normalize('NFC') : text);

export function prepareArticle(parsed: ParsedArticle): PreparedArticle {
  const decomposed = COMBINING.test(parsed.title) || parsed.paragraphs.some((q) => COMBINING.test(q));
  const p = decomposed ? { ...parsed, title: composed(parsed.title), paragraphs: parsed.paragraphs.map(composed) } : parsed;
  const { source, origin } = sourceOf(p);
  const meta = JSON.parse(JSON.stringify(p.meta)) as ArticleMeta;
  const hashes = lineHashes(p.paragraphs);
  return {
    path: p.path,
    title: ownCopy(p.title),
    meta,
    outlet: { source: ownCopy(source), origin },
    base: contentId(p),
    tie: JSON.stringify([source, meta]),
    lines: LineCounter.entriesOf(p.paragraphs, hashes),
    paragraphs: packParagraphs(p.paragraphs, hashes, p.entries),
  };
}

/**
 * Parsed articles are added one at a time, as their files are read, and cleaned together at the end (lines
 * that recur across articles are boilerplate, so cleaning needs them all). In between, an article costs its
 * packed paragraphs and its counted lines.
 *
 * Ids are assigned in content order so that duplicate files get suffixes independent of their names: copies of
 * one text are ordered by their source and metadata (so the "-2" goes to the same outlet whatever the files are
 * called), and only then by path.
 */
export class ArticleIntake {
  readonly #pending: Pending[] = [];
  readonly #lines = new LineCounter();
  /**
   * The packed paragraphs, in shared memory (the cleaning workers read them in place) up to `memoryBytes`, then
   * in a spill file (see util/spill.ts), let go once cleaned.
   */
  readonly #paragraphs: PackedStore;

  /** `memoryBytes`: how much packed text each of the paragraphs and the cleaned texts may hold in memory. */
  constructor(private readonly memoryBytes?: number) {
    this.#paragraphs = new PackedStore(memoryBytes);
  }

  add(p: ParsedArticle): void {
    this.addPrepared(prepareArticle(p));
  }

  /** Adds an article {@link prepareArticle} made (on any thread). */
  addPrepared(p: PreparedArticle): void {
    const { paragraphs, ...rest } = p;
    this.#pending.push({ ...rest, paragraphs: this.#paragraphs.put(paragraphs) });
  }

  /** The articles in id order, cleaned on this thread; those left with no sentence are returned separately. */
  cleanHere(): Cleaned {
    const texts = new PackedStore(this.memoryBytes);
    try {
      const { order, versions, recurring, repeats } = this.#prepare();
      return assemble(order, [...order, ...versions].map((p) => kept(cleanPacked(p.paragraphs, recurring), texts)), texts, repeats);
    } catch (e) {
      texts.close();
      throw e;
    } finally {
      this.close();
    }
  }

  /** {@link cleanHere} on the threads `budget` allows (see parallel/threads.ts); the same result for every budget. */
  async clean(budget: ThreadBudget): Promise<Cleaned> {
    const texts = new PackedStore(this.memoryBytes);
    try {
      const { order, versions, recurring, repeats } = this.#prepare();
      return assemble(order, await cleanTextParallel([...order, ...versions].map((p) => p.paragraphs), recurring, budget, texts), texts, repeats);
    } catch (e) {
      texts.close();
      throw e;
    } finally {
      this.close();
    }
  }

  /** Why the paragraphs could not all be spilled past the budget (see util/spill.ts), if so. */
  get spillFailure(): string | undefined {
    return this.#paragraphs.failure;
  }

  /** Let go of the paragraphs (and their spill file): once cleaned, or when the run stops before. */
  close(): void {
    this.#paragraphs.close();
  }

  /**
   * Repeated polls of one record dropped (clean/repeats.ts), the lines of the rest counted, and the rest in
   * id order; then the earlier versions the kept records stand for, in that order (each kept record's oldest
   * first), to be cleaned with them but not counted (cluster/version-copies.ts looks for copies of them).
   */
  #prepare(): { order: Pending[]; versions: Pending[]; recurring: Set<number>; repeats: Diagnostic[] } {
    const pending = this.#pending;
    const { kept, diagnostics, earlier } = dropRepeats(
      pending.map((p) => ({ ...p, hashes: () => LineCounter.hashesIn(p.lines), body: () => unpackParagraphs(p.paragraphs).paragraphs })),
    );
    const version = (i: number): EarlierVersion => {
      const p = pending[i] as Pending;
      return { path: p.path, title: p.title, ...(p.meta.date ? { date: p.meta.date } : {}) };
    };
    const order = kept.map((i): Pending => {
      const versions = earlier.get(i);
      return versions ? { ...(pending[i] as Pending), earlier: versions.map(version), earlierRecords: versions.map((v) => pending[v] as Pending) } : (pending[i] as Pending);
    });
    for (const p of order) this.#lines.addEntries(p.lines);
    order.sort((x, y) => compare(x.base, y.base) || compare(x.tie, y.tie) || naturalCompare(x.path, y.path));
    return { order, versions: order.flatMap((p) => p.earlierRecords ?? []), recurring: this.#lines.recurring(), repeats: diagnostics };
  }
}

/** Why an input left with no sentence is skipped. */
export const NO_SENTENCES = 'no sentences left after removing boilerplate';

/** Cleaned articles, and the inputs left with no sentence (by path). */
export interface Cleaned {
  readonly articles: StoredArticle[];
  readonly empty: string[];
  /** Where the articles' texts are kept: {@link PackedStore.close} it once they have all been read for the last time. */
  readonly texts: PackedStore;
  /** One `skipped` line for each feed record that was polled more than once (see clean/repeats.ts). */
  readonly repeats: Diagnostic[];
  /**
   * The earlier versions of the articles that stand for some (`earlierVersions`), cleaned, by article then oldest
   * first; a version left with no sentence, or whose article was, is left out.
   */
  readonly versions: StoredVersion[];
}

/**
 * The articles from their cleaned texts (`texts[i]` is that of `order[i]`, and the texts after them those of the
 * earlier versions of `order`'s records, in that order: its `versions`), and the inputs left empty by path (the
 * order the report lists articles in; the order files are read in, but for records: `feed.jsonl:10` before
 * `feed.jsonl:2`), not in the order of their ids. Not in the order they came in: worker threads hand inputs over
 * in another order for every `--jobs`.
 */
function assemble(order: readonly Pending[], texts: readonly PackedText<Packed>[], store: PackedStore, repeats: Diagnostic[]): Cleaned {
  const taken = new Map<string, number>();
  const articles: StoredArticle[] = [];
  const empty: string[] = [];
  const earlierTexts: StoredVersion[] = [];
  let version = order.length;
  order.forEach(({ path, title, meta, outlet, base, earlier, earlierRecords = [] }, i) => {
    const { sentenceCount, text, dropped, droppedUnlisted, corrections, language } = texts[i] as PackedText<Packed>;
    const ownVersions = texts.slice(version, (version += earlierRecords.length));
    if (sentenceCount === 0) {
      empty.push(path);
      return;
    }
    ownVersions.forEach((v, k) => {
      const record = earlierRecords[k] as Pending;
      if (v.sentenceCount > 0) earlierTexts.push({ article: articles.length, path: record.path, title: record.title, text: v.text });
    });
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    articles.push({
      id: n === 1 ? base : `${base}-${n}`,
      path,
      source: outlet.source,
      sourceOrigin: outlet.origin,
      title,
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(meta.byline ? { byline: meta.byline } : {}),
      ...(meta.externalId ? { externalId: meta.externalId } : {}),
      ...(meta.excerpt ? { excerpt: true as const } : {}),
      ...(language ? { language } : {}),
      dropped,
      ...(droppedUnlisted > 0 ? { droppedUnlisted } : {}),
      ...(corrections.length > 0 ? { corrections } : {}),
      ...(earlier ? { earlierVersions: earlier } : {}),
      sentenceCount,
      text,
    });
  });
  empty.sort(compare);
  return { articles, empty, texts: store, repeats, versions: earlierTexts };
}

/** Clean and segment every article on this thread, with its sentences; inputs left with none are returned by path. */
export function toArticles(parsed: readonly ParsedArticle[]): { articles: Article[]; empty: string[] } {
  const intake = new ArticleIntake();
  parsed.forEach((p) => intake.add(p));
  const { articles, empty, texts } = intake.cleanHere();
  try {
    return { articles: articles.map(unpacked), empty };
  } finally {
    texts.close();
  }
}
