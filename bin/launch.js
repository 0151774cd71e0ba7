#!/usr/bin/env node
// Only loads the prebuilt CommonJS bundle (a CJS entry starts faster than an ES module on Node 20),
// through a loader that keeps V8's compiled code between runs.
'use strict';
const { join } = require('node:path');
const dist = join(__dirname, '..', 'dist');
require(join(dist, 'boot.cjs')).loadWithCodeCache(join(dist, 'launch.cjs'));
