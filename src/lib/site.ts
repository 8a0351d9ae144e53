/**
 * The site's public address. `SITE` sets it at build time (canonical links, share cards, embed
 * codes, citations and schema ids are absolute); without it the build uses the local preview's
 * address, which is right on this machine and wrong anywhere else, so the build warns.
 */
export const DEFAULT_SITE = 'http://127.0.0.1:4321';

/** The address the build is for, and whether it is only the default. */
export function buildSite(env: Record<string, string | undefined> = process.env): { site: string; isDefault: boolean } {
  const site = env.SITE?.trim() || DEFAULT_SITE;
  return { site, isDefault: new URL(site).origin === new URL(DEFAULT_SITE).origin };
}

/** The warning printed when a build has no SITE of its own. */
export function defaultSiteWarning(site: string = DEFAULT_SITE): string {
  return [
    `Warning: SITE is not set, so every absolute address in this build (canonical links, share cards and pages, the embed codes' fallback text, BibTeX entries, JSON Schema ids) points at ${site}.`,
    'That is right for trying the site on this machine; for a build you publish, set the public address:',
    '  SITE=https://your.domain npm run build',
  ].join('\n');
}
