/**
 * The site's name, its credit, the layout breakpoint the charts share, and its public address: each
 * written once, here.
 */

/** The explainer's title (the home page, the share cards and pages). */
export const SITE_TITLE = "Iran and Pakistan after Pezeshkian's visit: what the pledges rest on";
/** The project's title in citations, the data package and the feed. */
export const PROJECT_TITLE = "Iran and Pakistan after Pezeshkian's visit: a sourced explainer";
/** Who the charts, data and citations are credited to. */
export const PROJECT_AUTHOR = 'Iran-Pakistan explainer data desk';

/** Below this width (px) a chart takes its narrow layout (the trade, pipeline and incidents models). */
export const NARROW_BELOW = 560;

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
