// npm run bench: start-up and scale figures for the README, as ratios to a bare `node -e 0` measured
// in the same hyperfine run (wall times on shared machines swing by ±15%; ratios hold better).
// With --callgrind it also counts instructions (valgrind), which repeat within ~2%.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticEvents, syntheticPlan, worstPlan } from './gen-synthetic.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'launch.js');
const withCallgrind = process.argv.includes('--callgrind');
const runs = Number(process.env.BENCH_RUNS ?? 60);
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);

function need(cmd, hint) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(`${cmd} is not installed: ${hint}`);
    process.exit(1);
  }
}
need('hyperfine', 'install it with `apt-get install hyperfine` (Debian package)');
if (withCallgrind) need('valgrind', 'install it with `apt-get install valgrind`');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const launch = (args, opts = {}) => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, ...opts });
const tmp = mkdtempSync(join(tmpdir(), 'launch-bench-'));
const ids = (dir) => JSON.parse(launch(['list', '--json', '--dir', dir])).items.map((i) => i.id);

// The workspaces are as a team's would be today: their plans started weeks ago, their logs end
// yesterday, and the commands look at today. (A log reaching past today would be folded whole on
// every run: its snapshot would depend on the clock.)
const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (n) => new Date(now - n * DAY).toISOString().slice(0, 10);

// Workspace 1: the bundled plan, in its fifth week, with 1,000 events.
const small = join(tmp, 'small');
mkdirSync(small);
launch(['init', '--start', daysAgo(28), '--tz', 'UTC', '--as', 'bench'], { cwd: small });
appendFileSync(join(small, '.launch', 'events.jsonl'), syntheticEvents(ids(small), 1000, { start: now - 28 * DAY, spanDays: 27 }));

// Workspace 2: 10,000 checklist items over 100 weeks, 100,000 events over the last 690 days.
const big = join(tmp, 'big');
mkdirSync(big);
writeFileSync(join(tmp, 'synthetic.md'), syntheticPlan());
launch(['import', join(tmp, 'synthetic.md'), '-o', join(tmp, 'synthetic.yaml')]);
launch(['init', '--plan', join(tmp, 'synthetic.yaml'), '--start', daysAgo(700), '--tz', 'UTC'], { cwd: big });
appendFileSync(join(big, '.launch', 'events.jsonl'), syntheticEvents(ids(big), 100_000, { start: now - 691 * DAY, spanDays: 690 }));

const S = `--dir ${join(small, '.launch')}`;
const B = `--dir ${join(big, '.launch')}`;
const L = `node ${bin}`;
const cases = [
  { name: 'launch --help', cmd: `${L} --help`, target: 1.15 },
  { name: 'launch today (bundled plan, 1,000 events)', cmd: `${L} today ${S}`, target: 1.25 },
  { name: 'launch check <id> (one append)', cmd: `${L} check redis-setup ${S}`, prepare: `${L} uncheck redis-setup ${S}`, target: 1.35 },
  { name: 'launch kpis', cmd: `${L} kpis ${S}`, target: 1.3 },
  { name: 'launch standup', cmd: `${L} standup ${S}`, target: 1.3 },
  { name: 'launch today (10,000 items, 100,000 events)', cmd: `${L} today ${B}`, target: 2.5, rss: 150 },
];
// Warm the plan snapshots once, as a team's second run of the day would find them.
for (const c of cases) spawnSync('sh', ['-c', `${c.cmd} > /dev/null 2>&1`]);

function hyperfine(commands, prepare, runsEach = runs, warmup = 2) {
  const out = join(tmp, 'hf.json');
  const args = ['-N', '--warmup', String(warmup), '--runs', String(runsEach), '--export-json', out, ...(prepare ? ['--prepare', prepare] : []), ...commands];
  execFileSync('hyperfine', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8')).results;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * This machine's speed shifts by up to 40% within seconds (shared cores), and hyperfine runs all of
 * one command before the next. So each case runs in short rounds (a fraction of a second each),
 * node -e 0 then the case, and the ratio is the median of the rounds' ratios: a slow spell mostly
 * slows both sides of a round.
 */
function compare(cmd, prepare, { runsEach = Math.ceil(runs / rounds), roundsOf = rounds } = {}) {
  const base = [];
  const run = [];
  const ratios = [];
  for (let round = 0; round < roundsOf; round++) {
    const [b, r] = hyperfine(['node -e 0', cmd], prepare, runsEach, 1);
    base.push(...b.times);
    run.push(...r.times);
    ratios.push(r.median / b.median);
  }
  return { baseMs: median(base) * 1000, runMs: median(run) * 1000, ratio: median(ratios) };
}

function peakRssMb(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `${cmd} > /dev/null 2>/dev/null`], { encoding: 'utf8' });
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
}

