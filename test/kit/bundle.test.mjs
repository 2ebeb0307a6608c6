// The kit is never part of a host entry or the universal entry: each is
// bundled with esbuild as a mini-program or web build would (the package
// name, the host's export condition) and the kit's code is absent. The
// control bundles the kit itself, so the markers are known to be there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { build } from "esbuild";
import pkg from "@scopegen/authorize/package.json" with { type: "json" };

// Names and texts only the kit has.
const MARKERS = ["simulateHost", "simulated-auth-code", "privacyPrompts"];

const bundle = async (specifier, conditions = []) => {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(specifier)};`, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true, write: false, format: "esm", platform: "neutral", conditions, mainFields: ["module", "main"], logLevel: "silent",
  });
  return result.outputFiles[0].text;
};

// Each host's export condition, from the package's "." export.
const conditions = Object.keys(pkg.exports["."]).filter((c) => c !== "import" && c !== "require");

test("the control: the kit's bundle has every marker", async () => {
  const text = await bundle("@scopegen/authorize/testing");
  for (const marker of MARKERS) assert.ok(text.includes(marker), marker);
});

for (const [what, specifier, conds] of [
  ["the universal entry", "@scopegen/authorize", []],
  ...conditions.map((c) => [`the ${c} entry`, "@scopegen/authorize", [c]]),
  ...Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json" && k !== "./testing").map((k) => [`the ${k} subpath`, "@scopegen/authorize" + k.slice(1), []]),
]) {
  test(`${what} bundles without the kit`, async () => {
    const text = await bundle(specifier, conds);
    assert.ok(text.length > 1000, "the bundle has the runtime");
    for (const marker of MARKERS) assert.ok(!text.includes(marker), marker);
  });
}
