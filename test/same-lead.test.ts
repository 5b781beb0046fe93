import { describe, expect, it } from 'vitest';
import { tellsSameLead } from '../src/input/teaser.js';
import { runCli } from './cli-run.js';

describe('tellsSameLead: a description that tells the body opening in other words', () => {
  const body = 'A CalMac ferry carrying 120 passengers ran aground near Uig on the Isle of Skye on Monday morning, the coastguard said. All passengers were taken off.';

  it('is the same lead when most of its words open the body', () => {
    expect(tellsSameLead('A CalMac ferry with 120 passengers ran aground near Uig on Monday morning, the coastguard said.', body)).toBe(true);
    expect(tellsSameLead('A ferry with 112 passengers on board ran aground near Uig on Skye on Monday.', 'A ferry with 112 passengers on board ran aground near Uig on Skye on Monday, according to the coastguard.')).toBe(true);
  });

  it('is not when it tells something else, or has no word to tell it by', () => {
    expect(tellsSameLead('Ferry operator CalMac cancels every sailing from Uig for the week after the grounding.', body)).toBe(false);
    expect(tellsSameLead('A the on of.', body)).toBe(false);
    // Words the body holds only far past its opening do not count.
    const long = `${'Officials met on Tuesday to discuss the budget. '.repeat(6)}A CalMac ferry with 120 passengers ran aground near Uig.`;
    expect(tellsSameLead('A CalMac ferry with 120 passengers ran aground near Uig.', long)).toBe(false);
  });
});

describe('end to end: a NewsAPI response (QA 29 #12)', () => {
  it('tells each lead once', () => {
    const doc = JSON.parse(runCli(['test/fixtures/newsapi-leads/top.json', '--json', '-q']).stdout);
    const texts = doc.stories[0].facts.flatMap((f: { mentions: { article: string; text: string }[] }) => f.mentions.map((m) => m.text));
    expect(texts.filter((t: string) => /^A CalMac ferry/.test(t))).toEqual(['A CalMac ferry carrying 120 passengers ran aground near Uig on the Isle of Skye on Monday morning, the coastguard said.']);
    expect(texts.filter((t: string) => /^A ferry with 112/.test(t))).toHaveLength(1);
  });
});
