/**
 * From cleaned articles to stories: fingerprints (signatures, TF-IDF vectors, sketches), then the story scan and
 * the near-duplicate search side by side, then clustering (with the teasers' lead edges), stories cut where their
 * dated articles tell successive events (successive-events.ts) and, within each story, the partial copies.
 */
import type { Article, ProgressEvent, StoredArticle, StoredVersion } from '../types.js';
import type { RunOptions } from '../run.js';
import { exactJaccard, fingerprintsFrom, shingleSet, signatureOfTexts } from '../fingerprint/articles.js';
import { MinHasher } from '../fingerprint/minhash.js';
import { unpackSentences } from '../clean/packed.js';
import { withVersionCopies, type VersionPrint } from './version-copies.js';
import { partialCopiesInStory, type PartialCopyIndices } from './partial-copies.js';
import type { Sketch } from '../fingerprint/sketch.js';
import { unpacked } from '../clean/packed.js';
import { clusterStories, MAX_NEIGHBOURS, nearDuplicatesInTurns, type CopySearch } from './stories.js';
import { UnionFind } from '../util/union-find.js';
import { signaturesParallel } from '../parallel/signatures.js';
import { storyEdgesParallel } from '../parallel/story-edges.js';
import type { StageName } from '../timings.js';
import type { EdgeList } from './edge-list.js';
import { cutSuccessiveEvents } from './successive-events.js';
import { teaserLeadEdges, withTeaserEdges, type ArticleTimes } from './teasers.js';

/** What the stages from fingerprints to clustering work on, and whom they tell how far they got. */
export interface StoryWork {
  readonly articles: readonly StoredArticle[];
  /** The earlier versions the articles stand for (clean/articles.ts), whose copies are copies of their article; absent, none. */
  readonly versions?: readonly StoredVersion[];
  readonly options: RunOptions;
  readonly progress: (stage: ProgressEvent['stage'], done: number, total: number) => void;
  readonly onStage?: (stage: StageName) => void;
}

/**
 * Fingerprint the articles and group them into stories, with the near-duplicate pairs and, within the stories, the
 * partial copies. A function of its own so that the fingerprints (signatures, vectors) are garbage once the
 * stories' edges and copies are found, before clustering and the facts stage.
 */
export async function findStories(work: StoryWork): Promise<{ groups: number[][]; copies: CopySearch; partial: PartialCopyIndices[] }> {
  const { copies, edges, times, sketches, representatives } = await copiesAndEdges(work);
  const { articles, options } = work;
  if (!edges) {
    const groups = [articles.map((_, i) => i)];
    return { groups, copies, partial: partialCopiesOf(articles, sketches, groups, copyTest(copies, articles.length), options) };
  }
  const all = withTeaserEdges(edges, teaserLeadEdges(articles, options, undefined, times, representatives), articles.length);
  const clustered = groupsOf(representatives ? storiesOfCopies(clusterStories(articles.length, options, all, copyPairsOfGroups(copies, representatives)).labels, representatives) : clusterStories(articles.length, options, all, copies.pairs).labels);
  const isCopy = copyTest(copies, articles.length);
  const groups = cutSuccessiveEvents(clustered, articles, isCopy);
  const partial = partialCopiesOf(articles, sketches, groups, isCopy, options);
  work.onStage?.('clustering');
  return { groups, copies, partial };
}

/**
 * The partial copies of every story (cluster/partial-copies.ts), a story at a time: the shingle sets of the
 * articles its sketches leave in doubt are made and let go with it. Nothing when the threshold is absent (options
 * made before it).
 */
function partialCopiesOf(articles: readonly StoredArticle[], sketches: readonly Sketch[], groups: readonly number[][], isCopy: (a: number, b: number) => boolean, options: RunOptions): PartialCopyIndices[] {
  const threshold = options.partialThreshold;
  if (threshold === undefined) return [];
  const setOf = (i: number): Uint32Array => shingleSet(unpacked(articles[i] as StoredArticle), options.shingle);
  const idOf = (i: number): string => (articles[i] as StoredArticle).id;
  const sketchOf = (i: number): Sketch => sketches[i] as Sketch;
  return groups.flatMap((g) => partialCopiesInStory(g, { sketchOf, setOf, idOf }, { threshold, isCopy }));
}

