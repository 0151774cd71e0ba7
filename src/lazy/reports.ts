// Chunk: the CI report readers (JSON, XML with fast-xml-parser, lcov; shapes checked with zod), loaded
// only by `kpi record --from` — never on the start-up path of `today` or of a typed `kpi record`.
export { measureWords, readingFor } from '../core/reports/reading.js';
export { loadReport, workspaceRoot } from '../io/report-file.js';
