import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalOutlet, creditOutlet, detectOutlet, domainOf, fileOutlet, outletKey, outletOfDomain, withoutOutletSuffix } from '../src/input/outlet.js';
import { parseArticle } from '../src/input/parse.js';

function seed(name: string): { path: string; paragraphs: readonly string[] } {
  const path = `seeds/${name}`;
  const r = parseArticle({ path, text: readFileSync(path, 'utf8') });
  if (!r.ok) throw new Error(r.reason);
  return { path, paragraphs: r.article.paragraphs };
}

describe('detectOutlet: first match wins', () => {
  const body = ['DAMASCUS (Reuters) - Rebels attacked the city on Tuesday.'];

  it('metadata over the URL over credits over the file name', () => {
    expect(detectOutlet('x/a.txt', { source: 'Al Jazeera', url: 'https://www.bbc.co.uk/news/1' }, body)).toEqual({ source: 'Al Jazeera', origin: 'metadata' });
    expect(detectOutlet('x/a.txt', { url: 'https://www.bbc.co.uk/news/1' }, body)).toEqual({ source: 'BBC', origin: 'url' });
    expect(detectOutlet('x/a.txt', {}, body)).toEqual({ source: 'Reuters', origin: 'credit' });
    expect(detectOutlet('x/a.txt', {}, ['Rebels attacked the city.'])).toEqual({ source: 'a', origin: 'filename' });
  });

  it('names a domain given as metadata (news-please source_domain) through the table', () => {
    expect(detectOutlet('f.jsonl:2', { source: 'www.reuters.com' }, [])).toEqual({ source: 'Reuters', origin: 'metadata' });
    expect(detectOutlet('f.jsonl:2', { source: 'news.example.org' }, [])).toEqual({ source: 'news.example.org', origin: 'metadata' });
  });

  it('gives known outlets one spelling whichever way they come', () => {
    const ap = [
      detectOutlet('a', { source: 'Associated Press' }, []),
      detectOutlet('a', { source: 'AP News' }, []),
      detectOutlet('a', { url: 'https://apnews.com/article/x' }, []),
      detectOutlet('a', {}, ['WASHINGTON (AP) — The Senate voted on Friday.']),
    ].map((o) => o.source);
    expect(new Set(ap)).toEqual(new Set(['AP']));
  });

  it('finds TRT World in seed 000 from its "TRT World and Agencies" credit line', () => {
    const s = seed('000_599fd1684341c80a.txt');
    expect(detectOutlet(s.path, {}, s.paragraphs)).toEqual({ source: 'TRT World', origin: 'credit' });
  });

  it('does not take "told Reuters" in seed 001 as evidence of a Reuters article', () => {
    const s = seed('001_9d1f47d9723a6f2b.txt');
    expect(s.paragraphs.join(' ')).toContain('told Reuters');
    expect(detectOutlet(s.path, {}, s.paragraphs)).toEqual({ source: '001_9d1f47d9723a6f2b', origin: 'filename' });
  });
});

