// A regional adoption agency's workspace as its manager uses it: two authorities' CSVs
// imported, each authority's forecast file the same as that CSV's alone in an empty workspace,
// the agency's figures over every child, the view kept in the address across a reload, and a
// document from before authorities opening as one authority, and the tracking meeting's notes
// kept for each authority's own child. Expected figures are worked out
// by hand in the comments from the dates below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, chooseFile, downloadText, confirmImport, waitForSaved, STORAGE_KEY, twoAuthoritiesStored,
} from './helpers.mjs';
import { generateReturn } from './ssda903-return.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app.close();
});

const HEADER = 'child_id,entered_care,placement_order,matched,placed,adoption_order,expected_adoption_order';
// As of 30/06/2016 (periods 2014-17, 2015-18, 2016-19):
//  Northshire C1 adopted 2014-15: A1 01/01/2013 -> 01/11/2013 = 304 days.
//  Northshire C2 adopted 2014-15: A1 01/02/2013 -> 01/01/2014 = 334 days.
//  Northshire P1 placed, expected order 01/09/2016 (2016-17): A1 01/01/2015 -> 01/03/2016 = 425.
//  Southshire C1 (the same reference, another child) adopted 2015-16: A1 01/01/2014 -> 01/01/2015 = 365.
const NORTH = [
  HEADER,
  'C1,01/01/2013,01/07/2013,29/09/2013,01/11/2013,01/06/2014,',
  'C2,01/02/2013,01/08/2013,01/12/2013,01/01/2014,01/08/2014,',
  'P1,01/01/2015,01/07/2015,01/02/2016,01/03/2016,,01/09/2016',
  '',
].join('\n');
const SOUTH = [
  HEADER,
  'C1,01/01/2014,01/06/2014,03/12/2014,01/01/2015,01/06/2015,',
  '',
].join('\n');

/** Imports `csv` into the view shown, replacing what is there, naming the authority if asked. */
async function importRecords(page, name, csv, { replace, authority, shown }) {
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await chooseFile(page, 'Import records', name, csv);
  // The file is read, then the preview drawn, after the file is chosen: whether it asks the
  // authority's name is known only once it is on screen (its question and "Confirm import"
  // are drawn together). Counting the question before then found none on a slow page, left
  // the authority unnamed, and the agency's table then had no row of that name.
  await page.getByRole('button', { name: 'Confirm import' }).waitFor();
  const asked = page.getByLabel("Your authority's name");
  if (authority && (await asked.count()) > 0) await asked.fill(authority);
  await confirmImport(page, { replace });
  await page.locator('.records__count', { hasText: `Showing ${shown} of ${shown} children` }).waitFor();
}

async function setAsOf(page) {
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const asOf = page.getByLabel('As of date', { exact: true });
  await asOf.fill('30/06/2016');
  await asOf.blur();
}

