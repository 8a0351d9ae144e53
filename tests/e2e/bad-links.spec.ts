/**
 * Links that ask the live map for a view it cannot show: an infinite zoom or coordinates past the
 * pole are dropped, a view beyond the map's zoom range or bounds is brought inside it; the map is
 * drawn either way, with no error.
 */
import { expect, test } from '@playwright/test';

const nines = '9'.repeat(400);
for (const view of [`${nines}/27/62`, `7/${nines}/62`, `7/27/${nines}`, `7/27/-${nines}`, '30/89/179', '0/-89.5/-179.5']) {
  test(`#map=all&view=${view.length > 40 ? `${view.slice(0, 12)}…` : view} still draws the map`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`/#map=all&view=${view}`);
    await expect(page.locator('[data-live-map]')).toHaveAttribute('data-state', 'live');
    await expect(page.locator('.map-canvas .leaflet-marker-icon.map-crossing').first()).toBeVisible();
    // Leaflet's panes are placed by a transform: a view it could not place leaves NaN there.
    const transforms = await page.locator('.map-canvas .leaflet-pane').evaluateAll((panes) => panes.map((p) => (p as HTMLElement).style.transform).join(' '));
    expect(transforms).not.toMatch(/NaN|Infinity/);
    expect(errors).toEqual([]);
  });
}
