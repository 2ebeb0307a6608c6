#!/usr/bin/env node
// Prints docs/benchmarks.md's "npm package size in framework builds" section:
// per framework and host, the min+gzip bytes @scopegen/authorize adds to
// the minimal apps of test/frameworks/, built by the framework's own CLI
// (production, so minified by the framework's own minifier) with the
// one-line config README gives, and without it (the stock config, which
// ships the universal entry). Each figure is the difference between the
// app's JavaScript built against the generated package and built against a
// package whose authorize does nothing, each file gzipped at level 9. Needs test/frameworks' pinned toolchains:
//
//   npm ci --prefix test/frameworks && node scripts/framework-bench.mjs
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (!existsSync(path.join(root, "test/frameworks/node_modules/.bin/taro"))) {
  console.error("framework-bench: run `npm ci --prefix test/frameworks` first");
  process.exit(1);
}
const { BUILDS, build, installPackage, installEmptyPackage, outputJS, withoutConfigLine } = await import("../test/frameworks/apps.mjs");
const pkgDir = path.join(root, process.env.SCOPEGEN_NPM ?? "generated/npm");

const gzipped = (files) => Object.values(files).reduce((n, text) => n + gzipSync(text, { level: 9 }).length, 0);

// Build b's JavaScript, gzipped, against the generated package, and how
// long b took.
const withPackage = async (b) => {
  installPackage(pkgDir);
  const { outDir, seconds } = await build(b);
  return { bytes: gzipped(outputJS(outDir)), seconds };
};

const rows = [];
for (const b of BUILDS) {
  // The baseline needs one build: the empty package has no export conditions.
  installEmptyPackage();
  const without = gzipped(outputJS((await build(b)).outDir));
  const line = await withPackage(b);
  const stock = await withoutConfigLine(b.app, () => withPackage(b));
  rows.push({ ...b, without, line, stock });
}
installPackage(pkgDir);

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const date = new Date().toISOString().slice(0, 10);
console.log("## npm package size in framework builds\n");
console.log(`Measured ${date} on ${os.cpus().length} cores, ${cpu}, Node ${process.version}:\n\`node scripts/framework-bench.mjs\`\n`);
console.log("The minimal apps of test/frameworks/ (one page calling `authorize`), built by each framework's CLI for production. Each figure is the app's JavaScript, every file gzipped at level 9, built against the generated package minus the same build against a package whose `authorize` does nothing: with the one-line config README gives (the host's entry) and with the stock config (the universal entry).\n");
console.log("| framework | build | host | app without the package | adds, with the line | adds, stock config | build time |");
console.log("| --- | --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(`| ${r.framework} | \`${r.cmd.join(" ")}\` | ${r.host} | ${r.without} B | ${r.line.bytes - r.without} B | ${r.stock.bytes - r.without} B | ${r.line.seconds.toFixed(0)} s |`);
}
