/**
 * The validator's messages, as an editor reads them: one fixture for each kind of message, each
 * checked word for word, with the record's number (1-based) and the line it starts on, the field's
 * own line, the expected shape with an example, both records of a duplicate id, the nearest id for
 * a mistyped reference; and the warnings an edit can leave behind (a stale note, a change not in
 * the corrections log), found against the last commit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changeWarnings, passageAbout } from '../../src/lib/changes';
import { editDistance, formatProblem, nearest, readDatasets } from '../../src/lib/validation';

type Rec = Record<string, any>;
type Data = Record<string, Rec[]>;

const root = mkdtempSync(join(tmpdir(), 'ipx-messages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function real(): Data {
  const d: Data = {};
  for (const f of readdirSync('data').filter((f) => f.endsWith('.json'))) d[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join('data', f), 'utf8'));
  return d;
}

let n = 0;
/** Writes the data (pretty-printed, as editors keep it) and returns the validator's lines. */
function validate(d: Data): { lines: string[]; dir: string } {
  const dir = join(root, `d${n++}`);
  cpSync('data', dir, { recursive: true });
  for (const [k, v] of Object.entries(d)) writeFileSync(join(dir, `${k}.json`), `${JSON.stringify(v, null, 2)}\n`);
  const { problems } = readDatasets(dir);
  const prefix = `${relative(process.cwd(), dir)}/`;
  return { lines: problems.map(formatProblem).map((l) => l.replace(prefix, '')), dir };
}

/** The first line of record `index` of a list written with JSON.stringify(list, null, 2). */
function startLine(list: Rec[], index: number): number {
  let line = 2;
  for (let k = 0; k < index; k++) line += JSON.stringify(list[k], null, 2).split('\n').length;
  return line;
}

/** The line of the record's own field `"key":` (not a nested one) inside record `index`. */
function keyLine(list: Rec[], index: number, key: string): number {
  const lines = JSON.stringify(list[index], null, 2).split('\n');
  const k = lines.findIndex((l) => l.startsWith(`  "${key}":`));
  if (k < 0) throw new Error(`no ${key}`);
  return startLine(list, index) + k;
}

