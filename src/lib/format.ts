/** One place for how numbers, money and dates read on the site. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-08-03" -> "3 Aug 2025"; "2025-08" -> "Aug 2025"; "2025" -> "2025". `long` spells the month out. */
export function formatDate(iso: string, opts: { long?: boolean } = {}): string {
  const [y, m, d] = iso.split('-');
  const names = opts.long ? MONTHS_LONG : MONTHS;
  if (!m) return y!;
  const month = names[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A span of dates: "15-16 Sep 2025", "13-24 Jun 2025", "30 Jul-1 Aug 2025". */
export function formatDateRange(start: string, end?: string): string {
  if (!end || end === start) return formatDate(start);
  const [ys, ms, ds] = start.split('-');
  const [ye, me, de] = end.split('-');
  if (ds && de && ys === ye && ms === me) return `${Number(ds)}–${formatDate(end)}`;
  if (ds && de && ys === ye) return `${Number(ds)} ${MONTHS[Number(ms) - 1]}–${formatDate(end)}`;
  return `${formatDate(start)}–${formatDate(end)}`;
}

const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** 4000 -> "4,000"; 3.129 -> "3.13". */
export function formatNumber(n: number, maximumFractionDigits = 2): string {
  return maximumFractionDigits === 2 ? nf.format(n) : new Intl.NumberFormat('en-GB', { maximumFractionDigits }).format(n);
}

export interface MoneyLike {
  value: number;
  currency: 'USD' | 'PKR';
  unit: 'one' | 'thousand' | 'million' | 'billion';
}

const UNIT_FACTOR = { one: 1, thousand: 1e3, million: 1e6, billion: 1e9 } as const;
const UNIT_SHORT = { one: '', thousand: 'k', million: 'm', billion: 'bn' } as const;

/** The amount in plain currency units (e.g. US dollars). */
export function moneyValue(m: MoneyLike): number {
  return m.value * UNIT_FACTOR[m.unit];
}

/** {3.1, USD, billion} -> "$3.1 bn"; {29.79, USD, million} -> "$29.79 m"; {44.2, PKR, billion} -> "Rs44.2 bn". */
export function formatMoney(m: MoneyLike): string {
  const symbol = m.currency === 'USD' ? '$' : 'Rs';
  const unit = UNIT_SHORT[m.unit];
  return `${symbol}${formatNumber(m.value)}${unit ? `\u00a0${unit}` : ''}`;
}

/** A count that sources report differently: "7–9" or "7". */
export function formatRange(r: { min: number; max: number }): string {
  return r.min === r.max ? formatNumber(r.min) : `${formatNumber(r.min)}–${formatNumber(r.max)}`;
}

/** "1 source" / "3 sources". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text a reader sees in a fragment of rendered HTML: tags dropped, character references decoded.
 * For attributes made from rendered slots (an aria-label): Astro escapes attribute values itself, so
 * text left escaped here would be escaped twice and read aloud as "Iran&#39;s".
 */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? ref;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    })
    .trim();
}
