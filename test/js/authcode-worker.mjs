// What the runtime makes of an Alipay getAuthCode result, for the Go parity
// test (internal/generatedtest/authcode_parity_test.go): each stdin line is
// a JSON string holding the host's result as JSON text; each stdout line is
// JSON.stringify of what authorize resolved with ({"rejected": errCode}
// when it rejected, {"invalid": true} for text JSON.parse refuses).
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pkgDir = path.resolve(root, process.env.SCOPEGEN_NPM ?? "generated/npm");
const { authorize } = await import(pathToFileURL(path.join(pkgDir, "dist", "alipay.mjs")).href);

for await (const line of createInterface({ input: process.stdin })) {
  let result;
  try {
    result = JSON.parse(JSON.parse(line));
  } catch (e) {
    console.log(JSON.stringify({ invalid: true }));
    continue;
  }
  globalThis.my = { getAuthCode: (o) => o.success(result) };
  const out = await authorize({ scope: "scope.userInfo" }).then((res) => res, (e) => ({ rejected: e.errCode }));
  console.log(JSON.stringify(out));
}
