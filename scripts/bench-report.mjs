// node scripts/bench-report.mjs: how long `launch report` takes and how big its page is, on the
// bundled plan in its fifth week with 1,000 events (the bench's small workspace) and on the seeded
// golden workspace's plan. Wall time of the whole process, median of BENCH_RUNS runs (default 15);
// the issue asks for under 0.5 s and under 200 KB.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticEvents } from './gen-synthetic.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'launch.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const launch = (args, cwd) => execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const tmp = mkdtempSync(join(tmpdir(), 'launch-bench-report-'));
const DAY = 86_400_000;
const now = Date.now();
const dir = join(tmp, 'small');
mkdirSync(dir);
launch(['init', '--start', new Date(now - 28 * DAY).toISOString().slice(0, 10), '--tz', 'UTC', '--as', 'bench'], dir);
const ids = JSON.parse(launch(['list', '--json'], dir)).items.map((i) => i.id);
appendFileSync(join(dir, '.launch', 'events.jsonl'), syntheticEvents(ids, 1000, { start: now - 28 * DAY, spanDays: 27 }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// `launch status` reads the same whole log for its burndown: the yardstick on a busy machine.
for (const [format, file] of [['html', 'report.html'], ['md', 'report.md'], ['status', '']]) {
  const args = format === 'status' ? ['status'] : ['report', '--format', format, '--out', file];
  launch(args, dir); // warm the plan and fold snapshots
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    launch(args, dir);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const base = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', '0']);
    base.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const size = file ? `, ${(statSync(join(dir, file)).size / 1024).toFixed(1)} KB` : '';
  console.log(`launch ${args.slice(0, 3).join(' ')} (bundled plan, 1,000 events): ${median(times).toFixed(0)} ms median of ${runs} (node -e 0: ${median(base).toFixed(0)} ms)${size}`);
}
rmSync(tmp, { recursive: true, force: true });