/** Whether two of `n` articles (by index, either order) are near-duplicates by the search's pairs `copies`. */
function copyTest(copies: CopySearch, n: number): (a: number, b: number) => boolean {
  const copied = new Set(copies.pairs.map((c) => Math.min(c.a, c.b) * n + Math.max(c.a, c.b)));
  // Two articles of a copy group too large to list every pair are copies whether or not their pair is listed.
  const copyGroups = new UnionFind(n);
  for (const c of copies.pairs) if (copies.bounded.has(c.a)) copyGroups.union(c.a, c.b);
  return (a, b) => copied.has(Math.min(a, b) * n + Math.max(a, b)) || (copies.bounded.has(a) && copyGroups.find(a) === copyGroups.find(b));
}

/**
 * Clustering with copies (fingerprint/copy-weights.ts): only the first article of each group of copies was scanned,
 * so only they are clustered, each as one article; a copy of many outlets is one voice in a story's average, as it
 * is one text. (Scanned, each copy took one of an article's strongest edges, and an article with ten copies kept
 * edges to a few other texts only: a story republished by ten outlets broke into eight.) The exact copy pairs
 * join the groups' first articles; the other copies then take their first article's story.
 */
function copyPairsOfGroups(copies: CopySearch, representatives: Int32Array): { a: number; b: number; jaccard: number }[] {
  const pairs: { a: number; b: number; jaccard: number }[] = [];
  for (const c of copies.pairs) {
    const a = representatives[c.a] as number;
    const b = representatives[c.b] as number;
    if (a !== b) pairs.push({ a: Math.min(a, b), b: Math.max(a, b), jaccard: c.jaccard });
  }
  return pairs;
}

/** Each article's story label: its group's first article's (the smallest index of a story is such an article). */
function storiesOfCopies(labels: readonly number[], representatives: Int32Array): number[] {
  return labels.map((_, i) => labels[representatives[i] as number] as number);
}

/** Each article's shingle set, by index, made once, when first asked for (only for the few articles near-duplicate candidates name). */
function shingleSetsOf(articles: readonly StoredArticle[], width: number): (i: number) => Uint32Array {
  const shingleSets = new Map<number, Uint32Array>();
  return (i) => {
    let set = shingleSets.get(i);
    if (!set) shingleSets.set(i, (set = shingleSet(unpacked(articles[i] as StoredArticle), width)));
    return set;
  };
}

/** An earlier version's headline and sentences, as an article's shingles and signature are made of. */
const versionText = (v: StoredVersion): Pick<Article, 'title' | 'sentences'> => ({ title: v.title, sentences: unpackSentences(v.text) });

/** The earlier versions' MinHash signatures, made as the articles' are (fingerprint/articles.ts), on this thread: they are few. */
function versionPrints(versions: readonly StoredVersion[], options: RunOptions): VersionPrint[] {
  if (versions.length === 0) return [];
  const hasher = new MinHasher({ permutations: options.permutations, seed: options.seed });
  return versions.map((v) => {
    const { title, sentences } = versionText(v);
    return { article: v.article, signature: signatureOfTexts([title, ...sentences.map((s) => s.text)], hasher, options.shingle) };
  });
}

/** Lets this thread take the messages waiting for it (worker threads' answers) before it goes on. */
const pause = (): Promise<void> => new Promise((resume) => setImmediate(resume));

/**
 * The articles' near-duplicate pairs, and their story edges unless all are one story. The pairs are looked for
 * on this thread while the story scan runs on worker threads (where there are any), a little at a time so that
 * the workers get their next rows without waiting.
 */
