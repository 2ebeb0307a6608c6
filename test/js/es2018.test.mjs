// docs/js-api.md promises an ES2018 runtime: no generated entry uses a
// later built-in or syntax (by its spelling in the emitted files).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pkgDir } from "./load.mjs";

const LATER = [
  ["Object.fromEntries", /\bObject\.fromEntries\b/],
  ["Object.hasOwn", /\bObject\.hasOwn\b/],
  ["Array.prototype.flat/flatMap", /\.flat(Map)?\(/],
  ["String.prototype.trimStart/trimEnd/matchAll/replaceAll", /\.(trimStart|trimEnd|matchAll|replaceAll)\(/],
  ["Array.prototype.at", /\.at\(/],
  ["Promise.allSettled/any", /\bPromise\.(allSettled|any)\b/],
  ["globalThis", /\bglobalThis\b/],
  ["optional catch binding", /\bcatch\s*\{/],
  ["optional chaining", /\?\.[A-Za-z_$[(]/],
  ["nullish coalescing", /\?\?/],
];

test("the generated runtime stays within ES2018", () => {
  const dist = path.join(pkgDir, "dist");
  const files = readdirSync(dist).filter((f) => /\.(m?js|cjs)$/.test(f));
  assert.ok(files.length > 0);
  for (const file of files) {
    const text = readFileSync(path.join(dist, file), "utf8");
    for (const [name, spelling] of LATER) assert.doesNotMatch(text, spelling, `${file}: ${name}`);
  }
});
