// The kit against the manifest, read here with the yaml package and not
// through the generator: for every host, the global's name, the native
// scope names authorize receives, the getSetting keys, and the failure
// texts and codes (denial, the privacy refusals) and the scopes the
// privacy gate covers are the manifest's. The
// kit is generated from the same model as the runtime, so this is the
// independent check that keeps both from agreeing on a wrong fact.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { simulateHost } from "@scopegen/authorize/testing";

const manifest = parse(readFileSync(new URL("../../manifest.yaml", import.meta.url), "utf8"));
const platforms = Object.keys(manifest.platforms).sort();
const supported = (id) => Object.entries(manifest.scopes).filter(([, s]) => s.platforms?.[id]).map(([name, s]) => [name, s.platforms[id]]);
// A native call through the installed host, as a Promise of [ok, result].
const call = (sim, method, args = {}) => new Promise((resolve) => sim.host[method]({ ...args, success: (r) => resolve([true, r]), fail: (r) => resolve([false, r]) }));

let sim;
afterEach(() => sim?.uninstall());

test("the kit simulates exactly the manifest's platforms", () => {
  for (const id of platforms) assert.doesNotThrow(() => simulateHost(id), id);
  assert.throws(() => simulateHost("weixin"), TypeError);
});

for (const id of platforms) {
  const facts = manifest.platforms[id];
  const scopes = supported(id);

  test(`${id}: install() sets the global ${facts.global} (and ${facts.alsoDefines ?? "nothing else"})`, () => {
    sim = simulateHost(id).install();
    assert.equal(sim.global, facts.global);
    for (const name of [facts.global, ...(facts.alsoDefines ?? [])]) assert.equal(globalThis[name], sim.host, name);
  });

  if (facts.global === "navigator") {
    test(`${id}: the Permissions API knows the manifest's setting keys`, async () => {
      sim = simulateHost(id, { settings: Object.fromEntries(scopes.map(([name]) => [name, true])) }).install();
      for (const [, row] of scopes) assert.equal((await navigator.permissions.query({ name: row.settingKey })).state, "granted", row.settingKey);
    });
    continue;
  }

  test(`${id}: getSetting reports each scope under the manifest's settingKey`, async () => {
    const settings = Object.fromEntries(scopes.map(([name], i) => [name, i % 2 === 0]));
    sim = simulateHost(id, { settings }).install();
    const [, { authSetting }] = await call(sim, "getSetting");
    const want = Object.fromEntries(scopes.filter(([, row]) => row.settingKey).map(([name, row]) => [row.settingKey, settings[name]]));
    assert.deepEqual(authSetting, want);
  });

  const byAuthorize = scopes.filter(([, row]) => row.grant === "authorize");
  if (byAuthorize.length) {
    test(`${id}: authorize takes the manifest's native names and denies with its text and code`, async () => {
      sim = simulateHost(id, { answer: "deny" }).install();
      for (const [name, row] of byAuthorize) {
        const [ok, res] = await call(sim, "authorize", { scope: row.native });
        assert.equal(ok, false, name);
        checkDenial(facts.denial, "authorize", res, name);
      }
      assert.equal(sim.prompts, byAuthorize.length);
      assert.deepEqual(sim.settings, Object.fromEntries(byAuthorize.map(([name]) => [name, false])));
    });
  }

  const probed = scopes.filter(([, row]) => row.grant === "onUse" && row.probe);
  if (probed.length) {
    test(`${id}: a refused probe fails with the manifest's denial text and code`, async () => {
      sim = simulateHost(id, { answer: "deny" }).install();
      for (const [name, row] of probed) {
        const [ok, res] = await call(sim, row.probe);
        assert.equal(ok, false, name);
        checkDenial(facts.denial, row.probe, res, name);
      }
    });
  }

  const notAgreed = facts.privacy?.failures?.notAgreed;
  if (notAgreed) {
    test(`${id}: a refused privacy guide fails with the manifest's "not agreed" text and code`, async () => {
      sim = simulateHost(id, { privacy: "required", privacyAnswer: "disagree" }).install();
      const [ok, res] = await call(sim, "requirePrivacyAuthorize");
      assert.equal(ok, false);
      assert.match(res.errMsg, new RegExp(notAgreed.message, "u"));
      if (notAgreed.codes) assert.ok(notAgreed.codes.includes(res[facts.privacy.codeField]), JSON.stringify(res));
      assert.equal(sim.privacyPrompts, 1);
    });

    const byAuthorizeGated = byAuthorize.filter(([, row]) => row.privacy?.gated);
    test(`${id}: with the guide refused, exactly the manifest's gated scopes fail "not agreed"`, async () => {
      sim = simulateHost(id, { privacy: "required", privacyAnswer: "disagree", answer: "accept" }).install();
      for (const [name, row] of byAuthorize) {
        const [ok, res] = await call(sim, "authorize", { scope: row.native });
        if (row.privacy?.gated) assert.match(res.errMsg, new RegExp(notAgreed.message, "u"), name);
        else assert.equal(ok, true, name);
      }
      assert.equal(sim.privacyPrompts, byAuthorizeGated.length);
    });

    for (const [outcome, option] of [["notDeclared", "undeclared"], ["banned", "banned"]]) {
      const failure = facts.privacy.failures[outcome];
      if (!failure || !byAuthorizeGated.length) continue;
      test(`${id}: ${option} gated scopes fail with the manifest's "${outcome}" text and code, before any guide or prompt`, async () => {
        sim = simulateHost(id, { privacy: "required", [option]: byAuthorizeGated.map(([name]) => name) }).install();
        for (const [name, row] of byAuthorizeGated) {
          const [ok, res] = await call(sim, "authorize", { scope: row.native });
          assert.equal(ok, false, name);
          assert.match(res.errMsg, new RegExp(failure.message, "u"), name);
          if (failure.codes) assert.ok(failure.codes.includes(res[facts.privacy.codeField]), JSON.stringify(res));
        }
        assert.equal(sim.privacyPrompts + sim.prompts, 0);
      });
    }
  }
}

// A denial as the manifest describes it: its message pattern when it has
// one, else "<method>:fail"; its code field holding one of its codes.
function checkDenial(denial, method, res, name) {
  if (denial.message) assert.match(res.errMsg, new RegExp(denial.message, "u"), name);
  else assert.equal(res.errMsg, `${method}:fail`, name);
  if (denial.codeField) assert.ok(denial.codes.includes(res[denial.codeField]), `${name}: ${JSON.stringify(res)}`);
  else assert.deepEqual(Object.keys(res), ["errMsg"], name);
}

test("an option the manifest gives a host nothing for says so, never 'must be one of ,'", () => {
  const codeless = platforms.filter((id) => !(manifest.platforms[id].denial?.codes ?? []).length);
  assert.ok(codeless.length > 0, "some host has no denial code (xiaohongshu's are unsourced)");
  for (const id of codeless) {
    let message = "";
    try {
      simulateHost(id, { denialCode: 15 });
    } catch (e) {
      message = e.message;
    }
    assert.match(message, new RegExp(`${id} has no denialCode value in the manifest, so denialCode does not apply \\(given 15\\)`), id);
    assert.doesNotMatch(message, /one of ,|one of $/, id);
  }
  for (const id of platforms.filter((p) => (manifest.platforms[p].denial?.codes ?? []).length)) {
    assert.throws(() => simulateHost(id, { denialCode: -1 }), /denialCode must be one of \d/, id);
  }
});
