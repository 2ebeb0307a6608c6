// Hosts and globals an attacker (or an unlucky page) can shape, each a class
// of input, checked on every entry that drives the host (its own entry and
// the universal one, ES module and CommonJS):
//   - a host whose prototype chain never ends or is very long: every call
//     settles (the walk is bounded; a runaway walk would hang the worker);
//   - a host object from another realm whose Object.prototype is polluted:
//     that realm's root lends nothing, while methods the host owns, or holds
//     on its own (class) prototypes, still count;
//   - a page global that only shares a host's name (a DOM element with
//     id="has", a library's has() function) is no host: the web is found;
//   - an enumerable Object.prototype property (1, or an API name) answers
//     no table lookup: scopeForApi, native names, getAuthCode names;
//   - a failure code is a finite integer or a string of decimal digits;
//     anything else is no code.
// Expected values come from the manifest (facts.mjs) and the simulated
// hosts (simhost.mjs), never from the emitter's tables.
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { createHost, GLOBALS, onHost, withGlobals } from "./simhost.mjs";
import { entriesFor, hostIds, importEntry, pkgDir, tableOf } from "./load.mjs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const outcome = (p) => p.then((value) => ({ value }), (e) => ({ errCode: e && e.errCode }));
const mini = hostIds.filter((id) => GLOBALS[id]);
// A scope of the host that makes a native call (not grant none).
const calling = (id) => Object.keys(tableOf(id).scopes).find((s) => tableOf(id).scopes[s].grant !== "none");

// Runs one hostile case in a worker thread, so that a runaway synchronous
// walk is stopped (terminate) and reported instead of hanging the suite.
// The worker builds the host from `source` (a function body returning it),
// installs it under the host's globals and calls authorize on `entry`.
function inWorker(entry, globals, scope, source, ms = 30000) {
  const url = pathToFileURL(path.join(pkgDir, "dist", entry)).href;
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    (async () => {
      const host = new Function(workerData.source)();
      for (const g of workerData.globals) globalThis[g] = host;
      const m = await import(workerData.url);
      const started = Date.now();
      const r = await m.authorize({ scope: workerData.scope }).then(() => ({ value: true }), (e) => ({ errCode: e && e.errCode }));
      parentPort.postMessage({ ...r, ms: Date.now() - started });
    })();`;
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, workerData: { url, globals, scope, source } });
    const timer = setTimeout(() => w.terminate().then(() => resolve({ hung: true })), ms);
    w.once("message", (m) => (clearTimeout(timer), w.terminate(), resolve(m)));
    w.once("error", (e) => (clearTimeout(timer), resolve({ error: String(e) })));
  });
}

for (const id of mini) {
  test(`${id}: a host whose prototype is itself (a Proxy trap) or whose getPrototypeOf throws settles every call`, async () => {
    const cases = {
      "self-looping prototype": "const p = new Proxy({}, { getPrototypeOf: () => p }); return p;",
      "throwing getPrototypeOf": "return new Proxy({}, { getPrototypeOf() { throw new Error('trap'); } });",
      "chain of 100000 objects": "let o = { getSetting(x) { x.success({ authSetting: {} }); }, authorize(x) { x.success({}); } }; for (let i = 0; i < 100000; i++) o = Object.create(o); return o;",
    };
    for (const [what, source] of Object.entries(cases)) {
      for (const entry of [`${id}.mjs`, "index.mjs"]) {
        const got = await inWorker(entry, globals(id), calling(id), source);
        assert.ok(!got.hung, `${entry}, ${what}: authorize never returned (the prototype walk ran away)`);
        assert.equal(got.error, undefined, `${entry}, ${what}`);
        // Without a method of its own the host has none: the host entry's
        // native call fails NATIVE_ERROR; the universal entry finds no host.
        assert.equal(got.errCode, entry === "index.mjs" ? "UNSUPPORTED_PLATFORM" : "NATIVE_ERROR", `${entry}, ${what}`);
      }
    }
  });

  test(`${id}: a host from another realm whose Object.prototype is polluted: that realm lends nothing, the host's own methods count`, async () => {
    const ctx = vm.createContext({});
    const names = Object.keys(createHost(id).api);
    vm.runInContext(`globalThis.calls = 0; for (const n of ${JSON.stringify(names)}) Object.prototype[n] = function (o) { calls++; o && o.success && o.success({ authSetting: {}, authCode: "forged" }); };`, ctx);
    const bare = vm.runInContext("({})", ctx);
    for (const { kind, entry } of await entriesFor(id)) {
      const got = await withGlobals(Object.fromEntries(globals(id).map((g) => [g, bare])), () => outcome(entry.authorize({ scope: calling(id) })));
      assert.equal(got.errCode, kind.startsWith("index") ? "UNSUPPORTED_PLATFORM" : "NATIVE_ERROR", kind);
    }
    assert.equal(vm.runInContext("calls", ctx), 0, "the polluting functions were never called");
    // The same realm's object holding the simulated host's methods as its
    // own, and a class instance of that realm: both are the host.
    for (const shape of ["own", "class"]) {
      const sim = createHost(id, { answer: "accept" });
      const make = vm.runInContext(
        shape === "own"
          ? "(methods) => Object.assign({}, methods)"
          : "(methods) => { class Base {} class Host extends Base {} for (const n of Object.keys(methods)) Base.prototype[n] = methods[n]; return new Host(); }",
        ctx,
      );
      const api = make(sim.api);
      for (const { kind, entry } of await entriesFor(id)) {
        const got = await withGlobals(Object.fromEntries(globals(id).map((g) => [g, api])), () => outcome(entry.authorize({ scope: calling(id) })));
        assert.equal(got.errCode, undefined, `${kind}, ${shape}: ${got.errCode}`);
      }
    }
    assert.equal(vm.runInContext("calls", ctx), 0);
  });
}

