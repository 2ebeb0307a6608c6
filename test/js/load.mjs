// Loads the generated npm package (generated/npm, or $SCOPEGEN_NPM).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const pkgDir = path.resolve(root, process.env.SCOPEGEN_NPM ?? "generated/npm");
export const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));

/** Host ids, from the package's ./<id> subpaths. */
export const hostIds = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json").map((k) => k.slice(2));

export const importEntry = (id) => import(pathToFileURL(path.join(pkgDir, "dist", `${id}.mjs`)).href);
export const requireEntry = (id) => createRequire(import.meta.url)(path.join(pkgDir, "dist", `${id}.js`));

/** A host table row decoded as the runtime does: [grant, native, settingKey, probe]. */
export function decodeRow(scope, row) {
  const native = row[1] || scope;
  return { grant: row[0], native, key: row.length > 2 ? row[2] : native, probe: row[3] };
}
