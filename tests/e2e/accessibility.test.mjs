// The answer first, and WCAG 2.2 AA checked in the browser: the forecast's first screenful
// answers each target beside its chart at 1366 x 768; every screen has its own address that
// back, forward and reload respect; axe-core finds nothing on any screen or dialog; nothing
// scrolls sideways at 320 CSS pixels or at 200% zoom; the keyboard alone walks the main path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, axeViolations, chooseFile, downloadText } from './helpers.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app.close();
});

/** Every screen: its address, the name of its link and its main heading. */
const SCREENS = [
  ['records', 'Records', "Children's records"],
  ['yearly-figures', 'Yearly figures', 'Yearly figures'],
  ['forecast', 'Forecast', 'Forecast'],
  ['tracking', 'Tracking meeting', 'Tracking meeting'],
  ['plans', 'Action plans', 'Action plans'],
  ['workshop', 'Workshop', 'Workshop: the impact of delay'],
  ['comparators', 'Comparators', 'Comparators'],
  ['report', 'Committee report', 'Adoption scorecard: report to committee'],
  ['settings', 'Settings and backup', 'Settings and backup'],
];

/** Controls on the page that share their accessible name with another of the same kind. */
function sameNames(page) {
  return page.evaluate(() => {
    const name = (el) => (el.getAttribute('aria-label') || el.labels?.[0]?.innerText || el.innerText || '').trim();
    const seen = new Map();
    for (const el of document.querySelectorAll('button, input, select, textarea')) {
      const key = `${el.tagName.toLowerCase()} "${name(el)}"`;
      seen.set(key, (seen.get(key) || 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
  });
}

async function heading(page, name) {
  await page.getByRole('heading', { name, level: 1, exact: true }).waitFor();
}

/** The forecast's answers once the Monte Carlo has given each its chance. */
async function settledAnswers(page) {
  await page.locator('.answer').first().waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('is being worked out'));
  return page.locator('.answer').allInnerTexts();
}

test('a bare address opens the forecast, whose first screenful answers each target beside the chart', async () => {
  const page = await app.newPage({ width: 1366, height: 768 });
  await page.goto(`${app.origin}/`);
  await heading(page, 'Forecast');
  assert.match(page.url(), /#\/forecast$/);
  const answers = await settledAnswers(page);
  // A1 and A2, each against its threshold in words, with a chance and a pace.
  assert.equal(answers.length, 2);
  assert.match(answers[0], /A1 \d{4}-\d{2}: heading for \d+ days against 426, with the adoptions we expect\. .*chance of meeting it \(/s);
  assert.match(answers[1], /A2 \d{4}-\d{2}: heading for \d+ days against 121, with the adoptions we expect\. .*chance of meeting it \(/s);
  for (const answer of answers) assert.match(answer, /(children in the records still to be (placed|matched)|adoptions expected but not yet in the data)/);
  // The figure it is heading for is the table's figure with the adoptions expected.
  const [, period, days] = answers[0].match(/A1 (\d{4}-\d{2}): heading for (\d+) days/);
  const cell = page.locator(`.figures td[data-indicator="A1"][data-period="${period}"] .figures__value`).first();
  assert.equal((await cell.innerText()).trim(), `${days} days`);

  // Both the sentences and the chart are inside the first screenful, without scrolling.
  const inView = async (locator) => {
    const box = await locator.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 768 && box.x + box.width <= 1366;
  };
  assert.ok(await inView(page.locator('.answers')), 'the answers are below the fold');
  assert.ok(await inView(page.locator('#trajectory-chart')), 'the chart is below the fold');
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  // The demonstration banner says what it must in one line at this width.
  const bannerLines = await page.locator('.banner--demo .banner__text').evaluate((text) => {
    const range = document.createRange();
    range.selectNodeContents(text);
    return new Set([...range.getClientRects()].map((line) => Math.round(line.bottom / 4))).size;
  });
  assert.equal(bannerLines, 1, 'the demonstration banner wraps');
  await app.screenshot(page, 'a11y-forecast-first-screen-1366x768');
  await page.context().close();
});

test('each screen has its own address and title; links, back, forward and reload follow them', async () => {
  const page = await app.newPage({ width: 1366, height: 768 });
  await app.open(page, '#/records');
  await heading(page, "Children's records");
  assert.equal(await page.title(), 'Records \u2013 Adoption scorecard forecast');

  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await heading(page, 'Forecast');
  assert.match(page.url(), /#\/forecast$/);
  assert.equal(await page.title(), 'Forecast \u2013 Adoption scorecard forecast');
  // Focus moves to the new screen's heading, so a screen reader says where the user is.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Forecast');
  // The link of the current screen says so.
  assert.equal(await page.getByRole('link', { name: 'Forecast', exact: true }).getAttribute('aria-current'), 'page');

  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await heading(page, 'Action plans');
  assert.match(page.url(), /#\/plans$/);

  await page.goBack();
  await heading(page, 'Forecast');
  assert.match(page.url(), /#\/forecast$/);
  await page.goBack();
  await heading(page, "Children's records");
  await page.goForward();
  await heading(page, 'Forecast');
  await page.reload();
  await heading(page, 'Forecast');
  assert.equal(await page.title(), 'Forecast \u2013 Adoption scorecard forecast');

  // A bookmark of every screen opens that screen.
  for (const [slug, , title] of SCREENS) {
    await page.goto(`${app.origin}/#/${slug}`);
    await heading(page, title);
  }
  // A bookmark made before screens had paths still works, and is rewritten.
  await page.goto(`${app.origin}/#settings`);
  await heading(page, 'Settings and backup');
  await page.waitForFunction(() => location.hash === '#/settings');
  await page.context().close();
});

test('the address changed several times without waiting ends on the screen it names, on a slow machine', async () => {
  const page = await app.newPage({ width: 1366, height: 768 });
  // A council laptop, or CI under load: the page runs six times slower, so a screen is still
  // settling when the next change of address arrives.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await app.open(page, '#/forecast');
  await heading(page, 'Forecast');
  const rounds = [
    ['tracking', 'plans', 'records'],
    ['settings', 'workshop'],
    ['report', 'yearly-figures', 'comparators', 'tracking'],
    ['records', 'forecast', 'settings'],
    ['plans', 'settings', 'plans'],
  ];
  // Yew draws a screen, may hand the browser back its turn when drawing took longer than a
  // frame, and only then runs the screen's effects: an address changed in that gap must win.
  // Each round changes the address at a different pace, from all at once to a few frames apart.
  for (const [round, slugs] of rounds.entries()) {
    await page.evaluate(async ([list, gap]) => {
      for (const slug of list) {
        location.hash = `#/${slug}`;
        if (gap >= 0) await new Promise((next) => setTimeout(next, gap));
      }
    }, [slugs, [-1, 0, 8, 20, 40][round]]);
    const last = slugs[slugs.length - 1];
    const title = SCREENS.find(([slug]) => slug === last)[2];
    await heading(page, title);
    await page.waitForFunction((hash) => location.hash === hash, `#/${last}`);
    // Nothing pending rewrites it afterwards: two frames later it is still that screen.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.equal(await page.evaluate(() => location.hash), `#/${last}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).first().innerText(), title);
  }
  // Links clicked one after another without waiting for each screen: the last one wins.
  for (const name of ['Action plans', 'Workshop', 'Committee report', 'Tracking meeting']) {
    await page.getByRole('link', { name, exact: true }).click({ noWaitAfter: true });
  }
  await heading(page, 'Tracking meeting');
  await page.waitForFunction(() => location.hash === '#/tracking');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.context().close();
});

test('"Skip to content" is the first stop of the keyboard and leaves the address alone', async () => {
  const page = await app.newPage({ width: 1366, height: 768 });
  await app.open(page, '#/tracking');
  await heading(page, 'Tracking meeting');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.match(page.url(), /#\/tracking$/);
  await heading(page, 'Tracking meeting');
  await page.context().close();
});

test('axe finds no violation on any screen, and each is screenshotted at three sizes', async () => {
  for (const [width, height] of [[1366, 768], [1024, 768], [320, 640]]) {
    const page = await app.newPage({ width, height });
    for (const [slug, , title] of SCREENS) {
      await app.open(page, `#/${slug}`);
      await heading(page, title);
      if (slug === 'forecast') await settledAnswers(page);
      if (width === 1366) {
        assert.deepEqual(await axeViolations(page), [], `axe on ${slug}`);
        assert.deepEqual(await sameNames(page), [], `controls sharing a name on ${slug}`);
        // Words, not identifiers: files keep A3_percent and "mixed", screens never show them.
        const text = await page.locator('body').innerText();
        assert.doesNotMatch(text, /A3_percent|placed_12m_percent|\(mixed\)|\bmixed\b/, `an identifier on ${slug}`);
      }
      await app.screenshot(page, `a11y-${slug}-${width}x${height}`);
    }
    await page.context().close();
  }
});

test('nothing scrolls the page sideways at 320 CSS pixels or at 200% zoom', async () => {
  // 200% zoom of a 1366 x 768 screen lays the page out in 683 x 384 CSS pixels.
  for (const viewport of [{ width: 320, height: 640 }, { width: 683, height: 384 }]) {
    const page = await app.newPage(viewport);
    for (const [slug, , title] of SCREENS) {
      await app.open(page, `#/${slug}`);
      await heading(page, title);
      const [scroll, client] = await page.evaluate(() =>
        [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${slug} at ${viewport.width} px is ${scroll} px wide`);
    }
    await page.context().close();
  }
});

test('axe finds no violation in any question the app asks, and focus stays inside it', async () => {
  // Every question but the read-only banner's (its storage must first be filled: the
  // storage-full test opens that banner).
  const page = await app.newPage({ width: 1366, height: 768 });
  await app.open(page, '#/records');
  await heading(page, "Children's records");

  // Replacing everything by an import.
  await chooseFile(page, 'Import records', 'one.csv', 'child_id,entered_care\nK1,01/02/2014\n');
  await page.getByLabel(/^Replace all/).check();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the replace question');
  // A modal dialog keeps the keyboard inside it.
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Tab');
    // Inside the dialog, or out to the browser's own controls: never on the page behind it.
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return !el || el === document.body || !!el.closest('dialog');
    });
    assert.ok(where, 'focus reached the page behind the dialog');
  }
  await app.screenshot(page, 'a11y-dialog-replace');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Cancel import' }).click().catch(() => {});

  // Clearing the demonstration.
  await page.locator('.banner--demo').getByRole('button', { name: 'Clear demonstration data' }).click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the clear question');
  await dialog.getByRole('button', { name: 'Clear demonstration data' }).click();
  await page.getByRole('status').getByText('Cleared').waitFor();

  // Restoring the safety copy that clearing kept.
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  await page.locator('#safety-copies').getByRole('button', { name: /^Restore this copy/ }).first().click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the restore question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Deleting an action plan.
  await page.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByLabel('Plan title', { exact: true }).fill('Keyboard plan');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await page.getByRole('button', { name: 'Delete this plan: Keyboard plan', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the delete question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Restoring a backup: the app's own backup of what it holds now.
  await page.getByRole('link', { name: 'Settings and backup', exact: true }).click();
  const backup = await downloadText(page, () => page.getByRole('button', { name: 'Download backup (JSON)' }).click());
  await chooseFile(page, 'Restore from backup', 'backup.json', backup.text, 'application/json');
  await page.getByRole('button', { name: 'Confirm restore' }).click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the restore-backup question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Saving over stored data that could not be read.
  await page.evaluate(() => localStorage.setItem('adoption-forecast/v1', '{}'));
  await page.reload();
  await page.getByRole('button', { name: 'Replace the stored data and turn saving on' }).click();
  dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the replace-stored question');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.context().close();
});

/**
 * Presses Tab until the focused control's name starts with `name` (its label, its
 * aria-label or its text), as a keyboard user moves through the page.
 */
async function tabTo(page, name, { backwards = false } = {}) {
  for (let i = 0; i < 600; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.labels?.[0]?.innerText || el.getAttribute('aria-label') || el.innerText || '';
      return label.trim();
    });
    if (focused.startsWith(name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('the keyboard alone imports, sets the as-of date and a target, changes a what-if, saves a scenario and downloads the CSV', async () => {
  const page = await app.newPage({ width: 1366, height: 768 });
  await app.open(page, '#/records');
  await heading(page, "Children's records");

  // Import: the file input opens the file chooser from the keyboard. The wait starts before
  // the Tab presses: it asks the browser to hand file choosers to the test, and that request
  // must have arrived before Space is pressed, or the chooser opens unseen (as it once did
  // on a loaded machine).
  const chooserOpened = page.waitForEvent('filechooser');
  await tabTo(page, 'Import records');
  await page.keyboard.press('Space');
  const chooser = await chooserOpened;
  await chooser.setFiles({
    name: 'children.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('child_id,entered_care,placement_order,matched,placed,adoption_order\n'
      + 'KB1,01/01/2013,01/07/2013,29/09/2013,01/11/2013,01/06/2014\n', 'utf8'),
  });
  await tabTo(page, 'Confirm import');
  await page.keyboard.press('Enter');
  await page.locator('td, th', { hasText: 'KB1' }).first().waitFor();

  // The as-of date, in Settings.
  await tabTo(page, 'Settings and backup', { backwards: true });
  await page.keyboard.press('Enter');
  await heading(page, 'Settings and backup');
  await tabTo(page, 'As of date');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('30/06/2016');
  await page.keyboard.press('Tab');

  // A target and a what-if control on the forecast.
  await tabTo(page, 'Forecast', { backwards: true });
  await page.keyboard.press('Enter');
  await heading(page, 'Forecast');
  await page.getByText('As of 30/06/2016, scenario').waitFor();
  await tabTo(page, 'Target value');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('400');
  await page.keyboard.press('Tab');
  await page.getByText(/^To reach an A(1|10|2) of 400 days for/).first().waitFor();
  await tabTo(page, 'placement order to match (days)');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('150');
  await page.keyboard.press('Enter');

  // Save the scenario.
  await tabTo(page, 'Scenario name');
  await page.keyboard.type('Keyboard only');
  await tabTo(page, 'Save scenario');
  await page.keyboard.press('Enter');
  const options = await page.getByLabel('Scenario in use', { exact: true }).locator('option').allTextContents();
  assert.ok(options.includes('Keyboard only'), `the scenario was not saved: ${options}`);

  // Download the forecast.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('link', { name: 'Forecast', exact: true }).focus();
  await tabTo(page, 'Download forecast (CSV)');
  const { name, text } = await downloadText(page, () => page.keyboard.press('Enter'));
  assert.equal(name, 'forecast-2016-06-30.csv');
  // The target typed is the one answered: a required_pace row for 400 days.
  assert.match(text, /^required_pace,\d{4}-\d{2},A1,/m);
  await page.context().close();
  assert.deepEqual(app.foreign, [], 'a request left the app\'s own address');
});
