// Real framework builds: the minimal Taro (webpack 5) and uni-app (vite) apps
// beside this file, built by each framework's own CLI for WeChat and Alipay
// with the one-line config README gives, ship only their host's entry of the
// generated package, and the built page's authorize works on a simulated host.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { build as build_ } from "esbuild";
import { BUILDS, CONFIGS, build, installPackage, loadBuiltPage, withBoot } from "./apps.mjs";
import { pkgDir, hostIds } from "../js/load.mjs";
import { createHost, GLOBALS } from "../js/simhost.mjs";

// A host entry's markers: the string literals in dist/<id>.mjs that no other
// host's entry has and that read as identifiers (an uppercase letter, "_" or
// "."), so that plain words a framework's runtime also uses ("error",
// "location") do not count, plus the host id itself, which every result of
// that entry carries. Minifiers keep string literals as they are.
const literals = (id) => new Set([...readFileSync(path.join(pkgDir, "dist", `${id}.mjs`), "utf8").matchAll(/"([^"\\\n]{4,})"/g)].map((m) => m[1]));
const entryLiterals = Object.fromEntries(hostIds.map((id) => [id, literals(id)]));
const markers = Object.fromEntries(hostIds.map((id) => [id, [id, ...[...entryLiterals[id]].filter((s) => /[A-Z_.]/.test(s) && s !== "__proto__" && hostIds.every((o) => o === id || !entryLiterals[o].has(s)))]]));
const quoted = (code, s) => code.includes(`"${s}"`) || code.includes(`'${s}'`);
// The markers authorize itself needs: those left in an esbuild bundle of
// `import { authorize }` from the host entry (a page that imports only
// authorize ships none of the rest, openSystemSetting's names say).
const needed = async (id) => {
  const out = await build_({ stdin: { contents: `import { authorize } from ${JSON.stringify(path.join(pkgDir, "dist", `${id}.mjs`))}; authorize({});`, resolveDir: pkgDir }, bundle: true, write: false, format: "esm", logLevel: "silent" });
  const code = out.outputFiles[0].text;
  return markers[id].filter((m) => quoted(code, m));
};

// What the built page's authorize is asked on each host: a scope the host
// grants through its own prompt, and the native call that prompt is.
const ASK = {
  wechat: { scope: "scope.camera", native: "authorize" },
  alipay: { scope: "scope.userInfo", native: "getAuthCode" },
};

before(() => installPackage(pkgDir));

// The one line each app's build config adds, as the docs must quote it.
const configLine = ({ file, line }) => {
  const m = readFileSync(new URL(file, import.meta.url), "utf8").match(line);
  assert.ok(m, `${file} has its one line`);
  return m[1];
};

test("README, the package README and docs/adoption.md quote the one line the apps build with", () => {
  const lines = Object.values(CONFIGS).map(configLine);
  const root = new URL("../../", import.meta.url);
  const docs = { "README.md": new URL("README.md", root), "docs/adoption.md": new URL("docs/adoption.md", root), "the package README": path.join(pkgDir, "README.md") };
  for (const [name, file] of Object.entries(docs)) {
    const text = readFileSync(file, "utf8");
    for (const line of lines) assert.ok(text.includes("`" + line + "`"), `${name} quotes ${line}`);
  }
});

test("each host entry has markers, and the universal entry holds every host's", () => {
  for (const { host } of BUILDS) assert.ok(markers[host].length > 1, `${host}: ${markers[host]}`);
  // So a build that shipped the universal entry fails the checks below.
  const universal = readFileSync(path.join(pkgDir, "dist", "index.mjs"), "utf8");
  for (const id of hostIds) assert.ok(markers[id].some((m) => quoted(universal, m)), `the universal entry holds ${id}'s code`);
});

for (const b of BUILDS) {
  test(`${b.framework} ${b.cmd.slice(1).join(" ")} ships only the ${b.host} entry, and its authorize works`, { timeout: 300_000 }, async (t) => {
    const { outDir, seconds } = await build(b);
    t.diagnostic(`${b.framework} ${b.target}: built in ${seconds.toFixed(1)} s`);
    const code = readFileSync(path.join(outDir, b.ours), "utf8");
    const own = await needed(b.host);
    assert.ok(own.length > 1, `${b.host}: authorize needs markers of its own`);
    for (const m of own) assert.ok(quoted(code, m), `the ${b.host} entry's "${m}" is in ${b.ours}`);
    // Another host's id alone proves nothing here: a framework names the
    // hosts it targets (uni-app's runtime has "harmony"); its literals do.
    for (const other of hostIds.filter((id) => id !== b.host)) {
      const found = markers[other].filter((m) => m !== other && quoted(code, m));
      assert.deepEqual(found, [], `no ${other} code in ${b.ours}`);
    }

    const { scope, native } = ASK[b.host];
    const sim = createHost(b.host, { answer: "accept" });
    const page = loadBuiltPage(outDir, b.page, { [GLOBALS[b.host]]: withBoot(sim.api) });
    assert.equal(typeof page.__scopegenAuthorize, "function", "the built page exports its authorize");
    const result = await page.__scopegenAuthorize({ scope });
    assert.equal(result.platform, b.host);
    assert.equal(result.scope, scope);
    assert.ok(sim.calls.includes(native), `${native} was called: ${sim.calls}`);

    const denied = createHost(b.host, { answer: "reject" });
    const deniedPage = loadBuiltPage(outDir, b.page, { [GLOBALS[b.host]]: withBoot(denied.api) });
    await assert.rejects(deniedPage.__scopegenAuthorize({ scope }), (err) => err.errCode === "AUTH_DENIED" && err.platform === b.host);
  });
}
