/**
 * Outlet detection: which outlet an article is from, and how we know. First match wins:
 * 1. metadata — front matter, JSON fields, HTML `og:site_name` (a domain there, like news-please's
 *    `source_domain`, is named through the table below);
 * 2. url — the domain of the article's URL, named by the table or else shown as the bare domain;
 * 3. credit — a page's copyright notice ("Copyright 2026 Fox News Network, LLC.": the publisher, over a wire
 *    dateline its republished text keeps; see copyright.ts), else a dateline or credit line in the text:
 *    "DAMASCUS (Reuters) -", "ELAZIG, Turkey (Reuters) -", "(AP) —", "TRT World and Agencies", "© Reuters", or a
 *    byline that is only an outlet, or an outlet named in the head ("The Herald, 23 November 2026");
 * 4. filename — the file name without its ending.
 * "told Reuters" and the like are NOT evidence: other outlets cite wire interviews and republish wire text with
 * the phrase in it, and a wrong outlet merges two sources into one, which hides what each adds and omits.
 * A heuristic: a credit can be wrong when a page quotes another outlet's dateline.
 */
import path from 'node:path';
import type { ArticleMeta, SourceOrigin } from '../types.js';
import { isWhiteSpace } from '../text/words.js';
import { copyrightHolder } from './copyright.js';
import { headOutlet } from './head-lines.js';

