/**
 * Warnings about what an edit left behind, found by comparing the data folder with its last commit
 * (git HEAD), when it is in a git repository:
 *
 * - a status or verdict changed while the note beside it did not (a crossing "reopened" whose note
 *   still says "no source reports it reopening"): the note may now be wrong, re-read it;
 * - a record that was already there changed, but data/corrections.json has no new entry for it: if a
 *   published fact changed, the log needs one.
 *
 * Neither can be judged from the data alone (only a person can tell a stale note from a note that
 * still holds, or a correction from an edit that adds nothing), so they are warnings: they are
 * printed, and neither validate nor the build stops for them. Without git, or for a file not in the
 * last commit, there is nothing to compare and nothing is said.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DATASET_NAMES, type DatasetName } from '../schemas/index';
import { placeProblems, type DataProblem } from './validation';

type Rec = Record<string, unknown>;

function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  const r = spawnSync('git', ['-C', cwd, ...args], { input, maxBuffer: 1 << 30 });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * The texts of files as the last commit has them (one git call for all), by path; a file that is
 * not in it (no git, no commit, a new file) is missing from the map.
 */
export function committedTexts(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  const root = git(resolve(paths[0]!, '..'), ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  if (!root) return out;
  const names = paths.map((p) => relative(root, resolve(p)).split('\\').join('/'));
  if (names.some((n) => n.startsWith('..'))) return out;
  const batch = git(root, ['cat-file', '--batch'], names.map((n) => `HEAD:${n}\n`).join(''));
  if (!batch) return out;
  // Each answer: "<sha> blob <size>\n<bytes>\n", or "<name> missing\n".
  let at = 0;
  for (const path of paths) {
    const eol = batch.indexOf(0x0a, at);
    const header = batch.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) continue;
    const size = Number(m[1]);
    out.set(path, batch.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const records = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter((r): r is Rec => !!r && typeof r === 'object' && typeof (r as Rec).id === 'string') : []);

/** The status a record shows now: a claim's verdict, or the last entry of a history. */
function currentStatus(r: Rec): string | undefined {
  if (typeof r.verdict === 'string') return r.verdict;
  if (Array.isArray(r.history) && r.history.length > 0) {
    const last = r.history[r.history.length - 1] as Rec;
    if (typeof last?.status === 'string') return `${last.status}${typeof last.date === 'string' ? ` on ${last.date}` : ''}`;
  }
  return undefined;
}

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/**
 * The part of a note to re-read: the first sentence that speaks of the old or the new status
 * ("reopened" finds "...reports the crossing reopening..."), else the note's beginning.
 */
export function passageAbout(note: string, statuses: (string | undefined)[]): string {
  const stems = statuses
    .flatMap((s) => (s ?? '').toLowerCase().split(/[^a-z]+/))
    .map((w) => w.replace(/(ed|ing|s)$/, ''))
    .filter((w) => w.length >= 4);
  const sentences = note.split(/(?<=[.!?])\s+/);
  const hit = sentences.find((t) => stems.some((w) => t.toLowerCase().includes(w)));
  return `"${short(hit ?? note, 160)}"`;
}

/** Stale notes in one record: the record's own, and those beside a status inside it (a history entry). */
function staleNotes(before: Rec, after: Rec): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const was = currentStatus(before);
  const now = currentStatus(after);
  if (was !== now && typeof after.note === 'string' && same(before.note, after.note)) {
    out.push({
      path: ['note'],
      message: `the current status changed since the last commit (${was ?? 'none'} → ${now ?? 'none'}) but the note did not: re-read it (${passageAbout(after.note, [was, now])}) and update it if it no longer holds`,
    });
  }
  for (const list of ['history', 'updates'] as const) {
    const a = before[list];
    const b = after[list];
    if (!Array.isArray(a) || !Array.isArray(b)) continue;
    b.forEach((entry: Rec, i) => {
      const old = a[i] as Rec | undefined;
      if (!old || typeof entry?.note !== 'string') return;
      for (const key of ['status', 'verdict'] as const) {
        if (key in entry && !same(old[key], entry[key]) && same(old.note, entry.note)) {
          out.push({
            path: [list, i, 'note'],
            message: `the ${key} of this entry changed since the last commit (${String(old[key])} → ${String(entry[key])}) but its note did not: re-read it (${passageAbout(entry.note, [String(old[key]), String(entry[key])])}) and update it if it no longer holds`,
          });
        }
      }
    });
  }
  return out;
}

/**
 * Warnings for the data in `dir` against its last commit (see the top of this file). `fileOf`
 * names files as the problems do.
 */
export function changeWarnings(dir: string, fileOf: (name: DatasetName) => string): DataProblem[] {
  const warnings: DataProblem[] = [];
  const paths = DATASET_NAMES.map((name) => join(dir, `${name}.json`)).filter((p) => existsSync(p));
  const committed = committedTexts(paths);
  const read = (name: DatasetName) => {
    const path = join(dir, `${name}.json`);
    const before = committed.get(path);
    if (before === undefined) return undefined;
    try {
      const text = readFileSync(path, 'utf8');
      return { text, now: records(JSON.parse(text)), then: records(JSON.parse(before)) };
    } catch {
      return undefined;
    }
  };
  const corrections = read('corrections');
  const loggedNow = new Set<string>();
  if (corrections) {
    const old = new Set(corrections.then.map((c) => c.id));
    for (const c of corrections.now) if (!old.has(c.id) && typeof c.record === 'string') loggedNow.add(c.record);
  }
  for (const name of DATASET_NAMES) {
    if (name === 'corrections') continue;
    const files = read(name);
    if (!files) continue;
    const then = new Map(files.then.map((r) => [r.id as string, r]));
    const mine: DataProblem[] = [];
    files.now.forEach((rec, index) => {
      const old = then.get(rec.id as string);
      if (!old || same(old, rec)) return;
      const base = { file: fileOf(name), record: rec.id as string, index, warning: true };
      for (const s of staleNotes(old, rec))
        mine.push({ ...base, path: s.path, field: s.path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join(''), message: s.message });
      if (corrections && !loggedNow.has(`${name}/${rec.id as string}`)) {
        const fields = [...new Set([...Object.keys(old), ...Object.keys(rec)])].filter((k) => !same(old[k], rec[k]));
        mine.push({
          ...base,
          path: [],
          field: '',
          message: `changed since the last commit (${fields.join(', ')}), and data/corrections.json has no new entry for "${name}/${rec.id as string}": if a published fact changed, log it there (README: "Correcting a published record"); an edit that changes no published fact needs none`,
        });
      }
    });
    placeProblems(files.text, mine);
    warnings.push(...mine);
  }
  return warnings;
}
