// README's "Adding a scope", done: Bluetooth added on ByteDance exactly as
// its example says, generated into a temporary folder, and the matrix and
// privacy suites run against that package (SCOPEGEN_NPM). The simulated
// hosts read what they accept from the manifest, so nothing else changes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const hasGo = spawnSync("go", ["version"]).status === 0;

// The README's example entry, under scope.bluetooth's platforms.
const BYTEDANCE_BLUETOOTH = [
  "      bytedance:",
  "        native: scope.bluetooth",
  "        settingKey: scope.bluetooth",
  "        grant: authorize",
  "        note: Where the fact comes from.",
].join("\n");

// The entry above is README's, line for line (comments aside): the example
// a reader copies is the one this suite runs.
test("README's Adding a scope example is the entry this test adds", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Adding a scope\n"));
  const yaml = section.slice(section.indexOf("```yaml\n") + 8, section.indexOf("```", section.indexOf("```yaml\n") + 8));
  const lines = yaml.split("\n").map((l) => l.replace(/\s+#.*$/, ""));
  const at = lines.indexOf(BYTEDANCE_BLUETOOTH.split("\n")[0]);
  assert.ok(at >= 0, "README's example adds a bytedance entry");
  assert.deepEqual(lines.slice(at, at + 5), BYTEDANCE_BLUETOOTH.split("\n"));
});

function withBluetoothOnByteDance(manifest) {
  const start = manifest.indexOf("\n  scope.bluetooth:\n");
  assert.ok(start >= 0, "manifest.yaml has scope.bluetooth");
  const next = manifest.slice(start + 1).search(/\n\n  \S/); // the blank line before the next scope
  assert.ok(next >= 0);
  const at = start + 1 + next;
  assert.ok(!manifest.slice(start, at).includes("bytedance:"), "ByteDance has no Bluetooth yet");
  return manifest.slice(0, at) + "\n" + BYTEDANCE_BLUETOOTH + manifest.slice(at);
}

test("adding Bluetooth on ByteDance as README says leaves the matrix and privacy suites green", { skip: !hasGo && "no go toolchain", timeout: 300_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "scopegen-add-"));
  try {
    const manifest = path.join(dir, "manifest.yaml");
    writeFileSync(manifest, withBluetoothOnByteDance(readFileSync(path.join(root, "manifest.yaml"), "utf8")));
    const bin = path.join(dir, "scopegen");
    execFileSync("go", ["build", "-o", bin, "./cmd/scopegen"], { cwd: root, stdio: "pipe" });
    execFileSync(bin, ["generate", "-manifest", manifest, "-out", path.join(dir, "gen"), "-go-import-path", "example.com/added/gen"], { cwd: dir, stdio: "pipe" });
    const npm = path.join(dir, "gen", "npm");
    const tables = JSON.parse(readFileSync(path.join(npm, "tables.json"), "utf8"));
    assert.equal(tables.platforms.find((p) => p.id === "bytedance").scopes["scope.bluetooth"].grant, "authorize");
    const env = { ...process.env, SCOPEGEN_NPM: npm, SCOPEGEN_MANIFEST: manifest };
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(process.execPath, ["--test", path.join(here, "matrix.test.mjs"), path.join(here, "privacy.test.mjs")], { env, encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout.split("\n").filter((l) => l.startsWith("not ok")).join("\n"));
    assert.match(run.stdout, /^ok \d+ - bytedance scope\.bluetooth unanswered-accept/m, "the new row ran");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
