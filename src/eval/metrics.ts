/**
 * Scores for comparing a predicted clustering or link set with gold labels. Pure functions, no I/O.
 *
 * Conventions shared by every score here:
 * - F1 is the harmonic mean of precision and recall, and 0 when both are 0.
 * - A ratio whose denominator is 0 (nothing predicted, or nothing to find) is 1: there is nothing to be wrong
 *   about. So an empty prediction against an empty gold scores 1/1/1, and an empty prediction against a
 *   non-empty gold scores precision 1, recall 0.
 */

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function scores(precision: number, recall: number): Scores {
  const sum = precision + recall;
  return { precision, recall, f1: sum === 0 ? 0 : (2 * precision * recall) / sum };
}

/** n choose 2. Exact for n below 2^26, far above any corpus size here. */
function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Contingency table of gold cluster × predicted cluster over the items of `gold`. Items of `gold` missing from
 * `predicted` are singletons, so they never share a predicted cluster and are left out of `cells` and
 * `predictedSizes`; items only in `predicted` are ignored.
 */
interface Contingency {
  readonly items: number;
  readonly goldSizes: Map<string, number>;
  readonly predictedSizes: Map<string, number>;
  /** gold label → predicted label → number of items in both. */
  readonly cells: Map<string, Map<string, number>>;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function contingency(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): Contingency {
  const goldSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const cells = new Map<string, Map<string, number>>();
  for (const [item, goldLabel] of gold) {
    increment(goldSizes, goldLabel);
    const predictedLabel = predicted.get(item);
    if (predictedLabel === undefined) continue;
    increment(predictedSizes, predictedLabel);
    let row = cells.get(goldLabel);
    if (row === undefined) {
      row = new Map();
      cells.set(goldLabel, row);
    }
    increment(row, predictedLabel);
  }
  return { items: gold.size, goldSizes, predictedSizes, cells };
}

/**
 * B-cubed precision and recall (Bagga & Baldwin 1998), averaged over the items of `gold`. For an item i with
 * gold cluster G and predicted cluster P (both restricted to items of `gold`): precision_i = |G∩P| / |P|,
 * recall_i = |G∩P| / |G|. An item missing from `predicted` is its own singleton cluster; items only in
 * `predicted` are ignored. Computed from contingency counts in O(items). An empty `gold` scores 1/1/1.
 */
export function bcubed(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): Scores {
  const table = contingency(gold, predicted);
  if (table.items === 0) return scores(1, 1);
  // Every item in cell (g, p) has the same precision n/|p| and recall n/|g|, so a cell adds n²/|p| and n²/|g|.
  let precisionSum = 0;
  let recallSum = 0;
  let placed = 0;
  for (const [goldLabel, row] of table.cells) {
    const goldSize = table.goldSizes.get(goldLabel) ?? 0;
    for (const [predictedLabel, n] of row) {
      const predictedSize = table.predictedSizes.get(predictedLabel) ?? 0;
      precisionSum += (n * n) / predictedSize;
      recallSum += (n * n) / goldSize;
      placed += n;
    }
  }
  // Singletons (items missing from `predicted`): precision 1, recall 1/|g|.
  for (const [item, goldLabel] of gold) {
    if (predicted.has(item)) continue;
    precisionSum += 1;
    recallSum += 1 / (table.goldSizes.get(goldLabel) ?? 1);
    placed += 1;
  }
  return scores(precisionSum / placed, recallSum / placed);
}

/**
 * Pairwise precision and recall over all unordered pairs of items of `gold` (same item rules as `bcubed`).
 * A pair is gold-positive when both items share a gold cluster and predicted-positive when they share a
 * predicted cluster. Counted from the contingency table in O(items + clusters), never by listing pairs.
 * When no pair is predicted-positive, precision is 1; when no pair is gold-positive, recall is 1.
 */
export function pairwise(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): Scores {
  const table = contingency(gold, predicted);
  let truePositive = 0;
  for (const row of table.cells.values()) {
    for (const n of row.values()) truePositive += pairs(n);
  }
  let goldPositive = 0;
  for (const n of table.goldSizes.values()) goldPositive += pairs(n);
  let predictedPositive = 0;
  for (const n of table.predictedSizes.values()) predictedPositive += pairs(n);
  return scores(ratio(truePositive, predictedPositive), ratio(truePositive, goldPositive));
}

/**
 * The key of an undirected link between two ends: the same whichever end comes first. The ends are
 * JSON-encoded, so any strings (including ones holding tabs or `#`) give unambiguous keys; `linkEnds` undoes it.
 */
export function linkKey(a: string, b: string): string {
  return JSON.stringify(a <= b ? [a, b] : [b, a]);
}

/** The two ends of a key made by `linkKey`, in sorted order. Throws on a string `linkKey` did not make. */
export function linkEnds(key: string): [string, string] {
  const parsed: unknown = JSON.parse(key);
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    typeof parsed[1] === 'string'
  ) {
    return [parsed[0], parsed[1]];
  }
  throw new Error(`not a link key: ${key}`);
}

/**
 * Precision and recall of a predicted set of links (keys from `linkKey`) against a gold set. An empty
 * prediction has precision 1; an empty gold set has recall 1.
 */
export function linkScores(gold: ReadonlySet<string>, predicted: ReadonlySet<string>): Scores {
  let truePositive = 0;
  for (const link of predicted) if (gold.has(link)) truePositive += 1;
  return scores(ratio(truePositive, predicted.size), ratio(truePositive, gold.size));
}

/** Number of distinct cluster labels. */
export function clusterCounts(labels: ReadonlyMap<string, string>): number {
  return new Set(labels.values()).size;
}
