// Detection of the web host outside a browser: Node 21+ defines a navigator
// with none of the APIs the web driver uses, and must not be taken for the
// web. (Runs in Node; the browser itself is covered by browser.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./server.mjs";

const entry = (id) => import(pathToFileURL(path.join(root, "generated/npm/dist", `${id}.mjs`)).href);
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

test("a navigator without the Permissions, Geolocation or Media Capture API is no web host", async () => {
  const [web, universal] = await Promise.all([entry("web"), entry("index")]);
  await withNavigator({ userAgent: "Node.js/22", language: "en-US", hardwareConcurrency: 2 }, async () => {
    assert.equal((await rejection(web.authorize({ scope: "scope.camera" }))).errCode, "UNSUPPORTED_PLATFORM");
    assert.equal((await rejection(universal.getSetting())).errCode, "UNSUPPORTED_PLATFORM");
    assert.equal(universal.platform, undefined);
  });
  await withNavigator({ geolocation: {} }, async () => {
    assert.equal(await universal.getAuthStatus("scope.userLocation"), "unknown", "no Permissions API: the status cannot be read");
    assert.equal(universal.platform, "web");
  });
});
