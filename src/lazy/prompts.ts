// Chunk: the four inquirer prompts launch asks with (~50 ms to load), only when a question is really
// asked. Each from its own package: @inquirer/prompts would also bundle the editor prompt, whose
// encoding tables (iconv-lite, chardet) were nine tenths of this chunk.
export { default as checkbox } from '@inquirer/checkbox';
export { default as confirm } from '@inquirer/confirm';
export { default as input } from '@inquirer/input';
export { default as select } from '@inquirer/select';
