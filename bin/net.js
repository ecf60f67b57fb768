#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts a CommonJS entry faster than an ES module.
require('../dist/net.cjs');
