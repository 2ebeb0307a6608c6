// @expect TS2322
// Alipay does not support scope.werun: importing the alipay entry makes it a type error.
import { authorize } from "@scopegen/authorize/alipay";
authorize({ scope: "scope.werun" });
