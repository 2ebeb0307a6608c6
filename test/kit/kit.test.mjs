// simulateHost's own contract: install/uninstall restore exactly what was
// there, options are checked, the three-state model, callbacks and
// Promises, the privacy guide through the app's listener, failure modes,
// and the CommonJS build being the same kit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { simulateHost } from "@scopegen/authorize/testing";
import { authorize, getAuthStatus, getPrivacyStatus, getSetting } from "@scopegen/authorize";

const descriptor = (name) => Object.getOwnPropertyDescriptor(globalThis, name);

test("uninstall restores absence, a value, and a getter, for every global the host defines", () => {
  const getter = { get: () => "theirs", configurable: true, enumerable: false };
  Object.defineProperty(globalThis, "wx", getter);
  const wxBefore = descriptor("wx");
  assert.equal(descriptor("tt"), undefined);
  const sim = simulateHost("bytedance").install(); // Douyin defines tt and wx
  assert.equal(globalThis.tt, sim.host);
  assert.equal(globalThis.wx, sim.host);
  assert.throws(() => sim.install(), /already installed/);
  sim.uninstall();
  assert.equal(descriptor("tt"), undefined);
  assert.deepEqual(descriptor("wx"), wxBefore);
  assert.equal(globalThis.wx, "theirs");
  delete globalThis.wx;

  globalThis.swan = 42;
  const before = descriptor("swan");
  simulateHost("baidu").install().uninstall();
  assert.deepEqual(descriptor("swan"), before);
  delete globalThis.swan;
});

test("the web host replaces navigator and puts back what was there", () => {
  const before = descriptor("navigator");
  const sim = simulateHost("web").install();
  assert.equal(globalThis.navigator, sim.host);
  assert.equal(typeof navigator.permissions.query, "function");
  sim.uninstall();
  assert.deepEqual(descriptor("navigator"), before);
});

test("wrong options throw at once", () => {
  assert.throws(() => simulateHost("wechat", { settings: { "scope.hostId": true } }), /settings scope/);
  assert.throws(() => simulateHost("wechat", { settings: { "scope.camera": "yes" } }), TypeError);
  assert.throws(() => simulateHost("wechat", { answer: "reject" }), /answer/);
  assert.throws(() => simulateHost("wechat", { privacy: "off" }), /privacy/);
  assert.throws(() => simulateHost("wechat", { undeclared: ["scope.address"] }), /does not cover/);
  assert.throws(() => simulateHost("bytedance", { banned: ["scope.camera"] }), /no such privacy refusal/);
  assert.throws(() => simulateHost("alipay", { gated: ["scope.camera"] }), /no such privacy refusal/);
  assert.throws(() => simulateHost("wechat", { missing: ["getAuthCode"] }), /missing/);
  assert.throws(() => simulateHost("baidu", { denialCode: 10200 }), /denialCode/);
});

test("the three-state model: one prompt per scope, answers kept, answer as a function of the universal name", async () => {
  const asked = [];
  const sim = simulateHost("bytedance", { answer: (scope) => (asked.push(scope), scope === "scope.camera" ? "accept" : "deny") }).install();
  try {
    await authorize({ scope: "scope.camera" });
    await assert.rejects(authorize({ scope: "scope.writePhotosAlbum" }), { errCode: "AUTH_DENIED" });
    await assert.rejects(authorize({ scope: "scope.writePhotosAlbum" }), { errCode: "AUTH_DENIED" });
    await authorize({ scope: "scope.camera" });
    assert.deepEqual(asked, ["scope.camera", "scope.writePhotosAlbum"]);
    assert.equal(sim.prompts, 2);
    assert.deepEqual(sim.settings, { "scope.camera": true, "scope.writePhotosAlbum": false });
    assert.deepEqual((await getSetting()).authSetting, sim.settings);
    assert.deepEqual(sim.calls, ["authorize", "authorize", "authorize", "authorize", "getSetting"]);
  } finally {
    sim.uninstall();
  }
});

