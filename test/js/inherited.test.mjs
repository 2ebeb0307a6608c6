// Host methods the host does not have: a method counts only as the host
// object's own property or one of its prototypes' short of Object.prototype
// (hosts may be class instances). With Object.prototype polluted by each
// native method the manifest has the runtime call (the simulated host's
// methods, which simhost.mjs builds from the manifest, the privacy APIs and
// the OS layer's APIs, read by facts.mjs), every entry that drives a host
// behaves as on the same host without the method, and never calls the
// polluting function; a host whose methods live on its prototypes behaves
// as one that owns them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, GLOBALS, withGlobals } from "./simhost.mjs";
import { entriesFor, hostIds, tableOf } from "./load.mjs";
import { readSystem } from "./facts.mjs";

const outcome = (p) => p.then((value) => ({ value }), (e) => ({ errCode: e && e.errCode }));
const system = readSystem();

// Every native method the runtime may call on host id, from the manifest.
function methodsOf(id) {
  const t = tableOf(id), s = system[id];
  const names = [
    ...Object.keys(createHost(id).api),
    ...((t.privacy && t.privacy.apis) || []),
    ...Object.values(t.scopes).map((r) => r.probe),
    ...(s ? [s.switches, s.services, s.open] : []),
  ];
  return [...new Set(names.filter(Boolean))].sort();
}

// Every call of an entry, in order, each as its outcome (value or errCode).
async function battery(id, entry) {
  const out = [];
  for (const scope of Object.keys(tableOf(id).scopes)) {
    out.push(["authorize", scope, await outcome(entry.authorize({ scope }))]);
    out.push(["authorize privacy", scope, await outcome(entry.authorize({ scope, privacy: "require" }))]);
    out.push(["getAuthStatus", scope, await outcome(entry.getAuthStatus(scope))]);
  }
  for (const name of ["getSetting", "openSetting", "openSystemSetting", "getPrivacyStatus", "requirePrivacy"]) out.push([name, await outcome(entry[name]())]);
  out.push(["onNeedPrivacy", entry.onNeedPrivacy(() => {})]);
  return out;
}

// A function on Object.prototype that answers like a willing host: success
// with forged data, and forged data returned.
function pollute(names) {
  const seen = [];
  const forged = { authSetting: {}, authCode: "forged", needAuthorization: true, locationEnabled: false, locationAuthorized: "denied", cameraAuthorized: "denied" };
  for (const name of names) {
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      writable: true,
      value(o) {
        seen.push(name);
        if (o && typeof o.success == "function") o.success(forged);
        return forged;
      },
    });
  }
  return { seen, restore: () => names.forEach((name) => delete Object.prototype[name]) };
}

// A simulated host whose methods are on its prototypes (two levels), as a class instance's are.
function asInstance(api) {
  const base = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(api));
  return Object.create(Object.create(base));
}

for (const id of hostIds) {
  if (!GLOBALS[id]) {
    test(`${id}: inherited host methods`, { skip: `no simulated ${id} host in test/js/simhost.mjs` }, () => {});
    continue;
  }
  const on = (api, fn) => withGlobals({ [GLOBALS[id]]: api }, fn);

  test(`${id}: a method only Object.prototype has is missing, for each native method the manifest uses`, async () => {
    for (const method of methodsOf(id)) {
      for (const { kind, entry } of await entriesFor(id)) {
        const what = `${kind}, Object.prototype.${method}`;
        const lacking = () => {
          const sim = createHost(id);
          delete sim.api[method];
          return sim;
        };
        const sim0 = lacking();
        const want = await on(sim0.api, () => battery(id, entry));
        const sim = lacking();
        const p = pollute([method]);
        try {
          const got = await on(sim.api, () => battery(id, entry));
          assert.deepEqual(got, want, what);
        } finally {
          p.restore();
        }
        assert.deepEqual(p.seen, [], `${what}: the polluting function is never called`);
        assert.deepEqual(sim.calls, sim0.calls, `${what}: the host's own calls`);
      }
    }
  });

  test(`${id}: methods on the host's own prototypes are the host's, even with every method on Object.prototype too`, async () => {
    for (const { kind, entry } of await entriesFor(id)) {
      const sim0 = createHost(id);
      const want = await on(sim0.api, () => battery(id, entry));
      for (const polluted of [false, true]) {
        const what = `${kind}, ${polluted ? "Object.prototype polluted" : "clean"}`;
        const sim = createHost(id);
        const p = pollute(polluted ? methodsOf(id) : []);
        try {
          const got = await on(asInstance(sim.api), () => battery(id, entry));
          assert.deepEqual(got, want, what);
        } finally {
          p.restore();
        }
        assert.deepEqual(p.seen, [], `${what}: the polluting function is never called`);
        assert.deepEqual(sim.calls, sim0.calls, `${what}: the host's calls`);
      }
    }
  });
}

// The host's global itself: the global object inherits from Object.prototype,
// so a global only Object.prototype has is no host either.
for (const id of hostIds.filter((id) => GLOBALS[id])) {
  test(`${id}: a host global only Object.prototype has is no host`, async () => {
    for (const { kind, entry } of await entriesFor(id)) {
      const want = await battery(id, entry);
      const sim = createHost(id);
      Object.defineProperty(Object.prototype, GLOBALS[id], { value: sim.api, configurable: true, writable: true });
      try {
        assert.deepEqual(await battery(id, entry), want, `${kind}: as without a host`);
        assert.equal(entry.isSupported(Object.keys(tableOf(id).scopes)[0]), kind.startsWith("index") ? false : true, `${kind}: isSupported`);
      } finally {
        delete Object.prototype[GLOBALS[id]];
      }
      assert.deepEqual(sim.calls, [], `${kind}: the inherited host is never called`);
    }
  });
}
