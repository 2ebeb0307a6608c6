// Re-entry into the flows under way (joined, templates/npm/core.js.tmpl):
// a host that calls back before its method returns, authorize called again
// from inside a native call or from a caller's success/fail/complete, and
// the privacy guide's flow. Every host the package drives (its subpaths,
// with a simulator in simhost.mjs), every scope of the manifest, on every
// entry that drives the host. Each case is compared with the same calls
// made without re-entry on a fresh simulated host: the same native calls,
// the same prompts, and every caller the answer a caller gets there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, GLOBALS, withGlobals } from "./simhost.mjs";
import { entriesFor, hostIds, tableOf } from "./load.mjs";

const outcome = (p) => p.then((value) => ({ value }), (e) => ({ errCode: e && e.errCode }));
// Lets the simulated hosts' queued answers (setImmediate) and the runtime's reactions run.
const drain = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

// The simulator's methods, each wrapped: hook(name, proceed) runs when the
// runtime calls it, and proceed() hands the call to the simulator.
function hooked(sim, hook) {
  const api = {};
  for (const [name, fn] of Object.entries(sim.api)) api[name] = (opts) => hook(name, () => fn(opts));
  return api;
}

// Each entry that drives host id with the other one of its module format
// (the host's and the universal entry share one core, so one set of flows).
async function pairedEntries(id) {
  const [hostMjs, hostCjs, indexMjs, indexCjs] = await entriesFor(id);
  return [[hostMjs, indexMjs], [hostCjs, indexCjs], [indexMjs, hostMjs], [indexCjs, hostCjs]].map(([e, other]) => ({ ...e, other }));
}

const ANSWERS = ["accept", "reject"];
const TIMINGS = [["a host answering later", false], ["a host answering at once", true]];