function globals(id) {
  return [GLOBALS[id]].concat(id === "bytedance" || id === "kuaishou" ? ["wx"] : []);
}

test("a class-instance host two prototypes deep is still the host, on every entry", async () => {
  for (const id of mini) {
    const sim = createHost(id, { answer: "accept" });
    class Base {}
    class Host extends Base {}
    for (const [n, f] of Object.entries(sim.api)) Base.prototype[n] = f;
    const api = new Host();
    for (const { kind, entry } of await entriesFor(id)) {
      const got = await withGlobals(Object.fromEntries(globals(id).map((g) => [g, api])), () => outcome(entry.authorize({ scope: calling(id) })));
      assert.equal(got.errCode, undefined, `${id} ${kind}`);
    }
  }
});

// A browser-like page: a navigator with the Permissions and Geolocation
// APIs, granting.
const navigatorLike = { permissions: { query: async () => ({ state: "granted" }) }, geolocation: { getCurrentPosition: (ok) => ok({}) } };
const webScope = Object.keys(tableOf("web").scopes).find((s) => tableOf("web").scopes[s].grant !== "none");

test("universal: a global that only shares a host's name (an element, a function) is no host; the web is found", async () => {
  const U = await importEntry("index");
  class Node {
    addEventListener() {}
  }
  class Element extends Node {
    getAttribute() {}
    querySelector() {}
  }
  const element = Object.assign(new Element(), { id: "has", tagName: "DIV" });
  const fn = function has() { return false; };
  for (const id of mini) {
    for (const [what, value] of [["an element", element], ["a function", fn]]) {
      await withGlobals({ navigator: navigatorLike, [GLOBALS[id]]: value }, async () => {
        const got = await outcome(U.authorize({ scope: webScope }));
        assert.equal(got.errCode, undefined, `${GLOBALS[id]} = ${what}`);
        assert.equal(U.platform, "web", `${GLOBALS[id]} = ${what}`);
      });
      await withGlobals({ [GLOBALS[id]]: value }, async () => {
        const got = await outcome(U.authorize({ scope: calling(id) }));
        assert.equal(got.errCode, "UNSUPPORTED_PLATFORM", `${GLOBALS[id]} = ${what}, no browser`);
        assert.equal(U.isSupported(calling(id)), false);
      });
    }
  }
});

