// string-width for cli-table3, with a fast path. cli-table3 measures each cell several times, and
// string-width 4 runs a 10 KB emoji regex (built anew on every call) over each string: four small
// KPI tables cost more than the rest of `launch kpis`. Text made only of characters that are one
// column wide, and can start no emoji sequence, is as wide as it is long; anything else (colour codes
// included) goes to string-width itself. test/render/string-width-fast.test.ts checks every
// character of the fast set against string-width.
'use strict';
const stringWidth = require('string-width');

const NARROW = /^[\x20-\x7e\xa0-\u02ff\u2010-\u203b\u25a0\u25cb\u2714\u2716]*$/;

function fastStringWidth(string) {
  return typeof string === 'string' && NARROW.test(string) ? string.length : stringWidth(string);
}
module.exports = fastStringWidth;
module.exports.default = fastStringWidth;
module.exports.NARROW = NARROW;
