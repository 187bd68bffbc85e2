// Stands in for Node built-ins (fs, path) in browser bundles; see next.config.ts.
module.exports = {};
