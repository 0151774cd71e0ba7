// Bundles the CLI into one CommonJS file (faster start-up than ESM on Node 20) with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/launch.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  // import.meta.url does not exist in CommonJS: give modules that locate files the bundle's own URL.
  banner: { js: "const __launchModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { __LAUNCH_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__launchModuleUrl' },
  logLevel: 'warning',
});
