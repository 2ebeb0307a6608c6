// Every scope × every host × {unanswered-accept, unanswered-reject,
// granted, denied}, driven by the generated tables, against the simulated
// hosts: the outcome, the prompts and the native calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, GLOBALS, onHost } from "./simhost.mjs";
import { decodeRow, hostIds, importEntry } from "./load.mjs";

const STATES = ["unanswered-accept", "unanswered-reject", "granted", "denied"];

// What the spec's flow must do, by mechanism. Alipay's auth_base is silent
// (facts §2.1), and getAuthCode keeps no memory of a refusal, so a
// "denied" authCode scope is asked again.
function expected({ grant, native, key, probe }, state) {
  const answer = state === "unanswered-accept" ? "ok" : "AUTH_DENIED";
  const known = key && (state === "granted" || state === "denied");
  switch (grant) {
    case "n":
      return { outcome: "ok", prompts: 0 };
    case "a":
      if (state === "granted") return { outcome: "ok", prompts: 0 };
      if (state === "denied") return { outcome: "AUTH_DENIED", prompts: 0 };
      return { outcome: answer, prompts: 1 };
    case "c":
      if (native === "auth_base" || state === "granted") return { outcome: "ok", prompts: 0 };
      return { outcome: state === "denied" ? "AUTH_DENIED" : answer, prompts: 1 };
    case "u":
      if (known) return { outcome: state === "granted" ? "ok" : "AUTH_DENIED", prompts: 0 };
      if (!probe) return { outcome: "ok", prompts: 0, deferred: true };
      return { outcome: state === "denied" ? "AUTH_DENIED" : answer, prompts: 1 };
    case "s":
    case "b":
      if (known) return { outcome: state === "granted" ? "ok" : "AUTH_DENIED", prompts: 0 };
      return { outcome: grant === "s" ? "SETTINGS_REQUIRED" : "BUTTON_REQUIRED", prompts: 0 };
  }
  throw new Error(`unknown grant ${grant}`);
}

function seed(row, state) {
  const key = row.grant === "c" ? row.native : row.key || row.native;
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
  const entry = await importEntry(id);
  for (const [scope, raw] of Object.entries(entry.host.scopes)) {
    const row = decodeRow(scope, raw);
    for (const state of STATES) {
      const want = expected(row, state);
      test(`${id} ${scope} ${state} → ${want.outcome}${want.deferred ? " (deferred)" : ""}`, async () => {
        const sim = createHost(id, { answer: state === "unanswered-reject" || state === "denied" ? "reject" : "accept", state: seed(row, state) });
        const outcome = await onHost(sim, () => entry.authorize({ scope }).then(
          (res) => {
            assert.equal(res.scope, scope);
            assert.equal(res.platform, id);
            assert.equal(res.deferred, want.deferred);
            if (row.grant === "c") {
              assert.equal(res.authCode, "code-123");
              assert.deepEqual(res.authSuccessScopes, [scope], "authSuccessScopes in universal names");
            }
            return "ok";
          },
          (err) => {
            assert.ok(err instanceof Error);
            assert.equal(err.scope, scope);
            assert.equal(err.platform, id);
            return err.errCode;
          }));
        assert.equal(outcome, want.outcome, `calls: ${sim.calls.join(", ")}`);
        assert.equal(sim.prompts, want.prompts, "prompts");
        // A known state is read from getSetting, and then the host is not asked.
        if (row.key && row.grant !== "n" && (state === "granted" || state === "denied") && row.grant !== "c") {
          assert.deepEqual(sim.calls, ["getSetting"]);
        }
        if (row.grant === "n") assert.deepEqual(sim.calls, [], "a scope the host no longer gates needs no native call");
      });
    }
    test(`${id} ${scope} getAuthStatus`, async () => {
      for (const state of ["granted", "denied", "unanswered-accept"]) {
        const sim = createHost(id, { state: seed(row, state) });
        const status = await onHost(sim, () => entry.getAuthStatus(scope));
        const want = row.grant === "n" ? "granted" : !row.key ? "unknown" : state === "unanswered-accept" ? "unanswered" : state;
        assert.equal(status, want, state);
        assert.equal(sim.prompts, 0);
      }
    });
  }
}
