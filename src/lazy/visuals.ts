// Chunk: tables and charts, for kpis and status only.
export { default as Table } from 'cli-table3';
export { default as asciichart } from 'asciichart';
