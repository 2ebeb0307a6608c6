// The web host in a real browser: Debian's Chromium driven by playwright-core
// against test/web/harness.html, which imports the generated package from a
// localhost server. Every case runs in a new browser context, so no
// permission decision leaks from one case to the next; each launch gets a
// fresh temporary user-data-dir from playwright-core.
//
// The page is instrumented (INSTRUMENT) to count calls to the prompting
// APIs, so "no prompt" is checked, not assumed. Headless Chromium refuses
// every permission prompt it is shown, which is the "user says no" case; the
// "user says yes" cases grant the permission when the prompt comes
// (geolocation, with a set position) or use Chromium's fake media UI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { root, serve } from "./server.mjs";
import { tableOf } from "../js/load.mjs";

// The browser scripts/test.sh found (scripts/find-chromium.sh), else Debian's.
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-component-update", "--disable-sync",
  // A fake camera and microphone: without devices getUserMedia fails NotFoundError before any prompt.
  "--use-fake-device-for-media-stream",
];
// Accepts every media prompt (and makes the Permissions API read granted until told otherwise).
const FAKE_MEDIA_UI = "--use-fake-ui-for-media-stream";

// The mapping: scope → Permissions API name → what prompts.
const SCOPES = [
  { scope: "scope.userLocation", permission: "geolocation", prompt: "geolocation" },
  { scope: "scope.camera", permission: "camera", prompt: "video" },
  { scope: "scope.record", permission: "microphone", prompt: "audio" },
];

// Counts prompting calls (by kind) and keeps the media streams handed out.
// window.__answer, when a test exposes it, plays the user answering the
// prompt before the real call goes on.
const INSTRUMENT = () => {
  const calls = (window.__calls = { geolocation: 0, video: 0, audio: 0 });
  const streams = (window.__streams = []);
  const answer = (name) => Promise.resolve(typeof window.__answer == "function" && window.__answer(name));
  const getCurrentPosition = Geolocation.prototype.getCurrentPosition;
  Geolocation.prototype.getCurrentPosition = function (...args) {
    calls.geolocation++;
    answer("geolocation").then(() => getCurrentPosition.apply(this, args));
  };
  const getUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function (constraints) {
    const kinds = ["video", "audio"].filter((k) => constraints && constraints[k]);
    for (const k of kinds) calls[k]++;
    return answer(kinds[0] == "video" ? "camera" : "microphone")
      .then(() => getUserMedia.call(this, constraints))
      .then((stream) => (streams.push(stream), stream));
  };
};
const NO_PERMISSIONS_API = () => Object.defineProperty(Navigator.prototype, "permissions", { get: () => undefined, configurable: true });

let server, plain, fakeUI;
before(async () => {
  server = await serve();
  const launch = (extra) => chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 60_000, args: [...FLAGS, ...extra] });
  [plain, fakeUI] = await Promise.all([launch([]), launch([FAKE_MEDIA_UI])]);
});
after(async () => {
  await Promise.all([plain?.close(), fakeUI?.close()]);
  await server?.close();
});

