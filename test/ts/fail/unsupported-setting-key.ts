// @expect TS7053
// getSetting on a host entry is keyed by that host's scopes only.
import { getSetting } from "@scopegen/authorize/alipay";
getSetting().then((r) => r.authSetting["scope.werun"].valueOf());