async function copiesAndEdges(work: StoryWork): Promise<{ copies: CopySearch; edges?: EdgeList; times: ArticleTimes; sketches: Sketch[]; representatives?: Int32Array }> {
  const started = await fingerprintsThenSearch(work);
  const [edges, copies] = await started.both;
  const { times, sketches, representatives } = started;
  if (!edges) return { copies, times, sketches };
  work.onStage?.('story scan');
  return { copies, edges, times, sketches, ...(representatives ? { representatives } : {}) };
}

/**
 * Fingerprints the articles, then starts the story scan and the near-duplicate search on them, and returns (the
 * two in a box, or they would be awaited here). A function of its own so that no suspended frame holds the
 * fingerprints while the two run: the signatures (51 MB at 100,000 articles) are garbage once the near-duplicates
 * are found, before the end of the scan, where the run's memory peaks; the term counts and TF-IDF vectors (the
 * largest arrays of the run after the texts) once the scan is done, before clustering.
 */
async function fingerprintsThenSearch(work: StoryWork): Promise<{ both: Promise<[EdgeList | undefined, CopySearch]>; times: ArticleTimes; sketches: Sketch[]; representatives?: Int32Array }> {
  const { articles, options } = work;
  const prints = await fingerprintsOf(work);
  work.onStage?.('fingerprints');
  // Whichever of the two fails stops the other, so the failure is reported at once, not after the rest of the scan.
  const halt = new AbortController();
  const stopOther = (err: unknown): never => {
    halt.abort(err);
    throw err;
  };
  const edges = options.singleStory ? undefined : storyEdgesParallel(prints.vectors, prints.years, prints.days, prints.countries, options, options.threads, MAX_NEIGHBOURS, halt.signal, prints.representatives);
  const turn = async (): Promise<void> => {
    await pause();
    halt.signal.throwIfAborted();
  };
  const setOf = shingleSetsOf(articles, options.shingle);
  const versions = work.versions ?? [];
  // Copies of an earlier version are copies of its article (cluster/version-copies.ts), with the similarity of the version they copy.
  const versionSetOf = (k: number): Uint32Array => shingleSet(versionText(versions[k] as StoredVersion), options.shingle);
  const found = nearDuplicatesInTurns(prints.signatures, options.duplicateThreshold, options.permutations, (a, b) => exactJaccard(setOf(a), setOf(b)), turn, prints.copyCandidates);
  // The signatures alone are held for the versions' search (not `prints`, whose vectors the scan lets go of).
  const signatures = prints.signatures;
  const versionSigs = versionPrints(versions, options);
  const copies = versions.length === 0 ? found : found.then((f) => withVersionCopies(f, signatures, versionSigs, options.duplicateThreshold, options.permutations, (k, x) => exactJaccard(versionSetOf(k), setOf(x))));
  // The articles' years, days and countries (three numbers an article) outlive the fingerprints, for the teaser pass, and so do
  // their sketches (128 bytes an article), for the partial copies.
  const both = Promise.all([edges?.catch(stopOther), copies.catch(stopOther)]);
  const times = { years: prints.years, days: prints.days, countries: prints.countries };
  return prints.representatives ? { both, times, sketches: prints.sketches, representatives: prints.representatives } : { both, times, sketches: prints.sketches };
}

/**
 * The articles' fingerprints (signatures and vectors). A function of its own so that the workers' term counts
 * (hundreds of megabytes on a large feed) are garbage once it returns: a suspended async function may keep the
 * value of an awaited call referenced from its frame until it returns, here through the whole story scan.
 */
async function fingerprintsOf({ articles, options, progress }: StoryWork): Promise<ReturnType<typeof fingerprintsFrom>> {
  progress('fingerprinted', 0, articles.length);
  const onDone = (done: number): void => progress('fingerprinted', done, articles.length);
  return fingerprintsFrom(await signaturesParallel(articles, options, options.threads, onDone), articles.map((a) => a.date), options);
}

function groupsOf(labels: readonly number[]): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((l, i) => {
    let g = groups.get(l);
    if (!g) groups.set(l, (g = []));
    g.push(i);
  });
  return [...groups.values()];
}

