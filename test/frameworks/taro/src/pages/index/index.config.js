export default { navigationBarTitleText: "authorize" };
