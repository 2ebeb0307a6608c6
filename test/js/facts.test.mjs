// The package's tables.json (written by the emitter) says what the
// manifest says, read independently (facts.mjs): the suites that take their
// expectations from facts.mjs test the emitter against the manifest.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pkgDir } from "./load.mjs";
import { readFacts } from "./facts.mjs";

test("tables.json says what manifest.yaml says", () => {
  const tables = JSON.parse(readFileSync(path.join(pkgDir, "tables.json"), "utf8"));
  delete tables["//"];
  assert.deepEqual(tables, readFacts());
});
