// The peer benchmark: the same queries and filter combinations over the same generated
// catalogue, run by Perheopas's Wasm engine and by MiniSearch in this one page. Every case counts
// every facet on both sides (see xtask/src/peer.rs for how selections become token groups).
// The result lands in window.benchResult for scripts/bench-peer.mjs.
import init, { Finder } from './pkg/perheopas_benchpage.js';
import MiniSearch from './minisearch.js';

const RUNS = 31;
const WARMUP = 3;
const status = document.getElementById('status');

const percentile = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 0.5), p95: percentile(s, 0.95), max: s[s.length - 1] };
}

/** Folds case and Finnish/Swedish letters as our own index does ("Äitiys" → "aitiys"). */
const fold = (term) => term.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * A MiniSearch search plus the same facet counting the engine does, in plain JavaScript with
 * integer token ids and typed arrays (as a careful JavaScript implementation would have it).
 */
function miniSearchRun(ms, records, all, c, tokenCount, facetOf, options) {
  const hits = c.text.trim() ? ms.search(c.text, options) : all;
  const groups = c.groupIds;
  const counts = new Int32Array(tokenCount);
  let found = 0;
  for (const h of hits) {
    const r = records[h.id];
    let failed = -1;
    let nfailed = 0;
    for (let g = 0; g < groups.length && nfailed < 2; g++) {
      const member = groups[g].member;
      let ok = false;
      for (let i = 0; i < r.fi.length; i++) {
        if (member[r.fi[i]]) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        nfailed += 1;
        failed = g;
      }
    }
    if (nfailed > 1) continue;
    if (nfailed === 0) found += 1;
    // Each facet is counted over the records that fail no other selection.
    const only = nfailed === 1 ? groups[failed].facet : -1;
    for (let i = 0; i < r.ci.length; i++) {
      const t = r.ci[i];
      if (only === -1 || facetOf[t] === only) counts[t] += 1;
    }
  }
  return found;
}

