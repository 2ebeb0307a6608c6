package model

// HostConfigDir is the folder of the host-configuration fragments below
// the output folder.
const HostConfigDir = "hostconfig"

// ModuleFileExample is where a DevEco project keeps the module.json5 of its
// entry module: the docs, the fragment's header and the merge's messages
// name it as the file to give -merge.
const ModuleFileExample = "entry/src/main/module.json5"

// Path is where hc's fragment is written below the output folder:
// hostconfigemit writes it there and the generated docs link to it.
// A host configured by module.json5 has hostconfig/<id>.module.json5.
func (hc *HostConfig) Path() string {
	if hc.Module != nil {
		return HostConfigDir + "/" + hc.Platform.ID + ".module.json5"
	}
	return HostConfigDir + "/" + hc.Platform.ID + ".app.json"
}

// StringsPath is where the string resources a module.json5 fragment's
// reasons name are written (hostconfig/<id>.string.json); "" for an
// app.json host.
func (hc *HostConfig) StringsPath() string {
	if hc.Module == nil {
		return ""
	}
	return HostConfigDir + "/" + hc.Platform.ID + ".string.json"
}
