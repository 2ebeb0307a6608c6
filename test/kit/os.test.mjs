// The kit's operating-system layer: options.os sets what the host's sync
// APIs report, the runtime reads it through them (SYSTEM_DENIED,
// SYSTEM_DISABLED, the normal flow otherwise), openSystemSetting's page
// applies atOsSettings, options are checked, and a host without the layer
// has none of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { simulateHost } from "@scopegen/authorize/testing";
import { authorize, getAuthStatus, openSystemSetting, failureLayer } from "@scopegen/authorize/wechat";

const withHost = async (sim, fn) => {
  sim.install();
  try {
    return await fn(sim);
  } finally {
    sim.uninstall();
  }
};
const code = (p) => p.then(() => "resolved", (e) => e.errCode);

test("by default every switch is authorized and every service on: the normal flow", async () => {
  const sim = simulateHost("wechat");
  assert.equal(sim.os.locationAuthorized, "authorized");
  assert.equal(sim.os.locationEnabled, true);
  await withHost(sim, async () => {
    assert.equal(await code(authorize({ scope: "scope.userLocation" })), "resolved");
    assert.equal(sim.prompts, 1);
    assert.deepEqual(sim.calls.slice(0, 2).sort(), ["getAppAuthorizeSetting", "getSystemSetting"]);
  });
});

test("a denied switch fails SYSTEM_DENIED before any prompt; openSystemSetting's page fixes it", async () => {
  const sim = simulateHost("wechat", { os: { cameraAuthorized: "denied" }, atOsSettings: { cameraAuthorized: "authorized" } });
  await withHost(sim, async () => {
    const err = await authorize({ scope: "scope.camera" }).catch((e) => e);
    assert.equal(err.errCode, "SYSTEM_DENIED");
    assert.equal(failureLayer(err.errCode), "system");
    assert.equal(await getAuthStatus("scope.camera"), "system-denied");
    assert.equal(sim.prompts, 0);
    assert.ok(!sim.calls.includes("authorize"));
    await openSystemSetting();
    assert.equal(sim.os.cameraAuthorized, "authorized");
    assert.equal(await code(authorize({ scope: "scope.camera" })), "resolved");
    assert.equal(sim.prompts, 1);
  });
});

test("a device service off fails SYSTEM_DISABLED; the state may change during a test", async () => {
  const sim = simulateHost("wechat", { os: { locationEnabled: false } });
  await withHost(sim, async () => {
    assert.equal(await code(authorize({ scope: "scope.userLocation" })), "SYSTEM_DISABLED");
    assert.equal(await getAuthStatus("scope.userLocation"), "system-disabled");
    sim.os.locationEnabled = true;
    assert.equal(await code(authorize({ scope: "scope.userLocation" })), "resolved");
  });
});

test("not determined, an absent field, a missing or throwing API: the normal flow", async () => {
  for (const options of [
    { os: { microphoneAuthorized: "not determined" } },
    { os: { microphoneAuthorized: undefined } },
    { missing: ["getAppAuthorizeSetting", "getSystemSetting"] },
    { failing: { getAppAuthorizeSetting: true, getSystemSetting: new TypeError("odd") } },
  ]) {
    const sim = simulateHost("wechat", { ...options, answer: "deny" });
    await withHost(sim, async () => {
      assert.equal(await code(authorize({ scope: "scope.record" })), "AUTH_DENIED", JSON.stringify(options));
      assert.equal(sim.prompts, 1, JSON.stringify(options));
    });
  }
});

test("options are checked: field names and values", () => {
  assert.throws(() => simulateHost("wechat", { os: { locationAuthorised: "denied" } }), /os field must be one of/);
  assert.throws(() => simulateHost("wechat", { os: { locationAuthorized: "off" } }), /os\.locationAuthorized must be one of/);
  assert.throws(() => simulateHost("wechat", { atOsSettings: { locationEnabled: "no" } }), /atOsSettings\.locationEnabled must be one of/);
  assert.throws(() => simulateHost("alipay", { os: { locationAuthorized: "denied" } }), /alipay has no OS layer/);
});

test("a host without the OS layer has none of its APIs; openSystemSetting is UNSUPPORTED_PLATFORM there", async () => {
  const sim = simulateHost("bytedance");
  assert.deepEqual(sim.os, {});
  assert.equal(sim.host.getAppAuthorizeSetting, undefined);
  const { openSystemSetting: open } = await import("@scopegen/authorize/bytedance");
  await withHost(sim, async () => assert.equal(await code(open()), "UNSUPPORTED_PLATFORM"));
});