describe('credit lines and datelines', () => {
  it('reads datelines in the first three paragraphs', () => {
    expect(creditOutlet(['BEIRUT (Reuters) - Text.'])).toBe('Reuters');
    expect(creditOutlet(['(CNN) — Text.'])).toBe('CNN');
    expect(creditOutlet(['Headline-like line', 'NEW YORK, May 3 (AFP) - Text.'])).toBe('AFP');
    expect(creditOutlet(['One.', 'Two.', 'Three.', 'PARIS (AFP) - Four.'])).toBeUndefined();
  });

  it('reads datelines that put the day first (German, French, Spanish) and a known outlet in lower case', () => {
    expect(creditOutlet(['BERLIN, 12. März (dpa) - Der Bundestag hat abgestimmt.'])).toBe('dpa');
    expect(creditOutlet(['TOKIO, 12. März 2024 (Reuters) - Ein Erdbeben.'])).toBe('Reuters');
    expect(creditOutlet(['PARIS, 3 mai (AFP) - Le gouvernement a annoncé.'])).toBe('AFP');
    expect(creditOutlet(['MADRID, 3 de marzo de 2024 (EFE) - El Gobierno anunció.'])).toBe('EFE');
    expect(creditOutlet(['MADRID (efe) - El Gobierno anunció.'])).toBe('EFE');
    // An unknown word in lower case in brackets is no outlet.
    expect(creditOutlet(['LONDON (staff) - Text.'])).toBeUndefined();
  });

  it('reads datelines with a country or state after the place (review 25)', () => {
    expect(creditOutlet(['ELAZIG, Turkey (Reuters) - A strong earthquake struck.'])).toBe('Reuters');
    expect(creditOutlet(['PARIS, France (AFP) - Text.'])).toBe('AFP');
    expect(creditOutlet(['BEIRUT, Lebanon (AP) — Text.'])).toBe('AP');
    expect(creditOutlet(['WASHINGTON, D.C. (AP) — Text.'])).toBe('AP');
    expect(creditOutlet(['SAN JOSE, Calif. (AP) — Text.'])).toBe('AP');
    expect(creditOutlet(['SEOUL, South Korea, March 3 (Yonhap) -- Text.'])).toBe('Yonhap');
    expect(creditOutlet(['SAN JOSE, Calif., May 3 (AP) — Text.'])).toBe('AP');
    // The forms that already worked still do.
    expect(creditOutlet(['ELAZIG (Reuters) - Text.'])).toBe('Reuters');
    expect(creditOutlet(['NEW YORK, Jan 24 (Reuters) - Text.'])).toBe('Reuters');
  });

  it("reads other languages' wire datelines: a river or state in brackets or after a slash, joined place names, dpa's regional services, EFE's ').-' (review 27)", () => {
    expect(creditOutlet(['HALLE (SAALE) (dpa) — Die Feuerwehr war mit 85 Einsatzkräften vor Ort.'])).toBe('dpa');
    expect(creditOutlet(['Halle (Saale) (dpa) - Die Feuerwehr war vor Ort.'])).toBe('dpa');
    expect(creditOutlet(['Halle/Saale (dpa) - Die Feuerwehr war vor Ort.'])).toBe('dpa');
    expect(creditOutlet(['Halle (dpa/lsa) - Die Feuerwehr war vor Ort.'])).toBe('dpa');
    expect(creditOutlet(['Frankfurt am Main (dpa/lhe) - Die Polizei teilte mit.'])).toBe('dpa');
    expect(creditOutlet(['Halle an der Saale (dpa) - Die Feuerwehr war vor Ort.'])).toBe('dpa');
    expect(creditOutlet(['Zaragoza, 2 mar (EFE).- Unas 1.200 personas han sido desalojadas.'])).toBe('EFE');
    expect(creditOutlet(['Rio de Janeiro, 16 fev (Lusa) - O temporal deixou 14 mortos.'])).toBe('Lusa');
    expect(creditOutlet(['LISBOA, 16 fev (Lusa) - O temporal deixou 14 mortos.'])).toBe('Lusa');
    // A slash names a regional service only after a known agency, and in lower case.
    expect(creditOutlet(['Halle (foo/lsa) - Text.'])).toBeUndefined();
    expect(creditOutlet(['HARBOR CITY (Harbor/Post) - Text.'])).toBeUndefined();
    // A place is not an outlet: a Brazilian state's code, a country after joined place names.
    expect(creditOutlet(['PETRÓPOLIS (RJ) - O temporal deixou 14 mortos.'])).toBeUndefined();
    expect(creditOutlet(['Petrópolis (RJ) - O temporal deixou 14 mortos.'])).toBeUndefined();
    expect(creditOutlet(['Rio de Janeiro (Brasil) - O temporal deixou 14 mortos.'])).toBeUndefined();
    expect(creditOutlet(['São Paulo de Olivença (Folha Local) - Text.'])).toBeUndefined();
    // The Press Association keeps its "(PA)", though PA is also a Brazilian state's code.
    expect(creditOutlet(['LONDON (PA) - Text.'])).toBe('PA');
  });

  it('reads a known agency in brackets closing the last paragraph, and only there (review 27)', () => {
    const lead = 'Petrópolis (RJ) - O temporal deixou ao menos 14 mortos, segundo a Defesa Civil do estado.';
    expect(creditOutlet([lead, 'Outras 1.234 pessoas estão desalojadas. (Agência Brasil)'])).toBe('Agência Brasil');
    expect(creditOutlet([lead, 'Outras 1.234 pessoas estão desalojadas.', '(EFE)'])).toBe('EFE');
    // Not in an earlier paragraph, not glued to a sentence, not an unknown name.
    expect(creditOutlet([lead, 'Outras pessoas. (Agência Brasil)', 'Mais texto.'])).toBeUndefined();
    expect(creditOutlet([lead, 'The figure came from the ministry (Reuters)'])).toBeUndefined();
    expect(creditOutlet([lead, 'Outras pessoas. (Jornal do Vale)'])).toBeUndefined();
  });

  it('reads a place in capitalised words only before a known outlet', () => {
    expect(creditOutlet(['Elazig, Turkey (Reuters) - Text.'])).toBe('Reuters');
    expect(creditOutlet(['San Jose (AP) — Text.'])).toBe('AP');
    // In capitals an unknown outlet counts, as before; after capitalised words it is a sentence's bracket.
    expect(creditOutlet(['HARBOR CITY (Harbor Post) - Text.'])).toBe('Harbor Post');
    expect(creditOutlet(['The Ruling Party (Justice Front) - which won the vote.'])).toBeUndefined();
  });

  it('reads copyright notices: marks, years anywhere, legal suffixes and company names stripped (review 25)', () => {
    expect(creditOutlet(['Text.', '© Copyright 2026 Cable News Network'])).toBe('CNN');
    expect(creditOutlet(['Text.', '© 2026 Cable News Network. A Warner Bros. Discovery Company. All Rights Reserved.'])).toBe('CNN');
    expect(creditOutlet(['Text.', 'Copyright Yahoo News 2020. All rights reserved.'])).toBe('Yahoo News');
    expect(creditOutlet(['Text.', 'Copyright 2026 Fox News Network, LLC. All rights reserved.'])).toBe('Fox News');
    expect(creditOutlet(['Text.', '© 2026 Guardian News & Media Limited or its affiliated companies. All rights reserved.'])).toBe('The Guardian');
    expect(creditOutlet(['Text.', '© 2026 Thomson Reuters'])).toBe('Reuters');
    expect(creditOutlet(['Text.', '(c) 2019-2026 Agence France-Presse'])).toBe('AFP');
    expect(creditOutlet(['Text.', 'Copyright © 2026 BBC.'])).toBe('BBC');
    const ap = 'Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.';
    expect(creditOutlet(['Text.', ap])).toBe('AP');
    // An unknown holder is named as written, without its legal suffix.
    expect(creditOutlet(['Text.', '© 2026 Harbor Post Media Ltd.'])).toBe('Harbor Post Media');
  });

  it('takes a page\'s copyright notice over a wire dateline, but not a photo credit', () => {
    const wire = 'LOS ANGELES (AP) — A wildfire forced thousands to flee on Tuesday.';
    expect(creditOutlet([wire, 'Officials said more.', 'Copyright 2026 Fox News Network, LLC. All rights reserved.'])).toBe('Fox News');
    // A bare "© Name" (no year, no "all rights reserved") is a picture's credit as often as not: the dateline wins.
    expect(creditOutlet([wire, '© Reuters'])).toBe('AP');
    expect(creditOutlet(['Text.', '© Getty Images'])).toBeUndefined();
    expect(creditOutlet(['Text.', '© 2026 Getty Images'])).toBeUndefined();
    // A sentence about copyright names no one.
    expect(creditOutlet(['Text.', 'Copyright lawsuits rise'])).toBeUndefined();
    expect(creditOutlet(['Text.', 'Copyright Office says AI works need a human author'])).toBeUndefined();
  });

  it('reads credit lines and copyright lines, but not long sentences that mention an outlet', () => {
    expect(creditOutlet(['Text.', 'Al Jazeera and agencies'])).toBe('Al Jazeera');
    expect(creditOutlet(['Text.', '© 2017 Reuters'])).toBe('Reuters');
    expect(creditOutlet(['Copyright 2024 The Associated Press. All rights reserved.'])).toBe('AP');
    expect(creditOutlet(['The minister said the army and agencies of the state would cooperate with the United Nations and aid groups.'])).toBeUndefined();
    expect(creditOutlet(['A witness said (in tears) - nothing more.'])).toBeUndefined();
  });

  it('reads a known agency from a dash line, a "By NAME, Agency" line or a "Source:" line, and nothing else from them', () => {
    expect(creditOutlet(['Text.', '— Associated Press'])).toBe('AP');
    expect(creditOutlet(['Text.', 'By JOHN DOE, Associated Press'])).toBe('AP');
    expect(creditOutlet(['Text.', 'Source: Reuters'])).toBe('Reuters');
    expect(creditOutlet(['Text.', 'Source: Sky News'])).toBe('Sky News');
    expect(creditOutlet(['Text.', 'By Kim Min-jung, Yonhap News Agency'])).toBe('Yonhap');
    expect(creditOutlet([], 'By Jane Smith, AFP')).toBe('AFP');
    expect(creditOutlet(['Text.', 'Source: U.S. Census Bureau'])).toBeUndefined();
    expect(creditOutlet(['Text.', 'By John Doe, staff writer'])).toBeUndefined();
  });

  it('uses a byline only when it names an outlet', () => {
    expect(creditOutlet([], 'By TRT World and Agencies')).toBe('TRT World');
    expect(creditOutlet([], 'Reuters Staff')).toBe('Reuters');
    expect(creditOutlet([], 'By Jane Smith')).toBeUndefined();
  });
});

