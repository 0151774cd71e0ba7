// Bundles the CLI with esbuild into CommonJS (an ES module costs ~10% more start-up on Node 20).
// The start-up bundle holds the commands and the pure core; heavy libraries live in chunks that a
// command loads only when it needs them (src/lazy/*: Markdown parser, yaml+zod, prompts, tables).
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const chunks = readdirSync(new URL('../src/lazy/', import.meta.url)).filter((f) => f.endsWith('.ts'));

/** `import('../lazy/parse.js')` becomes `require('./parse.cjs')`, resolved next to the bundle. */
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /(^|\/)lazy\/[a-z-]+\.js$/ }, (args) => ({ path: `./${basename(args.path, '.js')}.cjs`, external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  // import.meta.url does not exist in CommonJS: give modules that locate files the bundle's own URL.
  banner: { js: "const __launchModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { __LAUNCH_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__launchModuleUrl' },
  plugins: [lazyChunks],
  logLevel: 'warning',
};

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/launch.cjs', metafile: process.env.LAUNCH_METAFILE === '1' }).then((r) => r.metafile && writeFileSync('dist/meta.json', JSON.stringify(r.metafile))),
  build({ ...common, entryPoints: chunks.map((f) => `src/lazy/${f}`), outdir: 'dist', outExtension: { '.js': '.cjs' } }),
]);