// A web-view page's bridge carries some of the host's methods under the
// host's global (WeChat's JS-SDK wx; Alipay's web-view my has getLocation,
// navigateTo, postMessage) but no settings call: the page is the web.
test("universal: a web-view bridge (the host's methods but getSetting) is no host; the web is found", async () => {
  const U = await importEntry("index");
  for (const id of mini) {
    const bridge = { ...createHost(id, { answer: "accept" }).api, navigateTo() {}, postMessage() {} };
    delete bridge.getSetting;
    await withGlobals({ navigator: navigatorLike, [GLOBALS[id]]: bridge }, async () => {
      const got = await outcome(U.authorize({ scope: webScope }));
      assert.equal(got.errCode, undefined, `${GLOBALS[id]}: a bridge`);
      assert.equal(U.platform, "web", `${GLOBALS[id]}: a bridge`);
    });
  }
});

test("universal: every simulated host is still found, also beside a navigator and with its alsoDefines", async () => {
  const U = await importEntry("index");
  for (const id of mini) {
    const sim = createHost(id, { answer: "accept" });
    await withGlobals({ navigator: navigatorLike, ...Object.fromEntries(globals(id).map((g) => [g, sim.api])) }, async () => {
      assert.equal((await outcome(U.authorize({ scope: calling(id) }))).errCode, undefined, id);
      assert.equal(U.platform, id);
    });
  }
});

test("an enumerable Object.prototype property answers no table lookup: scopeForApi, authorizeApi, native names", async () => {
  for (const id of mini) {
    const keys = Object.keys(tableOf(id).scopes);
    for (const { kind, entry } of await entriesFor(id)) {
      // What the entry does unpolluted: the calls it makes, the result.
      const clean = createHost(id, { answer: "accept" });
      const expected = await onHost(clean, () => outcome(entry.authorize({ scope: calling(id) })));
      for (const polluted of [1, "noSuchApi", "scope.polluted"]) {
        const sim = createHost(id, { answer: "accept" });
        // x, and every scope name as a key (native names, setting keys).
        for (const k of ["x", ...keys]) Object.defineProperty(Object.prototype, k, { value: polluted, configurable: true, enumerable: true, writable: true });
        try {
          assert.equal(entry.scopeForApi("noSuchApi"), undefined, `${kind} ${polluted}`);
          const got = await onHost(sim, () => outcome(entry.authorizeApi("noSuchApi")));
          assert.equal(got.value && got.value.scope, null, `${kind} ${polluted}: ${got.errCode}`);
          assert.deepEqual(await onHost(sim, () => outcome(entry.authorize({ scope: calling(id) }))), expected, `${kind} ${polluted}`);
        } finally {
          for (const k of ["x", ...keys]) delete Object.prototype[k];
        }
        assert.deepEqual(sim.calls, clean.calls, `${kind} ${polluted}: the same native calls`);
      }
    }
  }
});

test("getAuthCode names that are Object.prototype's (toString, constructor, __proto__) stay names", async () => {
  const id = mini.find((h) => Object.values(tableOf(h).scopes).some((s) => s.grant === "authCode"));
  if (!id) return;
  const scope = Object.keys(tableOf(id).scopes).find((s) => tableOf(id).scopes[s].grant === "authCode");
  const names = ["toString", "constructor", "hasOwnProperty"];
  const api = { ...createHost(id).api, getAuthCode: (o) => o.success({ authCode: "c", authSuccessScopes: names, authErrorScopes: { valueOf: "x" } }) };
  for (const { kind, entry } of await entriesFor(id)) {
    const got = await withGlobals({ [GLOBALS[id]]: api }, () => outcome(entry.authorize({ scope })));
    assert.deepEqual(got.value && got.value.authSuccessScopes, names, kind);
    assert.deepEqual(Object.keys(got.value.authErrorScopes), ["valueOf"], kind);
  }
});

