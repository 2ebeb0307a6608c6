// What the runtime makes of a host's failure message, for the Go parity
// test (internal/generatedtest/message_parity_test.go): each stdin line is
// JSON {"platform", "errMsg"}; each stdout line is JSON [host entry's
// errCode, universal entry's errCode] for authorize on the host's first
// scope that calls the host, every native call failing with { errMsg }.
import { createInterface } from "node:readline";
import { importEntry, tableOf } from "./load.mjs";

const universal = await importEntry("index");
const entries = {};

async function verdict(entry, id, errMsg) {
  const t = tableOf(id);
  const fail = (o) => o.fail({ errMsg });
  const api = { authorize: fail, getSetting: fail, getAuthCode: fail, openSetting: fail };
  for (const r of Object.values(t.scopes)) if (r.probe) api[r.probe] = fail;
  const scope = Object.keys(t.scopes).find((s) => t.scopes[s].grant !== "none");
  globalThis[t.global] = api;
  try {
    return await entry.authorize({ scope }).then(() => "resolved", (e) => e.errCode);
  } finally {
    delete globalThis[t.global];
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const { platform, errMsg } = JSON.parse(line);
  entries[platform] ??= await importEntry(platform);
  console.log(JSON.stringify([await verdict(entries[platform], platform, errMsg), await verdict(universal, platform, errMsg)]));
}
