// Sums a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) by where the time was spent:
// self time per npm package or src/ folder (with the top functions of each), GC and the rest.
// `node bench/cpuProfileSummary.mjs <file.cpuprofile> [top]`. Shares, not milliseconds, are what
// to compare on a shared machine.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpuProfileSummary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

/** npm package, src/ folder, or a V8 pseudo-frame such as (garbage collector). */
function ownerOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = url.indexOf('/dist/src/');
  if (src >= 0) {
    const parts = url.slice(src + 10).split('/');
    return parts.length > 1 ? `src/${parts[0]}` : `src/${parts[0]}`;
  }
  if (url.startsWith('node:')) return 'node';
  return url.includes('/bench/') ? 'bench' : 'other';
}

/**
 * The area a sample belongs to: GC and zod by the function running; otherwise the nearest frame
 * (from the running function up the stack) of a package or src/ folder named here. Node's own
 * frames (sockets, streams, timers) count to the area that called them.
 */
const AREAS = [
  [['@azure/msal-node', 'src/identity', 'jose'], 'token (msal, ours)'],
  [
    ['adaptivecards-templating', 'adaptive-expressions', 'antlr4ts', 'src/views'],
    'cards (templating, views)',
  ],
  [
    [
      'botbuilder',
      'botbuilder-core',
      'botbuilder-stdlib',
      'botframework-connector',
      'botframework-schema',
      '@azure/core-client',
      '@azure/core-rest-pipeline',
      '@azure/core-http-compat',
      '@azure/core-tracing',
      '@azure/core-util',
      '@typespec/ts-http-runtime',
    ],
    'botbuilder turn and reply path',
  ],
  [['src/graph'], 'Graph HTTP (ours, node:http)'],
  [['src/store', 'better-sqlite3'], 'storage (SQLite)'],
  [['restify', 'find-my-way'], 'inbound HTTP (restify)'],
  [['bench'], 'bench harness'],
];
const areaOf = new Map(AREAS.flatMap(([owners, area]) => owners.map((o) => [o, area])));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
function classify(id) {
  const leaf = ownerOf(byId.get(id).callFrame);
  if (leaf === '(garbage collector)') return 'GC';
  if (leaf === 'zod') return 'zod';
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const owner = ownerOf(byId.get(cur).callFrame);
    if (areaOf.has(owner)) return areaOf.get(owner);
    if (owner.startsWith('src/')) return 'our other code (commands, teams, bot, domain)';
  }
  return leaf === '(program)' ? '(program)' : 'node and native, no caller of ours';
}
const hits = new Map();
const deltas = profile.timeDeltas;
profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (deltas[i] ?? 0)));

const owners = new Map();
const areas = new Map();
const functions = new Map();
let total = 0;
for (const [id, us] of hits) {
  const node = byId.get(id);
  // (idle): nothing ran; dispatch: an inspector session's own work when the profile came from one.
  if (['(idle)', 'dispatch'].includes(node.callFrame.functionName) && !node.callFrame.url) continue;
  const owner = ownerOf(node.callFrame);
  total += us;
  owners.set(owner, (owners.get(owner) ?? 0) + us);
  const area = classify(id);
  areas.set(area, (areas.get(area) ?? 0) + us);
  const fn = `${owner} ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
console.log(`busy CPU in the profile: ${(total / 1000).toFixed(0)} ms (idle left out)\n`);
console.log('by area:');
for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1]))
  console.log(`  ${pct(us)} ${ms(us)}  ${area}`);
console.log('\nself time by package or src/ folder:');
for (const [owner, us] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(us)} ${ms(us)}  ${owner}`);
console.log('\ntop functions by self time:');
for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(us)} ${ms(us)}  ${fn}`);
