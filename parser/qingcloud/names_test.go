package qingcloud

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	if got := words("DescribeSecurityGroupIPSets"); !slices.Equal(got, []string{"Describe", "Security", "Group", "IP", "Sets"}) {
		t.Errorf("words %v", got)
	}
	for in, want := range map[string]string{
		"RunInstances":                 "instance",
		"DescribeJobs":                 "job",
		"AddSecurityGroupRules":        "security_group_rule",
		"ModifyInstanceAttributes":     "instance",
		"PowerOffRouters":              "router",
		"DescribeLoadBalancerPolicies": "load_balancer_policy",
		"DescribeAccessKeys":           "access_key",
	} {
		if got := serviceFromAction(in); got != want {
			t.Errorf("serviceFromAction(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"instance_set": "Instance",
		"vxnets":       "Vxnet",
		"policies":     "Policy",
		"addresses":    "Address",
		"eip":          "Eip",
		"status":       "Status",
		"data":         "Data",
		"rules":        "Rule",
	} {
		if got := elementName(in); got != want {
			t.Errorf("elementName(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestIsQingCloud(t *testing.T) {
	for _, f := range append(pageVariants, specFiles...) {
		if !IsQingCloud(f, readFile(t, f)) {
			t.Errorf("%s not recognised", f)
		}
	}
	no := map[string]string{
		"zstack.md":    "#### 创建云主机(CreateVmInstance)\n\n| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n| name | String | body | 名称 | | 0.6 |\n",
		"openapi.json": `{"openapi": "3.0.0", "info": {"title": "QingCloud mirror"}}`,
		"k8s.json":     `{"swagger": "2.0", "info": {"title": "Kubernetes"}, "host": "example.com"}`,
		"notes.md":     "# Notes\n\nNothing to see.\n",
	}
	for f, src := range no {
		if IsQingCloud(f, []byte(src)) {
			t.Errorf("%s recognised as QingCloud", f)
		}
	}
	// definitions.json carries no mark of its own: a spec beside it that
	// $refs it is what makes it QingCloud's.
	dir := t.TempDir()
	defs := []byte(`{"thing": {"type": "object", "properties": {"id": {"type": "string"}}}}`)
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("definitions.json", string(defs))
	if IsQingCloud(filepath.Join(dir, "definitions.json"), defs) {
		t.Error("an unreferenced definitions file recognised")
	}
	write("api.json", `{"swagger": "2.0", "host": "api.qingcloud.com", "definitions": {"thing": {"$ref": "./definitions.json#/thing"}}}`)
	if !IsQingCloud(filepath.Join(dir, "definitions.json"), defs) {
		t.Error("a definitions file referenced by a QingCloud root not recognised")
	}
}
