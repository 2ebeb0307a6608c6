// WeChat's own npm build, for real: miniprogram-ci's packNpmManually (the
// devtools' "build npm", offline, no appid) over a tiny native mini-program
// that depends on the generated package; then the packed file is loaded in
// Node under a simulated wx and runs the authorize flow.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { pkg, pkgDir } from "../js/load.mjs";
import { createHost, onHost } from "../js/simhost.mjs";

const require = createRequire(import.meta.url);
const ci = require("miniprogram-ci");

// A native mini-program: one page that imports the package by its name,
// as WeChat resolves it from miniprogram_npm after "build npm".
function miniProgram(dir) {
  const json = (file, value) => writeFileSync(path.join(dir, file), JSON.stringify(value, null, 2));
  json("project.config.json", {
    appid: "touristappid", compileType: "miniprogram", miniprogramRoot: "./",
    setting: { packNpmManually: true, packNpmRelationList: [{ packageJsonPath: "./package.json", miniprogramNpmDistDir: "./" }] },
  });
  json("package.json", { name: "scopegen-wechat-ci-fixture", version: "1.0.0", private: true, dependencies: { [pkg.name]: `file:${pkgDir}` } });
  json("app.json", { pages: ["pages/index/index"] });
  writeFileSync(path.join(dir, "app.js"), "App({});\n");
  mkdirSync(path.join(dir, "pages/index"), { recursive: true });
  writeFileSync(path.join(dir, "pages/index/index.js"), [
    `const { authorize } = require(${JSON.stringify(pkg.name)});`,
    "Page({ onLoad() { authorize({ scope: 'scope.userLocation' }); } });",
  ].join("\n"));
  // npm install with file: would link; the builder reads node_modules, so
  // the package is copied there as npm pack would ship it.
  const installed = path.join(dir, "node_modules", ...pkg.name.split("/"));
  mkdirSync(installed, { recursive: true });
  for (const entry of ["package.json", ...pkg.files, "README.md"]) {
    if (existsSync(path.join(pkgDir, entry))) cpSync(path.join(pkgDir, entry), path.join(installed, entry), { recursive: true });
  }
}

test("packNpmManually packs the generated package and the packed module runs under wx", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "scopegen-wechat-ci-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  miniProgram(dir);

  const result = await ci.packNpmManually({ packageJsonPath: path.join(dir, "package.json"), miniprogramNpmDistDir: dir });
  assert.deepEqual(result.warnList, [], "the builder warns about nothing");
  assert.equal(result.otherNpmPackNum, 1, "one npm package bundled from its main entry");
  const packed = path.join(dir, "miniprogram_npm", ...pkg.name.split("/"), "index.js");
  assert.ok(existsSync(packed), `no ${packed}`);
  assert.match(readFileSync(packed, "utf8"), /^module\.exports = /, "one CommonJS file");

  const mod = createRequire(packed)(packed);
  const sim = createHost("wechat");
  await onHost(sim, async () => {
    const first = await mod.authorize({ scope: "scope.userLocation" });
    assert.equal(first.scope, "scope.userLocation");
    assert.equal(first.platform, "wechat", "the universal entry detects WeChat");
    assert.equal(sim.prompts, 1, "the user is asked once");

    const second = await mod.authorize({ scope: "scope.userLocation" });
    assert.equal(second.scope, "scope.userLocation");
    assert.equal(sim.prompts, 1, "then straight through, without a prompt");

    const calls = sim.calls.length;
    const err = await mod.authorize({ scope: "scope.notAScope" }).then(() => assert.fail("resolved"), (e) => e);
    assert.equal(err.errCode, "UNKNOWN_SCOPE");
    assert.equal(sim.calls.length, calls, "an unknown scope makes no native call");
  });
});
