// Package rules is what a valid manifest is made of, stated once: the
// limits on its size, the shapes of its names, the rules for its free
// text, the portable regular-expression dialect of its patterns and the
// names reserved by the outputs. It is the lowest layer of
// the pipeline (it imports nothing from scopegen): load and validate
// apply these rules, model and the emitters read them, the JSON Schema
// renders them (generator/schemaemit) and docs/manifest.md lists the
// limits (a test keeps it equal to Limits).
package rules
