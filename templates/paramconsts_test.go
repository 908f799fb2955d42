package templates

import (
	"strings"
	"testing"
)

// Values the docs list for a plain parameter become constants typed like
// the field and named as a hand-written model would name them; a list
// read from prose says Validate does not enforce it (and Validate does
// not), the documented default is marked, and two operations listing the
// same values for the same parameter share the constants.
func TestParamConstants(t *testing.T) {
	files, _, err := Generate(qingcloudAPI(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		all.Write(f.Content)
	}
	out := all.String()
	for _, want := range []string{
		`LoginModeKeypair string = "keypair"`,
		`LoginModePasswd  string = "passwd"`,
		`InstanceClass0   int64 = 0 // the documented default in RunInstances`,
		`InstanceClass101 int64 = 101`,
		`// Values "DescribeInstances" lists for "instance_class", read from its description: Validate does`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(out, "InstanceClass201 "); n != 1 {
		t.Errorf("InstanceClass201 declared %d times, want once (shared)", n)
	}
	if strings.Contains(out, `v.Enum[int64]`) || strings.Contains(out, `"instance_class", p.InstanceClass`) {
		t.Error("a list read from prose is enforced by Validate")
	}
	if !strings.Contains(out, `apiruntime.Enum[string](&v, "login_mode", p.LoginMode, "keypair", "passwd")`) {
		t.Error("login_mode's documented list is not checked")
	}
}
