// The kit's typings: docs/testing.md's TypeScript block compiles under
// --strict with both resolutions users have (node16's exports map, and
// node10's typesVersions), and each wrong use below is a compile error
// (so the @ts-expect-error lines in the docs stand for real errors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "example");
const documented = readFileSync(path.join(dir, "types.ts"), "utf8");

const RESOLUTIONS = {
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  node10: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
};

// Compiles source as a .mts beside the example (so the package resolves
// from the repository's node_modules) and returns its diagnostics' texts.
function compile(source, resolution) {
  const file = path.join(dir, resolution === "node16" ? "__check.mts" : "__check.ts");
  const options = { strict: true, noEmit: true, skipLibCheck: false, target: ts.ScriptTarget.ES2020, types: [], ...RESOLUTIONS[resolution] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, ...rest) => (name === file ? ts.createSourceFile(name, source, ts.ScriptTarget.ES2020, true) : getSourceFile.call(host, name, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

for (const resolution of Object.keys(RESOLUTIONS)) {
  test(`${resolution}: the documented block compiles`, () => {
    assert.deepEqual(compile(documented, resolution), []);
  });

  test(`${resolution}: wrong platforms, scopes, methods, codes and answers do not`, () => {
    const wrong = {
      platform: `simulateHost("weixin");`,
      "unsupported scope": `simulateHost("baidu", { settings: { "scope.werun": true } });`,
      "scope name typo": `simulateHost("wechat", { answer: (s) => (s === "scope.userLocaton" ? "deny" : "accept") });`,
      "native scope name": `simulateHost("bytedance", { settings: { "scope.album": true } });`,
      "missing method": `simulateHost("alipay", { missing: ["authorize"] });`,
      "denial code": `simulateHost("baidu", { denialCode: 2001 });`,
      "codes on a host without any": `simulateHost("wechat", { denialCode: 1 });`,
      answer: `simulateHost("wechat", { answer: "reject" });`,
      "settings value": `simulateHost("wechat").settings["scope.hostId"];`,
    };
    const imports = `import { simulateHost } from "@scopegen/authorize/testing";\n`;
    for (const [what, line] of Object.entries(wrong)) {
      assert.notDeepEqual(compile(imports + line, resolution), [], what);
    }
    // The control: the same harness accepts a right use.
    assert.deepEqual(compile(imports + `const h = simulateHost("bytedance", { settings: { "scope.writePhotosAlbum": false }, failing: { getSetting: true } }).install();\nconst c: readonly string[] = h.calls;\nh.uninstall();\n`, resolution), []);
  });
}
