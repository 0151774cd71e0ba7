// Chunk: yaml, once for the plan and config parser and the Markdown importer (its front matter):
// scripts/build.mjs sends each of their `import … from 'yaml'` here.
export * from 'yaml';
