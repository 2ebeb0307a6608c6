// Robustness of the generated runtime: native calls that throw, never
// answer, answer twice or answer both ways; concurrent authorize calls for
// one scope; options and callbacks of the wrong type. Each case has one
// defined result, listed in docs/js-api.md ("When the host misbehaves").
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, onHost, withGlobals } from "./simhost.mjs";
import { entriesFor, importEntry, patchedCopy, pkgDir, requireEntry } from "./load.mjs";
import { rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

// SCOPEGEN_ENTRY_KIND picks the entry the cases drive: "mjs" (default: the
// host entries as ES modules), "js" (as CommonJS), "index.mjs" or "index.js"
// (the universal entry, which finds the one host each case installs).
// robustness-kinds.test.mjs runs this file once per other kind.
const KIND = process.env.SCOPEGEN_ENTRY_KIND ?? "mjs";
const load = (id) => (KIND === "mjs" ? importEntry(id) : KIND === "js" ? requireEntry(id) : KIND === "index.mjs" ? importEntry("index") : requireEntry("index"));
const wechat = await load("wechat");
const alipay = await load("alipay");
// The universal entry in the same module format: one core instance, joined flows.
const universal = KIND === "js" || KIND === "index.js" ? requireEntry("index") : await importEntry("index");

const rejection = (p) => p.then(() => assert.fail("resolved"), (e) => e);
const tick = () => new Promise((r) => setTimeout(r, 20));

// Whether p has settled after the hosts' and the runtime's queued work ran.
async function isPending(p) {
  let settled = false;
  p.then(() => { settled = true; }, () => { settled = true; });
  await tick();
  return !settled;
}

// Records every callback by name, in order.
function recorder() {
  const seen = [];
  const options = {
    success: (r) => seen.push(["success", r]),
    fail: (e) => seen.push(["fail", e]),
    complete: (r) => seen.push(["complete", r]),
  };
  return { seen, names: () => seen.map((s) => s[0]), options };
}

// A WeChat-like host whose getSetting reports nothing answered and whose
// authorize does what `authorize` says; counts native calls.
function wxWith(authorize, getSetting = (o) => o.success({ authSetting: {} })) {
  const calls = [];
  const count = (name, fn) => (o) => (calls.push(name), fn(o));
  return { calls, api: { getSetting: count("getSetting", getSetting), openSetting: count("openSetting", getSetting), authorize: count("authorize", authorize) } };
}

// Reports of callback exceptions go through setTimeout: collect them
// instead of letting them crash the run. The hosts here answer
// synchronously or through setImmediate, so every setTimeout is the runtime's.
async function collectingReports(fn) {
  const reports = [];
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = (f, ms) => (ms === undefined ? reports.push(f) : realSetTimeout(f, ms));
  try {
    await fn();
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  return reports;
}

test("a native call that throws synchronously: NATIVE_ERROR keeping the thrown value, callbacks once", async () => {
  const boom = new TypeError("boom");
  const throws = () => { throw boom; };
  // WeChat reads getSetting for a button scope (scope.userInfo) and calls
  // authorize alone for an authorize scope (scope.camera).
  const cases = [
    ["getSetting throws", wxWith(() => assert.fail("authorize called"), throws), "scope.userInfo"],
    ["authorize throws", wxWith(throws), "scope.camera"],
  ];
  for (const [name, host, scope] of cases) {
    await withGlobals({ wx: host.api }, async () => {
      const r = recorder();
      let p;
      assert.doesNotThrow(() => { p = wechat.authorize({ scope, ...r.options }); }, name);
      const err = await rejection(p);
      assert.equal(err.errCode, "NATIVE_ERROR", name);
      assert.equal(err.nativeError, boom, name);
      assert.deepEqual(r.names(), ["fail", "complete"], name);
      assert.equal(r.seen[0][1], err, name);
    });
  }
  // A thrown denial-shaped value reads like a denial passed to fail.
  await withGlobals({ wx: wxWith(() => { throw { errMsg: "authorize:fail auth deny" }; }).api }, async () => {
    assert.equal((await rejection(wechat.authorize({ scope: "scope.camera" }))).errCode, "AUTH_DENIED");
  });
  // A missing native method is a TypeError inside the call: NATIVE_ERROR too.
  await withGlobals({ wx: { getSetting: (o) => o.success({ authSetting: {} }) } }, async () => {
    const err = await rejection(wechat.authorize({ scope: "scope.camera" }));
    assert.equal(err.errCode, "NATIVE_ERROR");
    assert.ok(err.nativeError instanceof TypeError);
  });
  // Alipay: getAuthCode and a probe (my.getLocation) that throw.
  const my = { getSetting: (o) => o.success({ authSetting: {} }), getAuthCode: throws, getLocation: throws };
  await withGlobals({ my }, async () => {
    for (const scope of ["scope.userInfo", "scope.userLocation"]) {
      const err = await rejection(alipay.authorize({ scope }));
      assert.equal(err.errCode, "NATIVE_ERROR", scope);
      assert.equal(err.nativeError, boom, scope);
    }
  });
  // getSetting, openSetting and getAuthStatus reject the same way.
  await withGlobals({ wx: wxWith(throws, throws).api }, async () => {
    for (const p of [wechat.getSetting(), wechat.openSetting(), wechat.getAuthStatus("scope.camera")]) {
      const err = await rejection(p);
      assert.equal(err.errCode, "NATIVE_ERROR");
      assert.equal(err.nativeError, boom);
    }
  });
});

test("a native call that never calls back: the Promise stays pending, no callback runs", async () => {
  let pendingCall;
  const host = wxWith((o) => { pendingCall = o; }); // authorize answers only when the test says
  await withGlobals({ wx: host.api }, async () => {
    const r = recorder();
    const first = wechat.authorize({ scope: "scope.camera", ...r.options });
    assert.equal(await isPending(first), true);
    assert.deepEqual(r.names(), []);
    assert.deepEqual(host.calls, ["authorize"]);
    // A call for the same scope meanwhile joins the flow under way (see the
    // concurrency tests): it waits too, with no second native call.
    const second = wechat.authorize({ scope: "scope.camera" });
    assert.equal(await isPending(second), true);
    assert.deepEqual(host.calls, ["authorize"]);
    // Other scopes are not held up.
    const other = wxWith((o) => o.success({ errMsg: "authorize:ok" }));
    await withGlobals({ wx: other.api }, async () => {
      assert.equal((await wechat.authorize({ scope: "scope.record" })).scope, "scope.record");
    });
    // Should the host answer after all, every waiting caller gets it.
    pendingCall.success({ errMsg: "authorize:ok" });
    assert.equal((await first).scope, "scope.camera");
    assert.equal(await second, await first);
    assert.deepEqual(r.names(), ["success", "complete"]);
  });
});

test("a native call that answers twice or both ways: the first answer wins, callbacks run once", async () => {
  const ok = { errMsg: "authorize:ok" }, deny = { errMsg: "authorize:fail auth deny" }, broken = { errMsg: "authorize:fail system error" };
  const cases = [
    ["success twice", (o) => { o.success(ok); o.success(ok); }, "success"],
    ["success then fail", (o) => { o.success(ok); o.fail(deny); }, "success"],
    ["fail then success", (o) => { o.fail(deny); o.success(ok); }, "AUTH_DENIED"],
    ["fail twice", (o) => { o.fail(broken); o.fail(deny); }, "NATIVE_ERROR"],
    ["success now, fail later", (o) => { o.success(ok); setImmediate(() => o.fail(deny)); }, "success"],
    ["fail later, success later still", (o) => { setImmediate(() => o.fail(deny)); setImmediate(() => o.success(ok)); }, "AUTH_DENIED"],
    ["success, then a throw", (o) => { o.success(ok); throw new Error("late"); }, "success"],
    ["fail, then a throw", (o) => { o.fail(deny); throw new Error("late"); }, "AUTH_DENIED"],
  ];
  for (const [name, authorize, want] of cases) {
    await withGlobals({ wx: wxWith(authorize).api }, async () => {
      const r = recorder();
      const outcome = await wechat.authorize({ scope: "scope.camera", ...r.options }).then((res) => ["success", res], (err) => [err.errCode, err]);
      await tick();
      assert.equal(outcome[0], want, name);
      assert.deepEqual(r.names(), [want === "success" ? "success" : "fail", "complete"], name);
      assert.equal(r.seen[0][1], outcome[1], name);
    });
  }
  // getSetting answering twice: the first authSetting is the one read.
  const twice = (o) => { o.success({ authSetting: { "scope.userInfo": false } }); o.success({ authSetting: { "scope.userInfo": true } }); };
  await withGlobals({ wx: wxWith(() => assert.fail("authorize called"), twice).api }, async () => {
    assert.equal((await rejection(wechat.authorize({ scope: "scope.userInfo" }))).errCode, "AUTH_DENIED");
    assert.equal(await wechat.getAuthStatus("scope.userInfo"), "denied");
  });
});

test("a native success without a result: read as nothing answered, never a TypeError", async () => {
  for (const result of [undefined, null, "ok", 0, { authSetting: null }, { authSetting: "x" }]) {
    const host = wxWith((o) => o.success({ errMsg: "authorize:ok" }), (o) => o.success(result));
    await withGlobals({ wx: host.api }, async () => {
      const name = JSON.stringify(result) ?? "undefined";
      // A button scope reads getSetting: nothing answered, so the button is needed.
      assert.equal((await rejection(wechat.authorize({ scope: "scope.userInfo" }))).errCode, "BUTTON_REQUIRED", name);
      assert.deepEqual(host.calls, ["getSetting"], name);
      assert.equal(await wechat.getAuthStatus("scope.camera"), "unanswered", name);
      assert.deepEqual(await wechat.getSetting(), { authSetting: {} }, name);
      assert.deepEqual(await wechat.openSetting(), { authSetting: {} }, name);
    });
  }
});

test("authorize called concurrently for one scope: one flow, one prompt, every caller answered", async () => {
  for (const answer of ["accept", "reject"]) {
    const sim = createHost("wechat", { answer });
    const callers = [recorder(), recorder(), recorder()];
    const outcomes = await onHost(sim, () => Promise.all([
      wechat.authorize({ scope: "scope.camera", ...callers[0].options }),
      wechat.authorize({ scope: "scope.camera", ...callers[1].options }),
      universal.authorize({ scope: "scope.camera", ...callers[2].options }), // another entry, same core
    ].map((p) => p.then((res) => res, (err) => err))));
    assert.equal(sim.prompts, 1, answer);
    assert.deepEqual(sim.calls, ["authorize"], answer);
    for (const [i, c] of callers.entries()) {
      assert.deepEqual(c.names(), [answer === "accept" ? "success" : "fail", "complete"], `${answer} caller ${i}`);
      assert.equal(c.seen[0][1], outcomes[i], `${answer} caller ${i}`);
    }
    if (answer === "accept") assert.ok(outcomes.every((o) => o.scope === "scope.camera" && o.platform === "wechat"));
    else assert.ok(outcomes.every((o) => o.errCode === "AUTH_DENIED"));
    // Once that flow is over, the next call starts its own (granted or denied now: no prompt).
    const again = await onHost(sim, () => wechat.authorize({ scope: "scope.camera" }).then(() => "ok", (e) => e.errCode));
    assert.equal(again, answer === "accept" ? "ok" : "AUTH_DENIED");
    assert.equal(sim.prompts, 1);
    // WeChat's authorize answers the recorded answer itself: one call per flow.
    assert.deepEqual(sim.calls, ["authorize", "authorize"]);
  }
});

test("concurrent calls: authorizeApi joins authorize; other scopes and Alipay getAuthCode", async () => {
  const sim = createHost("wechat");
  await onHost(sim, () => Promise.all([
    wechat.authorize({ scope: "scope.userLocation" }),
    wechat.authorizeApi("getLocation"),
    wechat.authorize({ scope: "scope.record" }), // another scope: its own flow and prompt
  ]));
  assert.equal(sim.prompts, 2);
  assert.equal(sim.calls.filter((c) => c === "authorize").length, 2);

  const my = createHost("alipay");
  const results = await onHost(my, () => Promise.all([alipay.authorize({ scope: "scope.userInfo" }), alipay.authorize({ scope: "scope.userInfo" })]));
  assert.equal(my.prompts, 1);
  assert.deepEqual(my.calls, ["getAuthCode"]);
  assert.ok(results.every((r) => r.authCode === "code-123"));

  // ESM and CommonJS are two module instances: each runs its own flow.
  const cjs = requireEntry("wechat");
  const both = createHost("wechat");
  await onHost(both, () => Promise.all([wechat.authorize({ scope: "scope.camera" }), cjs.authorize({ scope: "scope.camera" })]));
  assert.equal(both.prompts, 1, "the host itself asks once: the second authorize finds the scope granted");
});

test("options that are not an object: UNKNOWN_SCOPE, no native call, no synchronous throw", async () => {
  const sim = createHost("wechat");
  await onHost(sim, async () => {
    for (const options of [undefined, null, "scope.camera", 7, NaN, true, ["scope.camera"], () => {}, Symbol("scope.camera")]) {
      const name = typeof options === "symbol" ? "symbol" : String(options);
      for (const call of [() => wechat.authorize(options), () => universal.authorize(options)]) {
        let p;
        assert.doesNotThrow(() => { p = call(); }, name);
        const err = await rejection(p);
        assert.equal(err.errCode, "UNKNOWN_SCOPE", name);
        assert.equal(err.scope, undefined, name);
      }
    }
    assert.deepEqual(sim.calls, [], "no native call for a scope-less call");
    // authorizeApi takes its callbacks as the second argument: a non-object there is no callbacks.
    for (const options of [undefined, null, "x", 7, ["x"]]) {
      assert.equal((await wechat.authorizeApi("getLocation", options)).scope, "scope.userLocation");
      assert.deepEqual(await wechat.authorizeApi("request", options), { scope: null, platform: "wechat" });
    }
    // An API name that is not a string names no guarded API: nothing to authorize.
    for (const api of [undefined, null, 7, ["getLocation"], { toString: () => "getLocation" }]) {
      assert.deepEqual(await wechat.authorizeApi(api), { scope: null, platform: "wechat" });
      assert.equal(wechat.scopeForApi(api), undefined);
    }
    // getAuthStatus with a non-string: UNKNOWN_SCOPE, as for authorize.
    const before = sim.calls.length;
    for (const scope of [undefined, null, 7, {}]) assert.equal((await rejection(wechat.getAuthStatus(scope))).errCode, "UNKNOWN_SCOPE");
    assert.equal(sim.calls.length, before);
  });
});

test("callbacks that are not functions are ignored, as if absent", async () => {
  const notFunctions = ["x", 1, {}, [], true, null];
  const sim = createHost("wechat", { state: { "scope.record": "denied" } });
  const reports = await collectingReports(() => onHost(sim, async () => {
    for (const cb of notFunctions) {
      const res = await wechat.authorize({ scope: "scope.camera", success: cb, fail: cb, complete: cb });
      assert.equal(res.scope, "scope.camera");
      const err = await rejection(wechat.authorize({ scope: "scope.record", success: cb, fail: cb, complete: cb }));
      assert.equal(err.errCode, "AUTH_DENIED");
    }
  }));
  assert.equal(reports.length, 0, "nothing to report: no callback was called");

  // A fail that is not a function does not mark the rejection handled: an
  // ignored Promise is reported like any unhandled rejection. (In a child
  // process: the test runner fails any test that has one.)
  const program = `
    import { authorize } from ${JSON.stringify(pathToFileURL(path.join(pkgDir, "dist", "wechat.mjs")).href)};
    globalThis.wx = { getSetting: (o) => o.success({ authSetting: { "scope.record": false } }), authorize: (o) => o.fail({ errMsg: "authorize:fail auth deny" }) };
    process.on("unhandledRejection", (e) => { console.log("unhandled", e.errCode); process.exit(0); });
    authorize({ scope: "scope.record", fail: process.argv[1] === "function" ? () => {} : "not a function" });
    setTimeout(() => console.log("handled"), 50);`;
  const run = (fail) => execFileSync(process.execPath, ["--input-type=module", "-e", program, fail], { encoding: "utf8" }).trim();
  assert.equal(run("string"), "unhandled AUTH_DENIED");
  assert.equal(run("function"), "handled");
});

// With a denial pattern no real manifest has but a valid one may (it matches
// "undefined"), patched into a copy of the emitted WeChat runtime.
test("a native error without a message is no denial, whatever the manifest's pattern", async () => {
  const dir = patchedCopy({ "dist/wechat.mjs": (js) => js.replace(/const DENIAL = \/(?:[^\/\\\n]|\\.)*\/u;/, "const DENIAL = /^[a-z]+$/u;") });
  try {
    const patched = await import(pathToFileURL(path.join(dir, "dist", "wechat.mjs")).href);
    const api = { getSetting: (o) => o.success({ authSetting: {} }) };
    await withGlobals({ wx: api }, async () => {
      for (const nativeError of [{}, { errCode: 5 }, "undefined", 0]) {
        api.authorize = (o) => o.fail(nativeError);
        const err = await rejection(patched.authorize({ scope: "scope.camera" }));
        assert.equal(err.errCode, "NATIVE_ERROR", JSON.stringify(nativeError));
        assert.equal(err.nativeError, nativeError);
      }
      api.authorize = (o) => o.fail({ errMsg: "denied" });
      assert.equal((await rejection(patched.authorize({ scope: "scope.camera" }))).errCode, "AUTH_DENIED");
    });
  } finally {
    rmSync(dir, { recursive: true });
  }
});

// Hostile values, on every entry kind: the runtime reads
// options and host values defensively, once, inside the Promise. Never a
// synchronous throw; every rejection our Error with an errCode; results on
// own properties.
const kinds = async (id) => entriesFor(id);
const isOurs = (e) => e instanceof Error && typeof e.errCode == "string" && typeof e.errMsg == "string";
const noSyncThrow = (f, what) => {
  let p;
  assert.doesNotThrow(() => { p = f(); }, what);
  return p;
};

test("a host global whose read throws is no host: no synchronous throw, UNSUPPORTED_PLATFORM, isSupported false", async () => {
  for (const [id, global] of [["wechat", "wx"], ["alipay", "my"], ["web", "navigator"]]) {
    for (const { kind, entry } of await kinds(id)) {
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, global);
      Object.defineProperty(globalThis, global, { configurable: true, get() { throw new Error("hostile global"); } });
      try {
        const calls = [
          () => entry.authorize({ scope: "scope.camera" }), () => entry.authorizeApi("getLocation"), () => entry.getAuthStatus("scope.camera"),
          () => entry.getSetting(), () => entry.openSetting(), () => entry.getPrivacyStatus(), () => entry.requirePrivacy(),
        ];
        for (const call of calls) {
          const settled = await noSyncThrow(call, `${kind} ${call}`).then((r) => r, (e) => e);
          if (settled instanceof Error) assert.equal(settled.errCode, "UNSUPPORTED_PLATFORM", `${kind} ${global} ${call}`);
          else assert.equal(settled.status, "unsupported", `${kind} ${call}`);
        }
        // A host entry answers isSupported from its own table; the universal one finds no host.
        assert.equal(noSyncThrow(() => entry.isSupported("scope.camera"), kind), !kind.startsWith("index") && entry.scopes.includes("scope.camera"), kind);
        assert.equal(noSyncThrow(() => entry.onNeedPrivacy(() => {}), kind), false, kind);
      } finally {
        if (descriptor) Object.defineProperty(globalThis, global, descriptor);
        else delete globalThis[global];
      }
    }
  }
});

test("hostile options: throwing getters, Proxy, revoked Proxy, scopes that cannot be read as strings: UNKNOWN_SCOPE, no native call", async () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwingScope = { toString() { throw new Error("toString"); } };
  const optionsList = [
    ["scope getter throws", { get scope() { throw new Error("getter"); } }],
    ["Proxy that throws on every read", new Proxy({}, { get() { throw new Error("trap"); } })],
    ["revoked Proxy", revoked.proxy],
    ["scope with a throwing toString", { scope: throwingScope }],
    ["Object.create(null) scope", { scope: Object.create(null) }],
  ];
  for (const { kind, entry } of await kinds("wechat")) {
    for (const [name, options] of optionsList) {
      const sim = createHost("wechat");
      const err = await onHost(sim, () => rejection(noSyncThrow(() => entry.authorize(options), name)));
      assert.ok(isOurs(err), `${kind} ${name}`);
      assert.equal(err.errCode, "UNKNOWN_SCOPE", `${kind} ${name}`);
      assert.deepEqual(sim.calls, [], `${kind} ${name}`);
    }
    for (const scope of [throwingScope, Object.create(null)]) {
      const sim = createHost("wechat");
      assert.equal((await onHost(sim, () => rejection(noSyncThrow(() => entry.getAuthStatus(scope))))).errCode, "UNKNOWN_SCOPE", kind);
      assert.equal(noSyncThrow(() => entry.isSupported(scope)), false, kind);
      assert.equal(noSyncThrow(() => entry.isSupported("scope.camera", scope)), false, kind);
    }
    // A fail getter that throws reads as no fail callback: the rejection is the caller's, once.
    const sim = createHost("wechat", { state: { "scope.camera": "denied" } });
    const err = await onHost(sim, () => rejection(noSyncThrow(() => entry.authorize({ scope: "scope.camera", get fail() { throw new Error("fail getter"); } }))));
    assert.equal(err.errCode, "AUTH_DENIED", kind);
  }
});

