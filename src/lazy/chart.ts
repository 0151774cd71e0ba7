// Chunk: the burndown chart, for status only.
export { default as asciichart } from 'asciichart';
