// A synthetic authority of `n` children as a records CSV (the import format), deterministic
// for a seed, for the page benchmarks. Roughly a fifth are still in the pipeline, as in a
// real service, so the projection has work to do. Asked for several authorities, it writes
// a regional adoption agency's file instead: the optional `authority` column last, the
// children dealt to the authorities in turn.

/** The authorities of a synthetic agency, in the order their children are dealt. */
export const AUTHORITIES = ['Northshire', 'Southshire', 'Eastshire', 'Westshire', 'Midshire',
  'Highshire', 'Lowshire', 'Fenshire'];

function rng(seed) {
  // mulberry32: small, fast, reproducible.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Returns the CSV text for `n` children whose journeys run up to `asOf` (ISO date). With
 * `authorities` (at most 8), child `i` is the `i % authorities`th of [`AUTHORITIES`], named in
 * an `authority` column; without it the file has no such column.
 */
export function syntheticCsv(n, asOf = '2015-06-30', seed = 7, { authorities = 0 } = {}) {
  if (authorities > AUTHORITIES.length) throw new Error(`at most ${AUTHORITIES.length} authorities`);
  const r = rng(seed);
  const end = Date.parse(asOf);
  const header = 'child_id,entered_care,shobpa_decision,placement_order,matched,placed,adoption_order';
  const lines = [authorities ? `${header},authority` : header];
  for (let i = 0; i < n; i++) {
    const care = end - Math.floor((200 + r() * 2000) * DAY);
    const steps = [
      care + Math.floor((120 + r() * 240) * DAY),
      0,
      0,
      0,
      0,
    ];
    steps[1] = steps[0] + Math.floor((30 + r() * 120) * DAY);
    steps[2] = steps[1] + Math.floor((30 + r() * 300) * DAY);
    steps[3] = steps[2] + Math.floor((7 + r() * 40) * DAY);
    steps[4] = steps[3] + Math.floor((90 + r() * 250) * DAY);
    const cells = steps.map((t) => (t <= end ? iso(t) : ''));
    // Once a milestone is in the future, every later one is too.
    const firstBlank = cells.indexOf('');
    if (firstBlank >= 0) cells.fill('', firstBlank);
    const row = [`SYN-${String(i + 1).padStart(5, '0')}`, iso(care), ...cells];
    if (authorities) row.push(AUTHORITIES[i % authorities]);
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