test("hostile host values: errNo Symbol()/10n, an authSetting getter that throws: our Error or the flow goes on", async () => {
  for (const { kind, entry } of await kinds("bytedance")) {
    for (const errNo of [Symbol("x"), 10n, { valueOf() { throw new Error("valueOf"); } }]) {
      const api = { getSetting: (o) => o.success({ authSetting: {} }), authorize: (o) => o.fail({ errMsg: "authorize:fail", errNo }) };
      const err = await withGlobals({ tt: api }, () => rejection(entry.authorize({ scope: "scope.camera" })));
      assert.ok(isOurs(err), `${kind} ${String(errNo)}`);
      assert.equal(err.errCode, "NATIVE_ERROR", kind);
    }
  }
  for (const { kind, entry } of await kinds("wechat")) {
    // Read as nothing answered: a button scope needs the button.
    const calls = [];
    const api = {
      getSetting: (o) => (calls.push("getSetting"), o.success({ get authSetting() { throw new Error("authSetting"); } })),
      authorize: (o) => (calls.push("authorize"), o.success({})),
    };
    const err = await withGlobals({ wx: api }, () => rejection(entry.authorize({ scope: "scope.userInfo" })));
    assert.equal(err.errCode, "BUTTON_REQUIRED", kind);
    assert.deepEqual(calls, ["getSetting"], kind);
    assert.equal(await withGlobals({ wx: api }, () => entry.getAuthStatus("scope.camera")), "unanswered", kind);
    assert.deepEqual(await withGlobals({ wx: api }, () => entry.getSetting()), { authSetting: {} }, kind);
  }
});

