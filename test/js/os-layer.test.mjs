// The operating system's layer (issue 22), on simulated hosts: for every
// host the manifest gives an OS layer, every scope it consults the layer
// for, and every entry that drives the host (its own and the universal,
// ES module and CommonJS). What "the normal flow" is comes from the same
// host without the OS APIs, so these tests hold only what the layer adds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { entriesFor, hostIds, importEntry, rowOf } from "./load.mjs";
import { readSystem } from "./facts.mjs";
import { createHost, onHost, GLOBALS } from "./simhost.mjs";

const SYSTEM = readSystem();
const withLayer = Object.keys(SYSTEM);

/**
 * A simulated host whose OS layer reports `switches` (field → value) and
 * `services` (field → boolean). `read` replaces both sync APIs: "missing"
 * (a base library without them), "throwing", or undefined (they answer).
 */
function hostWithOS(id, { switches = {}, services = {}, read, state = {}, answer = "accept" } = {}) {
  const sim = createHost(id, { state, answer });
  const sys = SYSTEM[id];
  const sync = (name, value) => {
    if (!name || read === "missing") return;
    sim.api[name] = () => {
      sim.calls.push(name);
      if (read === "throwing") throw new TypeError(`${name}: not available`);
      return { ...value };
    };
  };
  sync(sys.switches, switches);
  sync(sys.services, services);
  if (sys.open) {
    sim.api[sys.open] = (opts) => {
      sim.calls.push(sys.open);
      setImmediate(() => { opts?.success?.({ errMsg: `${sys.open}:ok` }); opts?.complete?.(); });
    };
  }
  return sim;
}

// What authorize and getAuthStatus do: { code } or { ok }, the prompts shown, the status.
async function run(entry, sim, scope) {
  return onHost(sim, async () => {
    let outcome;
    try {
      await entry.authorize({ scope });
      outcome = { ok: true };
    } catch (e) {
      outcome = { code: e.errCode };
    }
    return { ...outcome, prompts: sim.prompts, status: await entry.getAuthStatus(scope) };
  });
}

// The same scenario on the host without its OS APIs: the normal flow.
const normal = (entry, id, scope, opts) => run(entry, createHost(id, opts), scope);

test("the manifest gives WeChat an OS layer, and only hosts with one are tested here", () => {
  assert.ok(withLayer.includes("wechat"));
  for (const id of withLayer) assert.ok(Object.keys(SYSTEM[id].needs).length > 0, id);
});

for (const id of withLayer) {
  const needs = Object.entries(SYSTEM[id].needs);
  for (const { kind, entry } of await entriesFor(id)) {
    test(`${id} (${kind}): an OS switch "denied" fails SYSTEM_DENIED without the host's prompt`, async () => {
      for (const [scope, need] of needs) {
        if (!need.switch) continue;
        for (const state of [{}, { [scope]: "granted" }]) {
          const sim = hostWithOS(id, { switches: { [need.switch]: "denied" }, state: mapState(id, state) });
          const got = await run(entry, sim, scope);
          assert.deepEqual(got, { code: "SYSTEM_DENIED", prompts: 0, status: "system-denied" }, `${scope} ${JSON.stringify(state)}`);
          assert.equal(entry.failureLayer(got.code), "system");
          assert.ok(!sim.calls.includes("authorize") && !sim.calls.includes("getSetting"), `${scope}: no host call`);
        }
      }
    });

    test(`${id} (${kind}): a device service off fails SYSTEM_DISABLED without the host's prompt`, async () => {
      const withService = needs.filter(([, n]) => n.service);
      assert.ok(withService.length > 0, "some scope needs a device service");
      for (const [scope, need] of withService) {
        const sim = hostWithOS(id, { services: { [need.service]: false }, switches: need.switch ? { [need.switch]: "authorized" } : {} });
        assert.deepEqual(await run(entry, sim, scope), { code: "SYSTEM_DISABLED", prompts: 0, status: "system-disabled" }, scope);
        assert.ok(!sim.calls.includes("authorize"), scope);
      }
    });

    test(`${id} (${kind}): not determined, authorized, a missing field, a missing or throwing API: the normal flow`, async () => {
      for (const [scope, need] of needs) {
        const cases = {
          "not determined": { switches: { [need.switch]: "not determined" }, services: { [need.service]: true } },
          authorized: { switches: { [need.switch]: "authorized" }, services: { [need.service]: true } },
          "a missing field": {},
          "an odd value": { switches: { [need.switch]: "DENIED" }, services: { [need.service]: 0 } },
          "the APIs missing": { read: "missing" },
          "the APIs throwing": { read: "throwing" },
        };
        for (const [name, os] of Object.entries(cases)) {
          for (const answer of ["accept", "reject"]) {
            const want = await normal(entry, id, scope, { answer });
            const got = await run(entry, hostWithOS(id, { ...os, answer }), scope);
            assert.deepEqual(got, want, `${scope}, ${name}, the user would ${answer}`);
          }
        }
      }
    });

    test(`${id} (${kind}): openSystemSetting opens the host app's OS settings; UNSUPPORTED_PLATFORM without the API`, async () => {
      const sim = hostWithOS(id);
      assert.equal(await onHost(sim, () => entry.openSystemSetting()), undefined);
      assert.deepEqual(sim.calls, [SYSTEM[id].open]);
      const bare = createHost(id);
      await assert.rejects(onHost(bare, () => entry.openSystemSetting()), (e) => e.errCode === "UNSUPPORTED_PLATFORM" && e.platform === id);
      await assert.rejects(entry.openSystemSetting(), (e) => e.errCode === "UNSUPPORTED_PLATFORM" && e.platform === undefined);
    });
  }
}

// createHost's state is keyed by native scope.
function mapState(id, state) {
  return Object.fromEntries(Object.entries(state).map(([scope, v]) => [rowOf(id, scope).native, v]));
}

for (const id of hostIds.filter((h) => !withLayer.includes(h) && GLOBALS[h])) {
  test(`${id}: no OS layer in the manifest: its APIs, even "denied", change nothing; openSystemSetting is UNSUPPORTED_PLATFORM`, async () => {
    const entry = await importEntry(id);
    for (const scope of entry.scopes) {
      const want = await normal(entry, id, scope, {});
      const sim = createHost(id);
      // WeChat's APIs, as if the host had copied them, reporting every switch denied and every service off.
      const denied = Object.fromEntries(Object.values(SYSTEM.wechat.needs).map((n) => [n.switch, "denied"]));
      const off = Object.fromEntries(Object.values(SYSTEM.wechat.needs).filter((n) => n.service).map((n) => [n.service, false]));
      sim.api[SYSTEM.wechat.switches] = () => denied;
      sim.api[SYSTEM.wechat.services] = () => off;
      assert.deepEqual(await run(entry, sim, scope), want, scope);
    }
    await assert.rejects(onHost(createHost(id), () => entry.openSystemSetting()), (e) => e.errCode === "UNSUPPORTED_PLATFORM" && e.platform === id);
  });
}

test("failureLayer: each errCode's layer, undefined for anything else", async () => {
  const { failureLayer } = await importEntry("index");
  assert.equal(failureLayer("AUTH_DENIED"), "host");
  assert.equal(failureLayer("SYSTEM_DISABLED"), "system");
  assert.equal(failureLayer("PRIVACY_NOT_AGREED"), "privacy");
  assert.equal(failureLayer("UNKNOWN_SCOPE"), "checks");
  for (const odd of ["toString", "__proto__", "", undefined, 1, {}]) assert.equal(failureLayer(odd), undefined, String(odd));
});
