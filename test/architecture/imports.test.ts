/**
 * The build fails on an import cycle in src/ or on an import that points up the layers
 * (scripts/architecture.js, docs/architecture.md). The eslint rule reports the same table in the
 * editor; this test also proves both checks catch a deliberate wrong-way import.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const architecture = require('../../scripts/architecture.js') as {
  importGraph(srcDir: string): Map<string, string[]>;
  cyclesOf(graph: Map<string, string[]>): string[][];
  layerViolations(srcDir: string, graph?: Map<string, string[]>): string[];
  violation(from: string, to: string): string | undefined;
};

const root = join(__dirname, '../..');
const src = join(root, 'src');

describe('the import graph of src/', () => {
  const graph = architecture.importGraph(src);

  it('when every file of src/ is read, then no import cycle is found', () => {
    const cycles = architecture.cyclesOf(graph).map((c) => c.map((f) => f.slice(src.length + 1)));
    expect(cycles).toEqual([]);
  });

  it('when every import of src/ is checked, then each points down the layers', () => {
    expect(architecture.layerViolations(src, graph)).toEqual([]);
  });

  it('when a graph has a loop, then the cycle check names its files', () => {
    const loop = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(architecture.cyclesOf(loop).map((c) => [...c].sort())).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
    ]);
  });

  it.each([
    ['domain', 'store', /dependencies point down only/],
    ['changes', 'actions', /dependencies point down only/],
    ['commands', 'actions', /peers/],
    ['identity', 'sandbox', /composition root/],
    ['views', 'changes', /dependencies point down only/],
    ['changes', 'views', /use case: it returns outcomes/],
    ['changes', 'forms', /use case: it returns outcomes/],
  ])('when %s/ imports %s/, then the layer table refuses it', (from, to, why) => {
    expect(architecture.violation(from, to)).toMatch(why);
  });

  it.each([
    ['app', 'sandbox'],
    ['actions', 'changes'],
    ['actions', 'views'],
    ['changes', 'history'],
    ['graph', 'domain'],
  ])('when %s/ imports %s/, then the layer table allows it', (from, to) => {
    expect(architecture.violation(from, to)).toBeUndefined();
  });
});

describe('the eslint layer rule', () => {
  // eslint's config loader needs real dynamic import(), which jest's VM lacks: run the CLI.
  const lint = async (file: string, code: string) => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/eslint/bin/eslint.js'),
        '--format',
        'json',
        '--stdin',
        '--stdin-filename',
        file,
      ],
      { cwd: root, input: code, encoding: 'utf8' },
    );
    const [result] = JSON.parse(run.stdout) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>;
    }>;
    return result!.messages.filter((m) => m.ruleId === 'layers/only-downward');
  };

  it('when domain/ imports a use case, then lint fails naming the rule', async () => {
    const messages = await lint(
      'src/domain/wrongWay.ts',
      "import { applyChange } from '../changes/apply';\nexport const x = applyChange;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toMatch(/Wrong-way import of \.\.\/changes\/apply/);
  });

  it('when a production folder imports the sandbox, then lint fails', async () => {
    const messages = await lint(
      'src/identity/wrongWay.ts',
      "export { SANDBOX_PEOPLE } from '../sandbox/users';\n",
    );
    expect(messages).toHaveLength(1);
  });

  it('when an import points down, then lint is quiet', async () => {
    const messages = await lint(
      'src/changes/rightWay.ts',
      "import type { FlowKind } from '../domain/flowSchemas';\nexport type K = FlowKind;\n",
    );
    expect(messages).toEqual([]);
  });
});