for (const id of hostIds) {
  if (!GLOBALS[id]) {
    test(`${id}: re-entry`, { skip: `no simulated ${id} host in test/js/simhost.mjs` }, () => {});
    continue;
  }
  const on = (api, fn) => withGlobals({ [GLOBALS[id]]: api }, fn);
  const scopes = Object.keys(tableOf(id).scopes);

  // One caller's flow whose first native call re-enters authorize (through
  // `again`) and is held; a third caller comes while it is held (after the
  // re-entrant call's own flow, had it one, settled); then a later call.
  async function reenterFromNativeCall({ entry, again, scope, answer, sync, what }) {
    // Without re-entry: one caller, then a later one.
    const sim0 = createHost(id, { answer, sync });
    const first = await on(sim0.api, () => outcome(entry.authorize({ scope })));
    const callsOfOne = [...sim0.calls], promptsOfOne = sim0.prompts;
    const later = await on(sim0.api, () => outcome(entry.authorize({ scope })));

    const sim = createHost(id, { answer, sync });
    let inner, held;
    const api = hooked(sim, (name, proceed) => {
      if (held) return proceed();
      held = proceed;
      inner = outcome(again.authorize({ scope }));
    });
    await on(api, async () => {
      const outer = outcome(entry.authorize({ scope }));
      await drain();
      const third = outcome(entry.authorize({ scope }));
      await drain();
      if (held) held();
      const answers = await Promise.all([outer, third, ...(inner ? [inner] : [])]);
      for (const a of answers) assert.deepEqual(a, first, `${what}: every caller the same answer`);
      assert.deepEqual(sim.calls, callsOfOne, `${what}: the native calls of one flow`);
      assert.equal(sim.prompts, promptsOfOne, `${what}: the prompts of one flow`);
      assert.deepEqual(await outcome(entry.authorize({ scope })), later, `${what}: a later call`);
    });
    assert.deepEqual(sim.calls, sim0.calls, `${what}: a later call starts a fresh flow`);
    assert.equal(sim.prompts, sim0.prompts, `${what}: prompts with the later call`);
  }

  test(`${id}: authorize re-entered from inside a native call joins the flow under way; a later call starts a fresh one`, async () => {
    for (const [timing, sync] of TIMINGS) {
      for (const answer of ANSWERS) {
        for (const scope of scopes) {
          for (const { kind, entry, other } of await pairedEntries(id)) {
            for (const [through, again] of [["the same entry", entry], [other.kind, other.entry]]) {
              await reenterFromNativeCall({ entry, again, scope, answer, sync, what: `${kind}, re-entered through ${through}, ${timing}, ${answer}, ${scope}` });
            }
          }
        }
      }
    }
  });

  test(`${id}: authorize re-entered from success, fail and complete starts one fresh flow`, async () => {
    for (const [timing, sync] of TIMINGS) {
      for (const answer of ANSWERS) {
        for (const scope of scopes) {
          for (const { kind, entry } of await entriesFor(id)) {
            const what = `${kind}, ${timing}, ${answer}, ${scope}`;
            // Without re-entry: one caller, then two at once.
            const sim0 = createHost(id, { answer, sync });
            const first = await on(sim0.api, () => outcome(entry.authorize({ scope })));
            const later = await on(sim0.api, () => Promise.all([outcome(entry.authorize({ scope })), outcome(entry.authorize({ scope }))]));

            const sim = createHost(id, { answer, sync });
            const inner = [];
            const again = () => inner.push(outcome(entry.authorize({ scope })));
            await on(sim.api, async () => {
              const outer = await outcome(entry.authorize({ scope, success: again, fail: again, complete: again }));
              assert.deepEqual(outer, first, what);
              assert.equal(inner.length, 2, `${what}: success or fail, then complete`);
              assert.deepEqual(await Promise.all(inner), later, `${what}: the re-entrant callers`);
            });
            assert.deepEqual(sim.calls, sim0.calls, `${what}: native calls`);
            assert.equal(sim.prompts, sim0.prompts, `${what}: prompts`);
          }
        }
      }
    }
  });

  // The privacy guide's flow ("<platform>"): requirePrivacy and authorize's
  // privacy: "require" re-entered from inside the host's guide.
  const hasGuide = typeof createHost(id).api.requirePrivacyAuthorize == "function";
  const gated = scopes.filter((s) => tableOf(id).scopes[s].gated);
  test(`${id}: the privacy guide re-entered from inside its native call: one guide`, { skip: !hasGuide && `the simulated ${id} host has no privacy guide` }, async () => {
    for (const [timing, sync] of TIMINGS) {
      for (const privacyAnswer of ["agree", "disagree"]) {
        for (const scope of [undefined, ...gated]) {
          for (const { kind, entry } of await entriesFor(id)) {
            const what = `${kind}, ${timing}, ${privacyAnswer}, ${scope ?? "requirePrivacy only"}`;
            const calls = () => [outcome(entry.requirePrivacy()), ...(scope ? [outcome(entry.authorize({ scope, privacy: "require" }))] : [])];
            // Without re-entry: the guide and the scope's authorize at once.
            const sim0 = createHost(id, { privacy: "required", privacyAnswer, sync });
            const want = await on(sim0.api, () => Promise.all(calls()));

            const sim = createHost(id, { privacy: "required", privacyAnswer, sync });
            let inner = [], held;
            const api = hooked(sim, (name, proceed) => {
              if (held || name !== "requirePrivacyAuthorize") return proceed();
              held = proceed;
              inner = calls();
            });
            await on(api, async () => {
              const outer = calls();
              await drain();
              assert.ok(held, `${what}: the guide was called`);
              held();
              const got = await Promise.all(outer);
              assert.deepEqual(got, want, what);
              assert.deepEqual(await Promise.all(inner), want, `${what}: the re-entrant callers`);
            });
            assert.equal(sim.privacyPrompts, sim0.privacyPrompts, `${what}: one guide`);
            assert.deepEqual(sim.calls, sim0.calls, `${what}: native calls`);
            assert.equal(sim.prompts, sim0.prompts, `${what}: prompts`);
          }
        }
      }
    }
  });
}