describe('messages an editor can act on', () => {
  it("a count written as text: the shape expected, with the editor's own number in the example", () => {
    const d = real();
    const i = d.incidents!.findIndex((r) => r.killed);
    const r = d.incidents![i]!;
    r.killed = '4';
    const { lines } = validate(d);
    expect(lines).toEqual([
      `incidents.json:${keyLine(d.incidents!, i, 'killed')}:5: record ${i + 1} (${r.id}, from line ${startLine(d.incidents!, i)}), field killed: expected an object like {"min": 4, "max": 4} (fields min, max; optional note), got the text "4"`,
    ]);
  });

  it('a count with no number in it gets the plain example', () => {
    const d = real();
    d.incidents![0]!.killed = 'two';
    expect(validate(d).lines[0]).toMatch(
      /field killed: expected an object like \{"min": 2, "max": 2\} \(fields min, max; optional note\), got the text "two"$/,
    );
  });

  it('a missing id: the record by number and first line (no id to name it by)', () => {
    const d = real();
    delete d.incidents![3]!.id;
    const line = startLine(d.incidents!, 3);
    expect(validate(d).lines).toEqual([
      `incidents.json:${line}:3: record 4 (no id, from line ${line}), field id: the field is missing: expected a kebab-case id like "taftan-mirjaveh"`,
    ]);
  });

  it('a missing field without a message of its own: the type and what the field is for', () => {
    const d = real();
    delete d.events![1]!.title;
    const line = startLine(d.events!, 1);
    expect(validate(d).lines).toEqual([
      `events.json:${line}:3: record 2 (${d.events![1]!.id}, from line ${line}), field title: the field is missing: expected a text in double quotes (A short headline ("Pezeshkian's state visit to Pakistan"))`,
    ]);
  });

  it('a duplicate id names both records and their lines', () => {
    const d = real();
    const copy = structuredClone(d.crossings![1]!);
    d.crossings!.push(copy);
    const last = d.crossings!.length - 1;
    expect(validate(d).lines).toEqual([
      `crossings.json:${keyLine(d.crossings!, last, 'id')}:5: record ${last + 1} (${copy.id}, from line ${startLine(d.crossings!, last)}), field id: expected a unique id, got "${copy.id}", the id of record 2 too (from line ${startLine(d.crossings!, 1)}): give one of the two records another id, or remove it if it is a copy`,
    ]);
  });

  it('a mistyped source id: the nearest source id', () => {
    const d = real();
    const r = d.incidents![5]!;
    const meant = r.sourceIds[0] as string;
    r.sourceIds[0] = `${meant.slice(0, -1)}x`;
    expect(validate(d).lines).toEqual([
      `incidents.json:${keyLine(d.incidents!, 5, 'sourceIds') + 1}:7: record 6 (${r.id}, from line ${startLine(d.incidents!, 5)}), field sourceIds[0]: expected the id of a source in data/sources.json, got "${meant.slice(0, -1)}x"; did you mean "${meant}"?`,
    ]);
  });

  it('a source id nothing is near: no guess', () => {
    const d = real();
    d.incidents![0]!.sourceIds = ['zzzzzzzzzzzzzzzzzz'];
    expect(validate(d).lines[0]).toMatch(/got "zzzzzzzzzzzzzzzzzz"$/);
  });

  it('a mistyped reference to a record, and a mistyped correction target: the nearest existing one', () => {
    const d = real();
    const claim = d.claims!.find((c) => c.about?.some((a: string) => a.startsWith('incidents/')))!;
    const k = claim.about.findIndex((a: string) => a.startsWith('incidents/'));
    const meant = claim.about[k] as string;
    claim.about[k] = meant.replace(/-(\w)/, '-$1$1');
    const corr = d.corrections![0]!;
    const target = corr.record as string;
    corr.record = target.slice(0, -1);
    const { lines } = validate(d);
    expect(lines.find((l) => l.includes(`field about[${k}]`))).toMatch(
      new RegExp(`expected a reference to an existing record, got "${claim.about[k]}"; did you mean "${meant}"\\?$`),
    );
    expect(lines.find((l) => l.includes('field record'))).toMatch(new RegExp(`got "${target.slice(0, -1)}"; did you mean "${target}"\\?$`));
  });

  it('a misspelt field and a value outside the vocabulary: the nearest name', () => {
    const d = real();
    d.events![0]!.titel = d.events![0]!.title;
    delete d.events![0]!.title;
    d.incidents![0]!.side = 'Pakistan';
    const { lines } = validate(d);
    expect(lines.find((l) => l.includes('field titel'))).toMatch(/field titel: unexpected field: it is not a field of this record; did you mean "title"\?$/);
    expect(lines.find((l) => l.includes('field side'))).toMatch(/field side: expected "iran" or "pakistan", got "Pakistan"; did you mean "pakistan"\?$/);
  });

  it("a kind that is not one of a mixed dataset's kinds: the nearest kind", () => {
    const d = real();
    d.trade![0]!.kind = 'flwo';
    expect(validate(d).lines[0]).toMatch(
      /record 1 \([a-z0-9-]+, from line 2\), field kind: expected kind "flow", "target" or "headline", got "flwo"; did you mean "flow"\?$/,
    );
  });

  it('a number in quotes: written without them', () => {
    const d = real();
    const i = d.places!.findIndex((p) => p.location);
    d.places![i]!.location.lat = String(d.places![i]!.location.lat);
    expect(validate(d).lines[0]).toMatch(
      /field location\.lat: expected a latitude in decimal degrees, got the text "[\d.]+": write it without quotes, [\d.]+$/,
    );
  });

  it('one source id where a list is expected: the list it belongs in', () => {
    const d = real();
    const id = d.events![0]!.sourceIds[0];
    d.events![0]!.sourceIds = id;
    expect(validate(d).lines[0]).toMatch(new RegExp(`field sourceIds: expected a list in \\[ \\], like \\["${id}"\\], got the text "${id}"$`));
  });

  it("every mistake at once, schema and cross-file, each file's in the order of its lines", () => {
    const d = real();
    d.incidents![0]!.killed = '2';
    delete d.incidents![3]!.id;
    d.incidents![5]!.sourceIds = ['no-such-source'];
    d.incidents!.push(structuredClone(d.incidents![1]!));
    const { lines } = validate(d);
    expect(lines.map((l) => /record (\d+)/.exec(l)![1])).toEqual(['1', '4', '6', String(d.incidents!.length)]);
  });
});

