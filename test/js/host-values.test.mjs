// Host values the runtime must read as data (issue classes 17-20): results
// with a `then`, a host without setTimeout, a polluted Object.prototype,
// and the web's unreadable permission statuses. Each test runs a family of
// inputs on every entry that drives the host (its own and the universal
// one, ES module and CommonJS). docs/js-api.md's defined results name them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { entriesFor, pkgDir } from "./load.mjs";
import { withGlobals } from "./simhost.mjs";

// p's outcome, failing the test when it has not settled within a bound: a
// host value adopted as a Promise could keep it pending for ever.
async function settles(p, what) {
  let timer;
  const bound = new Promise((resolve) => { timer = setTimeout(() => resolve(null), 500); });
  const outcome = await Promise.race([p.then((value) => ({ value }), (error) => ({ error })), bound]);
  clearTimeout(timer);
  assert.ok(outcome, `${what}: never settled`);
  return outcome;
}

const THENABLES = [
  ["a then that never calls back", (fields) => ({ ...fields, then() {} })],
  ["a then that calls back with a grant", (fields) => ({ ...fields, then(resolve) { resolve({ authSetting: { "scope.camera": true } }); } })],
  ["a then getter that throws", (fields) => Object.defineProperty({ ...fields }, "then", { get() { throw new Error("then"); }, enumerable: true })],
  ["a function with a then", (fields) => Object.assign(() => {}, fields, { then() {} })],
];

test("host results with a then are data, never adopted: every call settles", async () => {
  for (const [name, thenable] of THENABLES) {
    for (const { kind, entry } of await entriesFor("wechat")) {
      const what = `${kind}, ${name}`;
      const wx = {
        getSetting: (o) => o.success(thenable({})),
        openSetting: (o) => o.success(thenable({ authSetting: { "scope.record": false } })),
        authorize: (o) => o.success(thenable({})),
        getPrivacySetting: (o) => o.success(thenable({ needAuthorization: true })),
      };
      await withGlobals({ wx }, async () => {
        assert.deepEqual((await settles(entry.authorize({ scope: "scope.camera" }), what)).value, { scope: "scope.camera", platform: "wechat" }, what);
        assert.equal((await settles(entry.getAuthStatus("scope.camera"), what)).value, "unanswered", what);
        assert.deepEqual((await settles(entry.getSetting(), what)).value, { authSetting: {} }, what);
        assert.deepEqual((await settles(entry.openSetting(), what)).value, { authSetting: { "scope.record": false } }, what);
        assert.deepEqual((await settles(entry.getPrivacyStatus(), what)).value, { status: "required" }, what);
      });
    }
    for (const { kind, entry } of await entriesFor("alipay")) {
      const what = `${kind}, ${name}`;
      const my = {
        getAuthCode: (o) => o.success(thenable({ authCode: "c", authSuccessScopes: ["auth_user"] })),
        getSetting: (o) => o.success(thenable({})),
        getLocation: (o) => o.success(thenable({})),
      };
      await withGlobals({ my }, async () => {
        const code = (await settles(entry.authorize({ scope: "scope.userInfo" }), what)).value;
        assert.deepEqual([code.authCode, code.authSuccessScopes], ["c", ["scope.userInfo"]], what);
        assert.equal((await settles(entry.authorize({ scope: "scope.userLocation" }), what)).value.scope, "scope.userLocation", `${what}: the probe`);
      });
    }
  }
});

// In a child process: the test runner fails any test with an unhandled
// rejection, and without setTimeout that is how the error is reported.
test("without setTimeout a throwing callback changes nothing: the result stands, complete runs, the error is reported", () => {
  const program = (entry) => `
    const { authorize } = await import(${JSON.stringify(pathToFileURL(path.join(pkgDir, "dist", entry)).href)});
    const [mode, callback, granted] = process.argv.slice(1);
    const realSetTimeout = setTimeout;
    if (mode === "missing") delete globalThis.setTimeout;
    else if (mode === "not a function") globalThis.setTimeout = 1;
    else globalThis.setTimeout = () => { throw new Error("no timers"); };
    // WeChat's authorize answers a recorded answer itself; getSetting says the same.
    globalThis.wx = {
      getSetting: (o) => o.success({ authSetting: { "scope.camera": granted === "granted" } }),
      authorize: (o) => (granted === "granted" ? o.success({ errMsg: "authorize:ok" }) : o.fail({ errMsg: "authorize:fail auth deny" })),
    };
    const out = { reported: [], complete: 0 };
    process.on("unhandledRejection", (e) => out.reported.push(e && e.message));
    const boom = (name) => () => { if (callback === name) throw new Error("callback " + name); };
    authorize({ scope: "scope.camera", success: boom("success"), fail: boom("fail"), complete: () => { out.complete++; boom("complete")(); } })
      .then((res) => { out.outcome = res.scope; }, (e) => { out.outcome = e.errCode; });
    realSetTimeout(() => console.log(JSON.stringify(out)), 50);`;
  for (const entry of ["wechat.mjs", "wechat.js", "index.mjs", "index.js"]) {
    for (const mode of ["missing", "not a function", "throwing"]) {
      for (const [callback, granted, outcome] of [["success", "granted", "scope.camera"], ["complete", "granted", "scope.camera"], ["fail", "denied", "AUTH_DENIED"], ["complete", "denied", "AUTH_DENIED"]]) {
        const what = `${entry}, setTimeout ${mode}, ${callback} throws, ${granted}`;
        const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", program(entry), mode, callback, granted], { encoding: "utf8" }));
        assert.equal(out.outcome, outcome, what);
        assert.equal(out.complete, 1, `${what}: complete runs once`);
        assert.ok(out.reported.includes("callback " + callback), `${what}: reported`);
      }
    }
  }
});

