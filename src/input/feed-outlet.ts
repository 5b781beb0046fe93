/**
 * The outlet a feed names for its own items: an RSS or Atom channel's title, a JSON Feed's `title` (with its
 * `home_page_url`). Used only for items that name no source themselves, and only when they link to the feed's own
 * site (or nowhere): an aggregator's feed titled "My reading list" must not make one source of many outlets, which
 * would hide what each adds and leaves out.
 */
import { domainOf, outletOfDomain, squashed } from './outlet.js';

/** What a feed says of itself: its title and the domain of its site (undefined when it gives none). */
export interface FeedChannel {
  readonly title: string;
  readonly domain: string | undefined;
}

/**
 * The outlet in a feed's title: "BBC News - World", "Reuters: World News", "NYT > Top Stories" → the part before the
 * section; but the part that spells the site's name, wherever it stands: "World news | The Guardian" with
 * theguardian.com, "Home | Example Times" with exampletimes.com → the name.
 */
export function feedTitleOutlet(title: string, domain?: string): string {
  const named = titleNaming(title, domain);
  if (named) return named;
  const m = /^(.{2,}?)\s+[-–—|:>»]\s+\S/.exec(title) ?? /^(.{2,}?):\s+\S/.exec(title);
  return (m?.[1] ?? title).trim();
}

/** The part of a feed's title that spells the name of the site at `domain` ("Bangor Daily News", bangordailynews.com), if one does. */
function titleNaming(title: string, domain: string | undefined): string | undefined {
  const site = domain === undefined ? '' : squashed(domain.split('.')[0] ?? '');
  if (site === '') return undefined;
  return title
    .split(/\s+[-–—|:>»]\s+|:\s+/)
    .map((p) => p.trim())
    .find((p) => p.length >= 2 && squashed(p) === site);
}

/**
 * The outlet of an item that names none, from its feed: the feed title's outlet when the item has no URL, or links
 * to the feed's own site (a subdomain too; for a feed that names no site, one its title spells) and that site is not
 * a known outlet (its URL names it better then); undefined otherwise (the item is then named by its URL).
 */
export function channelOutlet(channel: FeedChannel, url: string | undefined): string | undefined {
  if (!channel.title) return undefined;
  const domain = url ? domainOf(url) : undefined;
  if (domain === undefined) return feedTitleOutlet(channel.title, channel.domain);
  // A feed that gives no site of its own (a JSON Feed without `home_page_url`, an RSS channel without `<link>`) is the
  // item's site's own when its title spells that site's name: "Bangor Daily News" for bangordailynews.com.
  const ownSite = channel.domain !== undefined ? domain === channel.domain || domain.endsWith(`.${channel.domain}`) : titleNaming(channel.title, domain) !== undefined;
  const known = outletOfDomain(domain) !== domain;
  return ownSite && !known ? feedTitleOutlet(channel.title, channel.domain) : undefined;
}
