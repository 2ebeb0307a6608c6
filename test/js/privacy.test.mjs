// The privacy gate against the simulated hosts, on every entry
// that drives the host (its own and the universal one, ES module and
// CommonJS): getPrivacyStatus, requirePrivacy, authorize's privacy:
// "require", the privacy errCodes, onNeedPrivacy, and the classification
// table testdata/privacy-classify.json shared with the Go classifiers.
// What a user sees runs on the testing kit's hosts
// (@scopegen/authorize/testing); the classification table feeds each
// native failure text as it is, through a hand-made host (simhost.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHost, GLOBALS, withGlobals } from "./simhost.mjs";
import { entriesFor, importEntry, tableOf } from "./load.mjs";

const { APIS } = await importEntry("shared");
// The testing kit of the package under test (generated/npm, or $SCOPEGEN_NPM).
const { simulateHost } = await importEntry("testing");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rejection = (p) => p.then(() => assert.fail("resolved"), (e) => e);
// A WeChat scope the manifest marks gated, granted through wx.authorize.
const gatedScope = Object.entries(tableOf("wechat").scopes).find(([, r]) => r.gated && r.grant === "authorize")[0];
const ungatedHosts = ["baidu", "kuaishou"];
// The codes manifest.yaml gives a WeChat privacy failure.
const privacyCodes = (outcome) => tableOf("wechat").privacy.failures.find((f) => f.outcome === outcome).codes;
// Runs fn with the simulated host installed.
async function onHost(sim, fn) {
  sim.install();
  try {
    return await fn();
  } finally {
    sim.uninstall();
  }
}
// What the host's getPrivacySetting names the guide.
const contractName = (sim) => new Promise((resolve) => sim.host.getPrivacySetting({ success: (r) => resolve(r.privacyContractName) }));

test("getPrivacyStatus: agreed, required (with the contract name), unsupported without the APIs or a gate", async () => {
  for (const { kind, entry } of await entriesFor("wechat")) {
    for (const [privacy, want] of [["agreed", "agreed"], ["required", "required"], ["absent", "unsupported"]]) {
      const sim = simulateHost("wechat", { privacy });
      const status = await onHost(sim, () => entry.getPrivacyStatus());
      assert.equal(status.status, want, `${kind} ${privacy}`);
      if (privacy !== "absent") assert.equal(status.contractName, await contractName(sim), kind);
      assert.equal(sim.privacyPrompts, 0, kind);
    }
  }
  for (const id of ungatedHosts) {
    for (const { kind, entry } of await entriesFor(id)) {
      assert.deepEqual(await onHost(simulateHost(id), () => entry.getPrivacyStatus()), { status: "unsupported" }, kind);
    }
  }
  for (const { kind, entry } of await entriesFor("wechat")) {
    assert.deepEqual(await entry.getPrivacyStatus(), { status: "unsupported" }, `${kind}: no host at all`);
  }
});

test("getPrivacyStatus on HarmonyOS: has.getPrivacySetting's needAuthorization, no contract name; requirePrivacy unsupported", async () => {
  for (const { kind, entry } of await entriesFor("harmony")) {
    for (const [privacy, want] of [["agreed", "agreed"], ["required", "required"], ["absent", "unsupported"]]) {
      // The hand-made host (simhost.mjs, from Huawei's page) and the testing kit's.
      const sim = createHost("harmony", { privacy });
      assert.deepEqual(await withGlobals({ has: sim.api }, () => entry.getPrivacyStatus()), { status: want }, `${kind} ${privacy}`);
      assert.deepEqual(sim.calls, privacy === "absent" ? [] : ["getPrivacySetting"], kind);
      const kit = simulateHost("harmony", { privacy });
      assert.deepEqual(await onHost(kit, () => entry.getPrivacyStatus()), { status: want }, `${kind} ${privacy}: the kit`);
      if (privacy !== "absent") assert.equal(await contractName(kit), undefined, `${kind}: the kit invents no contract name`);
      // No requirePrivacyAuthorize on HarmonyOS: the platform shows its own statement.
      assert.deepEqual(await withGlobals({ has: createHost("harmony", { privacy }).api }, () => entry.requirePrivacy()), { status: "unsupported" }, kind);
    }
  }
});

