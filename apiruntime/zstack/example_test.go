package zstack_test

import (
	"fmt"
	"net/url"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/zstack"
)

// The query a generated QueryVmInstance sends for running VMs named like
// "web", newest first, 50 at a time.
func ExampleConds() {
	q := url.Values{}
	apiruntime.AddQuery(q, "q", zstack.Conds(
		zstack.Like("name", "web%"),
		zstack.Eq("state", "Running"),
		zstack.In("hypervisorType", "KVM", "ESX"),
	))
	apiruntime.AddQuery(q, "limit", apiruntime.Ptr(50))
	apiruntime.AddQuery(q, "sort", zstack.SortDesc("createDate"))
	for _, c := range q["q"] {
		fmt.Println(c)
	}
	fmt.Println(q.Encode())
	// Output:
	// name~=web%
	// state=Running
	// hypervisorType?=KVM,ESX
	// limit=50&q=name~%3Dweb%25&q=state%3DRunning&q=hypervisorType%3F%3DKVM%2CESX&sort=-createDate
}