/** Known domains (without `www.`) → outlet names. Small on purpose; unknown domains are shown as they are. */
const DOMAINS: Readonly<Record<string, string>> = {
  'reuters.com': 'Reuters',
  'apnews.com': 'AP',
  'ap.org': 'AP',
  'afp.com': 'AFP',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'theguardian.com': 'The Guardian',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'ft.com': 'Financial Times',
  'bloomberg.com': 'Bloomberg',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'npr.org': 'NPR',
  'aljazeera.com': 'Al Jazeera',
  'trtworld.com': 'TRT World',
  'aa.com.tr': 'Anadolu Agency',
  'france24.com': 'France 24',
  'dw.com': 'DW',
  'euronews.com': 'Euronews',
  'independent.co.uk': 'The Independent',
  'telegraph.co.uk': 'The Telegraph',
  'dailymail.co.uk': 'Daily Mail',
  'timesofisrael.com': 'The Times of Israel',
  'haaretz.com': 'Haaretz',
  'xinhuanet.com': 'Xinhua',
  'spiegel.de': 'Der Spiegel',
  'lemonde.fr': 'Le Monde',
  'news.sky.com': 'Sky News',
  'cnbc.com': 'CNBC',
  'usatoday.com': 'USA Today',
  'latimes.com': 'Los Angeles Times',
  'politico.com': 'Politico',
  'politico.eu': 'Politico',
  'axios.com': 'Axios',
  'thehill.com': 'The Hill',
  'economist.com': 'The Economist',
  'thetimes.co.uk': 'The Times',
  'irishtimes.com': 'The Irish Times',
  'rte.ie': 'RTÉ',
  'abc.net.au': 'ABC News (Australia)',
  'smh.com.au': 'The Sydney Morning Herald',
  'cbc.ca': 'CBC News',
  'theglobeandmail.com': 'The Globe and Mail',
  'scmp.com': 'South China Morning Post',
  'straitstimes.com': 'The Straits Times',
  'japantimes.co.jp': 'The Japan Times',
  'thehindu.com': 'The Hindu',
  'hindustantimes.com': 'Hindustan Times',
  'ndtv.com': 'NDTV',
  'dawn.com': 'Dawn',
  'arabnews.com': 'Arab News',
  'middleeasteye.net': 'Middle East Eye',
  'yna.co.kr': 'Yonhap',
  'kyodonews.net': 'Kyodo News',
  'tass.com': 'TASS',
  'rfi.fr': 'RFI',
  // UK and Ireland
  'heraldscotland.com': 'The Herald',
  'scotsman.com': 'The Scotsman',
  'dailyrecord.co.uk': 'Daily Record',
  'pressandjournal.co.uk': 'The Press and Journal',
  'news.stv.tv': 'STV News',
  'thesun.co.uk': 'The Sun',
  'mirror.co.uk': 'Daily Mirror',
  'express.co.uk': 'Daily Express',
  'standard.co.uk': 'Evening Standard',
  'inews.co.uk': 'The i Paper',
  'itv.com': 'ITV News',
  'channel4.com': 'Channel 4 News',
  'manchestereveningnews.co.uk': 'Manchester Evening News',
  'walesonline.co.uk': 'WalesOnline',
  'belfasttelegraph.co.uk': 'Belfast Telegraph',
  'newstatesman.com': 'New Statesman',
  'spectator.co.uk': 'The Spectator',
  'independent.ie': 'Irish Independent',
  'irishexaminer.com': 'Irish Examiner',
  // United States
  'nypost.com': 'New York Post',
  'chicagotribune.com': 'Chicago Tribune',
  'bostonglobe.com': 'The Boston Globe',
  'sfchronicle.com': 'San Francisco Chronicle',
  'miamiherald.com': 'Miami Herald',
  'seattletimes.com': 'The Seattle Times',
  'denverpost.com': 'The Denver Post',
  'newsweek.com': 'Newsweek',
  'theatlantic.com': 'The Atlantic',
  'huffpost.com': 'HuffPost',
  'news.yahoo.com': 'Yahoo News',
  'msnbc.com': 'MSNBC',
  'pbs.org': 'PBS',
  'propublica.org': 'ProPublica',
  'businessinsider.com': 'Business Insider',
  // Europe
  'lefigaro.fr': 'Le Figaro',
  'liberation.fr': 'Libération',
  'faz.net': 'Frankfurter Allgemeine Zeitung',
  'sueddeutsche.de': 'Süddeutsche Zeitung',
  'zeit.de': 'Die Zeit',
  'welt.de': 'Die Welt',
  'tagesschau.de': 'Tagesschau',
  'elpais.com': 'El País',
  'elmundo.es': 'El Mundo',
  'corriere.it': 'Corriere della Sera',
  'repubblica.it': 'la Repubblica',
  'nos.nl': 'NOS',
  'nzz.ch': 'Neue Zürcher Zeitung',
  'lesoir.be': 'Le Soir',
  'kyivindependent.com': 'The Kyiv Independent',
  'themoscowtimes.com': 'The Moscow Times',
  'rferl.org': 'RFE/RL',
  'agenciabrasil.ebc.com.br': 'Agência Brasil',
};

/** Names and abbreviations (lower case) → one spelling, so "AP News", "Associated Press" and apnews.com are one source. */
const ALIASES: Readonly<Record<string, string>> = {
  ap: 'AP',
  'ap news': 'AP',
  'the associated press': 'AP',
  'associated press': 'AP',
  reuters: 'Reuters',
  'thomson reuters': 'Reuters',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  aa: 'Anadolu Agency',
  'bbc news': 'BBC',
  guardian: 'The Guardian',
  'the guardian': 'The Guardian',
  'al jazeera english': 'Al Jazeera',
  upi: 'UPI',
  dpa: 'dpa',
  'deutsche presse-agentur': 'dpa',
  'deutsche presse agentur': 'dpa',
  efe: 'EFE',
  'agencia efe': 'EFE',
  lusa: 'Lusa',
  'agência lusa': 'Lusa',
  'agencia lusa': 'Lusa',
  'lusa news agency': 'Lusa',
  'agência brasil': 'Agência Brasil',
  'agencia brasil': 'Agência Brasil',
  xinhua: 'Xinhua',
  'xinhua news agency': 'Xinhua',
  'sky news': 'Sky News',
  cnn: 'CNN',
  cnbc: 'CNBC',
  bloomberg: 'Bloomberg',
  'bloomberg news': 'Bloomberg',
  'nbc news': 'NBC News',
  'cbs news': 'CBS News',
  'abc news': 'ABC News',
  npr: 'NPR',
  yonhap: 'Yonhap',
  'yonhap news agency': 'Yonhap',
  kyodo: 'Kyodo News',
  'kyodo news': 'Kyodo News',
  ansa: 'ANSA',
  pti: 'PTI',
  'press trust of india': 'PTI',
  tass: 'TASS',
  interfax: 'Interfax',
  'anadolu agency': 'Anadolu Agency',
};

