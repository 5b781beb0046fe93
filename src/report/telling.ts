/**
 * The articles that tell a fact: those with a mention of it, and those that tell it within a sentence aligned with
 * another fact (`alsoIn`, facts/align.ts). What coverage, the views' sections and the matrix count as reporting it.
 */
import type { Fact } from '../types.js';

export function tellingArticles(f: Pick<Fact, 'articles' | 'alsoIn'>): readonly string[] {
  return f.alsoIn === undefined ? f.articles : [...f.articles, ...f.alsoIn.map((m) => m.article)];
}
