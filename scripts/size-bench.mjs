// Size benchmark of the generated npm runtime: esbuild bundles (minified,
// ES module) gzipped at level 9, per host, of
//   - `import {authorize}` and one call,
//   - the whole entry (`export *`),
// side by side with @uni/apis's authorize bundled the same way in the same
// run (resolved with that host's export condition). Prints a Markdown table
// and each authorize against its budget (issue 19): 1.5 KB per host, 3 KB
// for the universal entry, min+gzip.
// With --pieces it prints the floor instead: what each promised behaviour
// costs (scripts/size-pieces.mjs).
// Usage: node scripts/size-bench.mjs [--pieces] [generated/npm]
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printPieces } from "./size-pieces.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const pkgDir = path.resolve(root, args.find((a) => !a.startsWith("--")) ?? "generated/npm");
if (args.includes("--pieces")) {
  await printPieces(pkgDir, (contents) => size(contents));
  process.exit(0);
}
const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
const rootExports = pkg.exports["."];

async function size(contents, conditions = []) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true, minify: true, format: "esm", write: false, conditions, logLevel: "silent",
  });
  const code = out.outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

const call = `authorize({ scope: "scope.camera" });`;
const rows = [];
for (const [condition, target] of Object.entries(rootExports)) {
  if (!target.import?.default) continue; // the "import" and "require" fallbacks
  const entry = path.join(pkgDir, target.import.default);
  const id = path.basename(entry, ".mjs");
  const ours = await size(`import { authorize } from ${JSON.stringify(entry)}; ${call}`);
  const whole = await size(`export * from ${JSON.stringify(entry)};`);
  const uni = await size(`import { authorize } from "@uni/apis"; ${call}`, [condition]);
  rows.push({ id, condition, ours, whole, uni });
}
const universalEntry = JSON.stringify(path.join(pkgDir, rootExports.import.default));
const universal = await size(`import { authorize } from ${universalEntry}; ${call}`);
const universalWhole = await size(`export * from ${universalEntry};`);
const uniUniversal = await size(`import { authorize } from "@uni/apis"; ${call}`);

const ratio = (a, b) => (a / b).toFixed(2) + "×";
console.log("| host (export condition) | our authorize | our whole entry | @uni/apis authorize | authorize ratio | whole ratio |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(`| ${r.id} (\`${r.condition}\`) | ${r.ours.gz} B | ${r.whole.gz} B | ${r.uni.gz} B | ${ratio(r.ours.gz, r.uni.gz)} | ${ratio(r.whole.gz, r.uni.gz)} |`);
}
console.log(`| universal (no condition) | ${universal.gz} B | ${universalWhole.gz} B | ${uniUniversal.gz} B | ${ratio(universal.gz, uniUniversal.gz)} | ${ratio(universalWhole.gz, uniUniversal.gz)} |`);
// The budgets, in bytes (1 KB = 1024 B).
const BUDGET = { host: 1536, universal: 3072 };
console.log("\nBytes are minified then gzipped (level 9). Budgets: authorize ≤ " + BUDGET.host + " B per host, ≤ " + BUDGET.universal + " B universal.");
const verdict = (bytes, budget) => `${bytes} B of ${budget} B${bytes > budget ? " (OVER BUDGET)" : ""}`;
for (const r of rows) console.log(`${r.id}: authorize ${verdict(r.ours.gz, BUDGET.host)}`);
console.log(`universal: authorize ${verdict(universal.gz, BUDGET.universal)}`);
