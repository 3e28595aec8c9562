// A regional adoption agency's workspace for the page benchmarks: from a fresh profile, the
// demonstration cleared, the authorities named in the settings, then one file of every child
// imported, each row naming its authority (the optional `authority` column).
import { AUTHORITIES, syntheticCsv } from './synthetic.mjs';

/**
 * Sets up `authorities` authorities of `each` children on `page` (a fresh profile), the
 * as-of date 30/06/2015. `importChildren(page, csv, total)` imports the file and returns what
 * it measured, which this returns.
 */
export async function agencyWorkspace(page, origin, importChildren, authorities = 8, each = 300) {
  const children = authorities * each;
  await page.goto(`${origin}#/records`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('.banner--demo').getByRole('button', { name: 'Clear demonstration data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear demonstration data' }).click();
  await page.locator('.banner--demo').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const name = page.getByLabel('Authority name', { exact: true });
  await name.fill(AUTHORITIES[0]);
  await name.blur();
  for (const other of AUTHORITIES.slice(1, authorities)) {
    await page.getByLabel("New authority's name").fill(other);
    await page.getByRole('button', { name: 'Add authority' }).click();
    await page.locator('#authorities-table th', { hasText: other }).waitFor();
  }
  await page.goto(`${origin}#/records?authority=all`);
  await page.locator('main[data-view="all"]').waitFor();
  const measured = await importChildren(page, syntheticCsv(children, '2015-06-30', 7, { authorities }), children);
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel('As of date', { exact: true }).fill('30/06/2015');
  await page.getByLabel('As of date', { exact: true }).blur();
  return measured;
}

/** Opens the forecast on `view` ("1", "all") and waits until its Monte Carlo has settled. */
export async function forecastOn(page, origin, view) {
  await page.goto(`${origin}#/forecast?authority=${view}`);
  await page.locator(`main[data-view="${view}"]`).waitFor();
  await page.getByRole('heading', { name: 'Trajectory' }).waitFor();
  await page.waitForFunction(() => document.querySelector('.first-screen__chart')?.getAttribute('aria-busy') === 'false', null, { timeout: 120000 });
  await page.waitForTimeout(1000);
}
