import { View } from "@tarojs/components";
import { authorize } from "@scopegen/authorize";

// The test calls the page's authorize through this global after loading the
// built output in a simulated host.
globalThis.__scopegenAuthorize = authorize;

export default function Index() {
  return <View onClick={() => authorize({ scope: "scope.camera" })}>camera</View>;
}
