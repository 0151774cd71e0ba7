// Chunk: zod, once for every file that uses it (the plan and config parser, doctor, the CI report
// readers): scripts/build.mjs sends each of their `import … from 'zod'` here.
export * from 'zod';
