/**
 * The `_headers` file as the static hosts the README names apply it, for tests that serve dist/
 * the way those hosts do. Both read the same syntax (a path line, then indented `Name: value`
 * lines; `#` comments) but combine rules differently:
 *
 * - Netlify (its headers parser, @netlify/headers-parser, and `headersForPath` in netlify-cli): a
 *   rule's path becomes `^/<parts>/?$`, case-insensitive, where `*` as a whole part matches
 *   anything (the part and the slash before it optional), `*` inside a part matches anything and
 *   `:name` matches one part. Every matching rule applies, in file order, and for each header name
 *   the LAST matching rule's value wins (no joining across rules). The same name twice in one rule
 *   is joined with ", ".
 * - Cloudflare Pages (developers.cloudflare.com/pages/configuration/headers; its rules engine in
 *   workers-sdk): a rule's path becomes `^<path>$` with `*` (one splat) matching anything and
 *   `:name` one part. Every matching rule applies, in file order, and values of the same header
 *   are JOINED with ", " ("If a header is applied twice in the _headers file, the values are joined
 *   with a comma separator"). `! Name` in a rule removes that header as set by earlier rules.
 */

export interface HeaderRule {
  path: string;
  /** Headers in the order written (names as written). */
  set: [string, string][];
  /** Cloudflare's `! Name` lines. */
  detach: string[];
}

export type Host = 'netlify' | 'cloudflare';
export const HOSTS: readonly Host[] = ['netlify', 'cloudflare'];

/** Parses a _headers file into rules, in order. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('/') || line.startsWith('https://')) {
      rules.push({ path: line, set: [], detach: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    if (!rule) throw new Error(`_headers: a header before any path: ${line}`);
    if (line.startsWith('!')) {
      rule.detach.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`_headers: not a "Name: value" line: ${line}`);
    rule.set.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** As escape-string-regexp does (Netlify's patterns use the u flag, where "\-" is an error). */
const escapeNetlify = (s: string) => s.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d');
/** As the Cloudflare rules engine's escapeRegex does. */
const escapeCloudflare = (s: string) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');

/** Netlify's path pattern (from @netlify/headers-parser's getForRegExp). */
export function netlifyPattern(path: string): RegExp {
  const parts = path
    .split('/')
    .map((p) => p.trimEnd())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(':')) return '([^/]+)';
      if (part === '*') return '?(.*)';
      if (part.includes('*')) return part.split('*').map(escapeNetlify).join('(.*)');
      return escapeNetlify(part);
    });
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu');
}

/** Cloudflare Pages' path pattern (from its rules engine's generateRuleRegExp). */
export function cloudflarePattern(path: string): RegExp {
  let rule = path.split('*').map(escapeCloudflare).join('(?<splat>.*)');
  for (const m of [...rule.matchAll(/:(\w+)/g)]) rule = rule.split(m[0]).join(`(?<${m[1]}>[^/]+)`);
  return new RegExp(`^${rule}$`);
}

/** The rules that apply to `pathname` on a host, in file order. */
export function matchingRules(rules: HeaderRule[], pathname: string, host: Host): HeaderRule[] {
  return rules.filter((r) => (host === 'netlify' ? netlifyPattern(r.path) : cloudflarePattern(r.path)).test(pathname));
}

/**
 * The headers a host sends for `pathname`, by lower-case name. `sources` says, per header, how many
 * rules contributed a value (more than one on Cloudflare means the values were joined).
 */
export function headersFor(rules: HeaderRule[], pathname: string, host: Host): { headers: Record<string, string>; sources: Record<string, number> } {
  const headers: Record<string, string> = {};
  const sources: Record<string, number> = {};
  for (const rule of matchingRules(rules, pathname, host)) {
    // Within one rule, both hosts join a repeated name.
    const own: Record<string, string> = {};
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      own[key] = own[key] === undefined ? value : `${own[key]}, ${value}`;
    }
    if (host === 'cloudflare')
      for (const name of rule.detach) {
        delete headers[name.toLowerCase()];
        delete sources[name.toLowerCase()];
      }
    for (const [key, value] of Object.entries(own)) {
      if (host === 'netlify' || headers[key] === undefined) {
        headers[key] = value;
        sources[key] = 1;
      } else {
        headers[key] = `${headers[key]}, ${value}`;
        sources[key] = (sources[key] ?? 1) + 1;
      }
    }
  }
  return { headers, sources };
}
