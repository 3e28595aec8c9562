// Action plans, as a manager writes them: a performance action plan started from a red
// figure with the forecast's own figures, an improvement plan with themes, activities,
// statuses in words, filters and counts, the actions CSV, the link from the forecast screen,
// and everything kept over a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, chooseFile, downloadText, confirmImport, clearDemonstration, figuresOnBasis } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1280, height: 1000 });
});

after(async () => {
  await app.close();
});

// One child adopted in each of 2013-14, 2014-15 and 2015-16, each after 500 days of A1: as of
// 15/01/2016 the period ending this March, 2013-16, averages 500 days against 426.
const CSV = [
  'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order',
  'C0,10/10/2011,18/01/2012,27/04/2012,01/02/2013,21/02/2013,01/06/2013',
  'C1,09/10/2012,17/01/2013,27/04/2013,01/02/2014,21/02/2014,01/06/2014',
  'C2,09/10/2013,17/01/2014,27/04/2014,01/02/2015,21/02/2015,01/06/2015',
  '',
].join('\n');

/** An activity as a manager pastes it from a plan written in Word: two paragraphs. */
const PASTED = 'Family finding from the SHOBPA decision.\n\nWeekly review of every child waiting over 4 months.';

async function fill(label, value) {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(value);
  await box.blur();
}

test('a red figure starts a performance action plan with the forecast\'s own figures', async () => {
  await app.open(page, '#/records');
  await clearDemonstration(page);
  await chooseFile(page, 'Import records', 'children.csv', CSV);
  await confirmImport(page);
  await page.locator('.records__count', { hasText: 'Showing 3 of 3 children' }).waitFor();
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await fill('As of date', '15/01/2016');
  // The forecast's own figure: 500 days.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  // The figure from the children in the data, as the plan's figures are.
  await page.getByRole('switch', { name: 'With the adoptions we expect' }).uncheck();
  await figuresOnBasis(page, 'from the children in the data only');
  const card = page.locator('.figures td[data-indicator="A1"][data-period="2013-16"] .figures__value').first();
  assert.equal((await card.innerText()).trim(), '500 days');

  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  const red = page.locator('.plans__red li', { hasText: 'A1 2013-16' });
  assert.match(await red.innerText(), /500 days \+ \/ - Threshold: \+74 days/);
  await page.getByRole('button', { name: 'Start a performance action plan for A1 2013-16' }).click();
  const plan = page.locator('section.plan', { hasText: 'Performance action plan: A1 2013-16' });
  await plan.waitFor();
  // The figure, when and on what basis it was taken.
  assert.equal((await plan.locator('.performance__gap').innerText()).trim(),
    '500 days + / - Threshold: +74 days (as of 15/01/2016, from the children in the data only)');
  assert.match(await plan.innerText(), /Target\s+426 days/);
  assert.match(await plan.innerText(), /Required pace from now on\s+(Nothing is left open|To reach)/);
  // Every child of 2013-16 is adopted: none is left to move the figure.
  assert.match(await plan.innerText(), /Children still able to move the figure \(as of 15\/01\/2016\)\s+None/);
  // Its owner and review date are set on the plan itself, and printed with it.
  await fill('Owner of Performance action plan: A1 2013-16', 'Service manager');
  await fill('Review date (DD/MM/YYYY) of Performance action plan: A1 2013-16', '29/02/2016');
  await plan.locator('.plan__meta', { hasText: 'Owner: Service manager. Review date: 29/02/2016.' }).waitFor();
  assert.equal(await page.locator('.plans__meta').innerText(),
    'Action plans as of 15/01/2016; figures from the children in the data only.');
  await fill('Reason for non-compliance', 'Court delays, and few adopters for older children.');
  await fill('Review notes', 'First review: no movement yet.');
  await page.getByRole('button', { name: 'Record a review' }).click();
  await plan.locator('li', { hasText: '15/01/2016: 500 days – First review: no movement yet.' }).waitFor();
  await app.screenshot(page, 'plans-01-performance');
});

