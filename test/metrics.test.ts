import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bcubed,
  clusterCounts,
  linkEnds,
  linkKey,
  linkScores,
  pairwise,
  type Scores,
} from '../src/eval/metrics.js';

const labels = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

function expectScores(actual: Scores, precision: number, recall: number, f1: number): void {
  expect(actual.precision).toBeCloseTo(precision, 9);
  expect(actual.recall).toBeCloseTo(recall, 9);
  expect(actual.f1).toBeCloseTo(f1, 9);
}

describe('bcubed and pairwise on hand-computed examples', () => {
  it('gold {a:1,b:1,c:2}, predicted {a:X,b:Y,c:Y}', () => {
    const gold = labels({ a: '1', b: '1', c: '2' });
    const predicted = labels({ a: 'X', b: 'Y', c: 'Y' });
    // B-cubed, item: predicted cluster / gold cluster → precision, recall
    //   a: {a} / {a,b}   → 1/1, 1/2
    //   b: {b,c} / {a,b} → 1/2, 1/2
    //   c: {b,c} / {c}   → 1/2, 1/1
    //   P = (1 + 1/2 + 1/2) / 3 = 2/3, R = (1/2 + 1/2 + 1) / 3 = 2/3, F1 = 2/3
    expectScores(bcubed(gold, predicted), 2 / 3, 2 / 3, 2 / 3);
    // Pairs: ab gold+ pred−, ac gold− pred−, bc gold− pred+ → TP 0, predicted+ 1, gold+ 1
    //   P = 0/1, R = 0/1, F1 = 0
    expectScores(pairwise(gold, predicted), 0, 0, 0);
  });

  it('gold {a:1,b:1,c:1,d:2}, predicted {a:X,b:X,c:Y,d:Y}', () => {
    const gold = labels({ a: '1', b: '1', c: '1', d: '2' });
    const predicted = labels({ a: 'X', b: 'X', c: 'Y', d: 'Y' });
    // B-cubed: a {a,b}/{a,b,c} → 1, 2/3; b same; c {c,d}/{a,b,c} → 1/2, 1/3; d {c,d}/{d} → 1/2, 1
    //   P = (1 + 1 + 1/2 + 1/2) / 4 = 3/4, R = (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3
    //   F1 = 2 · 3/4 · 2/3 / (3/4 + 2/3) = 1 / (17/12) = 12/17
    expectScores(bcubed(gold, predicted), 3 / 4, 2 / 3, 12 / 17);
    // Gold pairs ab ac bc (3); predicted pairs ab cd (2); shared ab (1)
    //   P = 1/2, R = 1/3, F1 = 2 · 1/6 / (5/6) = 2/5
    expectScores(pairwise(gold, predicted), 1 / 2, 1 / 3, 2 / 5);
  });

  it('a perfect clustering scores 1 everywhere, whatever the labels are called', () => {
    const gold = labels({ a: '1', b: '1', c: '2', d: '3', e: '3' });
    const predicted = labels({ a: 'p', b: 'p', c: 'q', d: 'r', e: 'r' });
    expectScores(bcubed(gold, predicted), 1, 1, 1);
    expectScores(pairwise(gold, predicted), 1, 1, 1);
  });

  it('all in one predicted cluster', () => {
    const gold = labels({ a: '1', b: '1', c: '2', d: '2' });
    const predicted = labels({ a: 'X', b: 'X', c: 'X', d: 'X' });
    // B-cubed: every item has predicted {a,b,c,d}, gold of size 2 → P 2/4, R 1; F1 = 2/3
    expectScores(bcubed(gold, predicted), 1 / 2, 1, 2 / 3);
    // 6 predicted pairs, gold pairs ab cd both found → P 2/6, R 1, F1 = 2 · 1/3 / (4/3) = 1/2
    expectScores(pairwise(gold, predicted), 1 / 3, 1, 1 / 2);
  });

  it('all singletons, given explicitly or by leaving items out of the prediction', () => {
    const gold = labels({ a: '1', b: '1', c: '2', d: '2' });
    const singletons = labels({ a: 'w', b: 'x', c: 'y', d: 'z' });
    // B-cubed: P 1, R 1/2 for every item; F1 = 2/3
    // Pairwise: no predicted pair → P 1 by the 0/0 convention; R 0/2 = 0; F1 0
    for (const predicted of [singletons, new Map<string, string>()]) {
      expectScores(bcubed(gold, predicted), 1, 1 / 2, 2 / 3);
      expectScores(pairwise(gold, predicted), 1, 0, 0);
    }
  });

  it('ignores items only in the prediction', () => {
    const gold = labels({ a: '1', b: '1' });
    const predicted = labels({ a: 'X', b: 'X', stray: 'X' });
    expectScores(bcubed(gold, predicted), 1, 1, 1);
    expectScores(pairwise(gold, predicted), 1, 1, 1);
  });

  it('all-singleton gold has no positive pair, so pairwise recall is 1 by convention', () => {
    const gold = labels({ a: '1', b: '2' });
    expectScores(pairwise(gold, labels({ a: 'X', b: 'Y' })), 1, 1, 1);
    expectScores(pairwise(gold, labels({ a: 'X', b: 'X' })), 0, 1, 0);
  });

  it('an empty gold scores 1', () => {
    expectScores(bcubed(new Map(), labels({ a: 'X' })), 1, 1, 1);
    expectScores(pairwise(new Map(), new Map()), 1, 1, 1);
  });
});

