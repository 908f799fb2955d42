package templates

import (
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// TestServiceFiles: a QingCloud client is grouped by service, one file
// each, with names that are plain, stable and never special to the go
// command; calls without a service keep the files by first letter.
func TestServiceFiles(t *testing.T) {
	files, _ := generate(t, qingcloudAPI(), Options{Package: "qingcloud"})
	for name, want := range map[string]string{
		"operations_instance.go":       "func (c *Client) RunInstances(",
		"operations_security_group.go": "// Service: Security-Group\n",
		"operations_test_ops.go":       "func (c *Client) RunTests(",
		"operations_p.go":              "func (c *Client) Ping(",
	} {
		if !strings.Contains(string(files[name]), want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
	inst := string(files["operations_instance.go"])
	for _, want := range []string{"// Action: RunInstances\n// Service: instance\n", "func (c *Client) DescribeInstancesAll("} {
		if !strings.Contains(inst, want) {
			t.Errorf("operations_instance.go lacks %q", want)
		}
	}
	for name := range files {
		if name == "operations_r.go" || name == "operations_d.go" || name == "operations_test.go" {
			t.Errorf("unexpected file %s", name)
		}
	}
	// Other families keep one set of files by letter.
	api := qingcloudAPI()
	api.Family = ir.FamilyOpenAPI
	files, _ = generate(t, api, Options{Package: "qingcloud"})
	if _, ok := files["operations_instance.go"]; ok || strings.Contains(joinedMap(files), "// Service:") {
		t.Error("service files outside the qingcloud family")
	}
}

func TestServiceFileNames(t *testing.T) {
	g := &gen{api: &ir.API{Family: ir.FamilyQingCloud}}
	for in, want := range map[string]string{
		"instance":              "instance",
		"SecurityGroup":         "security_group",
		"security-group":        "security_group",
		"../../etc/x":           "etc_x",
		"负载均衡":                  "",
		"LB 负载均衡 v2":            "lb_v2",
		strings.Repeat("a", 60): strings.Repeat("a", maxServiceName),
	} {
		if got := g.serviceFile(&ir.Operation{Service: in}); got != want {
			t.Errorf("serviceFile(%q) = %q, want %q", in, got, want)
		}
	}
	// Two services that read alike, or a name already used, get numbered.
	services := map[string][]*decl{"windows": {{key: "A"}}, "p": {{key: "B"}}}
	files := serviceFiles(services, []plannedFile{{name: "operations_p.go"}})
	if len(files) != 2 || files[0].name != "operations_p_2.go" || files[1].name != "operations_windows_ops.go" {
		t.Errorf("files %v", []string{files[0].name, files[1].name})
	}
}
