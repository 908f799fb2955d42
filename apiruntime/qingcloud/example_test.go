package qingcloud_test

import (
	"fmt"
	"net/url"

	"github.com/apigen-dev/apigen/apiruntime"
	"github.com/apigen-dev/apigen/apiruntime/qingcloud"
)

// The signature page's own example (vector V1).
func ExampleSign() {
	p := url.Values{
		"access_key_id": {"QYACCESSKEYIDEXAMPLE"}, "action": {"RunInstances"}, "count": {"1"},
		"image_id": {"centos64x86a"}, "instance_name": {"demo"}, "instance_type": {"small_b"},
		"login_mode": {"passwd"}, "login_passwd": {"QingCloud20130712"}, "signature_method": {"HmacSHA256"},
		"signature_version": {"1"}, "time_stamp": {"2013-08-27T14:30:10Z"}, "version": {"1"},
		"vxnets.1": {"vxnet-0"}, "zone": {"pek3a"},
	}
	sig := qingcloud.Sign("GET", "/iaas/", p, "SECRETACCESSKEY")
	fmt.Println(sig)
	fmt.Println(url.QueryEscape(sig))
	// Output:
	// byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=
	// byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D
}

func ExampleEncode() {
	type rule struct {
		Protocol string  `json:"protocol,omitempty"`
		Priority int     `json:"priority,omitempty"`
		Val1     *string `json:"val1,omitempty"`
	}
	type params struct {
		SecurityGroup string   `json:"security_group,omitempty"`
		Rules         []rule   `json:"rules,omitempty"`
		Vxnets        []string `json:"vxnets,omitempty"`
		Count         *int     `json:"count,omitempty"` // unset: not sent
	}
	q, _ := qingcloud.Encode(&params{
		SecurityGroup: "sg-6ft05wt6",
		Rules:         []rule{{Protocol: "tcp", Priority: 0, Val1: apiruntime.Ptr("22")}},
		Vxnets:        []string{"vxnet-0", "vxnet-1"},
	})
	fmt.Println(qingcloud.CanonicalQuery(q))
	// Output:
	// rules.1.priority=0&rules.1.protocol=tcp&rules.1.val1=22&security_group=sg-6ft05wt6&vxnets.1=vxnet-0&vxnets.2=vxnet-1
}
