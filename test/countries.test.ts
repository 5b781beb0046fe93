// The country reader (text/countries.ts): the country an article reports from, read from its dateline and lead,
// and the rule of the country penalty (two articles that name countries and none in common).
import { describe, expect, it } from 'vitest';
import { articleCountry, COUNTRY_CODES, countryCode, differentCountries, mainCountry, otherCountry, placesIn } from '../src/text/countries.js';
import { DEMONYMS, NAMES, NOT_PLACES, PLACES } from '../src/text/country-table.js';
import { countryWeight } from '../src/cluster/story-scan.js';

/** The ISO codes of an article's countries, the one it reports from first. */
function countries(title: string, sentences: readonly string[], dropped: readonly string[] = []): string[] {
  const both = articleCountry({ title, sentences: sentences.map((text) => ({ text })), dropped: dropped.map((text) => ({ text })) });
  return [mainCountry(both), otherCountry(both)].flatMap((id) => countryCode(id) ?? []);
}

const codes = (text: string): (string | undefined)[] => placesIn(text).map((p) => countryCode(p.id));

describe('the dateline', () => {
  it('gives the country of a wire dateline with a country, a city alone, or a US state abbreviation', () => {
    expect(countries('Landslide buries homes', ['QUITO, Ecuador (AP) — A landslide buried homes on Monday.'])).toEqual(['EC']);
    expect(countries('Landslide buries homes', ['LIMA, Peru (Reuters) - A landslide buried homes on Monday.'])).toEqual(['PE']);
    expect(countries('Landslide buries homes', ['QUITO, March 17 (Reuters) - A landslide buried homes on Monday.'])).toEqual(['EC']);
    expect(countries('Storm floods roads', ['SAN LUIS OBISPO, Calif. — A storm flooded roads on Monday.'])).toEqual(['US']);
  });

  it('comes before the lead: an article from Lima on aid for Ecuador reports from Peru, and names Ecuador too', () => {
    expect(countries('Aid for Ecuador leaves', ['LIMA, Peru (Reuters) - Aid for Ecuador left Lima on Monday.'])).toEqual(['PE', 'EC']);
    expect(countries('Aid for Ecuador leaves', ['Aid for Ecuador left Peru on Monday.'])).toEqual(['EC', 'PE']);
  });

  it('is read on a line of its own, which cleaning drops', () => {
    expect(countries('Quake shakes coast', ['A quake shook the coast on Tuesday.'], ['INDONESIA, July 2, 2013'])).toEqual(['ID']);
  });
});

describe('the lead', () => {
  it('gives the first place it names, a possessive or a city as well as a country', () => {
    expect(countries('Quake kills 268', ["A magnitude 5.6 earthquake struck Indonesia's West Java province on Monday."])).toEqual(['ID']);
    expect(countries('Quake kills 12', ['A quake struck Van province in the east on Monday.'])).toEqual(['TR']);
    expect(countries('Flooding closes schools', ['Schools in Guayaquil were closed.'])).toEqual(['EC']);
  });

  it('reads only the headline and the first three sentences', () => {
    expect(countries('Storm hits coast', ['One.', 'Two.', 'Three.', 'Storms also hit Chile last year.'])).toEqual([]);
    expect(countries('Storm hits coast', ['One.', 'Two.', 'Storms also hit Chile last year.'])).toEqual(['CL']);
  });

  it('reads a demonym as whose, not where: an other country only', () => {
    expect(countries('Rescuers search rubble', ['Turkish rescuers searched the rubble on Monday.'])).toEqual([]);
    expect(countries('Rescuers search rubble', ['Turkish rescuers searched the rubble in Indonesia on Monday.'])).toEqual(['ID', 'TR']);
    expect(countries('Climber rescued', ['An Australian climber was rescued on Mount Cook, New Zealand.'])).toEqual(['NZ', 'AU']);
  });

  it('reads country names in the other languages the tool reads', () => {
    expect(countries('Erdbeben in der Türkei', ['Ein Erdbeben hat am Montag viele Häuser zerstört.'])).toEqual(['TR']);
    expect(countries('Glissement de terrain au Pérou', ['Un glissement de terrain a enseveli des maisons lundi.'])).toEqual(['PE']);
    expect(countries('Jordskred i Norge', ['Et jordskred tok flere hus mandag.'])).toEqual(['NO']);
  });

  it('gives nothing when it names no place', () => {
    expect(countries('Council approves budget', ['The council approved the budget on Monday.'])).toEqual([]);
  });
});

describe('placesIn', () => {
  it('takes the longest phrase: Papua New Guinea, New Mexico, South Sudan, Mexico City', () => {
    expect(codes('Papua New Guinea, New Mexico, South Sudan and Mexico City')).toEqual(['PG', 'US', 'SS', 'MX']);
  });

  it('passes over outlets and regions of several countries, which hide the country in them', () => {
    expect(codes('The Washington Post said Latin American leaders met')).toEqual([undefined, undefined]);
    expect(countries('Leaders meet', ['The Washington Post said Latin American leaders met in Lima.'])).toEqual(['PE']);
  });

  it('reads a word with a capital only, and an abbreviation only with its full stop', () => {
    expect(codes('a turkey and china plates')).toEqual([]);
    expect(codes('Turkey and China')).toEqual(['TR', 'CN']);
    expect(codes('Hartford, Conn. police')).toEqual(['US']);
    expect(codes('Conn Smythe climbed Mont Blanc')).toEqual([]);
  });

  it('does not read "US" in a headline in capitals, where it is a word', () => {
    expect(codes('HELP US FIND HER')).toEqual([]);
    expect(codes('US troops leave')).toEqual(['US']);
    expect(codes('the U.S. said')).toEqual(['US']);
  });
});

describe('differentCountries and the country factor', () => {
  const ec = 1 * 65536;
  const pe = 2 * 65536;
  const peAndEc = 2 * 65536 + 1;
  it('says different places when each names a country and none in common', () => {
    expect(differentCountries(ec, pe)).toBe(true);
    expect(differentCountries(ec, ec)).toBe(false);
    expect(differentCountries(ec, 0)).toBe(false);
    expect(differentCountries(0, 0)).toBe(false);
    // Sudan bombs a camp in South Sudan; a report from South Sudan: one place in common.
    expect(differentCountries(ec, peAndEc)).toBe(false);
    expect(differentCountries(peAndEc, ec)).toBe(false);
  });

  it('weakens only such pairs, by the penalty', () => {
    expect(countryWeight(ec, pe, 0.3)).toBe(0.3);
    expect(countryWeight(ec, peAndEc, 0.3)).toBe(1);
    expect(countryWeight(ec, 0, 0.3)).toBe(1);
    expect(countryWeight(ec, pe, 1)).toBe(1);
  });
});

describe('the table', () => {
  it('gives no name to two countries, and no place to the phrases that name none', () => {
    const key = (name: string): string => [...name.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0].toLowerCase()).join(' ') + (name.endsWith('.') ? '.' : '');
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const table of [NAMES, PLACES, DEMONYMS]) {
      for (const [code, names] of Object.entries(table)) {
        for (const name of names.split('|')) {
          const seen = owner.get(key(name));
          if (seen !== undefined && seen !== code) clashes.push(`${name}: ${seen} and ${code}`);
          owner.set(key(name), code);
        }
      }
    }
    for (const name of NOT_PLACES.split('|')) if (owner.has(key(name))) clashes.push(`${name}: a place and no place`);
    expect(clashes).toEqual([]);
  });

  it('numbers its countries within 16 bits, two to an article', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(200);
    expect(COUNTRY_CODES.length).toBeLessThan(65536);
    expect(COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });
});