describe('names from domains and files', () => {
  it('normalises hosts and names subdomains of known outlets', () => {
    expect(domainOf('https://WWW.Reuters.com/world/x?y=1')).toBe('reuters.com');
    expect(domainOf('m.bbc.co.uk')).toBe('bbc.co.uk');
    expect(domainOf('not a url')).toBeUndefined();
    expect(outletOfDomain('uk.reuters.com')).toBe('Reuters');
    expect(outletOfDomain('news.sky.com')).toBe('Sky News');
    expect(outletOfDomain('sky.com')).toBe('sky.com');
    expect(outletOfDomain('example.org')).toBe('example.org');
    // A site's own domain spelling a known outlet's name is that outlet; a subdomain or another site is not.
    expect(outletOfDomain('ansa.it')).toBe('ANSA');
    expect(outletOfDomain('reuters.co.uk')).toBe('Reuters');
    expect(outletOfDomain('efe.com')).toBe('EFE');
    expect(outletOfDomain('ap.example.com')).toBe('ap.example.com');
    expect(outletOfDomain('ansa.example.it')).toBe('ansa.example.it');
    expect(canonicalOutlet('  agence  France-Presse ')).toBe('AFP');
    // The domain table's outlets by their own names, "the" or not, and a few other names.
    expect(canonicalOutlet('New York Times')).toBe('The New York Times');
    expect(canonicalOutlet('the new york times')).toBe('The New York Times');
    expect(canonicalOutlet('NYT')).toBe('The New York Times');
    expect(canonicalOutlet('Deutsche Welle')).toBe('DW');
    expect(canonicalOutlet('Al Jazeera')).toBe('Al Jazeera');
    expect(canonicalOutlet('The Example Times')).toBe('The Example Times');
    // Agencies by their names in their own languages (review 27): one source with their credits.
    expect(canonicalOutlet('Agencia EFE')).toBe('EFE');
    expect(canonicalOutlet('Deutsche Presse-Agentur')).toBe('dpa');
    expect(canonicalOutlet('Agência Lusa')).toBe('Lusa');
    expect(canonicalOutlet('Agência Brasil')).toBe('Agência Brasil');
    expect(canonicalOutlet('agencia brasil')).toBe('Agência Brasil');
    expect(outletOfDomain('agenciabrasil.ebc.com.br')).toBe('Agência Brasil');
    expect(outletOfDomain('lusa.pt')).toBe('Lusa');
  });

  it('names common UK, US and European outlets by their domains (review 25: heraldscotland.com)', () => {
    expect(outletOfDomain('heraldscotland.com')).toBe('The Herald');
    expect(detectOutlet('a.html', { url: 'https://www.heraldscotland.com/news/2' }, [])).toEqual({ source: 'The Herald', origin: 'url' });
    expect(detectOutlet('f.jsonl:1', { source: 'heraldscotland.com' }, [])).toEqual({ source: 'The Herald', origin: 'metadata' });
    expect(outletOfDomain('scotsman.com')).toBe('The Scotsman');
    expect(outletOfDomain('mirror.co.uk')).toBe('Daily Mirror');
    expect(outletOfDomain('nypost.com')).toBe('New York Post');
    expect(outletOfDomain('uk.news.yahoo.com')).toBe('Yahoo News');
    expect(outletOfDomain('sueddeutsche.de')).toBe('Süddeutsche Zeitung');
    expect(outletOfDomain('elpais.com')).toBe('El País');
    // Their names, with or without "the", are the same source (a credit "Copyright Yahoo News" and news.yahoo.com).
    expect(canonicalOutlet('Herald')).toBe('The Herald');
    expect(canonicalOutlet('yahoo news')).toBe('Yahoo News');
    // Only Yahoo's news site is Yahoo News; another Yahoo host stays a domain.
    expect(outletOfDomain('finance.yahoo.com')).toBe('finance.yahoo.com');
  });

  it("takes a known outlet's name off the end of a headline, and nothing else", () => {
    expect(withoutOutletSuffix('Ferry aground off Skye - BBC News')).toBe('Ferry aground off Skye');
    expect(withoutOutletSuffix(' Ferry aground off Skye | Reuters ')).toBe('Ferry aground off Skye');
    expect(withoutOutletSuffix('Storm hits the coast — The Herald')).toBe('Storm hits the coast');
    expect(withoutOutletSuffix('Hurricane watch: Florida')).toBe('Hurricane watch: Florida');
    // Only the last separator, spaced, with at least eight characters before it.
    expect(withoutOutletSuffix('Ferry aground off Skye -BBC')).toBe('Ferry aground off Skye -BBC');
    expect(withoutOutletSuffix('Skye - BBC')).toBe('Skye - BBC');
    expect(withoutOutletSuffix('Ferry - BBC - Skye')).toBe('Ferry - BBC - Skye');
    // Linear on a long run of spaces (the pattern it replaced took seconds on 40,000).
    const long = `Storm${' '.repeat(200_000)}hits - Reuters`;
    expect(withoutOutletSuffix(long)).toBe(`Storm${' '.repeat(200_000)}hits`);
  });

  it('names feed articles after the feed file', () => {
    expect(fileOutlet('feeds/herald.jsonl:12')).toBe('herald');
    expect(fileOutlet('feeds/herald.jsonl.gz:12')).toBe('herald');
    expect(fileOutlet('feeds/herald.jsonl:12[3]')).toBe('herald'); // article 3 of a news API response on line 12
    expect(fileOutlet('feeds/ledger.json[3]')).toBe('ledger');
    expect(fileOutlet('C:\\feeds\\bbc.md')).toBe('bbc');
  });
});

describe('outletKey: one key for the spellings of one outlet', () => {
  it('meets a known outlet\'s names, an unknown outlet\'s name with its bare domain, and keeps others apart', () => {
    expect(outletKey('BBC News')).toBe(outletKey('BBC'));
    expect(outletKey('Associated Press')).toBe(outletKey('AP'));
    expect(outletKey('kathmandupost.com')).toBe(outletKey('the Kathmandu Post'));
    expect(outletKey('thedailystar.net')).toBe(outletKey('Daily Star'));
    expect(outletKey('example.co.uk')).toBe('example');
    expect(outletKey('Kathmandu Post')).not.toBe(outletKey('Daily Star'));
    expect(outletKey('ABC News')).not.toBe(outletKey('ABC News (Australia)'));
  });
});
