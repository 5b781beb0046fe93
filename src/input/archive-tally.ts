/**
 * A web archive's pages with no article text (an index, a tag or section page, a gallery), summed into one line an
 * archive: a crawl holds thousands of them, and a line each would bury every other diagnostic on stderr and in the
 * report. Other reasons a page is skipped (too large, not decodable) stay one line a page.
 */
import type { Diagnostic } from '../types.js';
import type { LineStream } from './lines.js';
import { NO_ARTICLE_TEXT } from './html.js';
import { isIndexPageReason } from './index-page.js';
import { NO_BODY, pageFailure } from './json.js';
import { NO_SENTENCES } from '../clean/articles.js';

/** Why a page is skipped for having no article text, wherever that is found: parsing it, or cleaning its text. */
const NO_TEXT: ReadonlySet<string> = new Set([pageFailure(NO_ARTICLE_TEXT), NO_ARTICLE_TEXT, NO_BODY, NO_SENTENCES]);
/** Whether `reason` is one of {@link NO_TEXT}, or that of an index page (headlines and teasers: index-page.ts). */
const hasNoText = (reason: string): boolean => NO_TEXT.has(reason) || isIndexPageReason(reason);

/** An archive's pages, and those of them with no article text. */
interface Tally {
  pages: number;
  noText: number;
}

export class ArchiveTally {
  readonly #archives = new Map<string, Tally>();

  /**
   * The batches of the archive shown as `shown`, passed on as they are, its pages counted as they pass: every
   * record line, and every record skipped (a page all the same: too large, not decodable).
   */
  count(shown: string, batches: LineStream): LineStream {
    const tally: Tally = { pages: 0, noText: 0 };
    this.#archives.set(shown, tally);
    return (async function* (): LineStream {
      for await (const batch of batches) {
        for (const l of batch) if ('text' in l || (l.where !== shown && l.diagnostic.level === 'skipped')) tally.pages++;
        yield batch;
      }
    })();
  }

  /** Whether `d` is a page of a counted archive skipped for having no article text: it is counted, not to be reported. */
  absorb(d: Diagnostic): boolean {
    if (d.level !== 'skipped' || !hasNoText(d.reason)) return false;
    const archive = /^(.*)\[\d+\]$/.exec(d.path)?.[1];
    const tally = archive === undefined ? undefined : this.#archives.get(archive);
    if (tally === undefined) return false;
    tally.noText++;
    return true;
  }

  /** One line for each archive that had pages with no article text, in the order the archives were read. */
  diagnostics(): Diagnostic[] {
    return [...this.#archives].filter(([, t]) => t.noText > 0).map(([path, { pages, noText }]) => ({
      path,
      reason: `${noText.toLocaleString('en-US')} of its ${pages.toLocaleString('en-US')} ${pages === 1 ? 'page' : 'pages'}, with no article text (index, tag or media pages)`,
      level: 'skipped',
      records: noText,
    }));
  }
}
