// A bundle keeps only the exports it imports: `import { authorize }` from
// the universal entry carries its flow and every host's table, and none of
// the code only its other exports use. Bundled with esbuild, as the size
// benchmark does.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { build } from "esbuild";
import { pkgDir, hostIds, tables } from "./load.mjs";

const bundle = async (contents) => {
  const out = await build({
    stdin: { contents, resolveDir: pkgDir, loader: "js" },
    bundle: true, minify: true, format: "esm", write: false, logLevel: "silent",
  });
  return out.outputFiles[0].text;
};
const entry = (id) => JSON.stringify(path.join(pkgDir, "dist", `${id}.mjs`));
// Strings only the whole entry's other exports use (getPrivacyStatus,
// getSetting on the web, getAuthStatus's "unanswered").
const OTHER_EXPORTS_ONLY = ["privacyContractName", "NOT_AVAILABLE", "unanswered"];

test("the universal entry's authorize bundle holds every host's table and no other export", async () => {
  const code = await bundle(`import { authorize } from ${entry("index")}; authorize({ scope: "scope.camera" });`);
  for (const id of hostIds) assert.ok(code.includes(JSON.stringify(id)), `the ${id} table is in the bundle`);
  for (const text of OTHER_EXPORTS_ONLY) assert.ok(!code.includes(text), `${text} is not in the bundle`);
});

test("the whole universal entry still holds the other exports", async () => {
  const code = await bundle(`export * from ${entry("index")};`);
  assert.ok(tables.platforms.some((p) => p.id == "web"), "the manifest has the web host");
  for (const text of OTHER_EXPORTS_ONLY) assert.ok(code.includes(text), `${text} is in the whole entry`);
});
