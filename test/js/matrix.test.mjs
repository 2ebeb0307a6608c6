// Every scope × every host × {unanswered-accept, unanswered-reject,
// granted, denied}, driven by the generated tables (tables.json), against
// the simulated hosts: the outcome, the prompts and the native calls, on
// every entry that drives the host (its own and the universal one, ES module
// and CommonJS). SCOPEGEN_NPM points the suite at another build (the
// mutation test does).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, GLOBALS, onHost } from "./simhost.mjs";
import { entriesFor, hostIds, rowOf, tableOf } from "./load.mjs";

const STATES = ["unanswered-accept", "unanswered-reject", "granted", "denied"];

// What the spec's flow must do, by mechanism. Alipay's auth_base is silent
// (facts §2.1), and getAuthCode keeps no memory of a refusal, so a
// "denied" authCode scope is asked again.
function expected({ grant, native, key, probe }, state) {
  const answer = state === "unanswered-accept" ? "ok" : "AUTH_DENIED";
  const known = key && (state === "granted" || state === "denied");
  switch (grant) {
    case "none":
      return { outcome: "ok", prompts: 0 };
    case "authorize":
      if (state === "granted") return { outcome: "ok", prompts: 0 };
      if (state === "denied") return { outcome: "AUTH_DENIED", prompts: 0 };
      return { outcome: answer, prompts: 1 };
    case "authCode":
      if (native === "auth_base" || state === "granted") return { outcome: "ok", prompts: 0 };
      return { outcome: state === "denied" ? "AUTH_DENIED" : answer, prompts: 1 };
    case "onUse":
      if (known) return { outcome: state === "granted" ? "ok" : "AUTH_DENIED", prompts: 0 };
      if (!probe) return { outcome: "ok", prompts: 0, deferred: true };
      return { outcome: state === "denied" ? "AUTH_DENIED" : answer, prompts: 1 };
    case "settingsOnly":
    case "button":
      if (known) return { outcome: state === "granted" ? "ok" : "AUTH_DENIED", prompts: 0 };
      return { outcome: grant === "settingsOnly" ? "SETTINGS_REQUIRED" : "BUTTON_REQUIRED", prompts: 0 };
  }
  throw new Error(`unknown grant ${grant}`);
}

function seed(row, state) {
  const key = row.grant === "authCode" ? row.native : row.key || row.native;
  if (state === "granted" || state === "denied") return { [key]: state };
  return {};
}

for (const id of hostIds) {
  // Hosts without a simulator here (the browser) are tested elsewhere; the
  // skip is reported, so a new host cannot go untested silently.
  if (!GLOBALS[id]) {
    test(`${id}: every scope × state`, { skip: `no simulated ${id} host in test/js/simhost.mjs` }, () => {});
    continue;
  }
  const entries = await entriesFor(id);
  for (const scope of Object.keys(tableOf(id).scopes).sort()) {
    const row = rowOf(id, scope);
    for (const state of STATES) {
      const want = expected(row, state);
      test(`${id} ${scope} ${state} → ${want.outcome}${want.deferred ? " (deferred)" : ""}`, async () => {
        for (const { kind, entry } of entries) await checkAuthorize(id, entry, scope, row, state, want, kind);
      });
    }
    test(`${id} ${scope} getAuthStatus`, async () => {
      for (const { kind, entry } of entries) {
        for (const state of ["granted", "denied", "unanswered-accept"]) {
          const sim = createHost(id, { state: seed(row, state) });
          const status = await onHost(sim, () => entry.getAuthStatus(scope));
          const want = row.grant === "none" ? "granted" : !row.key ? "unknown" : state === "unanswered-accept" ? "unanswered" : state;
          assert.equal(status, want, `${kind} ${state}`);
          assert.equal(sim.prompts, 0, kind);
        }
      }
    });
  }
}

async function checkAuthorize(id, entry, scope, row, state, want, kind) {
  const sim = createHost(id, { answer: state === "unanswered-reject" || state === "denied" ? "reject" : "accept", state: seed(row, state) });
  const outcome = await onHost(sim, () => entry.authorize({ scope }).then(
    (res) => {
      assert.equal(res.scope, scope, kind);
      assert.equal(res.platform, id, kind);
      assert.equal(res.deferred, want.deferred, kind);
      if (row.grant === "authCode") {
        assert.equal(res.authCode, "code-123", kind);
        assert.deepEqual(res.authSuccessScopes, [scope], `${kind}: authSuccessScopes in universal names`);
      }
      return "ok";
    },
    (err) => {
      assert.ok(err instanceof Error, kind);
      assert.equal(err.scope, scope, kind);
      assert.equal(err.platform, id, kind);
      return err.errCode;
    }));
  assert.equal(outcome, want.outcome, `${kind}: calls: ${sim.calls.join(", ")}`);
  assert.equal(sim.prompts, want.prompts, `${kind}: prompts`);
  // A known state is read from getSetting, and then the host is not asked.
  if (row.key && row.grant !== "none" && (state === "granted" || state === "denied") && row.grant !== "authCode") {
    assert.deepEqual(sim.calls, ["getSetting"], kind);
  }
  if (row.grant === "none") assert.deepEqual(sim.calls, [], `${kind}: a scope the host no longer gates needs no native call`);
}
