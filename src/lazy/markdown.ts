// Chunk: the Markdown parser and importer, loaded only by import, validate and init.
export { importMarkdown } from '../core/import/markdown-import.js';
export { isImportRefused } from '../core/import/nesting.js';