// Each pollution alone, then all at once; the host answers as if nothing
// were answered (getSetting), fails without a message or with an unknown
// one, and its privacy and getAuthCode results have no fields of their own.
const POLLUTION = [
  ["scope.camera", true],
  ["authSetting", { "scope.camera": true }],
  ["errMsg", "authorize:fail auth deny"],
  ["errno", 101102],
  ["needAuthorization", true],
  ["authCode", "forged"],
  ["authSuccessScopes", ["auth_user"]],
];

async function polluted(pairs, fn) {
  for (const [key, value] of pairs) Object.defineProperty(Object.prototype, key, { value, configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    for (const [key] of pairs) delete Object.prototype[key];
  }
}

test("a polluted Object.prototype answers nothing for the host", async () => {
  for (const pairs of [...POLLUTION.map((p) => [p]), POLLUTION]) {
    const name = pairs.map(([key]) => key).join(", ");
    for (const { kind, entry } of await entriesFor("wechat")) {
      const what = `${kind}, Object.prototype: ${name}`;
      let prompts = 0;
      const wx = {
        getSetting: (o) => o.success({}),
        authorize: (o) => (prompts++, o.success({})),
        getPrivacySetting: (o) => o.success({}),
      };
      await withGlobals({ wx }, () => polluted(pairs, async () => {
        assert.equal((await entry.authorize({ scope: "scope.camera" })).scope, "scope.camera", what);
        assert.equal(prompts, 1, `${what}: the unanswered scope prompts`);
        assert.equal(await entry.getAuthStatus("scope.camera"), "unanswered", what);
        assert.deepEqual(Object.keys((await entry.getSetting()).authSetting), [], what);
        assert.deepEqual(await entry.getPrivacyStatus(), { status: "agreed" }, what);
        for (const fail of [{}, { errMsg: "authorize:fail something else" }]) {
          wx.authorize = (o) => o.fail(fail);
          const err = await entry.authorize({ scope: "scope.camera" }).then(() => assert.fail("resolved"), (e) => e);
          assert.equal(err.errCode, "NATIVE_ERROR", `${what}: ${JSON.stringify(fail)}`);
        }
      }));
    }
    for (const { kind, entry } of await entriesFor("alipay")) {
      const what = `${kind}, Object.prototype: ${name}`;
      await withGlobals({ my: { getSetting: (o) => o.success({ authSetting: {} }), getAuthCode: (o) => o.success({}) } }, () => polluted(pairs, async () => {
        const res = await entry.authorize({ scope: "scope.userInfo" });
        assert.deepEqual([res.authCode, res.authSuccessScopes], [undefined, []], what);
      }));
    }
  }
});

const UNREADABLE = [
  ["a null status", () => Promise.resolve(null)],
  ["no status", () => Promise.resolve(undefined)],
  ["a number", () => Promise.resolve(7)],
  ["a state that is none of the three", () => Promise.resolve({ state: "maybe" })],
  ["a state that throws", () => Promise.resolve({ get state() { throw new Error("state"); } })],
  ["a query that throws", () => { throw new TypeError("query"); }],
  ["a query that rejects", () => Promise.reject(new TypeError("unknown name"))],
];

test("web: every unreadable permission status is unknown, and authorize asks", async () => {
  for (const [name, query] of UNREADABLE) {
    for (const { kind, entry } of await entriesFor("web")) {
      const what = `${kind}, ${name}`;
      let asked = 0;
      const navigator = {
        permissions: { query },
        mediaDevices: { getUserMedia: async () => (asked++, { getTracks: () => [] }) },
      };
      await withGlobals({ navigator }, async () => {
        assert.equal(await entry.getAuthStatus("scope.camera"), "unknown", what);
        assert.deepEqual(await entry.getSetting(), { authSetting: {} }, what);
        assert.deepEqual(await entry.authorize({ scope: "scope.camera" }), { scope: "scope.camera", platform: "web" }, what);
        assert.equal(asked, 1, `${what}: the probe asks`);
      });
    }
  }
});
