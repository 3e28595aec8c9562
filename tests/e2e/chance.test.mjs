// An honest chance, as a manager meets it on the demonstration: the first screen states the
// chance of meeting each target no more precisely than the evidence allows, with the likely
// range's record in this authority's past beside it; the forecast file's chance_meets says
// the same; and "How good is this forecast?" names its coverage and interval.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, downloadText } from './helpers.mjs';

let app;
let page;

before(async () => {
  app = await start();
  page = await app.newPage({ width: 1366, height: 768 });
});

after(async () => {
  await app.close();
});

/** The words the first screen uses for a share `p` of runs meeting a target. */
function phraseFor(p, weak) {
  if (weak) {
    if (p < 0.25) return 'A low chance of meeting it';
    if (p <= 0.75) return 'A middling chance of meeting it';
    return 'A high chance of meeting it';
  }
  if (p < 0.1) return 'Less than a 1 in 10 chance of meeting it';
  if (p > 0.9) return 'More than a 9 in 10 chance of meeting it';
  // To the nearest 10%, halves away from zero (p is never negative here).
  const percent = Math.floor(p * 10 + 0.5) * 10;
  const article = [80, 8, 11, 18].includes(percent) ? 'an' : 'a';
  return `About ${article} ${percent}% chance of meeting it`;
}

test('the first screen says the chance as the file gives it, with the range\'s record beside it', async () => {
  await app.open(page, '#/forecast');
  // Wait for the chance and for the record of past years, which the backtest gives later.
  await page.waitForFunction(() => {
    const text = document.querySelector('.answers')?.innerText ?? '';
    return text.includes('chance of meeting it') && !text.includes('being worked out')
      && !text.includes('checking how often');
  }, null, { timeout: 120_000 });
  const answers = await page.locator('.answer').allInnerTexts();
  const a1 = answers.find((a) => /\bA1 \d{4}-\d{2}:/.test(a));
  const [, period] = a1.match(/\bA1 (\d{4}-\d{2}):/);
  const [, inside, judged] = a1.match(/the likely range held the actual figure (\d+) times? in (\d+)/);
  const weak = a1.includes('less often than the 8 in 10 it should');
  await app.screenshot(page, 'chance-01-first-screen');

  const { text } = await downloadText(page, () =>
    page.getByRole('button', { name: 'Download forecast (CSV)' }).click());
  const lines = text.trim().split('\n');
  assert.equal(
    lines[0],
    'section,period,indicator,children,value,threshold,meets,basis,likely_low,likely_high,chance_meets',
  );
  const row = lines.find((l) => l.startsWith(`rolling_assumed,${period},A1,`)).split(',');
  const [low, high, chance] = row.slice(8).map(Number);
  assert.ok(low <= high, row.join(','));
  assert.ok(chance >= 0 && chance <= 1, row.join(','));
  // The sentence is the file's chance said in words.
  assert.ok(a1.includes(`${phraseFor(chance, weak)} (`), `${a1}\nbut the file says ${chance}`);
  // A figure already final has no range and no chance in the file.
  const actual = lines.find((l) => l.split(',')[7] === 'actual' && ['A1', 'A2'].includes(l.split(',')[2]));
  assert.ok(actual.endsWith(',,,'), actual);

  // The panel below names the same record, with its interval, and shows where each past
  // figure fell.
  const verdict = page.locator('.backtest__verdict');
  await verdict.scrollIntoViewIfNeeded();
  const words = await verdict.innerText();
  const [, inPanel, ofPanel, share, lowPct, highPct] = words.match(
    /^Coverage: (\d+) of (\d+) past figures \((\d+)%\) fell inside the forecast's 10-90% band; 95% interval (\d+)% to (\d+)%\./,
  );
  assert.deepEqual([inPanel, ofPanel], [inside, judged]);
  assert.equal(Number(share), Math.round((Number(inside) / Number(judged)) * 100));
  assert.ok(Number(lowPct) <= Number(share) && Number(share) <= Number(highPct), words);
  assert.match(await page.locator('#backtest-tenths').getAttribute('aria-label') ?? '', /runs of its forecast/);
  await app.screenshot(page, 'chance-02-backtest');
  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download backtest (CSV)' }).click());
  const rows = csv.text.trim().split('\n');
  assert.equal(rows[0], 'as_of,period,indicator,p10,p50,p90,actual,inside_band,horizon,share_below,counted');
  const counted = rows.slice(1).map((r) => r.split(',')).filter((f) => f[10] === 'yes' && f[7] !== '');
  assert.equal(counted.length, Number(judged));
  assert.equal(counted.filter((f) => f[7] === 'yes').length, Number(inside));
});
