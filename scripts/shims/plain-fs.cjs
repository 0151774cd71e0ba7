// graceful-fs for proper-lockfile, replaced by plain fs at build time. graceful-fs patches fs when it
// loads (~1.5 ms, and it pulls in fs streams) so that opening too many files at once queues instead of
// failing with EMFILE; a launch command holds a handful of files, and proper-lockfile's own
// operations are a mkdir, a utimes and an rmdir.
'use strict';
module.exports = require('node:fs');
