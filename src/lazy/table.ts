// Chunk: tables, for kpis only.
export { default as Table } from 'cli-table3';