test("Alipay getAuthCode results: authSuccessScopes as a string is one name, anything else none; authErrorScopes keys stay own properties", async () => {
  for (const { kind, entry } of await kinds("alipay")) {
    const answer = (result) => ({ getSetting: (o) => o.success({ authSetting: {} }), getAuthCode: (o) => o.success(result) });
    const cases = [
      [{ authCode: "c", authSuccessScopes: "auth_user" }, ["scope.userInfo"]],
      [{ authCode: "c", authSuccessScopes: 7 }, []],
      [{ authCode: "c", authSuccessScopes: { length: 1, 0: "auth_user" } }, []],
      [{ authCode: "c" }, []],
    ];
    for (const [result, want] of cases) {
      const res = await withGlobals({ my: answer(result) }, () => entry.authorize({ scope: "scope.userInfo" }));
      assert.deepEqual(res.authSuccessScopes, want, `${kind} ${JSON.stringify(result)}`);
    }
    const errors = JSON.parse('{"__proto__": "denied", "auth_user": "x"}');
    const res = await withGlobals({ my: answer({ authCode: "c", authSuccessScopes: [], authErrorScopes: errors }) }, () => entry.authorize({ scope: "scope.userInfo" }));
    assert.equal(Object.getPrototypeOf(res.authErrorScopes), Object.prototype, kind);
    assert.ok(Object.hasOwn(res.authErrorScopes, "__proto__"), kind);
    assert.equal(res.authErrorScopes.__proto__, "denied", kind);
    assert.equal(res.authErrorScopes["scope.userInfo"], "x", `${kind}: in universal names`);
    // A result whose fields cannot be read, or that has none of its own
    // (every read throws, its `then` too: it is never taken for a
    // Promise): empty fields.
    const unreadable = await withGlobals({ my: answer({ authCode: "c", get authSuccessScopes() { throw new Error("getter"); }, get authErrorScopes() { throw new Error("getter"); } }) },
      () => entry.authorize({ scope: "scope.userInfo" }));
    assert.deepEqual([unreadable.authSuccessScopes, unreadable.authErrorScopes], [[], {}], kind);
    const hostile = await withGlobals({ my: { getSetting: (o) => o.success({ authSetting: {} }), getAuthCode: (o) => o.success(new Proxy({}, { get() { throw new Error("trap"); } })) } },
      () => entry.authorize({ scope: "scope.userInfo" }));
    assert.deepEqual([hostile.authCode, hostile.authSuccessScopes, hostile.authErrorScopes], [undefined, [], {}], kind);
    // Fields that read but cannot be taken apart (a revoked Proxy, a throwing
    // ownKeys): NATIVE_ERROR keeping what was thrown, our Error.
    const revoked = Proxy.revocable([], {});
    revoked.revoke();
    const noKeys = new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } });
    for (const result of [{ authCode: "c", authSuccessScopes: revoked.proxy }, { authCode: "c", authSuccessScopes: [], authErrorScopes: noKeys }]) {
      const err = await withGlobals({ my: answer(result) }, () => rejection(entry.authorize({ scope: "scope.userInfo" })));
      assert.ok(isOurs(err), kind);
      assert.equal(err.errCode, "NATIVE_ERROR", kind);
      assert.ok(err.nativeError instanceof TypeError || err.nativeError.message === "ownKeys", kind);
    }
  }
});