describe('nearest ids', () => {
  it('measures edits and gives up past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
  it('suggests only what is near enough to be a typo, and a different case first', () => {
    expect(nearest('dawn-182564x', ['dawn-1825641', 'dawn-1825642x9'])).toBe('dawn-1825641');
    expect(nearest('Pakistan', ['iran', 'pakistan'])).toBe('pakistan');
    expect(nearest('completely-different', ['dawn-1825641'])).toBeUndefined();
  });
});

describe('npm run validate says what it did', () => {
  it('it checks and builds nothing: its summary never says "Nothing was built"', () => {
    const d = real();
    d.incidents![0]!.date = 'soon';
    const dir = validate(d).dir;
    const r = spawnSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/validate.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 problem in .*\. Fix the problems and run npm run validate again \(it only checks: it builds nothing/);
    expect(r.stderr).not.toMatch(/Nothing was built/);
  });
});

describe('warnings about what an edit left behind (against the last commit)', () => {
  const git = (dir: string, ...args: string[]) => {
    const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  /** A repository holding the real data, committed; returns the data folder in it. */
  function repo(): string {
    const dir = join(root, `repo${n++}`);
    cpSync('data', join(dir, 'data'), { recursive: true });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.email=editor@example.invalid', '-c', 'user.name=Editor', 'commit', '-qm', 'data as published');
    return join(dir, 'data');
  }
  const edit = (dir: string, name: string, change: (list: Rec[]) => void) => {
    const list = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Rec[];
    change(list);
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(list, null, 2)}\n`);
    return list;
  };
  const warn = (dir: string) => changeWarnings(dir, (name) => `${name}.json`).map(formatProblem);

  it('a crossing reopened with its note unchanged: re-read the note, quoting the sentence that speaks of it', () => {
    const dir = repo();
    const list = edit(dir, 'crossings', (l) => {
      const c = l.find((x) => x.id === 'mand-pishin')!;
      c.history.push({ date: '2026-01', status: 'reopened', note: 'Reopened.', sourceIds: c.history.at(-1).sourceIds });
    });
    const i = list.findIndex((x) => x.id === 'mand-pishin');
    const lines = warn(dir);
    expect(lines).toContain(
      `crossings.json:${keyLine(list, i, 'note')}:5: warning: record ${i + 1} (mand-pishin, from line ${startLine(list, i)}), field note: the current status changed since the last commit (closed on 2025-06-15 → reopened on 2026-01) but the note did not: re-read it ("No source read reports the crossing reopening after the June 2025 closure.") and update it if it no longer holds`,
    );
    expect(lines.find((l) => /mand-pishin.*no new entry for "crossings\/mand-pishin"/.test(l))).toBeDefined();
  });

  it('nothing to say once the note is updated and the correction logged', () => {
    const dir = repo();
    edit(dir, 'crossings', (l) => {
      const c = l.find((x) => x.id === 'mand-pishin')!;
      c.history.push({ date: '2026-01', status: 'reopened', note: 'Reopened.', sourceIds: c.history.at(-1).sourceIds });
      c.note = 'Not to be confused with Pishin near Quetta, in Pakistan. Reopened in January 2026.';
    });
    edit(dir, 'corrections', (l) => l.push({ ...l[0], id: 'mand-pishin-reopened', record: 'crossings/mand-pishin' }));
    expect(warn(dir)).toEqual([]);
  });

  it('a claim whose verdict changed beside an unchanged note, and a pledge entry whose status changed beside its old note', () => {
    const dir = repo();
    const claims = edit(dir, 'claims', (l) => {
      const c = l.find((x) => x.note)!;
      c.verdict = c.verdict === 'supported' ? 'differs' : 'supported';
    });
    edit(dir, 'pledges', (l) => {
      const e = l[0]!.history[0];
      e.status = e.status === 'done' ? 'stalled' : 'done';
    });
    const lines = warn(dir);
    const c = claims.find((x) => x.note)!;
    expect(lines.find((l) => l.includes(`(${c.id},`) && l.includes('field note:'))).toMatch(
      /the current status changed since the last commit \(\w+ → \w+\) but the note did not/,
    );
    expect(lines.find((l) => l.startsWith('pledges.json') && l.includes('field history[0].note:'))).toMatch(
      /the status of this entry changed since the last commit .* but its note did not/,
    );
  });

  it('outside a git repository there is nothing to compare, and nothing is said', () => {
    const d = real();
    expect(changeWarnings(validate(d).dir, (name) => name)).toEqual([]);
  });

  it('a passage is found by the status it speaks of', () => {
    expect(passageAbout('First. It has not reopened since. Third.', ['closed', 'reopened'])).toBe('"It has not reopened since."');
    expect(passageAbout('Nothing about it here.', ['planned'])).toBe('"Nothing about it here."');
  });
});
