// node:child_process, loaded on first use. Loading it also loads net, dgram and the stream stack
// (~5 ms), yet most runs spawn nothing: commander requires it at load time for executable subcommands,
// which launch never uses, and launch itself runs git only in init, sync and actor lookup.
// Every function launch or its libraries use must be listed here.
'use strict';
const real = () => require('node:child_process');
module.exports = {
  get spawn() {
    return real().spawn;
  },
  get spawnSync() {
    return real().spawnSync;
  },
  get execFile() {
    return real().execFile;
  },
  get execFileSync() {
    return real().execFileSync;
  },
};