function time(fn) {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

async function main() {
  const [asset, records, spec] = await Promise.all([
    fetch('catalogue.bin').then((r) => r.arrayBuffer()),
    fetch('records.json').then((r) => r.json()),
    fetch('cases.json').then((r) => r.json()),
    init(),
  ]);
  status.textContent = `Indexing ${records.length} services…`;
  const [oursIndexMs, finder] = time(() => new Finder(new Uint8Array(asset), spec.now));
  // Token strings become integer ids once, before any timing.
  const tokenIds = new Map();
  const facetIds = new Map();
  const idOf = (t) => {
    if (!tokenIds.has(t)) tokenIds.set(t, tokenIds.size);
    return tokenIds.get(t);
  };
  const facetIdOf = (name) => {
    if (!facetIds.has(name)) facetIds.set(name, facetIds.size);
    return facetIds.get(name);
  };
  for (const r of records) {
    r.fi = Int32Array.from(r.f, idOf);
    r.ci = Int32Array.from(r.c, idOf);
  }
  for (const c of spec.cases) for (const g of c.groups) g.tokens.forEach(idOf);
  const tokenCount = tokenIds.size;
  const facetOf = new Int32Array(tokenCount);
  for (const [t, i] of tokenIds) facetOf[i] = facetIdOf(t.slice(0, t.indexOf(':')));
  for (const c of spec.cases) {
    c.groupIds = c.groups.map((g) => {
      const member = new Uint8Array(tokenCount);
      for (const t of g.tokens) member[tokenIds.get(t)] = 1;
      return { facet: facetIdOf(g.facet), member };
    });
  }
  const all = records.map((r) => ({ id: r.id }));
  const [miniIndexMs, ms] = time(() => {
    const index = new MiniSearch({
      fields: ['name', 'type', 'place', 'summary', 'description'],
      processTerm: fold,
      searchOptions: { boost: { name: 8, type: 6, place: 4, summary: 2 }, processTerm: fold },
    });
    index.addAll(records);
    return index;
  });

  // MiniSearch gets the search options that help it most on each case: prefix search always
  // (as typing), and fuzzy matching (typos) or any-word matching where that finds the services
  // our engine finds. The options are chosen once per case, before any timing.
  const TRIES = [
    ['prefix', { prefix: true, combineWith: 'AND' }],
    ['prefix+fuzzy', { prefix: true, fuzzy: 0.2, combineWith: 'AND' }],
    ['prefix, any word', { prefix: true, combineWith: 'OR' }],
    ['prefix+fuzzy, any word', { prefix: true, fuzzy: 0.2, combineWith: 'OR' }],
  ];
  for (const c of spec.cases) {
    const ours = finder.run(c.params);
    const fit = TRIES.find(([, o]) => miniSearchRun(ms, records, all, c, tokenCount, facetOf, o) === ours);
    [c.msName, c.msOptions] = fit ?? TRIES[0];
  }

  const rows = [];
  for (const c of spec.cases) {
    status.textContent = `Running “${c.name}”…`;
    const ours = [];
    const mini = [];
    let oursHits = 0;
    let miniHits = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Alternate the order so neither side always runs on a warmer cache.
      const runOurs = () => time(() => finder.run(c.params));
      const runMini = () => time(() => miniSearchRun(ms, records, all, c, tokenCount, facetOf, c.msOptions));
      let a, ah, b, bh;
      if (i % 2) {
        [a, ah] = runOurs();
        [b, bh] = runMini();
      } else {
        [b, bh] = runMini();
        [a, ah] = runOurs();
      }
      if (i >= WARMUP) {
        ours.push(a);
        mini.push(b);
      }
      oursHits = ah;
      miniHits = bh;
    }
    const o = stats(ours);
    const m = stats(mini);
    // Only cases where both find the same services are compared: MiniSearch has no matching
    // inside compound words ("neuvola" in "lastenneuvola"), no word forms and no vocabulary, so
    // there it does less work.
    const comparable = oursHits === miniHits;
    rows.push({ name: c.name, msOptions: c.msName, oursHits, miniHits, comparable, ours: o, mini: m, ratio: m.median / Math.max(o.median, 0.005) });
  }
  const keystrokes = rows.filter((r) => r.name.startsWith('keystroke'));
  const compared = rows.filter((r) => r.comparable);
  const geomean = Math.exp(compared.reduce((s, r) => s + Math.log(r.ratio), 0) / compared.length);
  const result = {
    services: finder.services(),
    timerResolution: crossOriginIsolated ? 'fine (cross-origin isolated)' : 'coarse (0.1 ms)',
    index: { ours: oursIndexMs, mini: miniIndexMs },
    rows,
    geomeanRatio: geomean,
    compared: compared.length,
    minRatio: Math.min(...compared.map((r) => r.ratio)),
    worstKeystrokeP95: Math.max(...keystrokes.map((r) => r.ours.p95)),
    worstP95: Math.max(...rows.map((r) => r.ours.p95)),
  };

  const tbody = document.querySelector('#results tbody');
  for (const r of rows) {
    const tr = document.createElement('tr');
    for (const v of [r.name, r.msOptions, `${r.oursHits} / ${r.miniHits}`, r.ours.median.toFixed(2), r.ours.p95.toFixed(2),
      r.mini.median.toFixed(2), r.mini.p95.toFixed(2), r.comparable ? `${r.ratio.toFixed(1)}×` : 'different results']) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    tbody.append(tr);
  }
  document.getElementById('results').hidden = false;
  status.textContent = `Done: ${result.services} services; Perheopas is ${geomean.toFixed(1)}× faster (geometric mean over the ${compared.length} cases with the same results).`;
  window.benchResult = result;
}

main().catch((e) => {
  status.textContent = `Failed: ${e}`;
  window.benchResult = { error: String(e) };
});