function instructions(cmd) {
  const r = spawnSync('sh', ['-c', `valgrind --tool=callgrind --callgrind-out-file=/dev/null ${cmd} > /dev/null`], { encoding: 'utf8' });
  const m = /Collected\s*:\s*(\d+)/.exec(r.stderr);
  return m ? Number(m[1]) : NaN;
}

const baselineInstr = withCallgrind ? instructions('node -e 0') : undefined;
const rows = [];
for (const c of cases) {
  const { baseMs, runMs, ratio } = compare(c.cmd, c.prepare);
  const row = { case: c.name, medianMs: +runMs.toFixed(1), baselineMs: +baseMs.toFixed(1), ratio: +ratio.toFixed(2), target: c.target };
  if (c.rss) Object.assign(row, { peakRssMb: +Math.max(peakRssMb(c.cmd), peakRssMb(c.cmd)).toFixed(1), rssTarget: c.rss });
  if (withCallgrind) {
    if (c.prepare) spawnSync('sh', ['-c', `${c.prepare} > /dev/null 2>&1`]);
    Object.assign(row, { instrRatio: +(instructions(c.cmd) / baselineInstr).toFixed(2) });
  }
  rows.push(row);
}
// An absolute target, so the node -e 0 beside it only says how fast the machine was at the time.
const imp = compare(`${L} import ${join(tmp, 'synthetic.md')} -o ${join(tmp, 'again.yaml')}`, undefined, { runsEach: 2, roundsOf: 6 });
rows.push({ case: 'launch import (10,000-item Markdown plan)', medianMs: +imp.runMs.toFixed(0), baselineMs: +imp.baseMs.toFixed(1), targetMs: 1500 });

// The size limit holds only if a plan at the limit imports in bounded time and memory: the worst
// shape (see worstPlan) at the limit, one run, wall time and peak RSS.
const limitMb = Number(/MAX_MARKDOWN_BYTES = (\d+) \* 1024 \* 1024/.exec(readFileSync(join(root, 'src', 'io', 'text-file.ts'), 'utf8'))[1]);
const maxItems = Number(/MAX_PLAN_ITEMS = ([\d_]+)/.exec(readFileSync(join(root, 'src', 'core', 'plan', 'limits.ts'), 'utf8'))[1].replace(/_/g, ''));
writeFileSync(join(tmp, 'limit.md'), worstPlan(limitMb * 1024 * 1024, maxItems));
const atLimit = spawnSync('/usr/bin/time', ['-f', '%e %M', 'sh', '-c', `${L} import ${join(tmp, 'limit.md')} -o ${join(tmp, 'limit.yaml')} > /dev/null`], { encoding: 'utf8' });
const [limitSeconds, limitKb] = atLimit.stderr.trim().split('\n').pop().split(' ').map(Number);
rows.push({ case: `launch import (${limitMb} MB, ${maxItems.toLocaleString('en')}-item plan at the limits, worst shape)`, medianMs: Math.round(limitSeconds * 1000), targetMs: 30_000, peakRssMb: Math.round(limitKb / 1024), rssTarget: 1024 });

// Installed as users install it, run as a user who cannot write the prefix (scripts/bench-install.mjs).
rows.push(...(await import('./bench-install.mjs')).benchInstall({ rounds, runsEach: Math.ceil(runs / rounds), callgrind: withCallgrind }));

const pass = (r) => (r.target ? r.ratio <= r.target : r.medianMs <= r.targetMs) && (!r.rssTarget || r.peakRssMb <= r.rssTarget);
console.log(`\n| case | median | node -e 0 | ratio | target |${withCallgrind ? ' instr. ratio |' : ''}`);
console.log(`|---|---|---|---|---|${withCallgrind ? '---|' : ''}`);
for (const r of rows) {
  const rss = r.rssTarget ? `, RSS ≤ ${r.rssTarget} MB` : '';
  const target = r.target ? `≤ ${r.target}×${rss}` : `≤ ${r.targetMs} ms${rss}`;
  const ratio = r.ratio ? `${r.ratio}×${r.peakRssMb ? `, ${r.peakRssMb} MB` : ''}` : r.peakRssMb ? `${r.peakRssMb} MB` : '';
  console.log(`| ${r.case} | ${r.medianMs} ms | ${r.baselineMs ?? ''}${r.baselineMs ? ' ms' : ''} | ${ratio} | ${target} ${pass(r) ? '✔' : '✖'} |${withCallgrind ? ` ${r.instrRatio ?? ''}${r.instrRatio ? '×' : ''} |` : ''}`);
}
const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, runs, rounds, rows }, null, 2)}\n`);
console.log(`\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node} · written to bench/results.json`);
rmSync(tmp, { recursive: true, force: true });
