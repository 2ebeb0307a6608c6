// The runtime reads only the first MaxMessageScan UTF-16 code units of a
// host's error message (generator/rules/limits.go; a surrogate pair the
// bound would cut is left out whole): a megabyte errMsg costs the patterns
// no more than one at the bound. Held without a timer: a denial or privacy
// phrase that ends at the bound is seen, one that ends a code unit past it
// is not, whatever follows or precedes it (10 MB). The Go side reads the
// same prefix (TestMessageParity, internal/generatedtest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DENIALS, GLOBALS, PRIVACY_FAILURES, withGlobals } from "./simhost.mjs";
import { entriesFor, hostIds, tableOf } from "./load.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The bound as generator/rules declares it (not as the emitter wrote it).
const BOUND = Number(/MaxMessageScan\s*=\s*(\d+)/.exec(readFileSync(path.join(root, "generator/rules/limits.go"), "utf8"))?.[1]);
const TEN_MB = 10 << 20;

// The errCode authorize rejects with when every native call fails with { errMsg }.
async function verdict(id, entry, errMsg) {
  const fail = (o) => o.fail({ errMsg });
  const api = { authorize: fail, getSetting: fail, getAuthCode: fail, openSetting: fail };
  for (const r of Object.values(tableOf(id).scopes)) if (r.probe) api[r.probe] = fail;
  const scope = Object.keys(tableOf(id).scopes).find((s) => tableOf(id).scopes[s].grant !== "none");
  return withGlobals({ [GLOBALS[id]]: api }, () => entry.authorize({ scope }).then(() => "resolved", (e) => e.errCode));
}

// The host's messages (the simulated hosts' denial and privacy failures, codes left out).
const phrasesOf = (id) => [DENIALS[id], ...Object.values(PRIVACY_FAILURES[id] ?? {})].filter(Boolean).map((f) => f("authorize").errMsg);

test("the bound is read from generator/rules", () => assert.ok(BOUND > 0, `MaxMessageScan = ${BOUND}`));

for (const id of hostIds) {
  if (!GLOBALS[id]) {
    test(`${id}: a host message is read up to the bound`, { skip: `no simulated ${id} host in test/js/simhost.mjs` }, () => {});
    continue;
  }
  test(`${id}: a host message is read up to the bound, a 10 MB one too`, async () => {
    let tested = 0;
    for (const { kind, entry } of await entriesFor(id)) {
      const none = await verdict(id, entry, "x");
      for (const phrase of phrasesOf(id)) {
        const seen = await verdict(id, entry, phrase);
        if (seen === none) continue; // decided by a code, not by this message
        tested++;
        const what = `${kind}, ${JSON.stringify(phrase)}`;
        const x = (n) => "x".repeat(n);
        assert.equal(await verdict(id, entry, phrase + x(TEN_MB)), seen, `${what} then 10 MB`);
        assert.equal(await verdict(id, entry, x(BOUND - phrase.length) + phrase), seen, `${what} ending at the bound`);
        assert.equal(await verdict(id, entry, x(BOUND - phrase.length + 1) + phrase), none, `${what} ending one past the bound`);
        assert.equal(await verdict(id, entry, x(TEN_MB) + phrase), none, `${what} after 10 MB`);
        // A pair the bound cuts is left out whole; one that ends at it is read.
        assert.equal(await verdict(id, entry, x(BOUND - phrase.length - 2) + phrase + "😀"), seen, `${what}, a pair ending at the bound`);
        assert.equal(await verdict(id, entry, x(BOUND - phrase.length - 1) + phrase + "😀"), seen, `${what}, a pair cut by the bound`);
      }
    }
    if (tableOf(id).denial.message) assert.ok(tested > 0, `${id}: a message pattern, and a message tested`);
  });
}
