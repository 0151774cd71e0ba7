// How the bench counts instructions (scripts/bench.mjs, bench-install.mjs).

/**
 * valgrind runs one thread at a time. By default the thread holding its lock mostly takes it again, so
 * V8's compiler threads wait while the main thread runs on in slower tiers: the 10,000-item import
 * counted 9.1 G instructions, 8.0 G of them on the main thread, against 6.1 G with --fair-sched=yes,
 * which hands the lock round in turn as a machine with a core to spare would (and 5.8 G with V8's
 * compiler on the main thread, --single-threaded). Short runs count the same either way (`--help`
 * 517 M / 518 M, `node -e 0` 501 M / 502 M).
 */
export const CALLGRIND = 'valgrind --tool=callgrind --fair-sched=yes --callgrind-out-file=/dev/null';
