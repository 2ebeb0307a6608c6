// scripts/find-chromium.sh, run with a PATH that holds only the tools it
// uses (some of them fakes), so that what it finds, installs or refuses
// does not depend on this machine's browsers or privileges.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const script = path.resolve(import.meta.dirname, "../../scripts/find-chromium.sh");
const debian = (() => {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/im.test(fs.readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
})();

// bin makes a folder for PATH: links to the real tools the script needs,
// and the fakes given (name → shell script body).
function bin(fakes = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "find-chromium-"));
  for (const tool of ["grep", "id", "env"]) {
    const real = spawnSync("/bin/sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (real && !(tool in fakes)) fs.symlinkSync(real, path.join(dir, tool));
  }
  for (const [name, body] of Object.entries(fakes)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  return dir;
}

function run(pathDir, extraEnv = {}) {
  const r = spawnSync("/bin/bash", [script], { encoding: "utf8", env: { PATH: pathDir, ...extraEnv } });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

test("CHROMIUM wins, and must be an executable file", () => {
  const dir = bin({ chromium: "exit 0", mybrowser: "exit 0" });
  assert.deepEqual(run(dir, { CHROMIUM: path.join(dir, "mybrowser") }).stdout, path.join(dir, "mybrowser"));
  const r = run(dir, { CHROMIUM: path.join(dir, "missing") });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /CHROMIUM=.*missing is not an executable file/);
});

test("a browser on PATH, in the documented order", () => {
  for (const [fakes, want] of [
    [{ "chromium-browser": "", "google-chrome": "" }, "chromium-browser"],
    [{ "google-chrome": "", "google-chrome-stable": "" }, "google-chrome"],
    [{ "google-chrome-stable": "" }, "google-chrome-stable"],
  ]) {
    const dir = bin(fakes);
    const r = run(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, path.join(dir, want));
  }
});

test("no browser, not root, no passwordless sudo: refused, nothing installed", { skip: !debian && "not Debian" }, () => {
  const dir = bin({ id: "echo 1000", sudo: "exit 1", "apt-get": "echo apt-get ran >&2; exit 1" });
  const r = run(dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /needs root or passwordless sudo/);
  assert.doesNotMatch(r.stderr, /apt-get ran/);
});

test("no browser, root, Debian: apt-get installs chromium, which is then found", { skip: !debian && "not Debian" }, () => {
  const dir = bin({ id: "echo 0" });
  fs.writeFileSync(path.join(dir, "apt-get"),
    `#!/bin/sh\necho "apt-get $*" >&2\n[ "$1" = install ] && printf '#!/bin/sh\\n' > "${dir}/chromium" && chmod +x "${dir}/chromium"\nexit 0\n`, { mode: 0o755 });
  const r = run(dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, path.join(dir, "chromium"));
  assert.match(r.stderr, /apt-get install -y chromium/);
});