/** Brute-force definitions, straight from the text, to check the contingency-count versions against. */
function bruteForce(gold: Map<string, string>, predicted: Map<string, string>): { b: Scores; p: Scores } {
  const items = [...gold.keys()];
  const predictedOf = (item: string): string => predicted.get(item) ?? `\u0000singleton:${item}`;
  let bp = 0;
  let br = 0;
  for (const i of items) {
    const sameGold = items.filter((j) => gold.get(j) === gold.get(i));
    const samePredicted = items.filter((j) => predictedOf(j) === predictedOf(i));
    const both = sameGold.filter((j) => samePredicted.includes(j)).length;
    bp += both / samePredicted.length;
    br += both / sameGold.length;
  }
  let tp = 0;
  let goldPositive = 0;
  let predictedPositive = 0;
  for (let x = 0; x < items.length; x += 1) {
    for (let y = x + 1; y < items.length; y += 1) {
      const i = items[x] ?? '';
      const j = items[y] ?? '';
      const g = gold.get(i) === gold.get(j);
      const p = predictedOf(i) === predictedOf(j);
      if (g) goldPositive += 1;
      if (p) predictedPositive += 1;
      if (g && p) tp += 1;
    }
  }
  const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const n = items.length;
  const pp = predictedPositive === 0 ? 1 : tp / predictedPositive;
  const pr = goldPositive === 0 ? 1 : tp / goldPositive;
  return {
    b: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
    p: { precision: pp, recall: pr, f1: f1(pp, pr) },
  };
}

describe('bcubed and pairwise agree with the brute-force definitions', () => {
  it('on random labelings (some items missing from the prediction)', () => {
    const labeling = fc.array(
      fc.record({ gold: fc.integer({ min: 0, max: 3 }), predicted: fc.option(fc.integer({ min: 0, max: 3 })) }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(labeling, (rows) => {
        const gold = new Map(rows.map((row, index) => [`i${index}`, `g${row.gold}`]));
        const predicted = new Map<string, string>();
        rows.forEach((row, index) => {
          if (row.predicted !== null) predicted.set(`i${index}`, `p${row.predicted}`);
        });
        const expected = bruteForce(gold, predicted);
        const b = bcubed(gold, predicted);
        const p = pairwise(gold, predicted);
        expectScores(b, expected.b.precision, expected.b.recall, expected.b.f1);
        expectScores(p, expected.p.precision, expected.p.recall, expected.p.f1);
      }),
    );
  });
});

describe('links', () => {
  it('linkKey ignores the order of its ends and round-trips through linkEnds', () => {
    expect(linkKey('b#1', 'a#2')).toBe(linkKey('a#2', 'b#1'));
    expect(linkEnds(linkKey('b#1', 'a#2'))).toEqual(['a#2', 'b#1']);
    // Separators inside the ends cannot make two different links collide.
    expect(linkKey('a\tb', 'c')).not.toBe(linkKey('a', 'b\tc'));
    expect(() => linkEnds('a|b')).toThrow();
  });

  it('linkScores counts shared links', () => {
    const gold = new Set([linkKey('a', 'b'), linkKey('a', 'c'), linkKey('b', 'c'), linkKey('d', 'e')]);
    const predicted = new Set([linkKey('b', 'a'), linkKey('c', 'b'), linkKey('a', 'e')]);
    // TP 2 (ab, bc); P 2/3; R 2/4; F1 = 2 · 1/3 / (7/6) = 4/7
    expectScores(linkScores(gold, predicted), 2 / 3, 1 / 2, 4 / 7);
    expectScores(linkScores(gold, gold), 1, 1, 1);
    expectScores(linkScores(gold, new Set()), 1, 0, 0);
    expectScores(linkScores(new Set(), predicted), 0, 1, 0);
    expectScores(linkScores(new Set(), new Set()), 1, 1, 1);
  });
});

describe('clusterCounts', () => {
  it('counts distinct labels', () => {
    expect(clusterCounts(labels({ a: '1', b: '1', c: '2' }))).toBe(2);
    expect(clusterCounts(new Map())).toBe(0);
  });
});