test('an improvement plan with themes, activities, statuses in words, filters and counts', async () => {
  await fill('Plan title', 'Service plan');
  await fill('Plan owner', 'Head of service');
  await fill('Review date (DD/MM/YYYY)', '31/03/2016');
  await page.getByRole('button', { name: 'Start plan' }).click();
  const plan = page.locator('section.plan', { hasText: 'Owner: Head of service. Review date: 31/03/2016.' });
  await plan.waitFor();
  await fill('New theme for Service plan', 'Timeliness');
  await plan.getByRole('button', { name: 'Add theme' }).click();
  await plan.getByRole('heading', { name: '1. Timeliness' }).waitFor();
  const add = async (what, lead, timescale, status) => {
    await fill('Activity', what);
    await fill('Lead', lead);
    await fill('Timescale (DD/MM/YYYY or month and year)', timescale);
    await page.getByLabel('Status', { exact: true }).selectOption(status);
    await plan.getByRole('button', { name: 'Add activity' }).click();
    await plan.locator('tbody th', { hasText: what }).waitFor();
  };
  await add('Track every child monthly, with "named" leads', 'Service manager', 'July 2015', 'Red');
  await add('Recruit adopters for older children', 'Recruitment lead', '31/03/2016', 'Completed');
  // An activity pasted from a plan written in Word keeps its paragraphs, as does its outcome.
  await fill('Activity', PASTED);
  await fill('Outcome (evidence of success)', 'Panel minutes show:\n- matches within 4 months');
  await fill('Timescale (DD/MM/YYYY or month and year)', 'March 2016');
  await page.getByLabel('Status', { exact: true }).selectOption('Amber');
  await plan.getByRole('button', { name: 'Add activity' }).click();
  const pastedRow = plan.locator('tbody tr', { hasText: 'Family finding from the SHOBPA decision.' });
  await pastedRow.waitFor();
  assert.equal(await pastedRow.locator('th').innerText(), `1.3 ${PASTED}`);
  assert.match(await pastedRow.innerText(), /Panel minutes show:\n- matches within 4 months/);
  // Counts by status, in words.
  const counts = await page.locator('.plans__counts li').allInnerTexts();
  assert.ok(counts.includes('Red: 1') && counts.includes('Completed: 1') && counts.includes('Amber: 1'), counts.join(', '));
  // July 2015 has passed and the activity is not completed: overdue.
  const row = plan.locator('tbody tr', { hasText: 'Track every child monthly' });
  assert.match(await row.innerText(), /July 2015\s+Overdue/);
  await page.getByLabel('Overdue activities only', { exact: true }).check();
  assert.equal(await plan.locator('tbody tr').count(), 1);
  await page.getByLabel('Overdue activities only', { exact: true }).uncheck();
  await page.getByLabel('Show status', { exact: true }).selectOption('Completed');
  assert.deepEqual(
    (await plan.locator('tbody th').allInnerTexts()).map((t) => t.trim()),
    ['1.2 Recruit adopters for older children'],
  );
  await page.getByLabel('Show status', { exact: true }).selectOption('');
  // A dated update.
  await fill('Update on activity 1.1', 'Tracking meeting set up; first two held.');
  await plan.getByRole('button', { name: 'Add update to activity 1.1' }).click();
  await row.locator('li', { hasText: '15/01/2016: Tracking meeting set up; first two held.' }).waitFor();
  await app.screenshot(page, 'plans-02-improvement');

  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download actions (CSV)' }).click());
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'plan,theme,activity,lead,timescale,status,outcome,last_update');
  assert.ok(
    lines.includes('Service plan,Timeliness,"Track every child monthly, with ""named"" leads",Service manager,July 2015,Red,,15/01/2016: Tracking meeting set up; first two held.'),
    csv.text,
  );
  // The pasted paragraphs are in the file exactly, inside one quoted cell.
  assert.ok(
    csv.text.includes(`Service plan,Timeliness,"${PASTED}",,March 2016,Amber,"Panel minutes show:\n- matches within 4 months",\r\n`),
    csv.text,
  );
});

test('plans survive a reload and the forecast screen links to what needs attention', async () => {
  await page.reload();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Reason for non-compliance', { exact: true }).inputValue(),
    'Court delays, and few adopters for older children.');
  assert.equal(await page.locator('section.plan').count(), 2);
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  const link = page.locator('.forecast__plans');
  await link.waitFor();
  assert.match(await link.innerText(), /Action plans: 1 activity red, 1 overdue\./);
  await link.getByRole('link', { name: 'See the action plans' }).click();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  await page.emulateMedia({ media: 'print' });
  await app.screenshot(page, 'plans-03-print');
  await page.emulateMedia({ media: 'screen' });
});

test('deleting a plan asks first, naming what goes, and undo brings it back', async () => {
  const plan = page.locator('section.plan', { hasText: 'Owner: Head of service.' });
  await plan.getByRole('button', { name: 'Delete this plan: Service plan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the action plan Service plan with its 1 theme and 3 activities?' });
  await dialog.waitFor();
  await app.screenshot(page, 'plans-04-delete-question');
  // Escape is a "no".
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('section.plan').count(), 2);
  await plan.getByRole('button', { name: 'Delete this plan: Service plan', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete plan' }).click();
  await plan.waitFor({ state: 'detached' });
  assert.equal(await page.locator('section.plan').count(), 1);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await plan.waitFor();
  assert.equal(await plan.locator('tbody tr').count(), 3);
  // Undone for good: still there after a reload.
  await page.reload();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await page.locator('section.plan').count(), 2);
});

test('one plan prints on its own, and the page is whole again once printing is over', async () => {
  // The browser's print dialog cannot be driven headless: count the calls instead.
  await page.evaluate(() => {
    window.printCalls = 0;
    window.print = () => { window.printCalls += 1; };
  });
  const service = page.locator('section.plan', { hasText: 'Owner: Head of service.' });
  const performance = page.locator('section.plan', { hasText: 'Performance action plan: A1 2013-16' });
  await service.getByRole('button', { name: 'Print this plan: Service plan', exact: true }).click();
  await page.waitForFunction(() => window.printCalls === 1);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await service.isVisible(), 'the plan asked for is printed');
  // On paper the pasted activity keeps its paragraphs.
  const pasted = service.locator('tbody th', { hasText: 'Family finding from the SHOBPA decision.' });
  assert.equal(await pasted.innerText(), `1.3 ${PASTED}`);
  assert.ok(!(await performance.isVisible()), 'the other plan stays off the page');
  assert.ok(!(await page.locator('.plans__counts').isVisible()), 'the counts of every plan stay off');
  assert.ok(await page.locator('.plans__meta').isVisible(), 'the as-of date and basis print with the plan');
  assert.ok(!(await page.getByRole('heading', { name: 'Figures not meeting their target' }).isVisible()),
    'the red figures stay off');
  await app.screenshot(page, 'plans-05-print-one');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await performance.waitFor({ state: 'visible' });
  await page.emulateMedia({ media: 'screen' });
});
