package apiruntime_test

import (
	"encoding/json"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestJSONBody(t *testing.T) {
	b := apiruntime.JSONBody{}
	var unsetStr *string
	var unsetList []string
	var unsetMap map[string]string
	b.Set("params", "name", "vm1")
	b.Set("params", "cpuNum", apiruntime.Ptr(0))
	b.Set("params", "description", unsetStr)
	b.Set("params", "l3NetworkUuids", []string{"a", "b"})
	b.Set("params", "dataDiskOfferingUuids", unsetList)
	b.Set("params", "tags", unsetMap)
	b.Set("params", "strategy", apiruntime.Nullable[string]{})
	b.Set("params", "rootPassword", apiruntime.Null[string]())
	b.Set("", "systemTags", []string{"staticIp::10.0.0.2"})
	b.Set("", "userTags", unsetList)
	b.Set("", "nilNullable", (*apiruntime.Nullable[int])(nil))

	got, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"params":{"cpuNum":0,"l3NetworkUuids":["a","b"],"name":"vm1","rootPassword":null},"systemTags":["staticIp::10.0.0.2"]}`
	if string(got) != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

func TestJSONBodyObjectKeepsEmptyActionKey(t *testing.T) {
	b := apiruntime.JSONBody{}
	b.Object("startVmInstance")
	b.Set("startVmInstance", "hostUuid", (*string)(nil))
	got, _ := json.Marshal(b)
	if string(got) != `{"startVmInstance":{}}` {
		t.Errorf("got %s", got)
	}
	// Object returns the same map Set writes into.
	b.Object("startVmInstance")["x"] = 1
	b.Set("startVmInstance", "y", 2)
	got, _ = json.Marshal(b)
	if string(got) != `{"startVmInstance":{"x":1,"y":2}}` {
		t.Errorf("got %s", got)
	}
}
