// Bundles the CLI with esbuild into CommonJS (an ES module costs ~10% more start-up on Node 20).
// Start-up pays only for what a run uses: dist/launch.cjs holds the command-line parser; each command
// is its own file (cmd-<name>.cjs, loaded when that command runs), and heavy libraries are chunks a
// command loads only when it needs them (src/lazy/*: Markdown parser, yaml+zod, prompts, the chart).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * The build's identity, which every cache is keyed to (src/io/store/build-id.ts): a hash of the
 * sources and the locked dependencies, so that code that folds or reads differently never trusts a
 * snapshot written by other code.
 */
function buildId() {
  const hash = createHash('sha256');
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const files = readdirSync(src, { recursive: true }).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(src, f))).update('\0');
  hash.update(readFileSync(new URL('../package-lock.json', import.meta.url)));
  return `${pkg.version}+${hash.digest('hex').slice(0, 16)}`;
}
const BUILD = buildId();
const tsFiles = (dir) => readdirSync(new URL(`../src/${dir}/`, import.meta.url)).filter((f) => f.endsWith('.ts'));
const chunks = tsFiles('lazy');
const commands = tsFiles('commands');

/**
 * `import('../lazy/parse.js')` becomes `require('./parse.cjs')`, and cli.ts's
 * `import('./commands/today.js')` becomes `require('./cmd-today.cjs')`, resolved next to the bundle.
 */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    // The width libraries cost ~280 M instructions to load (src/lazy/text-width.ts): fit.ts gets getters
    // that require the chunk when first called, not at start-up.
    b.onResolve({ filter: /(^|\/)lazy\/text-width\.js$/ }, (args) => (args.importer.endsWith('/src/render/fit.ts') ? { path: 'text-width', namespace: 'lazy-text-width' } : undefined));
    b.onResolve({ filter: /^\.\/text-width\.cjs$/, namespace: 'lazy-text-width' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-text-width' }, () => ({
      loader: 'js',
      contents: `const real = () => require('./text-width.cjs');
module.exports = { get stringWidth() { return real().stringWidth; }, get wrapAnsi() { return real().wrapAnsi; } };`,
    }));
    b.onResolve({ filter: /(^|\/)lazy\/[a-z-]+\.js$/ }, (args) => ({ path: `./${basename(args.path, '.js')}.cjs`, external: true }));
    b.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('cli.ts') ? { path: `./cmd-${basename(args.path, '.js')}.cjs`, external: true } : undefined,
    );
  },
};

/**
 * zod and yaml are chunks of their own (src/lazy/zod.ts, yaml.ts), required by every file that uses
 * them: each esbuild entry point would otherwise bundle its own copy (zod was in three files, yaml in
 * two). Builds of CommonJS cannot split code, so the sharing is done here. Marked free of side effects,
 * so that a file whose every use of them was shaken out does not load them (sync, through doctor's
 * log reader, would load zod for nothing).
 */
const sharedLibraries = {
  name: 'shared-libraries',
  setup(b) {
    b.onResolve({ filter: /^(zod|yaml)$/ }, (args) => (args.importer.endsWith(`/src/lazy/${args.path}.ts`) ? undefined : { path: `./${args.path}.cjs`, external: true, sideEffects: false }));
  },
};

/**
 * Start-up shims for libraries' load-time work that launch never needs; each file in scripts/shims/
 * says why. node:child_process is the exception, generated here with a getter for every function the
 * running Node has, so whatever a library calls is there, loaded on first use.
 */
const childProcessNames = Object.keys(await import('node:child_process')).filter((name) => name !== 'default');
const shims = {
  name: 'start-up-shims',
  setup(b) {
    const shim = (file) => ({ path: fileURLToPath(new URL(`./shims/${file}`, import.meta.url)) });
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (args.importer.includes('/node_modules/chalk/') ? shim('no-color-detection.js') : undefined));
    b.onResolve({ filter: /^graceful-fs$/ }, (args) => (args.importer.includes('/node_modules/proper-lockfile/') ? shim('plain-fs.cjs') : undefined));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === 'lazy-child-process' ? { path: 'node:child_process', external: true } : { path: 'child_process', namespace: 'lazy-child-process' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      loader: 'js',
      contents: `// node:child_process loads net, dgram and the stream stack (~5 ms), yet most runs spawn nothing.
const real = () => require('node:child_process');
module.exports = { ${childProcessNames.map((name) => `get ${name}() { return real().${name}; }`).join(', ')} };`,
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: process.env.LAUNCH_NO_MINIFY !== '1',
  legalComments: 'none',
  // Chunks are loaded with require(): a real import() would start Node's ES module loader.
  supported: { 'dynamic-import': false },
  // import.meta.url does not exist in CommonJS: give modules that locate files the bundle's own URL.
  // "use strict" first: a banner before esbuild's own directive would leave the bundle in sloppy mode.
  // The build id on line 2 keys bin/launch.js's code cache, which reads it from there.
  banner: { js: `'use strict';\n/* launch build ${BUILD} */\nconst __launchModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
  define: { __LAUNCH_VERSION__: JSON.stringify(pkg.version), __LAUNCH_BUILD__: JSON.stringify(BUILD), 'import.meta.url': '__launchModuleUrl' },
  plugins: [lazyChunks, sharedLibraries, shims],
  logLevel: 'warning',
};

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
// LAUNCH_METAFILE=1 writes esbuild's metafile of every output to dist/meta.json (what each file holds,
// byte by byte); `npm pack` leaves it out.
const metafile = process.env.LAUNCH_METAFILE === '1';
const results = await Promise.all([
  build({ ...common, metafile, entryPoints: ['src/main.ts'], outfile: 'dist/launch.cjs' }),
  build({ ...common, metafile, entryPoints: chunks.map((f) => `src/lazy/${f}`), outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  build({
    ...common,
    metafile,
    entryPoints: Object.fromEntries(commands.map((f) => [`cmd-${basename(f, '.ts')}`, `src/commands/${f}`])),
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
]);
if (metafile) {
  const merged = { inputs: {}, outputs: {} };
  for (const r of results) Object.assign(merged.inputs, r.metafile.inputs) && Object.assign(merged.outputs, r.metafile.outputs);
  writeFileSync('dist/meta.json', JSON.stringify(merged));
}

// The root help, rendered once by the bundle itself (help is always 80 columns; see src/cli.ts), so
// that `launch --help` only prints a file. Rendered through a pipe, with no help.txt yet in dist/.
const help = execFileSync(process.execPath, ['dist/launch.cjs', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
writeFileSync('dist/help.txt', help);

// launch(1), made by the bundle from the same command definitions as the help (src/render/man.ts).
// Generated, not committed, like dist/: `npm install` and `npm pack` run this build (prepare).
const man = execFileSync(process.execPath, ['dist/launch.cjs', '__man'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
mkdirSync('man', { recursive: true });
writeFileSync('man/launch.1', man);
