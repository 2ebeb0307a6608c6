import { simulateHost } from "@scopegen/authorize/testing";

simulateHost("wechat", { settings: { "scope.werun": true } });
simulateHost("alipay", { denialCode: 2001, missing: ["getAuthCode"] });
// @ts-expect-error: Baidu does not support scope.werun
simulateHost("baidu", { settings: { "scope.werun": true } });
// @ts-expect-error: not a host of the manifest
simulateHost("weixin");
