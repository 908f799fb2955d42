package apiruntime_test

import (
	"encoding/json"
	"fmt"

	"github.com/apigen-dev/apigen/apiruntime"
)

// A ZStack action body as generated code assembles it: unset optional
// parameters are left out, a Nullable set to null is sent as null.
func ExampleJSONBody() {
	var hostUUID *string
	b := apiruntime.JSONBody{}
	b.Object("updateVmInstance")
	b.Set("updateVmInstance", "name", "web-1")
	b.Set("updateVmInstance", "hostUuid", hostUUID)
	b.Set("updateVmInstance", "description", apiruntime.Null[string]())
	b.Set("updateVmInstance", "cpuNum", apiruntime.Ptr(0))
	out, _ := json.Marshal(b)
	fmt.Println(string(out))
	// Output: {"updateVmInstance":{"cpuNum":0,"description":null,"name":"web-1"}}
}

func ExampleTime() {
	var v struct {
		CreateDate apiruntime.Time `json:"createDate"`
	}
	_ = json.Unmarshal([]byte(`{"createDate":"Jun 7, 2017 9:20:28 PM"}`), &v)
	fmt.Println(v.CreateDate.Format("2006-01-02 15:04:05"))
	// Output: 2017-06-07 21:20:28
}
