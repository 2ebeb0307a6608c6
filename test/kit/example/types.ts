import { simulateHost } from "@scopegen/authorize/testing";

simulateHost("wechat", { settings: { "scope.werun": true } });
simulateHost("alipay", { denialCode: 2001, missing: ["getAuthCode"] });
simulateHost("alipay", { denialCode: (scope, prompted) => (prompted ? 2001 : 2002) });
simulateHost("wechat", { privacy: "required", undeclared: ["scope.userLocation"] });
simulateHost("bytedance", { privacy: "required", gated: ["scope.camera"] });
// @ts-expect-error: the manifest knows no "banned" failure on Douyin
simulateHost("bytedance", { banned: ["scope.camera"] });
// @ts-expect-error: Baidu does not support scope.werun
simulateHost("baidu", { settings: { "scope.werun": true } });
// @ts-expect-error: not a host of the manifest
simulateHost("weixin");
