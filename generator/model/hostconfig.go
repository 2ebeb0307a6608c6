package model

// HostConfigDir is the folder of the host-configuration fragments below
// the output folder.
const HostConfigDir = "hostconfig"

// Path is where hc's fragment is written below the output folder:
// hostconfigemit writes it there and the generated docs link to it.
func (hc *HostConfig) Path() string { return HostConfigDir + "/" + hc.Platform.ID + ".app.json" }
