// robustness.test.mjs against every other entry kind (the host entries as
// CommonJS, the universal entry as ES module and CommonJS), and
// behaviour.test.mjs against the CommonJS host entries (its cases name the
// universal entry themselves), each in its own process, so the cases written
// against the ES host entries hold for all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = [
  ["robustness.test.mjs", ["js", "index.mjs", "index.js"]],
  ["behaviour.test.mjs", ["js"]],
];

for (const [name, kinds] of RUNS) for (const kind of kinds) {
  const file = path.join(here, name);
  test(`${name} with SCOPEGEN_ENTRY_KIND=${kind}`, { timeout: 120_000 }, () => {
    const env = { ...process.env, SCOPEGEN_ENTRY_KIND: kind };
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(process.execPath, ["--test", file], { env, encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout.split("\n").filter((l) => /^not ok|^\s+error:/.test(l)).join("\n"));
    assert.match(run.stdout, /^# pass [1-9]/m);
  });
}
