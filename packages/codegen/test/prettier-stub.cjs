// json-schema-to-typescript loads Prettier when it is imported, and Prettier 3's CommonJS entry
// starts a dynamic import that jest's VM cannot run. Floe compiles with `format: false`, so
// Prettier is never called; this stand-in only has to load.
module.exports = {
  format() {
    throw new Error('Prettier is not used by @floe/codegen (format: false)');
  },
};
