/**
 * JSON-LD (`<script type="application/ld+json">`) of a page: the fields of its article entity (schema.org
 * `NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, …, also inside `@graph` and arrays), its
 * `articleBody` among them.
 * Blocks that are not valid JSON are ignored: pages often carry broken JSON-LD, and it is only a hint.
 */

export interface JsonLdArticle {
  readonly headline?: string;
  readonly datePublished?: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly url?: string;
  /** The article's whole text, as paywalled pages give it to search engines (see ld-body.ts for when it is used). */
  readonly articleBody?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(x: Json | undefined): x is { [key: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function text(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (Array.isArray(x)) return x.map(text).filter((s): s is string => s !== undefined).join(', ') || undefined;
  if (isObject(x)) return text(x.name);
  return undefined;
}

/** `articleBody` as text: a string, or strings in an array (a paragraph each); never an object's `name`. */
function bodyText(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() || undefined;
  if (Array.isArray(x)) return x.filter((p): p is string => typeof p === 'string').join('\n\n').trim() || undefined;
  return undefined;
}

function isArticle(x: { [key: string]: Json }): boolean {
  const types = ([] as Json[]).concat(x['@type'] ?? []).map((t) => String(t));
  return types.some((t) => /article|posting|report/i.test(t)) || typeof x.datePublished === 'string';
}

/** Every object in a JSON-LD value, depth first, including `@graph` members. Bounded to stay cheap. */
function entities(root: Json, out: { [key: string]: Json }[] = [], depth = 0): { [key: string]: Json }[] {
  if (depth > 6 || out.length > 200) return out;
  if (Array.isArray(root)) for (const x of root) entities(x, out, depth + 1);
  else if (isObject(root)) {
    out.push(root);
    if (root['@graph'] !== undefined) entities(root['@graph'], out, depth + 1);
  }
  return out;
}

/** The page's JSON-LD blocks that parse, in order (a block that is not JSON is passed over). */
function* parsedBlocks(blocks: readonly string[]): Generator<Json> {
  for (const block of blocks) {
    try {
      yield JSON.parse(block) as Json;
    } catch {
      continue;
    }
  }
}

/** The first article entity among the page's JSON-LD blocks (empty when there is none). */
export function jsonLdArticle(blocks: readonly string[]): JsonLdArticle {
  for (const value of parsedBlocks(blocks)) {
    const article = entities(value).find(isArticle);
    if (!article) continue;
    const fields: Record<string, string | undefined> = {
      headline: text(article.headline) ?? text(article.name),
      datePublished: text(article.datePublished) ?? text(article.dateCreated),
      publisher: text(article.publisher),
      author: text(article.author),
      url: text(article.url) ?? text(article.mainEntityOfPage),
      articleBody: bodyText(article.articleBody),
    };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) if (v) out[k] = v;
    return out;
  }
  return {};
}

/** A `liveBlogUpdate` of a `LiveBlogPosting`: its `datePublished`, `headline` and `articleBody` as written. */
export interface JsonLdUpdate {
  readonly datePublished?: string;
  readonly headline?: string;
  readonly articleBody?: string;
}

/** A `LiveBlogPosting` of the page's JSON-LD: its `description` and its `liveBlogUpdate` entries, in the order given. */
export interface JsonLdLiveBlog {
  readonly description?: string;
  readonly updates: readonly JsonLdUpdate[];
}

const isLiveBlog = (x: { [key: string]: Json }): boolean => ([] as Json[]).concat(x['@type'] ?? []).some((t) => t === 'LiveBlogPosting');

/**
 * The first `LiveBlogPosting` among the page's JSON-LD blocks that has `liveBlogUpdate` entries (at most
 * {@link MAX_UPDATES} of them read), or undefined. Asked only of pages whose JSON-LD names that type.
 */
export function jsonLdLiveBlog(blocks: readonly string[]): JsonLdLiveBlog | undefined {
  for (const value of parsedBlocks(blocks)) {
    const blog = entities(value).find((e) => isLiveBlog(e) && e.liveBlogUpdate !== undefined);
    if (!blog) continue;
    const updates = ([] as Json[]).concat(blog.liveBlogUpdate ?? []).slice(0, MAX_UPDATES).flatMap((u): JsonLdUpdate[] => {
      if (!isObject(u)) return [];
      const fields: Record<string, string | undefined> = {
        datePublished: text(u.datePublished) ?? text(u.dateCreated) ?? text(u.dateModified),
        headline: text(u.headline) ?? text(u.name),
        articleBody: bodyText(u.articleBody) ?? bodyText(u.text),
      };
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields)) if (v) out[k] = v;
      return [out];
    });
    const description = bodyText(blog.articleBody) ?? bodyText(blog.description);
    return { ...(description ? { description } : {}), updates };
  }
  return undefined;
}

/** Entries of a live blog read from its JSON-LD, at most: a bound on a page's work, far above a day's coverage. */
export const MAX_UPDATES = 2000;

/** The `@type`s of every entity of the page's JSON-LD blocks (also inside `@graph` and arrays), as written. */
export function jsonLdTypes(blocks: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of parsedBlocks(blocks)) {
    for (const e of entities(value)) for (const t of ([] as Json[]).concat(e['@type'] ?? [])) if (typeof t === 'string') out.push(t);
  }
  return out;
}
