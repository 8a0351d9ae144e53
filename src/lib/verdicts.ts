/**
 * The words and shapes for a claim's verdict, in one place: the badge, the compact claim rows, the
 * tally under the title and the ledger's filters all read them. (Presentation, no facts.)
 */
import { VERDICTS, type Claim } from '../schemas/claims';

export type Verdict = Claim['verdict'];

export const VERDICT_LOOK: Record<
  Verdict,
  {
    /** A shape that says the verdict without colour. */
    icon: string;
    /** The badge on a compact row and the ledger's filter. */
    short: string;
    /** The badge on a full claim card. */
    long: string;
    /** "26 claims <phrase>": the tally's line. */
    phrase: string;
  }
> = {
  supported: { icon: '✓', short: 'Supported', long: 'Supported by sources', phrase: 'supported by the sources' },
  differs: { icon: '≠', short: 'Differs', long: 'Sources differ from the article', phrase: 'where the sources differ from the article' },
  disputed: { icon: '⇄', short: 'Disputed', long: 'Sources disagree', phrase: 'where the sources disagree among themselves' },
  unverified: { icon: '?', short: 'Not verified', long: 'Not verified', phrase: 'that could not be checked' },
};

export { VERDICTS };

/** The ledger's address that shows only one verdict's claims (works without JavaScript: see /claims/). */
export const ledgerHref = (v: Verdict): string => `/claims/#verdict-${v}`;