export interface Outlet {
  readonly source: string;
  readonly origin: SourceOrigin;
}

/**
 * The outlets of the domain table by their own names, lower case, with and without "the", and a few more names:
 * "New York Times" and "The New York Times", "Deutsche Welle" and "DW" are one source.
 */
const NAMED = new Map<string, string>([
  ...Object.values(DOMAINS).flatMap((outlet) => {
    const lower = outlet.toLowerCase();
    const bare = lower.replace(/^the /, '');
    return [[lower, outlet], [bare, outlet], [`the ${bare}`, outlet]] as [string, string][];
  }),
  ['deutsche welle', 'DW'],
  ['nyt', 'The New York Times'],
  ['washington post', 'The Washington Post'],
  ['wall street journal', 'The Wall Street Journal'],
  ['guardian', 'The Guardian'],
]);

/** Whether a name is a known outlet's (an agency or an outlet of the domain table, by any of its names). */
export function isKnownOutlet(name: string): boolean {
  const lower = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return ALIASES[lower] !== undefined || NAMED.has(lower);
}

/** A headline without a known outlet's name after a dash or bar: "Ferry aground off Skye - BBC News" → "Ferry aground off Skye". */
export function withoutOutletSuffix(title: string): string {
  const t = title.trim();
  // The suffix follows the last dash, bar or colon, with white space on both sides; found by scanning back, since
  // the pattern /^(.{8,}?)\s+[-|–—:]\s+([^-|–—:]{1,40})$/ took seconds on a headline with a long run of spaces
  // (4.5 s of a 4 s run on 40,000 spaces; a 200,000-space Markdown headline never finished).
  let sep = t.length - 1;
  while (sep >= 0 && !'-|–—:'.includes(t.charAt(sep))) sep--;
  if (sep <= 0 || !isWhiteSpace(t.charCodeAt(sep - 1)) || !isWhiteSpace(t.charCodeAt(sep + 1))) return t;
  const suffix = t.slice(sep + 1).trim();
  const head = t.slice(0, sep).trimEnd();
  if (suffix.length === 0 || suffix.length > 40 || head.length < 8 || /[\n\r\u2028\u2029]/.test(head)) return t;
  return isKnownOutlet(suffix) ? head : t;
}

/** One spelling for a known outlet name; other names are returned trimmed. */
export function canonicalOutlet(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  const lower = n.toLowerCase();
  return ALIASES[lower] ?? NAMED.get(lower) ?? n;
}

/** The host of a URL or a bare domain, lower case, without `www.`/`m.`/`amp.`; `undefined` if not one. */
export function domainOf(urlOrDomain: string): string | undefined {
  const s = urlOrDomain.trim();
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return undefined;
  return host.replace(/^(www\d?|m|amp|mobile)\./, '');
}

/** Letters and digits only, lower case, without a leading "the": "The Example Times" and exampletimes.com meet. */
export const squashed = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/^the(?=.)/, '');

/**
 * A key two spellings of one outlet share: a known outlet's one name, squashed ({@link squashed}), or for a bare domain
 * its site's label ("kathmandupost.com" and "the Kathmandu Post" meet, as do "thedailystar.net" and "Daily Star").
 */