test("a privacy option that is no string, even one that cannot be compared, is no privacy: \"require\"", async () => {
  const hostile = { toString() { throw new Error("toString"); }, valueOf() { throw new Error("valueOf"); } };
  for (const { kind, entry } of await kinds("wechat")) {
    for (const privacy of [hostile, new String("require"), ["require"]]) {
      // The gate open: the guide would still be a recorded call, were it shown.
      const sim = createHost("wechat", { privacy: "agreed", state: { "scope.camera": "granted" } });
      const res = await onHost(sim, () => entry.authorize({ scope: "scope.camera", privacy }));
      assert.equal(res.scope, "scope.camera", kind);
      assert.ok(!sim.calls.includes("requirePrivacyAuthorize"), `${kind}: no guide`);
    }
  }
});

// The denial pattern is the model's JavaScript form: "." never crosses a
// line terminator, as in the Go form (generated wechat.IsDenial), so a
// message Go does not call a denial is no denial here either, on every
// entry kind.
test("a denial pattern means what it means in Go: '.' stops at \\r, \\n, U+2028 and U+2029", async () => {
  const api = { getSetting: (o) => o.success({ authSetting: {} }) };
  await withGlobals({ wx: api }, async () => {
    for (const [errMsg, errCode] of [
      ["authorize:fail auth deny", "AUTH_DENIED"],
      ["authorize:fail:auth denied", "AUTH_DENIED"],
      ["authorize:fail\rauth deny", "NATIVE_ERROR"],
      ["authorize:fail\nauth deny", "NATIVE_ERROR"],
      ["authorize:fail\u2028auth deny", "NATIVE_ERROR"],
      ["authorize:fail\u{1F600}auth deny", "AUTH_DENIED"],
    ]) {
      api.authorize = (o) => o.fail({ errMsg });
      const err = await rejection(wechat.authorize({ scope: "scope.camera" }));
      assert.equal(err.errCode, errCode, JSON.stringify(errMsg));
    }
  });
});
