// The spec's promises beyond the matrix: unknown and unsupported scopes,
// callbacks together with the Promise, throwing callbacks, no synchronous
// throw, native errors, universal detection, universal getSetting keys,
// authorizeApi, and the CommonJS build behaving like the ES one.
// The hosts are the testing kit's (the package's ./testing), as a user's
// tests would have them; test/kit/facts.test.mjs checks the kit
// against manifest.yaml on its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importEntry, requireEntry, hostIds, pkg, tableOf } from "./load.mjs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pkgDir } from "./load.mjs";

// SCOPEGEN_ENTRY_KIND picks the host entries the cases drive ("mjs" by
// default, "js" for CommonJS); robustness-kinds.test.mjs runs the other.
const KIND = process.env.SCOPEGEN_ENTRY_KIND ?? "mjs";
const load = (id) => (KIND === "js" ? requireEntry(id) : importEntry(id));
const wechat = await load("wechat");
const alipay = await load("alipay");
const universal = await load("index");
// The testing kit of the package under test (generated/npm, or $SCOPEGEN_NPM).
const { simulateHost } = await importEntry("testing");

const rejection = (p) => p.then(() => assert.fail("resolved"), (e) => e);
// Runs fn with the simulated hosts installed (the last one's globals win),
// then uninstalls them in reverse order.
async function onHost(sims, fn) {
  const list = [].concat(sims);
  list.forEach((sim) => sim.install());
  try {
    return await fn();
  } finally {
    list.reverse().forEach((sim) => sim.uninstall());
  }
}

test("unknown scope: UNKNOWN_SCOPE, no native call, even without a host", async () => {
  for (const scope of ["scope.nope", "toString", "__proto__", "", undefined, 42, ["scope.camera"], Symbol("scope.camera"), { toString: () => "scope.camera" }]) {
    const sim = simulateHost("wechat");
    const err = await onHost(sim, () => rejection(wechat.authorize({ scope })));
    assert.equal(err.errCode, "UNKNOWN_SCOPE", String(scope));
    assert.deepEqual(sim.calls, []);
  }
  assert.equal((await rejection(universal.authorize({ scope: "scope.nope" }))).errCode, "UNKNOWN_SCOPE");
});

test("unsupported scope: UNSUPPORTED_SCOPE with no native call", async () => {
  const scope = Object.keys(tableOf("bytedance").scopes).find((s) => !wechat.scopes.includes(s));
  const sim = simulateHost("wechat");
  const err = await onHost(sim, () => rejection(wechat.authorize({ scope })));
  assert.equal(err.errCode, "UNSUPPORTED_SCOPE");
  assert.equal(err.platform, "wechat");
  assert.deepEqual(sim.calls, []);
  assert.equal(await onHost(sim, () => wechat.getAuthStatus(scope)), "unsupported");
});

test("no host: UNSUPPORTED_PLATFORM", async () => {
  assert.equal((await rejection(wechat.authorize({ scope: "scope.camera" }))).errCode, "UNSUPPORTED_PLATFORM");
  const err = await rejection(universal.getSetting());
  assert.equal(err.errCode, "UNSUPPORTED_PLATFORM");
  assert.equal(err.errMsg, "authorize:fail UNSUPPORTED_PLATFORM");
  assert.equal(universal.platform, undefined);
});

test("never a synchronous throw", async () => {
  for (const options of [undefined, null, "scope.camera", 7, {}]) {
    let p;
    assert.doesNotThrow(() => { p = wechat.authorize(options); });
    assert.equal((await rejection(p)).errCode, "UNKNOWN_SCOPE");
  }
  // A host method that throws synchronously becomes NATIVE_ERROR.
  const boom = new TypeError("boom");
  const sim = simulateHost("wechat");
  sim.host.getSetting = () => { throw boom; };
  sim.host.authorize = () => { throw boom; };
  await onHost(sim, async () => {
    const err = await rejection(wechat.authorize({ scope: "scope.camera" }));
    assert.equal(err.errCode, "NATIVE_ERROR");
    assert.equal(err.nativeError, boom);
  });
});

test("a native failure that is no denial is NATIVE_ERROR with the native error kept", async () => {
  const nativeError = { errMsg: "authorize:fail system error" };
  await onHost(simulateHost("wechat", { failing: { authorize: nativeError } }), async () => {
    const err = await rejection(wechat.authorize({ scope: "scope.camera" }));
    assert.equal(err.errCode, "NATIVE_ERROR");
    assert.equal(err.nativeError, nativeError);
    assert.match(err.errMsg, /NATIVE_ERROR/);
    assert.equal(err.message, err.errMsg);
  });
});

