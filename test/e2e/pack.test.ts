// What `npm pack` ships: what runs (the loader, the bundles, the root help, the bundled plan) and the
// package's papers, never a cache, a snapshot or the build's metafile. Scripts are skipped: `prepare`
// would rebuild dist/ under the other tests' feet.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { tempDir } from './run.js';

const packed = (cwd: string): string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
};

const SHIPS = [/^bin\/launch\.js$/, /^dist\/[a-z-]+\.cjs$/, /^dist\/help\.txt$/, /^plans\/[a-z0-9-]+\.(md|yaml)$/, /^man\/launch\.1$/, /^schemas\/[a-z-]+\.schema\.json$/, /^LICENSE$/, /^README\.md$/, /^package\.json$/];

describe('the published package', () => {
  it('ships only what runs and the papers: no cache, snapshot, source or test', () => {
    const files = packed(repoRoot);
    expect(files.filter((f) => !SHIPS.some((re) => re.test(f)))).toEqual([]);
    for (const f of ['bin/launch.js', 'dist/launch.cjs', 'dist/cmd-today.cjs', 'dist/help.txt', 'plans/securenet-launch.yaml', 'plans/securenet-launch.md', 'LICENSE', 'README.md', 'package.json', 'man/launch.1', 'schemas/plan.schema.json', 'schemas/today.schema.json']) {
      expect(files).toContain(f);
    }
  });

  it('leaves out caches and snapshots even when an old version left them in the folders it ships', () => {
    const dir = tempDir('launch-pack-');
    writeFileSync(join(dir, 'package.json'), readFileSync(join(repoRoot, 'package.json')));
    for (const f of ['LICENSE', 'README.md', 'bin']) cpSync(join(repoRoot, f), join(dir, f), { recursive: true });
    mkdirSync(join(dir, 'dist', '.v8-cache'), { recursive: true });
    mkdirSync(join(dir, 'plans'));
    const stray = ['dist/.v8-cache/launch.cjs.1.2.3.v8', 'dist/meta.json', 'dist/launch.cjs.123.tmp', 'plans/.securenet-launch.yaml.snapshot.json', 'plans/.x.yaml.1.2.tmp'];
    for (const f of ['dist/launch.cjs', 'dist/help.txt', 'plans/securenet-launch.yaml', ...stray]) writeFileSync(join(dir, f), 'x');
    expect(packed(dir)).toEqual(['LICENSE', 'README.md', 'bin/launch.js', 'dist/help.txt', 'dist/launch.cjs', 'package.json', 'plans/securenet-launch.yaml']);
  });

  it('is publishable: a scoped name, the `launch` command, an MIT licence, where it lives, Node 20 and later', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toBe('@launch-cli/launch');
    expect(pkg.bin).toEqual({ launch: 'bin/launch.js' });
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toContain('Copyright (c) 2026 the launch authors');
    expect(pkg.repository.url).toContain('github.com/launch-cli/launch');
    expect(pkg.engines).toEqual({ node: '>=20' });
    // Everything is bundled by esbuild: an install fetches nothing.
    expect(pkg.dependencies).toBeUndefined();
  });
});
