/**
 * The layer rules of src/ and the import graph they are checked against. One table serves the
 * eslint rule (eslint.config.mjs, `layers/only-downward`) and the jest test that fails on an
 * import cycle (test/architecture/imports.test.ts). docs/architecture.md explains each layer.
 *
 * A unit is a top-level folder of src/ (or a top-level file: main, errors, log). A file may import
 * its own unit, or a unit of a strictly lower rank. Units of equal rank never import each other
 * (commands and actions are peers). `sandbox` is reachable from the composition root only.
 * Type-only imports count: a type import is a dependency too.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Higher ranks may import lower ones. */
const RANKS = {
  main: 100,
  app: 90,
  sandbox: 85,
  teams: 80,
  commands: 70,
  actions: 70,
  bot: 65,
  approvals: 60,
  notifications: 57,
  changes: 55,
  history: 52,
  forms: 45,
  views: 40,
  identity: 35,
  graph: 30,
  store: 30,
  telemetry: 27,
  config: 25,
  domain: 20,
  log: 10,
  errors: 10,
};

/**
 * Use cases return outcomes, never cards: they do not draw cards or forms. A use case that posts
 * to another conversation gets its cards from a presenter it is given (wired in bot/ and app/).
 */
const NEVER = {
  changes: ['views', 'forms'],
  approvals: ['views', 'forms'],
  history: ['views', 'forms'],
  notifications: ['views', 'forms'],
};

/** Who may import the sandbox (emulator, identity provider, Playground, sandbox people). */
const SANDBOX_IMPORTERS = new Set(['app']);

/** The unit of a path relative to src/ ("changes/apply.ts" → "changes", "log.ts" → "log"). */
function unitOf(relativeToSrc) {
  const parts = relativeToSrc.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

/** Why `from` may not import `to` (units), or undefined when it may. */
function violation(from, to) {
  if (from === to) return undefined;
  if (to === 'sandbox' && !SANDBOX_IMPORTERS.has(from))
    return `only the composition root (src/app) may import src/sandbox; ${from}/ may not`;
  if ((NEVER[from] ?? []).includes(to))
    return `${from}/ is a use case: it returns outcomes and may not import ${to}/ (cards are drawn above it)`;
  const a = RANKS[from];
  const b = RANKS[to];
  if (a === undefined) return `src/${from} is not a known layer: add it to scripts/architecture.js`;
  if (b === undefined) return `src/${to} is not a known layer: add it to scripts/architecture.js`;
  if (a === b) return `${from}/ and ${to}/ are peers and may not import each other`;
  if (a < b) return `${from}/ is below ${to}/: dependencies point down only`;
  return undefined;
}

/** Relative import specifiers of a TypeScript source (static imports, re-exports, import()). */
function importsOf(source) {
  const found = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) {
    let m;
    while ((m = re.exec(source))) if (m[1].startsWith('.')) found.push(m[1]);
  }
  return found;
}

function resolveImport(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function listTsFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The file-level import graph of src/: absolute path → absolute paths it imports. */
function importGraph(srcDir) {
  const graph = new Map();
  for (const file of listTsFiles(srcDir)) {
    const targets = importsOf(fs.readFileSync(file, 'utf8'))
      .map((s) => resolveImport(file, s))
      .filter(Boolean);
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a self-import): the cycles. */
function cyclesOf(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const cycles = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

/** Every import in src/ that breaks the layer rules, as "file → target: why". */
function layerViolations(srcDir, graph = importGraph(srcDir)) {
  const out = [];
  for (const [file, targets] of graph) {
    const from = unitOf(path.relative(srcDir, file));
    for (const target of targets) {
      const why = violation(from, unitOf(path.relative(srcDir, target)));
      if (why)
        out.push(`${path.relative(srcDir, file)} → ${path.relative(srcDir, target)}: ${why}`);
    }
  }
  return out;
}

module.exports = {
  RANKS,
  unitOf,
  violation,
  importsOf,
  importGraph,
  cyclesOf,
  layerViolations,
};
