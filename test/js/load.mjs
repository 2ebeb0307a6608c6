// Loads the generated npm package (generated/npm, or $SCOPEGEN_NPM), and
// the facts it must follow, read from the manifest (facts.mjs).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFacts } from "./facts.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const pkgDir = path.resolve(root, process.env.SCOPEGEN_NPM ?? "generated/npm");
export const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
/** The hosts' tables as the manifest gives them (facts.mjs; not the emitter's tables.json). */
export const tables = readFacts();

/** Host ids, from the package's ./<id> subpaths (./testing is the testing kit). */
export const hostIds = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json" && k !== "./testing").map((k) => k.slice(2));

// The CommonJS extension, from package.json's require target.
const cjsExt = path.extname(pkg.exports["."].require.default);

export const importEntry = (id) => import(pathToFileURL(path.join(pkgDir, "dist", `${id}.mjs`)).href);
export const requireEntry = (id) => createRequire(import.meta.url)(path.join(pkgDir, "dist", `${id}${cjsExt}`));

/** A platform's table: { id, global, denial, scopes: { scope: { grant, native, settingKey, probe } } }. */
export const tableOf = (id) => tables.platforms.find((p) => p.id === id);

/** One scope's row as the tests read it: grant, native, key (the getSetting key, "" for none), probe. */
export function rowOf(id, scope) {
  const r = tableOf(id).scopes[scope];
  return { grant: r.grant, native: r.native, key: r.settingKey, probe: r.probe };
}

/**
 * Every entry that can drive host `id`: its own entry and the universal one,
 * each as ES module and CommonJS. Tests run against all of them so that the
 * emitted host runtimes and the universal entry cannot drift.
 */
export async function entriesFor(id) {
  return [
    { kind: `${id}.mjs`, entry: await importEntry(id) },
    { kind: `${id}${cjsExt}`, entry: requireEntry(id) },
    { kind: "index.mjs", entry: await importEntry("index") },
    { kind: `index${cjsExt}`, entry: requireEntry("index") },
  ];
}

/**
 * A copy of the package in a temporary folder with `edits` applied:
 * { "dist/wechat.mjs": (text) => newText }. Each edit must change its file.
 * Returns the folder; remove it with rmSync(dir, { recursive: true }).
 */
export function patchedCopy(edits) {
  const dir = mkdtempSync(path.join(tmpdir(), "scopegen-npm-"));
  cpSync(pkgDir, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file), before = readFileSync(target, "utf8"), after = edit(before);
    if (after === before) throw new Error(`patchedCopy: the edit of ${file} changed nothing`);
    writeFileSync(target, after);
  }
  return dir;
}
