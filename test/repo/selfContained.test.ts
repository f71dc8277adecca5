/**
 * The repository stands alone: a clone in an empty folder must build and test without files
 * that sit next to it or on the machine it was written on. So no tracked file may name a folder
 * outside the repo or an absolute path of a machine. The patterns are built from pieces so that
 * this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const dot = '.';
const shared = ['sha', 'red'].join('');

const FORBIDDEN: Array<{ what: string; pattern: RegExp }> = [
  {
    what: 'a sibling folder outside the repo',
    pattern: new RegExp(`\\${dot}\\${dot}/${shared}\\b`),
  },
  {
    what: 'the reference folder outside the repo',
    pattern: new RegExp(`${shared}/${'reference'}\\b`),
  },
  { what: 'an absolute path of a machine', pattern: new RegExp(`(^|[\\s'"\`(=:])/${'work'}/`) },
  { what: 'a home folder', pattern: new RegExp(`/${'home'}/[a-z_][\\w.-]*/`) },
  { what: 'a macOS home folder', pattern: new RegExp(`/${'Users'}/[\\w.-]+/`) },
  { what: 'a Windows drive path', pattern: new RegExp(`\\b[A-Z]:\\\\{1,2}(?=[\\w.-])`) },
];

function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && !f.split('/').includes('node_modules'));
  return files.filter((f) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, f));
    } catch {
      return false; // listed but deleted in the working tree
    }
    return !bytes.subarray(0, 8000).includes(0); // binary files (images) have NUL bytes
  });
}

describe('the repository stands alone', () => {
  it('when every tracked text file is read, then none names a path outside the repo', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const { what, pattern } of FORBIDDEN) {
            if (pattern.test(line))
              hits.push(`${file}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
          }
        });
    }
    expect(hits).toEqual([]);
  });

  it('when a line names such a path, then the check catches it', () => {
    const samples = [
      `see ${dot}${dot}/${shared}/notes`,
      `${shared}/reference/x.md`,
      `open /${'work'}/main/file`,
      `/${'home'}/alice/project`,
      `/${'Users'}/bob/code`,
      `C:${'\\'}repo${'\\'}file`,
    ];
    for (const sample of samples) {
      expect(FORBIDDEN.some(({ pattern }) => pattern.test(sample))).toBe(true);
    }
    expect(FORBIDDEN.some(({ pattern }) => pattern.test('docs/graph-notes.md#paging'))).toBe(false);
  });
});
