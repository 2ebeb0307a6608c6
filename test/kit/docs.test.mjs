// docs/testing.md's example is exactly the code this suite runs: the page,
// its node:test file, the Vitest twin (only the first import differs) and
// the TypeScript block (types.test.mjs compiles it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const read = (p) => readFileSync(new URL(p, import.meta.url), "utf8");
const doc = read("../../docs/testing.md");
const blocks = (lang) => [...doc.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);

test("the page and its test are the docs' code", () => {
  assert.deepEqual(blocks("js"), [read("example/store-page.mjs"), read("example/store-page.test.mjs")]);
});

test("the Vitest file differs from the node:test file only where the docs say", () => {
  const node = read("example/store-page.test.mjs").split("\n");
  const vitest = read("example/store-page.vitest.mjs").split("\n");
  assert.equal(vitest.length, node.length);
  const differing = node.flatMap((line, i) => (line === vitest[i] ? [] : [[line, vitest[i]]]));
  assert.deepEqual(differing, [
    ["// store-page.test.mjs: the page tested on every host, both ways.", "// store-page.vitest.mjs: store-page.test.mjs under Vitest (only the first import differs)."],
    ['import { test, afterEach } from "node:test";', 'import { test, afterEach } from "vitest";'],
  ]);
  assert.ok(doc.includes('`import { test, afterEach } from "vitest";`'));
});

test("the Jest file is the node:test file without its first import, as the docs say", () => {
  const node = read("example/store-page.test.mjs").split("\n");
  const jest = read("example/store-page.jest.mjs").split("\n");
  assert.equal(node[1], 'import { test, afterEach } from "node:test";');
  assert.deepEqual(jest.slice(1), node.slice(2));
  assert.equal(jest[0], "// store-page.jest.mjs: store-page.test.mjs under Jest (its test and afterEach are globals: no first import).");
  assert.match(doc, /Under Jest, whose\s+`test` and `afterEach` are globals, drop that import/);
});

test("the TypeScript block is example/types.ts", () => {
  assert.deepEqual(blocks("ts"), [read("example/types.ts")]);
});
