/**
 * Copyright lines: the holder a line like "© Copyright 2026 Cable News Network", "Copyright Yahoo News 2020. All
 * rights reserved." or "Copyright 2026 Fox News Network, LLC." names, stripped of everything that is not its name —
 * the ©, "(c)" and "Copyright" marks, years and year ranges wherever they stand, "All rights reserved" and what
 * follows it, "or its affiliated companies", a second sentence ("A Warner Bros. Discovery Company."), and legal
 * suffixes (LLC, Inc., Ltd, Limited, plc, Corp., GmbH, S.A., L.P.) — and the company names that are not an outlet's
 * (Cable News Network, Fox News Network, Guardian News & Media) given as the outlet's name.
 * Outlet naming (which of the names is a known outlet) is outlet.ts's job; this file only reads the line.
 */

/** A line that starts with a copyright mark. */
const MARK_START = /^(?:©|\(c\)|copyright\b)/iu;
/** {@link MARK_START} after any white space, on a line as written. */
const LEADING_MARK = /^\s*(?:©|\(c\)|copyright\b)/iu;
const MARKS = /©|\(c\)|\bcopyright\b/giu;
/** 2026, 2019-2026, 2019–26, 2019/2020. */
const YEARS = /\b(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:(?:19|20)\d{2}|\d{2}))?\b/gu;
const RESERVED = /\b(?:all )?rights reserved\b.*$/iu;
const AFFILIATES = /\s+(?:or|and) its (?:affiliated companies|affiliates|subsidiaries|licensors)\b.*$/iu;
/** A sentence break after a word of three letters or more: "Cable News Network. A Warner Bros. Discovery Company." */
const SECOND_SENTENCE = /(?<=\p{L}{3})\.\s+(?=\p{Lu}).*$/u;
const LEGAL = /[,\s]+(?:LLC|L\.L\.C\.?|Inc\.?|Incorporated|Ltd\.?|Limited|plc|PLC|Corp\.?|Co\.|GmbH|S\.A\.?|SA|AG|LP|L\.P\.?|LLP)\.?$/u;
/** Words that describe a company, not its outlet: "Fox News Network" → "Fox News", "Al Jazeera Media Network". */
const COMPANY_WORDS = /(?:\s+(?:Network|Networks|Media|Group|Digital|Publishing|Publications|Newspapers?|Holdings|Interactive|Company|Corporation|Ventures|Enterprises|Broadcasting))+$/u;
/** Words that may stand in lower case inside a name: "Guardian News and Media", "Corriere della Sera". */
const CONNECTORS = new Set(['of', 'and', 'the', 'de', 'del', 'della', 'di', 'la', 'le', 'les', 'des', 'du', 'y', 'für', 'und', 'for']);
/** Picture agencies: a photo's credit, never an article's outlet. */
const PICTURE_AGENCIES = new Set(['getty images', 'getty', 'shutterstock', 'alamy', 'epa', 'epa-efe', 'istock', 'istockphoto', 'rex features', 'rex', 'pa images', 'ap photo', 'afp photo', 'reuters pictures', 'picture alliance', 'picture-alliance']);

/** Company names (lower case) → the outlet's name as the outlet table spells it. */
const COMPANIES: Readonly<Record<string, string>> = {
  'cable news network': 'CNN',
  'fox news network': 'Fox News',
  'guardian news & media': 'The Guardian',
  'guardian news and media': 'The Guardian',
  'british broadcasting corporation': 'BBC',
  'the british broadcasting corporation': 'BBC',
  'australian broadcasting corporation': 'ABC News (Australia)',
  'canadian broadcasting corporation': 'CBC News',
  'national public radio': 'NPR',
  'the new york times company': 'The New York Times',
  'new york times company': 'The New York Times',
  'the washington post company': 'The Washington Post',
  'telegraph media group': 'The Telegraph',
  'independent digital news & media': 'The Independent',
  'independent digital news and media': 'The Independent',
  'associated newspapers': 'Daily Mail',
  'the economist newspaper': 'The Economist',
  'financial times': 'Financial Times',
  'the financial times': 'Financial Times',
  'bloomberg': 'Bloomberg',
  'cbs interactive': 'CBS News',
  'abc news internet ventures': 'ABC News',
  'herald & times group': 'The Herald',
  'newsquest media group': 'Newsquest',
  'sky uk': 'Sky News',
};

export interface CopyrightHolder {
  /** The holder's names to try, most specific first: the company as the table names it or as written, then without company words. */
  readonly names: readonly string[];
  /** Whether the line is a page's copyright notice (it has a year or "all rights reserved"), not a bare "© Name" credit such as a photo's. */
  readonly notice: boolean;
}

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();
const trimPunctuation = (s: string): string => s.replace(/^[\s.,;:·|–—-]+|[\s,;:·|–—-]+$/gu, '');

/** Whether `name` reads as a name: up to six words, each capitalised, a number or a connector, the first capitalised. */
function readsAsName(name: string): boolean {
  const words = name.split(' ');
  if (words.length === 0 || words.length > 6) return false;
  return words.every((w, i) => /^[\p{Lu}\d&]/u.test(w) || (i > 0 && CONNECTORS.has(w)));
}

/** The holder a copyright line names (see the module comment), or `undefined` for a line that is none. */
export function copyrightHolder(line: string): CopyrightHolder | undefined {
  // Most lines are no notice: told by their start before any string is made (the credit check reads every short
  // paragraph of every article: 0.5 s of 20,000 articles' cleaning when every one was squeezed first).
  if (!LEADING_MARK.test(line)) return undefined;
  const text = squeeze(line);
  if (!MARK_START.test(text) || text.length > 300) return undefined;
  const notice = /\b(?:19|20)\d{2}\b|rights reserved/iu.test(text);
  let name = squeeze(text.replace(RESERVED, '').replace(MARKS, ' ').replace(YEARS, ' '));
  name = squeeze(name.replace(AFFILIATES, '').replace(SECOND_SENTENCE, ''));
  name = trimPunctuation(name);
  for (let before = ''; before !== name; ) {
    before = name;
    name = trimPunctuation(name.replace(LEGAL, ''));
  }
  name = name.replace(/\.$/, '').trim();
  if (name === '' || !readsAsName(name) || PICTURE_AGENCIES.has(name.toLowerCase())) return undefined;
  const company = COMPANIES[name.toLowerCase()];
  if (company !== undefined) return { names: [company], notice };
  const plain = name.replace(COMPANY_WORDS, '');
  const plainCompany = COMPANIES[plain.toLowerCase()];
  const names = plain !== '' && plain !== name ? [name, plainCompany ?? plain] : [name];
  return { names, notice };
}
