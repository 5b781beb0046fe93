/** A story's title: the headline most of its articles carry, else the most typical of its headlines. */
import { describe, expect, it } from 'vitest';
import { storyTitle } from '../src/report/build.js';

const t = (...titles: string[]) => titles.map((title) => ({ title }));

describe('storyTitle', () => {
  it('takes the headline most articles carry, case and spacing aside', () => {
    expect(storyTitle(t('Zebra escapes zoo', 'Fire at the mill', 'fire at  the MILL'))).toBe('Fire at the mill');
  });

  it('among headlines carried equally often, takes the one whose words the others share most, not the first', () => {
    const titles = t(
      'Analysis: what the Kandar blast means for the region',
      'Car bomb kills 24 at Kandar market',
      'Kandar market car bomb kills 24, police say',
      'Car bomb at Kandar market kills dozens',
    );
    expect(storyTitle(titles)).toBe('Car bomb kills 24 at Kandar market');
    // The order of the articles does not choose it.
    expect(storyTitle([...titles].reverse())).toBe('Car bomb kills 24 at Kandar market');
  });

  it("leaves out a known outlet's name after a dash or bar, and counts the headlines so cut as one", () => {
    expect(storyTitle(t('Ferry aground off Skye - BBC News', 'Ferry aground off Skye | Reuters', 'Ferry runs aground off Skye', 'LIVE: Skye ferry latest'))).toBe('Ferry aground off Skye');
    // An unknown name, or words that are no outlet, stay.
    expect(storyTitle(t('Ferry aground off Skye - Harbor Post'))).toBe('Ferry aground off Skye - Harbor Post');
    expect(storyTitle(t('Storm hits coast - live updates'))).toBe('Storm hits coast - live updates');
  });

  it('settles a full tie by story order, and gives an empty title for no articles', () => {
    expect(storyTitle(t('Alpha beta gamma', 'Delta epsilon zeta'))).toBe('Alpha beta gamma');
    expect(storyTitle([])).toBe('');
  });
});