/** A fresh context on the harness page, instrumented. */
async function open(browser, { initScripts = [], page: file = "harness.html", viewport } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  for (const script of [INSTRUMENT, ...initScripts]) await context.addInitScript(script);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${server.origin}/test/web/${file}`);
  if (file == "harness.html") await page.waitForFunction(() => window.scopegen);
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = await cdp.send("Target.getTargetInfo");
  const origin = server.origin;
  return {
    context, page, errors,
    /** CDP Browser.setPermission: "granted" | "denied" | "prompt" for this context. */
    setPermission: (name, setting) => cdp.send("Browser.setPermission", { permission: { name }, setting, origin, browserContextId: targetInfo.browserContextId }),
    // Playwright's grant (CDP Browser.grantPermissions) denies every permission it does not name.
    grant: (name) => context.grantPermissions([name], { origin }),
    calls: () => page.evaluate(() => ({ ...window.__calls })),
    streamsEnded: () => page.evaluate(() => window.__streams.map((s) => s.getTracks().every((t) => t.readyState == "ended"))),
    /** Runs entry[fn](...args) in the page: { value } or { error } with the error's fields. */
    call: (fn, args = [], entry = "web") => page.evaluate(async ([entry, fn, args]) => {
      try {
        return { value: await window.scopegen[entry][fn](...args) };
      } catch (e) {
        return { error: { errCode: e.errCode, errMsg: e.errMsg, scope: e.scope, platform: e.platform, native: e.nativeError && e.nativeError.errMsg } };
      }
    }, [entry, fn, args]),
    close: async () => {
      await context.close();
      assert.deepEqual(errors, [], "no uncaught error in the page");
    },
  };
}

const none = { geolocation: 0, video: 0, audio: 0 };
// A hung page call fails its case instead of the whole run (page.evaluate has no timeout of its own).
const LIMIT = { timeout: 60_000 };
const once = (kind) => ({ ...none, [kind]: 1 });

test("the web entry drives exactly the issue's three scopes, on their permission names", LIMIT, async () => {
  const b = await open(plain);
  const scopes = await b.page.evaluate(() => [...window.scopegen.web.scopes].sort());
  assert.deepEqual(scopes, SCOPES.map((s) => s.scope).sort());
  const rows = tableOf("web").scopes;
  for (const { scope, permission } of SCOPES) assert.deepEqual([rows[scope].grant, rows[scope].settingKey], ["onUse", permission], scope);
  await b.close();
});

for (const { scope, permission, prompt } of SCOPES) {
  test(`${scope}: granted beforehand → resolves, no prompt`, LIMIT, async () => {
    const b = await open(plain);
    await b.grant(permission);
    assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "granted" });
    assert.deepEqual(await b.call("authorize", [{ scope }]), { value: { scope, platform: "web" } });
    const others = Object.fromEntries(SCOPES.filter((s) => s.scope != scope).map((s) => [s.scope, false]));
    assert.deepEqual(await b.call("getSetting"), { value: { authSetting: { ...others, [scope]: true } } }, "grantPermissions denies the others");
    assert.deepEqual(await b.calls(), none);
    await b.close();
  });

  test(`${scope}: denied beforehand → AUTH_DENIED, no prompt`, LIMIT, async () => {
    const b = await open(plain);
    await b.setPermission(permission, "denied");
    assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "denied" });
    const { error } = await b.call("authorize", [{ scope }]);
    assert.equal(error?.errCode, "AUTH_DENIED");
    assert.equal(error.platform, "web");
    assert.equal(error.native, undefined, "refused from the recorded state, not by a native call");
    assert.deepEqual(await b.call("getSetting"), { value: { authSetting: { [scope]: false } } });
    assert.deepEqual(await b.calls(), none);
    await b.close();
  });

  test(`${scope}: not yet decided, the user refuses → the prompting API is called once, AUTH_DENIED`, LIMIT, async () => {
    const b = await open(plain);
    assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "unanswered" });
    assert.deepEqual(await b.call("getSetting"), { value: { authSetting: {} } }, "prompt is no answer");
    const { error } = await b.call("authorize", [{ scope }]);
    assert.equal(error?.errCode, "AUTH_DENIED");
    assert.match(error.native, prompt == "geolocation" ? /^geolocation\.getCurrentPosition:fail PERMISSION_DENIED:/ : /^mediaDevices\.getUserMedia\.(video|audio):fail NotAllowedError:/);
    assert.deepEqual(await b.calls(), once(prompt));
    // The refusal is remembered: asking again shows no prompt.
    assert.equal((await b.call("authorize", [{ scope }])).error?.errCode, "AUTH_DENIED");
    assert.deepEqual(await b.calls(), once(prompt));
    await b.close();
  });
}

test("scope.userLocation: not yet decided, the user allows (a set position) → one prompt, granted", LIMIT, async () => {
  const b = await open(plain);
  await b.context.setGeolocation({ latitude: 31.23, longitude: 121.47 });
  await b.page.exposeFunction("__answer", (name) => b.grant(name));
  assert.deepEqual(await b.call("getAuthStatus", ["scope.userLocation"]), { value: "unanswered" });
  assert.deepEqual(await b.call("authorize", [{ scope: "scope.userLocation" }]), { value: { scope: "scope.userLocation", platform: "web" } });
  assert.deepEqual(await b.calls(), once("geolocation"));
  assert.deepEqual(await b.call("getAuthStatus", ["scope.userLocation"]), { value: "granted" });
  await b.close();
});

test("scope.userLocation: the user allows but no position comes → still granted (TIMEOUT is no refusal)", LIMIT, async () => {
  const b = await open(plain);
  await b.page.exposeFunction("__answer", (name) => b.grant(name));
  assert.deepEqual(await b.call("authorize", [{ scope: "scope.userLocation" }]), { value: { scope: "scope.userLocation", platform: "web" } });
  assert.deepEqual(await b.calls(), once("geolocation"));
  await b.close();
});

for (const { scope, permission, prompt } of SCOPES.filter((s) => s.prompt != "geolocation")) {
  test(`${scope}: not yet decided, the user allows (fake media UI and devices) → one prompt, granted, tracks stopped`, LIMIT, async () => {
    const b = await open(fakeUI);
    await b.setPermission(permission, "prompt");
    assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "unanswered" });
    assert.deepEqual(await b.call("authorize", [{ scope }]), { value: { scope, platform: "web" } });
    assert.deepEqual(await b.calls(), once(prompt));
    assert.deepEqual(await b.streamsEnded(), [true], "the probe's tracks are stopped at once");
    await b.close();
  });
}

test("without the Permissions API: getAuthStatus is unknown, getSetting empty, authorize asks", LIMIT, async () => {
  const b = await open(fakeUI, { initScripts: [NO_PERMISSIONS_API] });
  assert.equal(await b.page.evaluate(() => navigator.permissions), undefined);
  for (const { scope } of SCOPES) assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "unknown" }, scope);
  assert.deepEqual(await b.call("getSetting"), { value: { authSetting: {} } });
  assert.deepEqual(await b.call("authorize", [{ scope: "scope.camera" }]), { value: { scope: "scope.camera", platform: "web" } });
  assert.deepEqual(await b.calls(), once("video"));
  await b.close();
});

test("openSetting fails NOT_AVAILABLE; other scopes are UNSUPPORTED_SCOPE; neither prompts", LIMIT, async () => {
  const b = await open(plain);
  const { error } = await b.call("openSetting");
  assert.equal(error?.errCode, "NOT_AVAILABLE");
  assert.equal(error.platform, "web");
  for (const scope of ["scope.userInfo", "scope.writePhotosAlbum", "scope.userLocationBackground"]) {
    assert.equal((await b.call("authorize", [{ scope }])).error?.errCode, "UNSUPPORTED_SCOPE", scope);
    assert.deepEqual(await b.call("getAuthStatus", [scope]), { value: "unsupported" }, scope);
  }
  assert.equal((await b.call("authorize", [{ scope: "scope.nope" }])).error?.errCode, "UNKNOWN_SCOPE");
  assert.deepEqual(await b.calls(), none);
  await b.close();
});

test("universal entry: the browser is the web host; a mini-program global wins over it", LIMIT, async () => {
  const b = await open(plain);
  await b.grant("camera");
  assert.deepEqual(await b.call("authorize", [{ scope: "scope.camera" }], "universal"), { value: { scope: "scope.camera", platform: "web" } });
  assert.equal(await b.page.evaluate(() => window.scopegen.universal.platform), "web");
  assert.deepEqual(await b.call("getSetting", [], "universal"), { value: { authSetting: { "scope.camera": true, "scope.record": false, "scope.userLocation": false } } });
  // A WeChat web-view page defines wx beside navigator: WeChat comes first.
  await b.page.evaluate(() => { window.wx = { getSetting: (o) => o.success({ authSetting: { "scope.camera": true } }), authorize: (o) => o.success({ errMsg: "authorize:ok" }) }; });
  assert.deepEqual(await b.call("authorize", [{ scope: "scope.camera" }], "universal"), { value: { scope: "scope.camera", platform: "wechat" } });
  assert.deepEqual(await b.calls(), none);
  await b.close();
});

test("demo page: a row per scope with its status; a refusal shows; screenshot kept", LIMIT, async () => {
  const b = await open(plain, { page: "demo.html", viewport: { width: 860, height: 470 } });
  await b.setPermission("geolocation", "granted");
  await b.setPermission("camera", "denied");
  await b.page.reload();
  await b.page.waitForSelector("body[data-ready]");
  const status = (scope) => b.page.locator(`tr[data-scope="${scope}"] .status`).textContent();
  assert.equal(await b.page.locator("#platform").textContent(), "web");
  assert.equal(await status("scope.userLocation"), "granted");
  assert.equal(await status("scope.camera"), "denied");
  assert.equal(await status("scope.record"), "unanswered");
  await b.page.locator('tr[data-scope="scope.camera"] button').click();
  await b.page.locator('tr[data-scope="scope.camera"] output').filter({ hasText: "AUTH_DENIED" }).waitFor();
  await b.page.locator("#openSetting").click();
  await b.page.locator("#setting").filter({ hasText: "NOT_AVAILABLE" }).waitFor();
  assert.deepEqual(await b.calls(), none, "the demo's statuses come from the Permissions API alone");
  const dir = path.join(root, "test/web/artifacts");
  mkdirSync(dir, { recursive: true });
  await b.page.screenshot({ path: path.join(dir, "demo.png") });
  await b.close();
});
