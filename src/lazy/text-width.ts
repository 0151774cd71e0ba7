// Display widths and wrapping (string-width, wrap-ansi, strip-ansi): a chunk of its own, required on
// first use (scripts/build.mjs), because string-width builds an Intl.Segmenter and Unicode-set regular
// expressions when it loads: ~280 M instructions, more than half of a bare `node -e 0`, which every run
// paid, `launch --help` included. src/render/fit.ts measures plain ASCII without it.
export { default as stringWidth } from 'string-width';
export { default as wrapAnsi } from 'wrap-ansi';
