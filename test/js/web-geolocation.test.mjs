// The web driver's geolocation probe, on every entry that drives the web
// host: POSITION_UNAVAILABLE (2) and TIMEOUT (3) are no refusal (the probe
// falls back to the Permissions API, and resolves where it cannot tell);
// anything else rejects: PERMISSION_DENIED (1) as a denial, and a browser
// without navigator.geolocation (a TypeError) as NATIVE_ERROR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { entriesFor } from "./load.mjs";

const rejection = (p) => p.then(() => assert.fail("resolved"), (e) => e);

async function withNavigator(value, fn) {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value, configurable: true, writable: true });
  try {
    return await fn();
  } finally {
    if (saved) Object.defineProperty(globalThis, "navigator", saved);
    else delete globalThis.navigator;
  }
}

// A browser with no Permissions API (the state cannot be read) whose
// getCurrentPosition fails with error; geolocation undefined: none at all.
const browser = (error) => ({
  mediaDevices: {},
  geolocation: error === undefined ? undefined : { getCurrentPosition: (ok, fail) => setImmediate(() => fail(error)) },
});

test("web geolocation probe: no fix (2, 3) resolves where the state cannot be read; 1 and no geolocation reject", async () => {
  for (const { kind, entry } of await entriesFor("web")) {
    for (const code of [2, 3]) {
      const res = await withNavigator(browser({ code, message: "no fix" }), () => entry.authorize({ scope: "scope.userLocation" }));
      assert.deepEqual(res, { scope: "scope.userLocation", platform: "web" }, `${kind}: code ${code}`);
    }
    const denied = await withNavigator(browser({ code: 1, message: "User denied Geolocation" }), () => rejection(entry.authorize({ scope: "scope.userLocation" })));
    assert.equal(denied.errCode, "AUTH_DENIED", kind);

    const none = await withNavigator(browser(undefined), () => rejection(entry.authorize({ scope: "scope.userLocation" })));
    assert.equal(none.errCode, "NATIVE_ERROR", `${kind}: no navigator.geolocation`);
    assert.match(none.nativeError.errMsg, /^geolocation\.getCurrentPosition:fail TypeError: /, kind);

    const thrown = await withNavigator(browser(new Error("boom")), () => rejection(entry.authorize({ scope: "scope.userLocation" })));
    assert.equal(thrown.errCode, "NATIVE_ERROR", `${kind}: an error without a geolocation code`);
  }
});