test("requirePrivacy: agree resolves agreed, disagree rejects PRIVACY_NOT_AGREED, concurrent calls share one guide", async () => {
  for (const id of ["wechat", "bytedance"]) {
    for (const { kind, entry } of await entriesFor(id)) {
      const agree = simulateHost(id, { privacy: "required" });
      const both = await onHost(agree, () => Promise.all([entry.requirePrivacy(), entry.requirePrivacy()]));
      assert.deepEqual(both, [{ status: "agreed" }, { status: "agreed" }], kind);
      assert.equal(agree.privacyPrompts, 1, `${kind}: one guide for both calls`);
      assert.deepEqual(await onHost(agree, () => entry.requirePrivacy()), { status: "agreed" }, `${kind}: already agreed`);
      assert.equal(agree.privacyPrompts, 1, kind);

      const refuse = simulateHost(id, { privacy: "required", privacyAnswer: "disagree" });
      const err = await onHost(refuse, () => rejection(entry.requirePrivacy()));
      assert.equal(err.errCode, "PRIVACY_NOT_AGREED", kind);
      assert.equal(err.platform, id, kind);
      assert.match(err.nativeError.errMsg, /privacy permission is not authorized|not declared/, kind);

      const old = simulateHost(id, { privacy: "absent" });
      assert.deepEqual(await onHost(old, () => entry.requirePrivacy()), { status: "unsupported" }, `${kind}: base library without it`);
    }
  }
});

test("authorize with a closed gate: PRIVACY_NOT_AGREED, no prompt, getAuthStatus still unanswered; not declared and banned refusals", async () => {
  for (const { kind, entry } of await entriesFor("wechat")) {
    // The host's own popup shows, and the user refuses it.
    const sim = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" });
    const err = await onHost(sim, () => rejection(entry.authorize({ scope: gatedScope })));
    assert.equal(err.errCode, "PRIVACY_NOT_AGREED", kind);
    assert.ok(privacyCodes("notAgreed").includes(err.nativeError.errno), kind);
    assert.equal(sim.prompts, 0, kind);
    assert.equal(await onHost(sim, () => entry.getAuthStatus(gatedScope)), "unanswered", kind);

    const undeclared = simulateHost("wechat", { undeclared: [gatedScope] });
    const notDeclared = await onHost(undeclared, () => rejection(entry.authorize({ scope: gatedScope })));
    assert.equal(notDeclared.errCode, "PRIVACY_NOT_DECLARED", kind);
    assert.ok(privacyCodes("notDeclared").includes(notDeclared.nativeError.errno), kind);
    assert.equal(await onHost(undeclared, () => entry.getAuthStatus(gatedScope)), "unanswered", kind);

    const banned = simulateHost("wechat", { banned: [gatedScope] });
    const bannedErr = await onHost(banned, () => rejection(entry.authorize({ scope: gatedScope })));
    assert.equal(bannedErr.errCode, "PRIVACY_BANNED", kind);
    assert.ok(privacyCodes("banned").includes(bannedErr.nativeError.errno), kind);
    assert.equal(banned.prompts + banned.privacyPrompts, 0, kind);
  }
  // Douyin says "not declared" for not agreed: read as not agreed (tt-privacy-codelab).
  // Which scopes its gate covers is not sourced: the test says one is.
  const ttScope = Object.entries(tableOf("bytedance").scopes).find(([, r]) => r.grant === "authorize")[0];
  for (const { kind, entry } of await entriesFor("bytedance")) {
    const sim = simulateHost("bytedance", { privacy: "required", privacyAnswer: "disagree", gated: [ttScope] });
    assert.equal((await onHost(sim, () => rejection(entry.authorize({ scope: ttScope })))).errCode, "PRIVACY_NOT_AGREED", kind);
  }
});

