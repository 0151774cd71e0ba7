// Chunk: the Markdown importer that parses large plans on two threads, loaded by `launch import`.
// Separate from markdown.ts so validate, init and plan update keep their synchronous importer.
export { importMarkdownFast, parseMarkdownFast } from '../io/parallel-markdown.js';
