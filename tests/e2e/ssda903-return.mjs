// A made-up authority's SSDA903 returns for 2014-15 to 2017-18, written as the DfE asks for
// them (one Header, Episodes, AD1 and PlacedAdoption table a year, each holding what was open
// during its year), and the same children in the app's own CSV with the dates their journeys
// hold. The CSV is written from the journeys themselves, not by the import's rules, so that
// importing both and comparing the forecasts checks the rules.

const DAY = 86400000;
const AS_OF = Date.UTC(2018, 2, 31);
const YEARS = [2014, 2015, 2016, 2017];

const pad = (n) => String(n).padStart(2, '0');
const parts = (t) => { const d = new Date(t); return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]; };
export const uk = (t) => { const [y, m, d] = parts(t); return `${pad(d)}/${pad(m)}/${y}`; };
export const iso = (t) => { const [y, m, d] = parts(t); return `${y}-${pad(m)}-${pad(d)}`; };
const fy = (t) => { const [y, m] = parts(t); return m >= 4 ? y : y - 1; };
export const fyName = (y) => `${y}-${pad((y + 1) % 100)}`;

/** A small deterministic generator of whole numbers in [lo, hi]. */
function numbers(seed) {
  let state = seed >>> 0;
  return (lo, hi) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return lo + (state % (hi - lo + 1));
  };
}

/**
 * `n` children on the adoption route and `others` looked after with no sign of adoption. Kinds
 * by position: adopted (0-3), adopted by the foster carers (4, 5), placed and waiting (6),
 * placement order and waiting (7), left care after the order (8), decision reversed (9).
 * Milestones after 31/03/2018 have not happened yet.
 */
function journeys(n, seed) {
  const next = numbers(seed);
  const start = Date.UTC(2014, 3, 1);
  const happened = (t) => (t !== null && t <= AS_OF ? t : null);
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const kind = i % 10;
    const E = start + (i * 15 + next(0, 5)) * DAY;
    const foster = kind === 4 || kind === 5;
    const F = foster ? E + next(20, 50) * DAY : null;
    const D = E + next(60, 200) * DAY;
    const j = { id: `R${String(i + 1).padStart(3, '0')}`, kind, E, F, D };
    j.P = kind === 9 ? null : happened(D + next(60, 180) * DAY);
    j.M = j.P === null || kind >= 7 ? null : happened(j.P + next(30, 300) * DAY);
    j.Pl = j.M === null ? null : happened(j.M + next(10, 40) * DAY);
    j.A = j.Pl === null || kind >= 6 ? null : happened(j.Pl + next(80, 300) * DAY);
    j.reversed = kind === 9 ? happened(D + 100 * DAY) : null;
    j.leftCare = kind === 8 && j.P !== null ? happened(j.P + 150 * DAY) : null;
    out.push(j);
  }
  return out;
}

/** A journey's episodes: [DECOM, RNE, LS, PLACE, DEC, REC]. */
function episodesOf(j) {
  const eps = [];
  const add = (decom, rne, ls, place, dec, rec) => eps.push({ decom, rne, ls, place, dec, rec });
  if (j.F !== null) {
    add(j.E, 'S', 'C2', 'U1', j.F, 'X1');
    add(j.F, 'P', 'C2', 'U3', j.P, j.P === null ? null : 'X1');
  } else {
    add(j.E, 'S', 'C2', 'U3', j.P, j.P === null ? null : 'X1');
  }
  if (j.P !== null) {
    const end = j.leftCare ?? j.Pl;
    add(j.P, 'L', 'E1', 'U3', end, j.leftCare ? 'E41' : end === null ? null : 'X1');
  }
  if (j.Pl !== null) {
    add(j.Pl, j.F !== null ? 'T' : 'P', 'E1', j.F !== null ? 'A5' : 'A6', j.A, j.A === null ? null : (j.F !== null ? 'E12' : 'E11'));
  }
  return eps;
}

const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const AD1 = 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR';
const PLACED = 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED';

/**
 * The sixteen files of four returns ([name, text], in year order, each year's Header first),
 * the CSV of the children on the adoption route, and what the preview should count.
 */
export function generateReturn({ n = 60, others = 8, seed = 903 } = {}) {
  const route = journeys(n, seed);
  const quiet = Array.from({ length: others }, (_, i) => ({
    id: `Q${i + 1}`, E: Date.UTC(2014, 5, 1) + i * 40 * DAY,
  }));
  const dob = '01/01/2012';
  const files = [];
  for (const y of YEARS) {
    const first = Date.UTC(y, 3, 1);
    const last = Date.UTC(y + 1, 2, 31);
    const header = [HEADER];
    const episodes = [EPISODES];
    const ad1 = [AD1];
    const placed = [PLACED];
    const all = [
      ...route.map((j) => ({ j, eps: episodesOf(j) })),
      ...quiet.map((q) => ({ j: q, eps: [{ decom: q.E, rne: 'S', ls: 'V2', place: 'U1', dec: null, rec: null }] })),
    ];
    for (const { j, eps } of all) {
      const open = eps.filter((e) => e.decom <= last && (e.dec === null || e.dec >= first));
      if (open.length === 0) continue;
      header.push(`${j.id},1,${dob},WBRI,,,`);
      for (const e of open) {
        const ended = e.dec !== null && e.dec <= last;
        episodes.push([j.id, uk(e.decom), e.rne, e.ls, 'N1', e.place, 'PR1',
          ended ? uk(e.dec) : '', ended ? e.rec : '', '', '', '', ''].join(','));
      }
      if (j.A !== undefined && j.A !== null && fy(j.A) === y) {
        ad1.push([j.id, dob, uk(j.D), uk(j.M), j.F !== null ? 1 : 0, 2, 'MF', 'L0'].join(','));
      }
      if (j.D !== undefined && j.D <= last && (j.reversed === null || j.reversed >= first)) {
        const ceased = j.reversed !== null && j.reversed <= last;
        placed.push([j.id, dob, uk(j.D), ceased ? uk(j.reversed) : '', ceased ? 'RD1' : ''].join(','));
      }
    }
    for (const [table, rows] of [['header', header], ['episodes', episodes], ['ad1', ad1], ['placed_for_adoption', placed]]) {
      files.push([`${table}_${y}.csv`, `${rows.join('\r\n')}\r\n`]);
    }
  }
  const columns = 'child_id,entered_care,shobpa_decision,placement_order,matched,placed,foster_carer_adoption,foster_placement_start,adoption_order,left_route';
  const date = (t) => (t === null || t === undefined ? '' : iso(t));
  const csv = [columns, ...route.map((j) => {
    const fca = j.F !== null && j.Pl !== null;
    return [j.id, date(j.E), date(j.D), date(j.P), j.A !== null ? date(j.M) : '', date(j.Pl),
      fca ? 'yes' : 'no', fca ? date(j.F) : '', date(j.A), date(j.reversed ?? j.leftCare)].join(',');
  })].join('\r\n') + '\r\n';
  const adoptedByYear = new Map();
  for (const j of route.filter((r) => r.A !== null)) {
    adoptedByYear.set(fy(j.A), (adoptedByYear.get(fy(j.A)) ?? 0) + 1);
  }
  const adopted = [...adoptedByYear.entries()].sort((a, b) => a[0] - b[0])
    .map(([y, count]) => `${fyName(y)}: ${count}`).join('; ');
  return { files, csv, route, taken: route.length, found: route.length + quiet.length, adopted };
}
