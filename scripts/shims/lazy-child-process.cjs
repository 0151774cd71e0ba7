// commander requires node:child_process at load time for executable subcommands, which launch never
// uses; loading it also loads net, dgram and the stream stack (~5 ms of every run). The real module is
// loaded on first use instead.
'use strict';
module.exports = {
  get spawn() {
    return require('node:child_process').spawn;
  },
};
