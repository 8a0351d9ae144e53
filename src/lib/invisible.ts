/**
 * Characters a reader cannot see that change what a reader sees: direction controls (a name shows
 * reversed), zero-width characters (a name looks right but matches nothing), joiners and direction
 * marks where the script does not use them. Checked in every text of every dataset.
 */

/** Reorder the text around them: never wanted in this data (the page sets direction itself, with dir). */
const DIRECTION_CONTROLS: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};
/** Take no space and show nothing. */
const INVISIBLE: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x3164: 'HANGUL FILLER',
};
/** Part of how Persian and Urdu are written (ZWNJ in می‌رود): allowed between two letters of such a script. */
const JOINERS: Record<number, string> = { 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER' };
/** Direction marks: allowed in text that has right-to-left letters. */
const MARKS: Record<number, string> = { 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x061c: 'ARABIC LETTER MARK' };

const ANY = /[\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff]/;
const ANY_ALL = new RegExp(ANY.source, 'g');
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** A letter (or mark) of a script past Latin, Greek and Cyrillic: the scripts whose writing uses joiners. */
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const joins = (ch: string | undefined) => ch !== undefined && JOINING_LETTER.test(ch) && ch.codePointAt(0)! >= 0x0590;

const code = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text around `index`, with the character itself written as its code, for the message. */
function context(s: string, index: number, cp: number): string {
  const before = s.slice(Math.max(0, index - 20), index);
  const after = s.slice(index + 1, index + 21).replace(ANY_ALL, '?');
  return `"${index > 20 ? '…' : ''}${before.replace(ANY_ALL, '?')}[${code(cp)}]${after}${index + 21 < s.length ? '…' : ''}"`;
}

/**
 * Why `s` holds a character that must not be there, as a message ("expected ..., got ..."), or
 * undefined when it holds none. Only the first such character is named.
 */
export function invisibleCharacterProblem(s: string): string | undefined {
  if (!ANY.test(s)) return undefined;
  const rtl = RTL_LETTER.test(s);
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    const where = `at character ${i + 1}, ${context(s, i, cp)}`;
    if (DIRECTION_CONTROLS[cp])
      return `expected text without direction controls, got ${code(cp)} ${DIRECTION_CONTROLS[cp]} ${where}: it reorders how the text is shown (a name can show reversed); delete it`;
    if (INVISIBLE[cp])
      return `expected text without invisible characters, got ${code(cp)} ${INVISIBLE[cp]} ${where}: it shows nothing but makes the text differ from what it looks like; delete it`;
    if (JOINERS[cp] && !(joins(s[i - 1]) && joins(s[i + 1])))
      return `expected a ${JOINERS[cp]} only between two letters of a script that uses it (Persian, Urdu), got ${code(cp)} ${where}; delete it`;
    if (MARKS[cp] && !rtl) return `expected a direction mark only in right-to-left text, got ${code(cp)} ${MARKS[cp]} ${where}; delete it`;
  }
  return undefined;
}
