// Mutation check: the suite must notice a mechanism broken in one emitted
// host runtime or in the universal entry's data-driven flow. Each mutant is a
// copy of the package with one edit to one emitted file (ES module or CommonJS); the matrix runs against it
// (SCOPEGEN_NPM) in a child process and must fail. The unmodified copy must pass,
// so a failure is the mutant's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { patchedCopy, pkg } from "./load.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const cjs = path.extname(pkg.exports["."].require.default);
const suite = ["matrix.test.mjs", "privacy.test.mjs"].map((f) => path.join(here, f));

// NODE_TEST_CONTEXT would make the child report to this runner instead of running on its own.
const runSuite = (dir) => {
  const env = { ...process.env, SCOPEGEN_NPM: dir };
  delete env.NODE_TEST_CONTEXT;
  return spawnSync(process.execPath, ["--test", ...suite], { env, encoding: "utf8" });
};

const MUTANTS = [
  ["wechat.mjs: a recorded refusal no longer rejects", "dist/wechat.mjs", (js) => js.replace(/  if \(granted === false\) throw failure\("AUTH_DENIED", scope, platform\);\n/, "")],
  // WeChat's button scopes are its last step: the untested throw.
  ["wechat" + cjs + ": the button mechanism is skipped", "dist/wechat" + cjs, (js) => js.replace(/    throw failure\("BUTTON_REQUIRED", scope, platform\);\n/, "    return ok;\n")],
  ["bytedance.mjs: getSetting is read before the host's own authorize", "dist/bytedance.mjs", (js) => js.replace(/    await ask\(api, scope, "authorize"/, '    await ask(api, scope, "getSetting");\n$&')],
  ["alipay.mjs: the probe is not called", "dist/alipay.mjs", (js) => js.replace("await ask(api, scope, probe);", "")],
  ["baidu.mjs: the denial codes are lost", "dist/baidu.mjs", (js) => js.replace(/\[10003, 11003\]\.includes/, "[].includes")],
  ["index.mjs: the universal flow skips the button mechanism", "dist/index.mjs", (js) => js.replace(/  if \(isIn\(h\.BUTTON, scope\)\) throw failure\("BUTTON_REQUIRED", scope, h\.platform\);\n/, "")],
  ["index" + cjs + ": the universal flow no longer classifies privacy failures", "dist/index" + cjs, (js) => js.replace("privacyFailure(h, e) || ", "")],
  ["wechat.mjs: privacy failures are not classified", "dist/wechat.mjs", (js) => js.replace("throw failure(privacyFailure(e) || (", "throw failure((")],
];

test("the unmodified copy passes the matrix and privacy suites", { timeout: 120_000 }, () => {
  const dir = patchedCopy({});
  try {
    const run = runSuite(dir);
    assert.equal(run.status, 0, run.stdout.split("\n").filter((l) => l.startsWith("not ok")).join("\n"));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

for (const [name, file, edit] of MUTANTS) {
  test(`mutant fails the suite: ${name}`, { timeout: 120_000 }, () => {
    const dir = patchedCopy({ [file]: edit });
    try {
      const run = runSuite(dir);
      assert.notEqual(run.status, 0, "the suite passed against a broken runtime");
      assert.match(run.stdout, /^not ok /m);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
}
