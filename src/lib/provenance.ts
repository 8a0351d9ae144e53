/**
 * Source lines that never cut provenance short: a figure lists its first few sources and puts the
 * rest one click away ("and N more"), so every source behind a chart is on the page.
 */

/** How many sources a figure's source line shows before "and N more". */
export const SOURCES_SHOWN = 8;

/** The distinct ids in order, split into those shown in the line and the rest (empty when few). */
export function splitSources(ids: readonly string[], shown = SOURCES_SHOWN): { all: string[]; shown: string[]; more: string[] } {
  const all = [...new Set(ids)];
  // Showing all but one behind a "1 more" control would hide nothing worth hiding: list them all.
  if (all.length <= shown + 1) return { all, shown: all, more: [] };
  return { all, shown: all.slice(0, shown), more: all.slice(shown) };
}