async function forecastFile(page) {
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
  await page.getByText('As of 30/06/2016, scenario').waitFor();
  const { text } = await downloadText(page, () =>
    page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  return text;
}

/** The forecast file of `csv` imported alone into an empty workspace. */
async function aloneFile(csv, authority) {
  const page = await app.newPage();
  await app.open(page, '#/records');
  await importRecords(page, 'alone.csv', csv, { replace: true, authority, shown: csv.trim().split('\n').length - 1 });
  await setAsOf(page);
  const text = await forecastFile(page);
  await page.context().close();
  return text;
}

/** Chooses the view `value` ("0", "1", "all") and waits until the page has drawn it. */
async function choose(page, value) {
  await page.getByLabel('Showing').selectOption(value);
  await page.waitForFunction((v) => location.hash.endsWith(`authority=${v}`), value);
  await page.locator(`main[data-view="${value}"]`).waitFor();
}

test('two authorities imported: each one\'s forecast file is its CSV\'s alone, and the agency counts every child', async () => {
  const northAlone = await aloneFile(NORTH, 'Northshire');
  const southAlone = await aloneFile(SOUTH, 'Southshire');
  assert.notEqual(northAlone, southAlone);

  const page = await app.newPage();
  await app.open(page, '#/records');
  await importRecords(page, 'north.csv', NORTH, { replace: true, authority: 'Northshire', shown: 3 });
  await setAsOf(page);
  // A second authority, then its own children: its C1 is not Northshire's C1.
  await page.getByLabel("New authority's name").fill('Southshire');
  await page.getByRole('button', { name: 'Add authority' }).click();
  await page.getByLabel('Showing').waitFor();
  await choose(page, '1');
  await importRecords(page, 'south.csv', SOUTH, { replace: false, shown: 1 });
  const saved = await waitForSaved(page, (d) => d.records.length === 4);
  assert.equal(saved.settings.authority_name, 'Northshire');
  assert.deepEqual(saved.records.map((c) => [c.child_id, c.au ?? 0]).sort(),
    [['C1', 0], ['C1', 1], ['C2', 0], ['P1', 0]]);
  assert.equal(saved.version, 7);

  assert.equal(await forecastFile(page), southAlone);
  await choose(page, '0');
  assert.equal(await forecastFile(page), northAlone);

  // The agency: 2014-17 A1 over all four children, (304 + 334 + 365 + 425) / 4 = 1428 / 4 =
  // 357 days, not the mean of Northshire's 354.3 and Southshire's 365 (359.7).
  await choose(page, 'all');
  // The children in the data alone (the assumed further adoptions left out).
  const toggle = page.getByRole('switch', { name: 'With the adoptions we expect' });
  if (await toggle.isChecked()) await toggle.click();
  const a1 = page.locator('.figures td[data-indicator="A1"][data-period="2014-17"] .figures__value').first();
  await page.waitForFunction(() =>
    document.querySelector('.figures td[data-indicator="A1"][data-period="2014-17"] .figures__value')?.textContent.trim() === '357 days');
  assert.equal((await a1.textContent()).trim(), '357 days');
  // Beside it, each authority's figure for the same period: Northshire (304 + 334 + 425) / 3
  // = 354.3 -> 354 days, Southshire 365 days.
  const table = page.locator('#agency-table');
  await table.waitFor();
  await app.screenshot(page, 'agencies-00-agency-view');
  const row = (name) => table.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: 'A1', exact: true }) });
  assert.match(await row('Northshire').locator('td[data-period="2014-17"]').innerText(), /354 days/);
  assert.match(await row('Southshire').locator('td[data-period="2014-17"]').innerText(), /365 days/);
  assert.match(await row('All authorities').locator('td[data-period="2014-17"]').innerText(), /357 days/);
  // Each authority alone is short of a year of children in 2014-17, so neither is judged; the
  // agency's children fill all three years, and 357 is 426 - 357 = 69 days under the threshold.
  assert.match(await row('Northshire').locator('td[data-period="2014-17"]').innerText(), /[0-2] of 3 years: not judged yet/);
  assert.match(await row('All authorities').locator('td[data-period="2014-17"]').innerText(), /met \(69 days to spare\)/);
  await page.locator('#agency-panel').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'agencies-01-agency-table');

  // The agency's file: each authority's rows, then the agency's, the authority named last.
  const agencyFile = await forecastFile(page);
  const lines = agencyFile.trim().split(/\r?\n/);
  assert.equal(lines[0], 'section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets,authority');
  const named = (who) => lines.slice(1).filter((l) => l.endsWith(`,${who}`)).map((l) => l.slice(0, -(who.length + 1)));
  assert.ok(named('Northshire').length > 0);
  assert.ok(named('Southshire').length > 0);
  const agencyA1 = named('All authorities').find((l) => l.startsWith('rolling,2014-17,A1,'));
  assert.equal(agencyA1.split(',')[3], '4');
  assert.equal(agencyA1.split(',')[4], '357.0');
  assert.equal(lines.length - 1, named('Northshire').length + named('Southshire').length + named('All authorities').length);
  const firstSouth = lines.findIndex((l) => l.endsWith(',Southshire'));
  const lastNorth = lines.findLastIndex((l) => l.endsWith(',Northshire'));
  const firstAgency = lines.findIndex((l) => l.endsWith(',All authorities'));
  assert.ok(lastNorth < firstSouth && firstSouth < firstAgency);

  // The records table names each child's authority, and filters by it.
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByText('Showing 4 of 4 children').waitFor();
  await page.getByLabel('Filter by authority').selectOption('1');
  await page.getByText('Showing 1 of 4 children').waitFor();
  assert.equal(await page.locator('table.table tbody tr td').first().innerText(), 'Southshire');
  await app.screenshot(page, 'agencies-02-records');

  // The address keeps the view across a reload, on the screen shown.
  assert.match(page.url(), /#\/records\?authority=all$/);
  await page.reload();
  await page.getByRole('heading', { name: "Children's records", level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Showing').inputValue(), 'all');
  await page.getByText('Showing 4 of 4 children').waitFor();
  // Back returns to the screen before, in the same view.
  await page.goBack();
  await page.getByRole('heading', { name: 'Forecast', level: 1 }).waitFor();
  assert.match(page.url(), /#\/forecast\?authority=all$/);
  await page.context().close();
});

test('a document from before authorities opens as one authority with nothing lost', async () => {
  const v4 = {
    version: 4,
    revision: 3,
    records: [
      { child_id: 'C7', ec: '2013-01-05', po: '2013-06-01' },
      { child_id: 'C8', ec: '2013-02-05' },
    ],
    aggregates: [{ year: 2012, adopted: 5, a1_average_days: 500.0, a2_children: 5, a2_average_days: 200.0, a3_under_14_months: 2, a10_average_days: null }],
    settings: { authority_name: 'Anytown', as_of: '2015-06-30' },
  };
  const page = await app.newPage();
  await page.goto(`${app.origin}/#/records`);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(v4)]);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByText('Showing 2 of 2 children').waitFor();
  // One authority: no choice of view, the authority's name in the header as before.
  assert.equal(await page.getByLabel('Showing').count(), 0);
  await page.locator('.header__authority', { hasText: 'Anytown' }).waitFor();
  assert.match(page.url(), /#\/records$/);
  // Saved again at the current version, with every child and year as they were.
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.getByLabel("New authority's name").waitFor();
  await page.getByLabel('As of date', { exact: true }).fill('01/07/2015');
  await page.getByLabel('As of date', { exact: true }).blur();
  const saved = await waitForSaved(page, (d) => d.version === 7);
  assert.deepEqual(saved.records, v4.records);
  assert.deepEqual(saved.aggregates, v4.aggregates);
  assert.equal(saved.settings.authority_name, 'Anytown');
  await app.screenshot(page, 'agencies-03-older-document');
  await page.context().close();
});

test('meeting notes are kept for each authority\'s own child: two authorities\' C1 never share them', async () => {
  // As the build before notes named their authority wrote it (version 5): Northshire's and
  // Southshire's children are both C1, both waiting with a placement order, and May's
  // meeting noted something for "C1", which was Northshire's (the first authority's).
  const v5 = twoAuthoritiesStored({
    meetings: { meetings: [{ date: '2015-05-28', attendees: 'Managers', outcomes: [{ child_id: 'C1', discussion: 'Family finding started.' }] }] },
  });
  const page = await app.newPage();
  await page.goto(`${app.origin}/#/records`);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORAGE_KEY);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(v5)]);
  await page.goto(`${app.origin}/#/tracking?authority=0`);
  await page.reload();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Showing').inputValue(), '0');
  const child = page.getByLabel('Child discussed', { exact: true });
  const discussion = page.getByLabel('1.1.8 Discussion', { exact: true });

  // June's meeting on Northshire's view; its C1 brings May's note with it.
  await page.getByLabel('Meeting date (DD/MM/YYYY)', { exact: true }).fill('30/06/2015');
  await page.getByRole('button', { name: 'Hold meeting' }).click();
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 30/06/2015' }).waitFor();
  await child.selectOption({ label: 'C1' });
  await page.getByText('Family finding started.').waitFor();
  await discussion.fill('Two families interested.');
  await discussion.blur();
  await page.locator('.minutes__child', { hasText: 'Two families interested.' }).waitFor();

  // Southshire's C1 is another child: nothing of Northshire's, then or now.
  await choose(page, '1');
  await page.getByRole('heading', { name: 'Minutes of the tracking meeting of 30/06/2015' }).waitFor();
  assert.equal(await page.locator('.minutes__child').count(), 0);
  await child.selectOption({ label: 'C1' });
  assert.equal(await discussion.inputValue(), '');
  assert.equal(await page.getByText('Family finding started.').count(), 0);
  await app.screenshot(page, 'agencies-04-southshire-c1');

  // Back on Northshire's view and after a reload, its C1's note is there.
  await choose(page, '0');
  await page.reload();
  await page.getByRole('heading', { name: 'Tracking meeting', level: 1 }).waitFor();
  await child.selectOption({ label: 'C1' });
  assert.equal(await discussion.inputValue(), 'Two families interested.');
  await page.getByText('Family finding started.').waitFor();
  const saved = await waitForSaved(page, (d) => d.version === 7);
  assert.deepEqual(saved.meetings.meetings.map((m) => m.outcomes.map((o) => [o.au ?? 0, o.child_id, o.discussion])),
    [[[0, 'C1', 'Family finding started.']], [[0, 'C1', 'Two families interested.']]]);
  await app.screenshot(page, 'agencies-05-northshire-c1');
  // One authority's agenda is as it always was: no authority column.
  const agenda = page.locator('table.agenda');
  assert.deepEqual(await agenda.locator('thead th').allInnerTexts(),
    ['Child', 'Stage', 'Next milestone', 'Overdue', 'Effect on the figures', 'Own date (required pace)', 'Open actions']);

  // The agency's agenda: every authority's children, each with its authority, and a filter.
  await choose(page, 'all');
  await page.getByLabel('Filter by authority').waitFor();
  assert.equal((await agenda.locator('thead th').allInnerTexts())[1], 'Authority');
  const listed = async () => (await agenda.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => `${r.cells[0].innerText} ${r.cells[1].innerText}`))).sort();
  assert.deepEqual(await listed(), ['C1 Northshire', 'C1 Southshire']);
  await page.getByLabel('Filter by authority').selectOption({ label: 'Southshire' });
  await page.locator('table.agenda caption', { hasText: 'Agenda: 1 of 2 children' }).waitFor();
  assert.deepEqual(await listed(), ['C1 Southshire']);
  await page.getByLabel('Filter by authority').selectOption({ label: 'All authorities' });
  // Each child named with its authority in the meeting's record; Northshire's note is its own.
  await child.selectOption({ label: 'C1 (Northshire)' });
  assert.equal(await discussion.inputValue(), 'Two families interested.');
  await child.selectOption({ label: 'C1 (Southshire)' });
  assert.equal(await discussion.inputValue(), '');
  await page.locator('.minutes__child h4', { hasText: 'Child C1 (Northshire)' }).waitFor();
  // The agency's agenda file names each row's authority last.
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download agenda (CSV)' }).click());
  const rows = file.text.trim().split('\r\n');
  assert.ok(rows[0].endsWith(',open_actions,authority'), rows[0]);
  assert.deepEqual(rows.slice(1).map((r) => `${r.split(',')[0]} ${r.split(',').at(-1)}`).sort(), ['C1 Northshire', 'C1 Southshire']);
  await page.locator('table.agenda').scrollIntoViewIfNeeded();
  await app.screenshot(page, 'agencies-06-agency-agenda');

  // A return is one authority's: on the agency's view the preview asks which, and nothing is
  // brought in until one is chosen.
  const generated = generateReturn({ n: 6, others: 1, seed: 22 });
  await page.getByRole('link', { name: 'Records', exact: true }).click();
  await page.getByText('Showing 2 of 2 children').waitFor();
  await page.getByLabel('Import SSDA903 return', { exact: true }).setInputFiles(
    generated.files.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })));
  const preview = page.locator('#ssda903-preview');
  await preview.getByRole('button', { name: 'Confirm import' }).waitFor();
  const from = page.getByLabel('Which authority is this return from?');
  assert.equal(await from.inputValue(), '');
  await preview.getByRole('button', { name: 'Confirm import' }).click();
  await page.getByText('Nothing was changed: choose which authority the return is from.').waitFor();
  assert.equal(await page.getByText('Showing 2 of 2 children').count(), 1);
  await from.selectOption({ label: 'Southshire' });
  await from.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'agencies-07-return-from');
  await preview.getByRole('button', { name: 'Confirm import' }).click();
  const total = 2 + generated.taken;
  await page.getByText(`Showing ${total} of ${total} children`).waitFor();
  const withReturn = await waitForSaved(page, (d) => d.records.length === total);
  assert.equal(withReturn.records.filter((c) => (c.au ?? 0) === 1).length, 1 + generated.taken);
  assert.deepEqual(withReturn.records.filter((c) => (c.au ?? 0) === 0).map((c) => c.child_id), ['C1']);
  // On one authority's view it asks too, at first that authority.
  await choose(page, '0');
  await page.getByLabel('Import SSDA903 return', { exact: true }).setInputFiles(
    generated.files.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })));
  await preview.getByRole('button', { name: 'Confirm import' }).waitFor();
  assert.equal(await from.inputValue(), '0');
  await preview.getByRole('button', { name: 'Cancel import' }).click();

  // A plan is one authority's: made on Southshire's view it is Southshire's (the form says so
  // before it is made), not listed on Northshire's view, and listed on the agency's with
  // Southshire named; a reload keeps it so.
  const TITLE = 'Southshire recruitment plan';
  const ours = page.locator('section.plan', { hasText: TITLE });
  await choose(page, '1');
  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Plan of', { exact: true }).inputValue(), '1');
  await page.getByLabel('Plan title', { exact: true }).fill(TITLE);
  await page.getByLabel('Plan owner', { exact: true }).fill('Southshire adoption manager');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await ours.getByText('Plan of Southshire.').waitFor();
  const withPlan = await waitForSaved(page, (d) => (d.plans?.plans ?? []).some((p) => p.title === TITLE));
  assert.deepEqual(withPlan.plans.plans.find((p) => p.title === TITLE).of, { Authority: 1 });
  await choose(page, '0');
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await ours.count(), 0);
  assert.equal(await page.getByLabel('Plan of', { exact: true }).inputValue(), '0');
  await choose(page, 'all');
  await ours.getByText('Plan of Southshire.').waitFor();
  assert.equal(await page.getByLabel('Plan of', { exact: true }).inputValue(), 'agency');
  // Filtered to Northshire's plans, it is not shown; to Southshire's, it is.
  const byAuthority = page.getByLabel('Filter by authority');
  await byAuthority.selectOption({ label: 'Northshire' });
  await page.waitForFunction((t) => ![...document.querySelectorAll('section.plan')].some((s) => s.textContent.includes(t)), TITLE);
  await byAuthority.selectOption({ label: 'Southshire' });
  await ours.waitFor();
  // The agency's actions file names each plan's owner last.
  const actions = await downloadText(page, () => page.getByRole('button', { name: 'Download actions (CSV)' }).click());
  assert.equal(actions.text.split('\r\n')[0], 'plan,theme,activity,lead,timescale,status,outcome,last_update,authority');
  await page.reload();
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Showing').inputValue(), 'all');
  await ours.getByText('Plan of Southshire.').waitFor();
  await ours.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'agencies-08-agency-plans');
  await choose(page, '0');
  await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
  assert.equal(await ours.count(), 0);
  // The agency's own plan, made on Northshire's view: the page says where it is listed.
  await page.getByLabel('Plan title', { exact: true }).fill('Adopter recruitment');
  await page.getByLabel('Plan of', { exact: true }).selectOption({ label: 'Shires Adoption' });
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByText('Started Adopter recruitment, a plan of Shires Adoption: it is listed on the agency\'s view, not on this view.').waitFor();
  assert.equal(await page.locator('section.plan', { hasText: 'Adopter recruitment' }).count(), 0);
  await choose(page, 'all');
  await page.locator('section.plan', { hasText: 'Adopter recruitment' }).getByText('Plan of Shires Adoption.').waitFor();
  await page.context().close();
});
