/** What a pledge's history says now: derived from the dated entries, never typed. */
import type { Pledge } from '../schemas/pledges';

export type PledgeStatus = Pledge['history'][number]['status'];

/** The latest entry: its status is the pledge's current status, its date the "as of" date. */
export function currentEntry(p: Pledge): Pledge['history'][number] {
  // History is validated to be in date order; the last entry is the newest.
  return p.history[p.history.length - 1]!;
}

export function currentStatus(p: Pledge): { status: PledgeStatus; asOf: string; lowConfidence: boolean } {
  const e = currentEntry(p);
  return { status: e.status, asOf: e.date, lowConfidence: e.confidence === 'low' };
}

/** Status words as a reader sees them, with a shape that does not rely on colour. */
export const STATUS_LOOK: Record<PledgeStatus, { label: string; icon: string; className: string }> = {
  pledged: { label: 'Pledged', icon: '○', className: 'st-pledged' },
  'in progress': { label: 'In progress', icon: '◐', className: 'st-progress' },
  done: { label: 'Done', icon: '●', className: 'st-done' },
  stalled: { label: 'Stalled', icon: '‖', className: 'st-stalled' },
  reversed: { label: 'Reversed', icon: '✕', className: 'st-reversed' },
  'no news': { label: 'No news', icon: '…', className: 'st-nonews' },
};
