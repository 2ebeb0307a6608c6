// The universal entry runs one data-driven flow over every host's table;
// each host entry is emitted per host. Beyond the suites that run against
// both, this checks odd host values the suites do not spell out: an
// authSetting value that is null, a string, a number or an object reads
// the same through the host entry and through the universal one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importEntry, tableOf } from "./load.mjs";
import { GLOBALS, withGlobals } from "./simhost.mjs";

const universal = await importEntry("index");
const ODD_VALUES = [null, "true", 1, {}, undefined];

// A host global whose getSetting answers value under every key.
const fakeHost = (id, value) => {
  const authSetting = {};
  for (const row of Object.values(tableOf(id).scopes)) authSetting[row.settingKey || row.native] = value;
  return { getSetting: ({ success }) => success({ authSetting }) };
};
const settle = (promise) => promise.then((value) => ({ value }), (e) => ({ errCode: e.errCode }));

for (const id of Object.keys(GLOBALS)) {
  test(`${id}: odd authSetting values read the same through the host entry and the universal one`, async () => {
    const own = await importEntry(id);
    for (const value of ODD_VALUES) {
      await withGlobals({ [GLOBALS[id]]: fakeHost(id, value) }, async () => {
        for (const scope of own.scopes) {
          assert.deepEqual(await settle(universal.getAuthStatus(scope)), await settle(own.getAuthStatus(scope)), `${scope} = ${String(value)}`);
        }
        assert.deepEqual(await settle(universal.getSetting()), await settle(own.getSetting()), `getSetting, ${String(value)}`);
      });
    }
  });
}
