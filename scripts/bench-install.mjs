// The bench's install case: launch as users get it. `npm pack`, `npm install -g` into a temporary
// prefix, the prefix made read-only, then `launch today` with and without a workspace as a user who
// cannot write the prefix (run as root, that user is nobody, through setpriv: root writes through any
// chmod). Each case is measured after two warm-up runs, so the user's caches (~/.cache/launch) are in
// place: callgrind instructions as a ratio to `node -e 0` (repeatable within ~1%), and wall time in
// short alternating rounds with hyperfine (see bench.mjs). The prefix must be left exactly as it was:
// the bench stops if a run wrote there.
// Without valgrind, only wall times.
//
// `node scripts/bench-install.mjs` prints its own table; scripts/bench.mjs adds its rows to its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALLGRIND } from './bench-callgrind.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 1.3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every path under a directory with its size and mtime. */
function tree(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => {
      const st = lstatSync(join(dir, f));
      return `${f} ${st.size} ${st.mtimeMs}`;
    })
    .sort();
}

function each(dir, fn) {
  fn(dir);
  for (const f of readdirSync(dir, { recursive: true })) if (!lstatSync(join(dir, f)).isSymbolicLink()) fn(join(dir, f));
}

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Rows for bench.mjs's table: { case, medianMs, baselineMs, ratio, target, instrRatio, instrTarget,
 * prefixUntouched }. `rounds` and `runsEach` size the wall-time measurement.
 */
export function benchInstall({ rounds = 10, runsEach = 3, callgrind = true } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'launch-bench-install-'));
  try {
    chmodSync(tmp, 0o755);
    const prefix = join(tmp, 'prefix');
    const home = join(tmp, 'home');
    const nowhere = join(tmp, 'nowhere');
    const workspace = join(tmp, 'workspace');
    // The bench builds dist/ first (npm run bench runs after a build); pack it as it is.
    const npm = (...args) => execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tgz = npm('pack', '--ignore-scripts', '--silent', '--pack-destination', tmp).trim().split('\n').pop();
    npm('install', '-g', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(tmp, tgz));
    const bin = join(prefix, 'bin', 'launch');


    // As root, run as nobody, who owns the home and the workspace but nothing of the prefix. The
    // environment is the bench's own (as bench.mjs), with a home of its own and no cache overrides.
    const asRoot = process.getuid?.() === 0;
    const as = asRoot ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : '';
    const envOf = (clean) => `env -u LAUNCH_CACHE_DIR -u XDG_CACHE_HOME ${clean ? '-u NODE_EXTRA_CA_CERTS ' : ''}HOME=${quote(home)} `;
    const node = quote(process.execPath);
    /** A shell command running node as that user in `cwd`; `tool` goes before node (valgrind). */
    const command = (cwd, args, { clean = false, tool = '' } = {}) => `cd ${quote(cwd)} && exec ${as}${envOf(clean)}${tool}${node} ${args}`;
    const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
    for (const d of [home, nowhere, workspace]) mkdirSync(d);
    if (asRoot) for (const d of [home, nowhere, workspace]) chownSync(d, 65534, 65534);
    each(prefix, (p) => chmodSync(p, statSync(p).mode & 0o7555));
    const init = sh(command(workspace, `${quote(bin)} init --as bench`));
    if (init.status !== 0) throw new Error(`launch init failed: ${init.stderr}`);

    const before = tree(prefix);
    const cases = [
      { name: 'installed: launch today (no workspace, bundled plan)', cwd: nowhere },
      { name: 'installed: launch today (new workspace)', cwd: workspace },
    ];
    const rows = [];
    const instructions = (cwd, args, clean) => {
      const r = sh(`${command(cwd, args, { clean, tool: `${CALLGRIND} ` })} > /dev/null`);
      const m = /Collected\s*:\s*(\d+)/.exec(r.stderr);
      return m ? Number(m[1]) : NaN;
    };
    // NODE_EXTRA_CA_CERTS makes Node parse a certificate bundle at start (~0.42 G instructions of a
    // bare start's 0.50 G on the bench machine): the ratio without it is what a user without it sees.
    const extraCerts = Boolean(process.env.NODE_EXTRA_CA_CERTS);
    const baseline = callgrind ? instructions(nowhere, '-e 0', false) : undefined;
    const baselineClean = callgrind && extraCerts ? instructions(nowhere, '-e 0', true) : undefined;
    for (const c of cases) {
      const cmd = command(c.cwd, `${quote(bin)} today`);
      for (let i = 0; i < 2; i++) sh(`${cmd} > /dev/null 2>&1`);
      const base = [];
      const run = [];
      const ratios = [];
      const out = join(tmp, 'hf.json');
      for (let round = 0; round < rounds; round++) {
        execFileSync('hyperfine', ['-N', '--warmup', '1', '--runs', String(runsEach), '--export-json', out, `sh -c ${quote(command(c.cwd, '-e 0'))}`, `sh -c ${quote(cmd)}`], { stdio: ['ignore', 'ignore', 'inherit'] });
        const [b, r] = JSON.parse(readFileSync(out, 'utf8')).results;
        base.push(...b.times);
        run.push(...r.times);
        ratios.push(r.median / b.median);
      }
      const row = { case: c.name, medianMs: +(median(run) * 1000).toFixed(1), baselineMs: +(median(base) * 1000).toFixed(1), ratio: +median(ratios).toFixed(2), target: TARGET };
      if (callgrind) Object.assign(row, { instrRatio: +(instructions(c.cwd, `${quote(bin)} today`, false) / baseline).toFixed(2), instrTarget: TARGET });
      if (baselineClean) Object.assign(row, { instrRatioWithoutExtraCerts: +(instructions(c.cwd, `${quote(bin)} today`, true) / baselineClean).toFixed(2) });
      rows.push(row);
    }
    const after = tree(prefix);
    const changed = [...after.filter((f) => !before.includes(f)), ...before.filter((f) => !after.includes(f))];
    if (changed.length > 0) throw new Error(`launch wrote under the install prefix ${prefix}:\n${changed.join('\n')}`);
    const untouched = true;
    const cached = readdirSync(home, { recursive: true }).filter((f) => /\.(v8|snapshot\.json)$/.test(f)).length;
    for (const row of rows) Object.assign(row, { prefixUntouched: untouched, userCacheFiles: cached });
    return rows;
  } finally {
    // Give write permission back, so the prefix can be removed.
    try {
      each(join(tmp, 'prefix'), (p) => chmodSync(p, statSync(p).mode | 0o200));
    } catch {
      // never installed
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const withCallgrind = spawnSync('valgrind', ['--version']).status === 0;
  if (!withCallgrind) console.error('valgrind is not installed: wall times only (apt-get install valgrind)');
  const rows = benchInstall({ callgrind: withCallgrind });
  console.log('\n| case | median | node -e 0 | ratio | instr. ratio (target ≤ 1.3×) | without NODE_EXTRA_CA_CERTS | prefix untouched |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const ok = (r.instrRatio ?? r.ratio) <= TARGET && r.prefixUntouched;
    console.log(`| ${r.case} | ${r.medianMs} ms | ${r.baselineMs} ms | ${r.ratio}× | ${r.instrRatio ?? ''}${r.instrRatio ? '×' : ''} ${ok ? '✔' : '✖'} | ${r.instrRatioWithoutExtraCerts ?? ''}${r.instrRatioWithoutExtraCerts ? '×' : ''} | ${r.prefixUntouched ? 'yes' : 'NO'} (${r.userCacheFiles} files in the user cache) |`);
  }
}
