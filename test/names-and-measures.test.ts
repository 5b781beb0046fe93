/**
 * End to end (review 26, findings 2 and 4): two outlets on one storm (test/fixtures/names-and-measures, written for
 * this test). Their sentences on the prime minister share only names and a weekday, and are two facts, each
 * reported by one outlet; their gusts, waves and evacuees are disputed though the words after each figure differ
 * ("61 mph overnight" / "80 mph on the coast", "2,000 residents" / "2,500 people").
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

interface Fact {
  readonly id: string;
  readonly mentions: readonly { readonly text: string }[];
}
interface Story {
  readonly facts: readonly Fact[];
  readonly shared: readonly string[];
  readonly conflicts: readonly { readonly detail: string }[];
}

describe('names and measures (test/fixtures/names-and-measures)', () => {
  const run = runCli(['test/fixtures/names-and-measures', '--json', '--quiet']);
  const story = (JSON.parse(run.stdout) as { stories: Story[] }).stories[0] as Story;

  it('does not report two sentences that share only names as one fact every source tells', () => {
    expect(run.status).toBe(0);
    const holt = story.facts.filter((f) => f.mentions.some((m) => m.text.includes('Jane Holt')));
    expect(holt.map((f) => f.mentions.length)).toEqual([1, 1]);
    expect(holt.some((f) => story.shared.includes(f.id))).toBe(false);
    expect(story.shared).toHaveLength(3);
  });

  it('disputes a measure whatever words follow its unit, and residents against people', () => {
    expect(story.conflicts.map((c) => c.detail)).toEqual([
      'number: 80 mph (channel-news) vs 61 mph (coast-herald)',
      'number: 2,500 people (channel-news) vs 2,000 residents (coast-herald)',
      'number: 9 metres (channel-news) vs 6 metres (coast-herald)',
    ]);
  });
});
