// Every scope × every host × {unanswered-accept, unanswered-reject,
// granted, denied}, driven by the manifest's tables (facts.mjs), against
// the simulated hosts: the outcome, the prompts and the native calls, on
// every entry that drives the host (its own and the universal one, ES module
// and CommonJS). SCOPEGEN_NPM points the suite at another build (the
// mutation test does).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHost, GLOBALS, hasPrivacyGate, onHost } from "./simhost.mjs";
import { entriesFor, hostIds, rowOf, tableOf, tables } from "./load.mjs";

const STATES = ["unanswered-accept", "unanswered-reject", "granted", "denied"];

// The privacy gate: open (agreed), closed (not agreed) and absent (a base
// library without it) on hosts that have one; none elsewhere.
const gatesOf = (id) => (hasPrivacyGate(id) ? ["open", "closed", "absent"] : ["none"]);
const SIM_PRIVACY = { open: "agreed", closed: "required", absent: "absent", none: "agreed" };
// Which native scopes the simulated gate covers: the manifest's gated flag
// on WeChat (the manifest's privacy entries); every one on Douyin (not
// sourced, simhost.mjs).
const gatedOn = (id) => (native) => id !== "wechat" || Object.values(tableOf(id).scopes).some((r) => r.native === native && r.gated);

// Whether the flow calls the host's authorize first, without getSetting:
// where the manifest says the host's authorize settles a recorded answer
// itself (answersRecorded).
const direct = (id, row) => row.grant === "authorize" && tableOf(id).answersRecorded;

// A closed gate refuses the native authorize call of a gated scope: no
// prompt, PRIVACY_NOT_AGREED, and nothing recorded. The flow calls
// authorize for an unanswered scope, and on a direct host in every state.
function behindGate(id, row, state, gate, want) {
  if (gate !== "closed" || row.grant !== "authorize" || !gatedOn(id)(row.native)) return want;
  if (!state.startsWith("unanswered") && !direct(id, row)) return want;
  return { outcome: "PRIVACY_NOT_AGREED", prompts: 0 };
}

// What the spec's flow must do, by mechanism. Alipay's auth_base is silent
// (the manifest's alipay notes cite the source), and getAuthCode keeps no memory of a refusal, so a
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
      for (const gate of gatesOf(id)) {
        const want = behindGate(id, row, state, gate, expected(row, state));
        test(`${id} ${scope} ${state} gate ${gate} → ${want.outcome}${want.deferred ? " (deferred)" : ""}`, async () => {
          for (const { kind, entry } of entries) await checkAuthorize(id, entry, scope, row, state, want, kind, gate);
        });
      }
    }
    test(`${id} ${scope} getAuthStatus`, async () => {
      for (const { kind, entry } of entries) {
        for (const state of ["granted", "denied", "unanswered-accept"]) {
          // An authCode scope's key records consent given elsewhere (Alipay's userInfo:
          // getOpenUserInfo), never getAuthCode's grants: the status reads the key alone.
          const keyed = row.grant === "authCode" && row.key;
          const sim = createHost(id, { state: keyed ? (state === "unanswered-accept" ? {} : { [row.key]: state }) : seed(row, state) });
          const status = await onHost(sim, () => entry.getAuthStatus(scope));
          const want = row.grant === "none" ? "granted" : !row.key ? "unknown" : state === "unanswered-accept" ? "unanswered" : state;
          assert.equal(status, want, `${kind} ${state}`);
          assert.equal(sim.prompts, 0, kind);
        }
      }
    });
  }
}

// A scope the manifest gives other hosts but not this one: UNSUPPORTED_SCOPE
// on every entry, before any native call, and getAuthStatus "unsupported".
const everyScope = [...new Set(tables.platforms.flatMap((p) => Object.keys(p.scopes)))].sort();
for (const id of hostIds.filter((h) => GLOBALS[h])) {
  const unsupported = everyScope.filter((s) => !tableOf(id).scopes[s]);
  test(`${id}: an unsupported scope fails UNSUPPORTED_SCOPE with no native call`, { skip: !unsupported.length && `${id} supports every scope` }, async () => {
    for (const { kind, entry } of await entriesFor(id)) {
      for (const scope of unsupported) {
        const sim = createHost(id);
        const err = await onHost(sim, () => entry.authorize({ scope }).then(() => assert.fail(`${kind} ${scope} resolved`), (e) => e));
        assert.equal(err.errCode, "UNSUPPORTED_SCOPE", `${kind} ${scope}`);
        assert.equal(err.platform, id, kind);
        assert.equal(await onHost(sim, () => entry.getAuthStatus(scope)), "unsupported", `${kind} ${scope}`);
        assert.deepEqual(sim.calls, [], `${kind} ${scope}`);
      }
    }
  });
}

async function checkAuthorize(id, entry, scope, row, state, want, kind, gate) {
  const sim = createHost(id, {
    answer: state === "unanswered-reject" || state === "denied" ? "reject" : "accept", state: seed(row, state),
    privacy: SIM_PRIVACY[gate], gated: gatedOn(id),
  });
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
      if (err.errCode.startsWith("PRIVACY_")) assert.ok(err.nativeError && err.nativeError.errMsg, `${kind}: the host's error kept`);
      return err.errCode;
    }));
  // A privacy failure is not the user refusing: nothing recorded.
  if (want.outcome.startsWith("PRIVACY_") && row.key) {
    const recorded = state === "granted" || state === "denied" ? state : "unanswered";
    assert.equal(await onHost(sim, () => entry.getAuthStatus(scope)), recorded, `${kind}: getAuthStatus after a privacy failure`);
  }
  assert.equal(outcome, want.outcome, `${kind}: calls: ${sim.calls.join(", ")}`);
  assert.equal(sim.prompts, want.prompts, `${kind}: prompts`);
  // On a direct host, authorize alone answers every state: one native call
  // (then getAuthStatus's getSetting, after a privacy failure, above).
  if (direct(id, row)) assert.deepEqual(sim.calls, want.outcome.startsWith("PRIVACY_") && row.key ? ["authorize", "getSetting"] : ["authorize"], kind);
  // Elsewhere a known state is read from getSetting, and then the host is not asked.
  else if (row.key && row.grant !== "none" && (state === "granted" || state === "denied") && row.grant !== "authCode") {
    assert.deepEqual(sim.calls, ["getSetting"], kind);
  }
  if (row.grant === "none") assert.deepEqual(sim.calls, [], `${kind}: a scope the host no longer gates needs no native call`);
}