export function outletKey(name: string): string {
  const n = name.trim();
  const domain = !/\s/.test(n) && n.includes('.') ? domainOf(n) : undefined;
  if (domain === undefined || isKnownOutlet(n)) return squashed(canonicalOutlet(n));
  const labels = domain.split('.');
  const site = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2] ?? '') ? labels[labels.length - 3] : labels[labels.length - 2];
  return squashed(site ?? domain);
}

/** Second-level labels under a country's domain that a site registers under: bbc.co.uk, abc.net.au. */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'ne', 'or']);

/**
 * The outlet a domain belongs to: the table's name (also for subdomains like uk.reuters.com); else, for a site's
 * own domain (no subdomain), the known outlet its name spells (ansa.it → ANSA, reuters.co.uk → Reuters), so an
 * article credited "(ANSA)" and one from ansa.it are one source; else the domain.
 */
export function outletOfDomain(domain: string): string {
  const parts = domain.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const name = DOMAINS[parts.slice(i).join('.')];
    if (name) return name;
  }
  const own = parts.length === 2 || (parts.length === 3 && SECOND_LEVEL.has(parts[1] ?? '') && (parts[2] ?? '').length === 2);
  return (own && ALIASES[parts[0] ?? '']) || domain;
}

/**
 * A source name as the reports spell it, for a name a reader typed (`--source 'BBC News'`, `--source bbc.co.uk`,
 * `--not-source 'Associated Press'`): known names and domains to the one spelling, others as typed.
 */
export function outletNamed(name: string): string {
  const n = name.trim();
  const domain = !/\s/.test(n) && n.includes('.') ? domainOf(n) : undefined;
  return domain ? outletOfDomain(domain) : canonicalOutlet(n);
}

/**
 * "DAMASCUS (Reuters) -", "NEW YORK, May 3 (AFP) —", "(CNN) —", "BERLIN, 12. März (dpa) -", "PARIS, 3 mai (AFP) -",
 * "ELAZIG, Turkey (Reuters) -", "WASHINGTON, D.C. (AP) —", "SAN JOSE, Calif., May 3 (AP) —": a place, an optional
 * country or state ("Turkey", "Calif.", "D.C.", "South Korea"), an optional date (month first, or the day first as
 * most languages write it), an outlet. The place is in capitals as agencies write it, or capitalised words
 * ("Elazig, Turkey (Reuters) -") — then the outlet must be a known one, since "Some Words (Thing) -" is also how a
 * sentence can start. An outlet in lower case ("dpa") counts only when it is a known one.
 * Other languages' wire forms (review 27): a place with its river or state in brackets or after a slash ("HALLE
 * (SAALE) (dpa) —", "Halle/Saale (dpa) -"), place names joined by "de", "an der" and the like ("Rio de Janeiro, 16
 * fev (Lusa) -", "Frankfurt am Main (dpa) -"), dpa's regional services ("(dpa/lsa)" is dpa) and EFE's ").-".
 */
