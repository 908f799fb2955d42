package openapi

import "testing"

// An untagged CloudTower call's group is the resource its path names,
// spelled as CloudTower's tags are.
func TestCloudTowerResource(t *testing.T) {
	for path, want := range map[string]string{
		"/get-vms":                "Vm",
		"/create-vm":              "Vm",
		"/create-backup-plan":     "BackupPlan",
		"/get-vm-policies":        "VmPolicy",
		"/get-switches":           "Switch",
		"/get-status":             "Status",
		"/update-iscsi-lun-bus":   "IscsiLunBus",
		"/login":                  "",
		"/v2/get-vms":             "",
		"/get-":                   "",
		"/get-\u4e91\u4e3b\u673a": "\u4e91\u4e3b\u673a",
	} {
		if got := cloudTowerResource(path); got != want {
			t.Errorf("cloudTowerResource(%q) = %q, want %q", path, got, want)
		}
	}
}