test('privacy: "require" runs requirePrivacyAuthorize before the prompt where the gate covers the scope', async () => {
  for (const { kind, entry } of await entriesFor("wechat")) {
    const sim = simulateHost("wechat", { privacy: "required" });
    const res = await onHost(sim, () => entry.authorize({ scope: gatedScope, privacy: "require" }));
    assert.equal(res.scope, gatedScope, kind);
    // WeChat's authorize settles a recorded answer itself: no getSetting
    // first; the OS layer's synchronous reads are not prompts.
    const OS_READS = ["getAppAuthorizeSetting", "getSystemSetting"];
    assert.deepEqual(sim.calls.filter((c) => !OS_READS.includes(c)), ["requirePrivacyAuthorize", "authorize"], kind);
    assert.equal(sim.prompts, 1, kind);

    const api = APIS[gatedScope].split(" ")[0];
    const viaApi = simulateHost("wechat", { privacy: "required" });
    await onHost(viaApi, () => entry.authorizeApi(api, { privacy: "require" }));
    assert.equal(viaApi.calls[0], "requirePrivacyAuthorize", `${kind}: authorizeApi too`);

    const refuse = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" });
    const err = await onHost(refuse, () => rejection(entry.authorize({ scope: gatedScope, privacy: "require" })));
    assert.equal(err.errCode, "PRIVACY_NOT_AGREED", kind);
    assert.equal(err.scope, gatedScope, kind);
    assert.deepEqual(refuse.calls, ["requirePrivacyAuthorize"], `${kind}: no prompt after a refused guide`);

    const plain = simulateHost("wechat", { privacy: "agreed" });
    await onHost(plain, () => entry.authorize({ scope: gatedScope }));
    assert.ok(!plain.calls.includes("requirePrivacyAuthorize"), `${kind}: without the option nothing changes`);
  }
  // Never on hosts without a gate, even if their global had the method.
  for (const id of ungatedHosts) {
    for (const { kind, entry } of await entriesFor(id)) {
      const sim = simulateHost(id);
      let asked = 0;
      sim.host.requirePrivacyAuthorize = (o) => { asked++; o.success({}); };
      const scope = Object.entries(tableOf(id).scopes).find(([, r]) => r.grant === "authorize")[0];
      await onHost(sim, () => entry.authorize({ scope, privacy: "require" }));
      assert.equal(asked, 0, kind);
      assert.deepEqual(await onHost(sim, () => entry.requirePrivacy()), { status: "unsupported" }, kind);
    }
  }
});

// A privacy: "require" caller and a plain one on the same scope at once, in
// both orders: each gets the privacy step it asked for (the guide runs
// before joining the scope's flow), never the other's.
test('privacy: "require" and a plain call on one scope: the guide for the one that asked, once; one prompt', async () => {
  for (const { kind, entry } of await entriesFor("wechat")) {
    for (const order of ["plain first", "require first"]) {
      for (const privacyAnswer of ["agree", "disagree"]) {
        const label = `${kind}, ${order}, ${privacyAnswer}`;
        // The host's own gate spares this scope: any PRIVACY_NOT_AGREED is the guide's.
        const sim = simulateHost("wechat", { privacy: "required", privacyAnswer, gated: [] });
        const plain = () => entry.authorize({ scope: gatedScope });
        const guided = () => entry.authorize({ scope: gatedScope, privacy: "require" });
        const [first, second] = await onHost(sim, () => {
          const calls = order === "plain first" ? [plain, guided] : [guided, plain];
          return Promise.allSettled(calls.map((start) => start()));
        });
        const [plainResult, guidedResult] = order === "plain first" ? [first, second] : [second, first];
        assert.equal(plainResult.status, "fulfilled", `${label}: the plain call: ${plainResult.reason?.errCode}`);
        assert.equal(plainResult.value.scope, gatedScope, label);
        assert.equal(sim.calls.filter((c) => c === "requirePrivacyAuthorize").length, 1, `${label}: the guide asked once`);
        assert.equal(sim.privacyPrompts, 1, label);
        assert.equal(sim.prompts, 1, `${label}: one prompt for the scope`);
        if (privacyAnswer === "agree") {
          assert.equal(guidedResult.status, "fulfilled", `${label}: ${guidedResult.reason?.errCode}`);
        } else {
          assert.equal(guidedResult.status, "rejected", label);
          assert.equal(guidedResult.reason.errCode, "PRIVACY_NOT_AGREED", label);
          assert.match(guidedResult.reason.nativeError.errMsg, /^requirePrivacyAuthorize:/, label);
        }
      }
    }
    // Where the host's gate covers the scope, a plain caller may fail
    // PRIVACY_NOT_AGREED, but from its own call, not the guide.
    const sim = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" });
    const [guidedResult, plainResult] = await onHost(sim, () =>
      Promise.allSettled([entry.authorize({ scope: gatedScope, privacy: "require" }), entry.authorize({ scope: gatedScope })]));
    assert.equal(guidedResult.reason.errCode, "PRIVACY_NOT_AGREED", kind);
    assert.equal(plainResult.reason.errCode, "PRIVACY_NOT_AGREED", kind);
    assert.match(plainResult.reason.nativeError.errMsg, /^authorize:/, `${kind}: the host's own refusal`);
  }
});