const JOIN = String.raw`(?:(?:de|da|do|dos|das|di|del|della|de la|de las|de los|du|des|la|le|les|am|an der|im|upon|on|sur|y|e|en) )`;
const PLACE_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’./-]*`;
const PLACE =
  String.raw`(?:[\p{Lu}][\p{Lu}\p{M} .'’/-]{0,40}|${PLACE_WORD}(?: ${JOIN}?${PLACE_WORD}){0,3})` +
  String.raw`(?: \(\p{Lu}[\p{L}\p{M} .'’-]{0,30}\))?`;
const REGION = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,2}`;
const DAY = String.raw`(?:[\p{L}.]+\s+\d{1,2}|\d{1,2}\.?\s+(?:de\s+)?\p{L}+\.?)(?:,?\s*(?:de\s+)?\d{4})?`;
const DATELINE = new RegExp(
  String.raw`^(?:(${PLACE})(?:,\s*${REGION})?(?:,\s*${DAY})?\s)?\(([\p{L}][\p{L}.&'/ -]{0,30}[\p{L}.])\)\.?\s*[-–—:]`,
  'u',
);
/** An agency and one of its regional services: "dpa/lsa", "dpa/lni" (dpa's Land services), named as the agency. */
const REGIONAL_SERVICE = /^([\p{L}.&' -]+?)\s*\/\s*\p{Ll}{2,4}$/u;
/**
 * Brazilian states' codes, which follow a Brazilian place as a dateline's would-be outlet ("PETRÓPOLIS (RJ) -"):
 * a place, not an outlet. AP (also Amapá) and PA (also the Press Association) are left out.
 */
const BRAZILIAN_STATES = new Set('AC AL AM BA CE DF ES GO MA MG MS MT PB PE PI PR RJ RN RO RR RS SC SE SP TO'.split(' '));
/** A known agency in brackets closing an article's last paragraph, or alone on it: "… desalojadas. (Agência Brasil)". */
const CLOSING_CREDIT = /(?:^|[.!?"”»]\s*)\(([\p{L}][\p{L}'’.& -]{0,40})\)\.?$/u;
const AGENCIES_LINE = /^(?:by\s+)?([\p{L}][\p{L}\d'’.& -]{0,60}?)\s+(?:and|&)\s+(?:agencies|wires|wire services)\.?$/iu;
const BY_OUTLET = /^(?:by\s+)?([\p{L}][\p{L}'’.& -]{0,40}?)(?:\s+staff)?$/iu;
/** "— Associated Press", "By JOHN DOE, Associated Press", "Source: Reuters": an outlet the line names, counted only when it is a known one. */
const AGENCY_CREDIT = /^(?:[-–—]\s*|by\s+[^,]{1,60},\s*|sources?\s*:\s*)([\p{L}][\p{L}'’.& -]{0,40}?)\.?$/iu;

const startsUpper = (s: string): boolean => s.charAt(0) !== s.charAt(0).toLowerCase();

/** Whether `line` has at most `max` words (runs of non-white space), reading no further than it must. */
function atMostWords(line: string, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = isWhiteSpace(line.charCodeAt(i));
    if (!space && !inWord && ++count > max) return false;
    inWord = !space;
  }
  return true;
}

/** The outlet a copyright line names: a company the table knows, else a known outlet among its names, else the name as written. */
function copyrightOutlet(line: string, noticeOnly: boolean): string | undefined {
  const holder = copyrightHolder(line);
  if (!holder || (noticeOnly && !holder.notice)) return undefined;
  const known = holder.names.find(isKnownOutlet);
  return known !== undefined ? canonicalOutlet(known) : holder.names[0];
}

/** Words a copyright notice may run to: "Copyright 2026 The Associated Press. All rights reserved. This material may not be …". */
const MAX_NOTICE_WORDS = 40;

/** A known agency in brackets at the very end of the last paragraph ("… (Agência Brasil)", "(EFE)"), or `undefined`. */
function closingCredit(last: string | undefined): string | undefined {
  const t = last?.trimEnd();
  // Only a paragraph that ends in a bracket is searched, and only its last 60 characters: a bracket that opens
  // right at the cut would hold more than the 41 characters a name may have, so the cut is never taken for a start.
  if (t === undefined || !/\)\.?$/.test(t)) return undefined;
  const name = CLOSING_CREDIT.exec(t.slice(-60))?.[1];
  if (name === undefined) return undefined;
  const n = name.trim().replace(/\s+/g, ' ').toLowerCase();
  return ALIASES[n];
}

/**
 * The outlet a dateline or credit line names, or `undefined`. First a page's copyright notice anywhere in the text
 * ("© 2026 Cable News Network", "Copyright Yahoo News 2020. All rights reserved.": a year or "all rights reserved"
 * in it): the publisher names itself there, and a republished wire story keeps the agency's dateline, so the notice
 * wins over the dateline (Fox News's copy of an AP story is Fox News's). Then datelines at the start of the first
 * three paragraphs; then credit lines ("… and Agencies", a bare "© Reuters") among short lines anywhere; the byline
 * counts only when it is an agency name or an "… and Agencies" credit; last, an outlet named in the article's head
 * lines ("The Herald, 23 November 2026", "By Jane Smith, The Herald": see head-lines.ts).
 */
export function creditOutlet(paragraphs: readonly string[], byline?: string): string | undefined {
  for (const p of paragraphs) {
    const named = atMostWords(p, MAX_NOTICE_WORDS) ? copyrightOutlet(p, true) : undefined;
    if (named) return named;
  }
  for (const p of paragraphs.slice(0, 3)) {
    const m = DATELINE.exec(p.trim());
    const place = m?.[1];
    let named = m?.[2];
    if (!named || !atMostWords(named, 4)) continue;
    // "dpa/lsa": the agency's regional service is the agency; another slash is no outlet's name.
    if (named.includes('/')) {
      const agency = REGIONAL_SERVICE.exec(named)?.[1];
      if (agency === undefined || !isKnownOutlet(agency)) continue;
      named = agency;
    }
    const known = isKnownOutlet(named);
    // A place not in capitals ("Elazig, Turkey") counts only before a known outlet.
    const capitals = place === undefined || !/\p{Ll}/u.test(place);
    if (capitals ? (startsUpper(named) && !BRAZILIAN_STATES.has(named)) || known : known) return canonicalOutlet(named);
  }
  const short = paragraphs.filter((p) => atMostWords(p, 10)).map((p) => p.trim());
  if (byline) short.unshift(byline.trim());
  for (const line of short) {
    const m = AGENCIES_LINE.exec(line);
    const named = m?.[1] ? canonicalOutlet(m[1]) : copyrightOutlet(line, false);
    if (named) return named;
  }
  for (const line of short) {
    const m = AGENCY_CREDIT.exec(line);
    const name = m?.[1] ? ALIASES[m[1].trim().toLowerCase()] : undefined;
    if (name) return name;
  }
  const closing = closingCredit(paragraphs[paragraphs.length - 1]);
  if (closing) return closing;
  if (byline) {
    const m = BY_OUTLET.exec(byline.trim()) ?? AGENCY_CREDIT.exec(byline.trim());
    const name = m?.[1] ? ALIASES[m[1].trim().toLowerCase()] : undefined;
    if (name) return name;
  }
  // Last, an outlet the article's head names, known or not: "The Herald, 23 November 2026", "By Jane Smith, The Herald".
  const head = headOutlet(paragraphs, isKnownOutlet);
  return head === undefined ? undefined : canonicalOutlet(head);
}

/** The file name without its ending; for `feed.jsonl:3`, `feed.jsonl.gz:3`, `feed.json[2]` or `feed.jsonl:3[2]`, the feed's file name. */
export function fileOutlet(articlePath: string): string {
  const base = path.posix.basename(articlePath.replace(/\\/g, '/')).replace(/(:\d+(\[\d+\])?|\[\d+\])$/, '').replace(/\.gz$/i, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Detect an article's outlet; see the module comment for the order. */
export function detectOutlet(articlePath: string, meta: ArticleMeta, paragraphs: readonly string[]): Outlet {
  const named = meta.source?.trim();
  if (named) return { source: outletNamed(named), origin: 'metadata' };
  const domain = meta.url ? domainOf(meta.url) : undefined;
  if (domain && /^(https?:\/\/|www\.)/i.test(meta.url?.trim() ?? '')) return { source: outletOfDomain(domain), origin: 'url' };
  const credit = creditOutlet(paragraphs, meta.byline);
  if (credit) return { source: credit, origin: 'credit' };
  return { source: fileOutlet(articlePath), origin: 'filename' };
}