test("callbacks and Promise together; complete exactly once", async () => {
  const sim = simulateHost("wechat");
  const seen = [];
  const res = await onHost(sim, () => wechat.authorize({
    scope: "scope.camera",
    success: (r) => seen.push(["success", r]),
    fail: (e) => seen.push(["fail", e]),
    complete: (r) => seen.push(["complete", r]),
  }));
  assert.deepEqual(seen.map((s) => s[0]), ["success", "complete"]);
  assert.equal(seen[0][1], res);

  const denied = simulateHost("wechat", { settings: { "scope.camera": false } });
  seen.length = 0;
  const err = await onHost(denied, () => rejection(wechat.authorize({
    scope: "scope.camera",
    fail: (e) => seen.push(["fail", e]),
    complete: (e) => seen.push(["complete", e]),
  })));
  assert.deepEqual(seen.map((s) => s[0]), ["fail", "complete"]);
  assert.equal(seen[0][1], err, "fail receives the same object the Promise rejects with");
});

test("with fail given, no unhandled rejection; without it, an ordinary rejected Promise", async () => {
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const sim = simulateHost("wechat", { settings: { "scope.camera": false } });
    await onHost(sim, async () => {
      let failed;
      wechat.authorize({ scope: "scope.camera", fail: (e) => { failed = e; } }); // Promise ignored
      // Until fail ran (a loaded machine may take longer than a few ms), then
      // one more turn, in which an unhandled rejection would be reported.
      for (let waited = 0; !failed && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(failed.errCode, "AUTH_DENIED");
    });
    assert.deepEqual(unhandled, []);
    const err = await onHost(sim, () => rejection(wechat.authorize({ scope: "scope.camera" })));
    assert.equal(err.errCode, "AUTH_DENIED");
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

test("throwing callbacks do not break the Promise; their error is rethrown on its own", async () => {
  const scheduled = [];
  const realSetTimeout = globalThis.setTimeout;
  const sim = simulateHost("wechat");
  const bad = new Error("callback bug");
  let completes = 0;
  // Catch what the runtime reports instead of letting it crash the test.
  // (The simulated hosts answer through microtasks, so every setTimeout here is the runtime's.)
  globalThis.setTimeout = (fn) => scheduled.push(fn);
  try {
    const res = await onHost(sim, () => wechat.authorize({
      scope: "scope.camera",
      success: () => { throw bad; },
      complete: () => { completes++; throw bad; },
    }));
    assert.equal(res.scope, "scope.camera");
    assert.equal(completes, 1);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  assert.equal(scheduled.length, 2);
  assert.throws(() => scheduled[0](), bad);
});

test("Alipay: getAuthCode result in universal names; getSetting keyed by universal names", async () => {
  const sim = simulateHost("alipay", { settings: { "scope.userLocation": true, "scope.writePhotosAlbum": false } });
  await onHost(sim, async () => {
    const res = await alipay.authorize({ scope: "scope.userInfo" });
    assert.deepEqual(res.authSuccessScopes, ["scope.userInfo"]);
    const { authSetting } = await alipay.getSetting();
    assert.deepEqual(authSetting, { "scope.userLocation": true, "scope.writePhotosAlbum": false });
    // getAuthCode grants never appear in getSetting; its userInfo key records only
    // the consent given for getOpenUserInfo, which this user has not given.
    assert.equal(await alipay.getAuthStatus("scope.userInfo"), "unanswered");
    const opened = await alipay.openSetting();
    assert.deepEqual(opened.authSetting, authSetting);
  });
});

test("Alipay: getSetting's userInfo key (getOpenUserInfo consent) is scope.userInfo's status", async () => {
  for (const [consent, want] of [[true, "granted"], [false, "denied"]]) {
    const sim = simulateHost("alipay", { settings: { "scope.userInfo": consent } });
    await onHost(sim, async () => {
      assert.equal(await alipay.getAuthStatus("scope.userInfo"), want);
      assert.deepEqual((await alipay.getSetting()).authSetting, { "scope.userInfo": consent });
      // authorize still asks getAuthCode for the auth code, whatever the key says.
      const res = await alipay.authorize({ scope: "scope.userInfo" });
      assert.equal(typeof res.authCode, "string");
      assert.deepEqual(sim.calls.slice(-1), ["getAuthCode"]);
    });
  }
});

test("universal entry: detection order, live platform binding", async () => {
  // Douyin and Kuaishou also define wx; WeChat installed after them puts
  // its own wx back, so each of those cases has a real WeChat's wx too.
  const cases = [
    [["bytedance", "wechat"], "bytedance"],
    [["kuaishou", "wechat"], "kuaishou"],
    [["wechat"], "wechat"],
    [["alipay"], "alipay"],
    [["baidu"], "baidu"],
    [["harmony"], "harmony"],
    [["xiaohongshu"], "xiaohongshu"],
  ];
  for (const [platforms, want] of cases) {
    await onHost(platforms.map((id) => simulateHost(id)), async () => {
      const res = await universal.authorize({ scope: "scope.camera" });
      assert.equal(res.platform, want);
      assert.equal(universal.platform, want, "the live binding follows the latest call");
      assert.equal(universal.isSupported("scope.werun"), want === "wechat");
    });
  }
  await rejection(universal.authorize({ scope: "scope.camera" }));
  assert.equal(universal.platform, undefined);
});

test("authorizeApi, scopeForApi, isSupported, scopes", async () => {
  assert.equal(wechat.scopeForApi("getLocation"), "scope.userLocation");
  assert.equal(wechat.scopeForApi("toString"), undefined);
  assert.equal(wechat.scopeForApi("request"), undefined);
  assert.equal(wechat.isSupported("scope.werun"), true);
  assert.equal(wechat.isSupported("scope.hostId"), false);
  assert.equal(wechat.isSupported("scope.werun", "alipay"), false, "a host entry answers for its own host only");
  assert.equal(universal.isSupported("scope.hostId", "bytedance"), true);
  assert.equal(universal.isSupported("scope.werun", "alipay"), false);
  assert.equal(universal.isSupported("toString", "wechat"), false);
  assert.deepEqual(universal.scopes, [...universal.scopes].sort());
  assert.ok(universal.scopes.includes("auth_base") && universal.scopes.includes("scope.werun"));
  assert.equal(wechat.isSupported("nope"), false);
  assert.ok(wechat.scopes.includes("scope.werun") && !wechat.scopes.includes("auth_base"));
  assert.equal(wechat.platform, "wechat");
  assert.equal(wechat.default, wechat.authorize);

  const sim = simulateHost("wechat");
  await onHost(sim, async () => {
    const res = await wechat.authorizeApi("getLocation");
    assert.equal(res.scope, "scope.userLocation");
    assert.equal(sim.prompts, 1);
    let completed;
    const free = await wechat.authorizeApi("request", { complete: (r) => { completed = r; } });
    assert.deepEqual(free, { scope: null, platform: "wechat" });
    assert.equal(completed, free);
  });
});

test("the CommonJS build behaves like the ES one", async () => {
  for (const id of [...hostIds, "index"]) {
    const cjs = requireEntry(id), esm = await importEntry(id);
    assert.deepEqual(Object.keys(cjs).filter((k) => k !== "__esModule").sort(), Object.keys(esm).sort(), id);
    assert.equal(cjs.default, cjs.authorize);
  }
  const cjs = requireEntry("index");
  const sim = simulateHost("wechat", { settings: { "scope.camera": false } });
  await onHost(sim, async () => {
    assert.equal((await rejection(cjs.authorize({ scope: "scope.camera" }))).errCode, "AUTH_DENIED");
    assert.equal(cjs.platform, "wechat");
  });
});

test("package.json: every export target exists; one subpath and one condition per host", () => {
  const targets = [];
  const walk = (v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets) assert.ok(existsSync(path.join(pkgDir, t)), t);
  assert.equal(pkg.sideEffects, false);
  assert.ok(hostIds.length >= 1);
  for (const id of hostIds) {
    const cond = Object.entries(pkg.exports["."]).find(([, v]) => v.import?.default === `./dist/${id}.mjs`);
    assert.ok(cond, `condition for ${id}`);
  }
});

test("Node resolves the package through its exports: host conditions, subpaths, import and require", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scopegen-resolve-"));
  try {
    const link = path.join(dir, "node_modules", ...pkg.name.split("/"));
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(pkgDir, link, "dir");
    const probe = (conditions, code) => execFileSync(process.execPath, [...conditions.map((c) => `--conditions=${c}`), "--input-type=module", "-e", code], { cwd: dir, encoding: "utf8" }).trim();
    const name = JSON.stringify(pkg.name);
    for (const id of hostIds) {
      const condition = Object.entries(pkg.exports["."]).find(([, v]) => v.import?.default === `./dist/${id}.mjs`)[0];
      assert.equal(probe([condition], `import { platform } from ${name}; console.log(platform)`), id, condition);
      assert.equal(probe([], `import { platform } from ${JSON.stringify(`${pkg.name}/${id}`)}; console.log(platform)`), id);
      assert.equal(probe([], `import { createRequire } from "node:module"; console.log(createRequire(import.meta.url + "/")(${JSON.stringify(`${pkg.name}/${id}`)}).platform)`), id);
    }
    assert.equal(probe([], `import * as u from ${name}; console.log(typeof u.default, u.platform)`), "function undefined");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