test("onNeedPrivacy registers the host listener only when called; false where the host has none", async () => {
  for (const { kind, entry } of await entriesFor("wechat")) {
    const sim = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" });
    await onHost(sim, () => entry.authorize({ scope: gatedScope }).catch(() => {}));
    assert.ok(!sim.calls.includes("onNeedPrivacyAuthorization"), `${kind}: never silently`);
    const seen = [];
    const listener = (resolve, eventInfo) => {
      seen.push([typeof resolve, eventInfo.referrer]);
      resolve({ event: "agree" });
    };
    assert.equal(await onHost(sim, () => entry.onNeedPrivacy(listener)), true, kind);
    // The next gated call shows the guide through the app's listener.
    assert.equal((await onHost(sim, () => entry.authorize({ scope: gatedScope }))).scope, gatedScope, kind);
    assert.deepEqual(seen, [["function", "authorize"]], kind);
    assert.equal(sim.privacy, "agreed", kind);
    assert.equal(await onHost(simulateHost("wechat", { privacy: "absent" }), () => entry.onNeedPrivacy(listener)), false, `${kind}: old base library`);
    assert.equal(await onHost(sim, () => entry.onNeedPrivacy("not a function")), false, kind);
  }
  for (const id of ungatedHosts) {
    for (const { kind, entry } of await entriesFor(id)) {
      const sim = simulateHost(id);
      sim.host.onNeedPrivacyAuthorization = () => assert.fail("registered on a host without a gate");
      assert.equal(await onHost(sim, () => entry.onNeedPrivacy(() => {})), false, kind);
    }
  }
});

// The same table the Go classifiers read (wip/privacy); skipped where absent.
const classify = path.join(root, "testdata/privacy-classify.json");
test("the runtime classifies testdata/privacy-classify.json as the Go classifiers do", { skip: !existsSync(classify) && "no testdata/privacy-classify.json" }, async () => {
  const { cases } = JSON.parse(readFileSync(classify, "utf8"));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const table = tableOf(c.platform);
    // A scope whose flow makes a native call that can fail: authorize, getAuthCode or a probe.
    const scope = Object.entries(table.scopes).find(([, r]) => r.grant === "authorize" || r.grant === "authCode" || (r.grant === "onUse" && r.probe))[0];
    const failure = { errMsg: c.errMsg };
    if (c.code) failure[table.privacy.codeField || "errno"] = c.code;
    for (const { kind, entry } of await entriesFor(c.platform)) {
      const fail = (o) => o.fail(failure);
      const api = { getSetting: (o) => o.success({ authSetting: {} }), authorize: fail, getAuthCode: fail };
      if (table.scopes[scope].probe) api[table.scopes[scope].probe] = fail;
      const err = await withGlobals({ [GLOBALS[c.platform]]: api }, () => rejection(entry.authorize({ scope })));
      const got = err.errCode.startsWith("PRIVACY_") ? err.errCode : "";
      assert.equal(got, c.want, `${kind} ${JSON.stringify(c)}`);
      assert.equal(err.nativeError, failure, kind);
    }
  }
});