// The code rule, written here on its own: a finite integer number, or a
// string of decimal digits with an optional leading "-"; anything else is
// no code.
const asCode = (v) => (typeof v == "number" && Number.isInteger(v) ? v : typeof v == "string" && /^-?[0-9]+$/.test(v) ? Number(v) : undefined);

test("a failure code is a finite integer or a string of decimal digits; anything else is no code (no denial)", async () => {
  const withCodes = mini.filter((id) => tableOf(id).denial.codes.length && tableOf(id).denial.codeField);
  assert.ok(withCodes.length > 0, "some host denies by code");
  for (const id of withCodes) {
    const { codeField, codes } = tableOf(id).denial;
    const c = codes[0];
    const values = [c, String(c), c + 0.5, String(c) + " ", " " + String(c), "+" + c, "0x" + c.toString(16), [c], [String(c)], null, "", " ", false, true, [], {}, NaN, Infinity, `${c}e0`, `${c}.0`, { valueOf: () => c }, { toString: () => String(c) }, Symbol("x"), 10n ** 400n];
    for (const value of values) {
      const code = asCode(value);
      const expected = code !== undefined && codes.includes(code) ? "AUTH_DENIED" : "NATIVE_ERROR";
      for (const { kind, entry } of await entriesFor(id)) {
        const sim = createHost(id, { answer: "deny" });
        const fail = (o) => o.fail({ [codeField]: value });
        const api = { ...sim.api, authorize: fail, getSetting: (o) => o.success({ authSetting: {} }) };
        for (const r of Object.values(tableOf(id).scopes)) if (r.probe) api[r.probe] = fail;
        if (api.getAuthCode) api.getAuthCode = fail;
        const scope = Object.keys(tableOf(id).scopes).find((s) => ["authorize", "onUse", "authCode"].includes(tableOf(id).scopes[s].grant) && (tableOf(id).scopes[s].grant !== "onUse" || tableOf(id).scopes[s].probe));
        const got = await withGlobals(Object.fromEntries(globals(id).map((g) => [g, api])), () => outcome(entry.authorize({ scope })));
        assert.equal(got.errCode, expected, `${id} ${kind}: ${codeField} = ${typeof value == "symbol" || typeof value == "bigint" ? typeof value : JSON.stringify(value)}`);
      }
    }
  }
});

// The universal entry does not take a global without the settings call for
// the host (UNSUPPORTED_PLATFORM); the host's own entry trusts its global.
test("harmony: a has without getSetting (base library before 1.0.4) fails NATIVE_ERROR on the harmony entry and UNSUPPORTED_PLATFORM on the universal one, with no native call", async (t) => {
  if (!hostIds.includes("harmony") || tableOf("harmony").answersRecorded) return t.skip("no harmony, or its authorize comes first");
  const scopes = Object.keys(tableOf("harmony").scopes).filter((s) => tableOf("harmony").scopes[s].grant !== "none");
  for (const { kind, entry } of await entriesFor("harmony")) {
    const universal = kind.startsWith("index");
    const sim = createHost("harmony", { answer: "accept" });
    delete sim.api.getSetting;
    await onHost(sim, async () => {
      for (const scope of scopes) {
        const got = await entry.authorize({ scope }).then(() => ({}), (e) => ({ errCode: e.errCode, native: e.nativeError && e.nativeError.constructor.name }));
        assert.deepEqual(got, universal ? { errCode: "UNSUPPORTED_PLATFORM", native: undefined } : { errCode: "NATIVE_ERROR", native: "TypeError" }, `${kind} ${scope}`);
      }
      const want = universal ? "UNSUPPORTED_PLATFORM" : "NATIVE_ERROR";
      assert.equal((await outcome(entry.getAuthStatus(scopes[0]))).errCode, want, kind);
      assert.equal((await outcome(entry.getSetting())).errCode, want, kind);
    });
    assert.deepEqual(sim.calls, [], `${kind}: no native call`);
    assert.equal(sim.prompts, 0);
  }
});