test("methods answer through callbacks, complete included, or with a Promise", async () => {
  const sim = simulateHost("wechat", { settings: { "scope.camera": true } });
  const order = [];
  await new Promise((done) => sim.host.getSetting({ success: () => order.push("success"), complete: () => (order.push("complete"), done()) }));
  assert.deepEqual(order, ["success", "complete"]);
  assert.deepEqual(await sim.host.getSetting(), { errMsg: "getSetting:ok", authSetting: { "scope.camera": true } });
  await assert.rejects(sim.host.authorize({ scope: "scope.nothing" }), { errMsg: "authorize:fail invalid scope" });
});

test("the privacy guide goes through the app's listener when one is registered", async () => {
  const sim = simulateHost("wechat", { privacy: "required" });
  const seen = [];
  sim.host.onNeedPrivacyAuthorization((resolve, info) => {
    seen.push(info.referrer);
    resolve({ event: seen.length === 1 ? "disagree" : "agree" });
  });
  await assert.rejects(sim.host.authorize({ scope: "scope.userLocation" }), (res) => /privacy permission is not authorized/.test(res.errMsg));
  assert.equal(sim.privacy, "required");
  assert.equal(sim.prompts, 0);
  await sim.host.authorize({ scope: "scope.userLocation" });
  assert.deepEqual(seen, ["authorize", "authorize"]);
  assert.equal(sim.privacy, "agreed");
  assert.equal(sim.privacyPrompts, 2);
  // A scope the manifest does not mark gated never meets the gate.
  const open = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" });
  await open.host.authorize({ scope: "scope.address" }).catch(() => {});
  assert.equal(open.privacyPrompts, 0);
});

test("failure modes: a missing method, a failing one, the chosen denial code", async () => {
  const sim = simulateHost("alipay", { missing: ["getAuthCode"], failing: { getSetting: true }, answer: "deny", denialCode: 2001 });
  assert.equal(sim.host.getAuthCode, undefined);
  await assert.rejects(sim.host.getSetting(), { errMsg: "getSetting:fail system error" });
  await assert.rejects(sim.host.getLocation(), { errMsg: "getLocation:fail", error: 2001 });
  const own = { errMsg: "getSetting:fail custom", errCode: 7 };
  await assert.rejects(simulateHost("baidu", { failing: { getSetting: own } }).host.getSetting(), (res) => res === own);
});

test("openSetting applies what the user sets there", async () => {
  const sim = simulateHost("kuaishou", { settings: { "scope.camera": false }, atSettings: { "scope.camera": true, "scope.record": false } });
  assert.deepEqual(sim.settings, { "scope.camera": false });
  const res = await sim.host.openSetting();
  assert.deepEqual(res.authSetting, { "scope.camera": true, "scope.record": false });
  assert.deepEqual(sim.settings, { "scope.camera": true, "scope.record": false });
});

test("the CommonJS build is the same kit", async () => {
  const cjs = createRequire(import.meta.url)("@scopegen/authorize/testing");
  const sim = cjs.simulateHost("wechat", { answer: "deny" });
  await assert.rejects(sim.host.authorize({ scope: "scope.camera" }), { errMsg: "authorize:fail auth deny" });
  assert.deepEqual(sim.settings, { "scope.camera": false });
});

test('privacy "absent": no privacy APIs and no gate; gated replaces the manifest\'s gated scopes', async () => {
  const old = simulateHost("wechat", { privacy: "absent" }).install();
  try {
    assert.equal(old.host.getPrivacySetting, undefined);
    assert.equal(old.host.onNeedPrivacyAuthorization, undefined);
    assert.deepEqual(await getPrivacyStatus(), { status: "unsupported" });
    await authorize({ scope: "scope.userLocation" });
    assert.equal(old.privacyPrompts, 0);
  } finally {
    old.uninstall();
  }
  const spared = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree", gated: [] }).install();
  try {
    await authorize({ scope: "scope.userLocation" });
    assert.equal(spared.privacyPrompts, 0);
  } finally {
    spared.uninstall();
  }
  // Which Douyin scopes its gate covers is not in the manifest: a test says.
  const covered = simulateHost("bytedance", { privacy: "required", privacyAnswer: "disagree", gated: ["scope.camera"] }).install();
  try {
    await assert.rejects(authorize({ scope: "scope.camera" }), { errCode: "PRIVACY_NOT_AGREED" });
    assert.equal(covered.prompts, 0);
  } finally {
    covered.uninstall();
  }
});

