// store-page.jest.mjs: store-page.test.mjs under Jest (its test and afterEach are globals: no first import).
import assert from "node:assert/strict";
import { simulateHost } from "@scopegen/authorize/testing";
import { storePage } from "./store-page.mjs";

let host;
afterEach(() => host.uninstall());

for (const platform of ["alipay", "baidu", "bytedance", "harmony", "kuaishou", "web", "wechat", "xiaohongshu"]) {
  test(`${platform}: the user allows the location`, async () => {
    host = simulateHost(platform, { answer: "accept" }).install();
    const page = storePage();
    await page.onShow();
    assert.deepEqual(page.view, { nearby: true, settingsButton: false, hint: "" });
    assert.equal(host.prompts, 1);
    assert.deepEqual(host.settings, { "scope.userLocation": true });
  });

  test(`${platform}: the user denies, then allows it in the settings`, async () => {
    host = simulateHost(platform, { answer: "deny", atSettings: { "scope.userLocation": true } }).install();
    const page = storePage();
    await page.onShow();
    assert.equal(page.view.settingsButton, true);
    await page.onShow(); // the host keeps the refusal: no second prompt
    assert.equal(host.prompts, 1);
    await page.onSettingsTap();
    if (platform === "web") assert.match(page.view.hint, /site settings/);
    else assert.deepEqual(page.view, { nearby: true, settingsButton: false, hint: "" });
  });
}

test("wechat: the page asks nothing of a user who refused before", async () => {
  host = simulateHost("wechat", { settings: { "scope.userLocation": false } }).install();
  const page = storePage();
  await page.onShow();
  assert.equal(page.view.settingsButton, true);
  assert.equal(host.prompts, 0);
  // The OS layer's two reads, then WeChat's own authorize answers the refusal, silently.
  assert.deepEqual(host.calls, ["getSystemSetting", "getAppAuthorizeSetting", "authorize"]);
});

test("wechat: a refused privacy guide is not a denial", async () => {
  host = simulateHost("wechat", { privacy: "required", privacyAnswer: "disagree" }).install();
  const page = storePage();
  await assert.rejects(page.onShow(), { errCode: "PRIVACY_NOT_AGREED" });
  assert.equal(host.privacyPrompts, 1);
  assert.equal(page.view.settingsButton, false);
});

test("wechat: a base library without wx.openSetting", async () => {
  host = simulateHost("wechat", { answer: "deny", missing: ["openSetting"] }).install();
  const page = storePage();
  await page.onShow();
  await assert.rejects(page.onSettingsTap(), { errCode: "NATIVE_ERROR" });
});
