/**
 * End to end (review 27 #7, #8, #10), on the reviewer's inputs (test/fixtures/review27): wire credits and agency
 * names in other languages, metadata dates in local forms, and `--match`/`--source` without accents, as the built
 * CLI reports them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';

interface JsonReport {
  readonly articles: readonly { readonly id: string; readonly path: string; readonly source: string; readonly sourceOrigin: string; readonly date?: string; readonly published?: string | null }[];
  readonly stories: readonly { readonly id: string; readonly title: string; readonly sources: readonly string[]; readonly articles: readonly string[] }[];
}

const FIXTURES = 'test/fixtures/review27';

function report(args: readonly string[]): { json: JsonReport; stderr: string } {
  const r = runCli([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const sourceOf = (json: JsonReport): Record<string, string> =>
  Object.fromEntries(json.articles.map((a) => [a.path.slice(a.path.lastIndexOf('/') + 1), `${a.source} (${a.sourceOrigin})`]));

describe('wire credits and agency names in other languages (review 27 #7)', () => {
  it('credits dpa, EFE, Lusa and Agência Brasil copy to the agency, not to the file name', () => {
    const { json } = report([`${FIXTURES}/credits`]);
    expect(sourceOf(json)).toEqual({
      'abr.txt': 'Agência Brasil (credit)',
      'afpfr.txt': 'AFP (credit)',
      'ansa.txt': 'ANSA (credit)',
      'dpa1.txt': 'dpa (credit)',
      'dpa2.txt': 'dpa (credit)',
      'dpa3.txt': 'dpa (credit)',
      'efe.txt': 'EFE (credit)',
      'lusa.txt': 'Lusa (credit)',
      'reuters_es.txt': 'Reuters (credit)',
    });
  });

  it('counts "Agencia EFE" in metadata and an EFE dateline as one source, and names the Deutsche Presse-Agentur dpa', () => {
    const { json } = report([`${FIXTURES}/efe2`]);
    expect(sourceOf(json)).toEqual({ 'a.jsonl:1': 'EFE (metadata)', 'b.txt': 'EFE (credit)', 'c.md': 'dpa (metadata)', 'd.md': 'AFP (metadata)' });
    const efe = json.stories.find((s) => s.articles.length === 2);
    expect(efe?.sources).toEqual(['EFE']);
  });

  it('selects the EFE stories by --source EFE, and credits the dpa text of the Halle story', () => {
    const { json, stderr } = report([`${FIXTURES}/intl`, '--source', 'EFE']);
    expect(stderr).not.toContain('no source of that name');
    expect(json.stories.length).toBeGreaterThan(0);
    for (const s of json.stories) expect(s.sources).toContain('EFE');
    const all = report([`${FIXTURES}/intl`]).json;
    expect(sourceOf(all)['mz_bruecke.txt']).toBe('dpa (credit)');
  });
});

describe('metadata dates in local forms (review 27 #8)', () => {
  it('reads every date of the file, with no warning', () => {
    const { json, stderr } = report([`${FIXTURES}/dates/d.jsonl`]);
    expect(stderr).not.toContain('not understood');
    const byDate = Object.fromEntries(json.articles.map((a) => [a.date, a.published]));
    expect(byDate).toEqual({
      '2 de marzo de 2026': '2026-03-02',
      'lunes, 2 de marzo de 2026 10:15': '2026-03-02T10:15:00',
      '4 août 2026': '2026-08-04',
      'mardi 4 août 2026 à 07h45': '2026-08-04T07:45:00',
      '26.11.2026': '2026-11-26',
      '26.11.2026, 09:40 Uhr': '2026-11-26T09:40:00',
      '16/02/2026 21h00': '2026-02-16T21:00:00',
      '16/02/2026': '2026-02-16',
      '2026-03-02 10:15:00': '2026-03-02T10:15:00',
      'Do, 26 Nov 2026 09:40:00 +0100': '2026-11-26T08:40:00Z',
    });
  });

  it('windows by them with --since/--until, which take the same forms', () => {
    const records = [
      { title: 'Descarrila un tren en Zaragoza', date: '2 de marzo de 2026', text: 'Un tren de mercancías con ácido sulfúrico descarriló el lunes en Casetas y obligó a desalojar a 1.200 vecinos.' },
      { title: 'Brücke in Halle eingestürzt', date: '26.11.2026, 09:40 Uhr', text: 'Ein Teilstück der Saalebrücke im Süden von Halle ist in der Nacht zum Donnerstag eingestürzt, zwei Menschen wurden verletzt.' },
      { title: 'Chuva em Petrópolis deixa mortos', date: '16/02/2026 21h00', text: 'O temporal que atingiu Petrópolis na segunda-feira deixou ao menos 14 mortos, segundo a Defesa Civil do estado.' },
    ];
    const input = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const shown = (args: readonly string[]): string[] => {
      const r = runCli(['-', '--json', ...args], { input });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as JsonReport;
      const ids = new Set(json.stories.flatMap((s) => s.articles));
      return json.articles.filter((a) => ids.has(a.id)).map((a) => a.date ?? '').sort();
    };
    expect(shown([])).toHaveLength(3);
    expect(shown(['--since', '26.11.2026'])).toEqual(['26.11.2026, 09:40 Uhr']);
    expect(shown(['--since', '1 de febrero de 2026', '--until', '1er mars 2026'])).toEqual(['16/02/2026 21h00']);
  });

  it('warns of a slashed date that can be read two ways, and reads none of it', () => {
    const r = runCli(['-', '--json'], { input: `${JSON.stringify({ title: 'Tren descarrila en Zaragoza', date: '03/04/2026', text: 'Un tren de mercancías descarriló el lunes en Casetas.' })}\n` });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('date not understood ("03/04/2026")');
    expect((JSON.parse(r.stdout) as JsonReport).articles[0]?.published ?? null).toBeNull();
  });
});

describe('--match and --source without accents (review 27 #10)', () => {
  const titles = (args: readonly string[]): string[] => report([`${FIXTURES}/intl`, ...args]).json.stories.map((s) => s.title);

  it('finds "Petrópolis" by "Petropolis", "Núñez" by "Nunez", "Saalebrücke" by "Saalebrucke" and "Saalebruecke"', () => {
    const petropolis = titles(['--match', 'Petropolis']);
    expect(petropolis).toHaveLength(1);
    expect(petropolis[0]).toContain('Petrópolis');
    // The Spanish story (José Ángel Núñez) and the French one (Laurent Nuñez).
    const nunez = titles(['--match', 'Nunez']);
    expect(nunez).toHaveLength(2);
    expect(nunez.some((t) => t.includes('tren')) && nunez.some((t) => t.includes('incendie'))).toBe(true);
    for (const p of ['Saalebrucke', 'Saalebruecke']) {
      const bridge = titles(['--match', p]);
      expect(bridge, p).toHaveLength(1);
      expect(bridge[0], p).toContain('Saalebrücke');
    }
  });

  it('takes a source name typed without accents', () => {
    const { json, stderr } = report([`${FIXTURES}/intl`, '--source', 'La Cronica de Zaragoza']);
    expect(stderr).not.toContain('no source of that name');
    expect(json.stories.length).toBe(1);
    expect(json.stories[0]?.sources).toContain('La Crónica de Zaragoza');
  });
});