test("denialCode as a function: Alipay's refused (2001) and refused before (2002)", async () => {
  const seen = [];
  const sim = simulateHost("alipay", { answer: "deny", denialCode: (scope, prompted) => (seen.push([scope, prompted]), prompted ? 2001 : 2002) }).install();
  try {
    const fail = (method) => new Promise((resolve) => sim.host[method]({ fail: resolve }));
    assert.equal((await fail("getLocation")).error, 2001);
    assert.equal((await fail("getLocation")).error, 2002);
    assert.deepEqual(seen, [["scope.userLocation", true], ["scope.userLocation", false]]);
    assert.equal(sim.prompts, 1);
  } finally {
    sim.uninstall();
  }
});

test("Alipay: getAuthCode's grants never reach getSetting; scope.userInfo's key is getOpenUserInfo's consent", async () => {
  const sim = simulateHost("alipay").install();
  try {
    await authorize({ scope: "scope.userInfo" });
    assert.equal(sim.prompts, 1);
    assert.deepEqual(sim.settings, {});
    assert.equal(await getAuthStatus("scope.userInfo"), "unanswered");
    await authorize({ scope: "scope.userInfo" });
    assert.equal(sim.prompts, 1, "the grant is kept");
  } finally {
    sim.uninstall();
  }
  const consented = simulateHost("alipay", { settings: { "scope.userInfo": true } }).install();
  try {
    assert.equal(await getAuthStatus("scope.userInfo"), "granted");
    assert.deepEqual((await getSetting()).authSetting, { "scope.userInfo": true });
  } finally {
    consented.uninstall();
  }
});

// Every order of installing and uninstalling hosts that share a global
// (Douyin also defines wx) ends with each global exactly as it was.
test("uninstall in any order restores every global exactly", () => {
  const platforms = ["bytedance", "wechat", "bytedance", "alipay"];
  const orders = [[0, 1, 2, 3], [3, 2, 1, 0], [0, 2, 1, 3], [1, 3, 0, 2], [2, 0, 3, 1]];
  const names = ["wx", "tt", "my"];
  for (const order of orders) {
    globalThis.wx = "theirs";
    delete globalThis.tt;
    delete globalThis.my;
    const before = names.map(descriptor);
    const sims = platforms.map((p) => simulateHost(p).install());
    assert.equal(globalThis.wx, sims[2].host, "the latest install holds wx");
    for (const i of order) sims[i].uninstall();
    assert.deepEqual(names.map(descriptor), before, `order ${order}`);
  }
  delete globalThis.wx;
});

test("an install that fails part way leaves nothing installed", () => {
  Object.defineProperty(globalThis, "wx", { value: "fixed", configurable: false, writable: false });
  const tt = descriptor("tt");
  assert.throws(() => simulateHost("bytedance").install());
  assert.deepEqual(descriptor("tt"), tt, "tt is back as it was");
  assert.equal(globalThis.wx, "fixed");
});

test("an answer function that throws or answers something else fails the call, naming the mistake", async () => {
  for (const answer of [() => { throw new Error("oops"); }, () => "maybe", () => undefined]) {
    const sim = simulateHost("wechat", { answer });
    const res = await sim.host.authorize({ scope: "scope.camera" }).then(() => "settled ok", (e) => e);
    assert.match(res.errMsg, /^authorize:fail /, String(answer));
  }
});

test("failing takes true or a fail argument, nothing else", () => {
  for (const value of [false, null, 0, "x", undefined]) {
    assert.throws(() => simulateHost("wechat", { failing: { getSetting: value } }), /failing\.getSetting must be true or the fail argument/, String(value));
  }
  assert.throws(() => simulateHost("wechat", { privacyAnswer: () => "agree" }), /not a function/);
});
