// launch export md|ics: the plan and its progress out of the terminal. Each form is its own file with
// its own flags (export-md.ts, export-ics.ts); this one only groups them under `export`.
import { register as registerIcs } from './export-ics.js';
import { register as registerMd } from './export-md.js';
import type { Register } from './shared/command.js';

export const register: Register = (program, rt) => {
  const group = program
    .command('export')
    .description('the plan out of the terminal: its Markdown ticked, or a calendar');
  registerMd(group, rt);
  registerIcs(group, rt);
};
