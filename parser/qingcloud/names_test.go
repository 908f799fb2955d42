package qingcloud

import (
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
	for _, f := range append(pageVariants, "testdata/spec/things.json") {
		if !IsQingCloud(f, readFile(t, f)) {
			t.Errorf("%s not recognised", f)
		}
	}
	if !IsQingCloudSpec(readFile(t, "testdata/spec/api.json")) {
		t.Error("testdata/spec/api.json not recognised as a QingCloud spec")
	}
	// The vendor's names in prose, or a table without the request columns,
	// make nothing QingCloud's.
	no := map[string]string{
		"zstack.md":      "#### 创建云主机(CreateVmInstance)\n\n| 名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本 |\n| --- | --- | --- | --- | --- | --- |\n| name | String | body | 名称 | | 0.6 |\n",
		"overview.md":    "# QingCloud 青云 API\n\nCall https://api.qingcloud.com/iaas/ (shanhe, yunify, 山河云).\n\n| Parameter name | Description |\n| --- | --- |\n| zone | 区域 |\n",
		"words.md":       "Request Parameters — Parameter name, Type, Required: see ?action=RunInstances.\n",
		"unfenced.md":    "| Parameter name | Type | Description | Required |\n| zone | String | z | Yes |\n",
		"notes.md":       "# Notes\n\nNothing to see.\n",
		"defs.json":      `{"thing": {"type": "object", "properties": {"id": {"type": "string"}}}}`,
		"notaction.json": `{"things": {"get": {"responses": {}}}}`,
	}
	for f, src := range no {
		if IsQingCloud(f, []byte(src)) {
			t.Errorf("%s recognised as QingCloud", f)
		}
	}
	yes := map[string]string{
		"table.md":    "| Parameter name | Type | Description | Required |\n|---|---|---|---|\n| zone | String | z | Yes |\n",
		"chinese.md":  "| 参数名 | 类型 | 描述 | 是否必选 |\n| :--- | :--- | --- | --- |\n| zone | String | z | 是 |\n",
		"noparams.md": "| Name | Type | Description |\n| --- | --- | --- |\n| ret_code | Integer | 0 |\n\n```\nhttps://api.qingcloud.com/iaas/?action=DescribeZones\n```\n",
		"page.adoc":   "|===\n| Parameter name | Type | Description | Required\n| zone | String | z | Yes\n|===\n",
		"page.html":   "<table><tr><th>Parameter name</th><th>Type<th>Description</th><th>Required</th></tr></table>",
	}
	for f, src := range yes {
		if !IsQingCloud(f, []byte(src)) {
			t.Errorf("%s not recognised as QingCloud", f)
		}
	}
}

// A Swagger 2.0 spec is QingCloud's by the fields that say who serves and
// publishes it, or by QingCloud's own format; never by its prose.
func TestIsQingCloudSpec(t *testing.T) {
	for src, want := range map[string]bool{
		`{"swagger": "2.0", "host": "api.qingcloud.com"}`:                                                                                       true,
		`{"swagger": "2.0", "host": "api.shanhe.com:443"}`:                                                                                      true,
		`{"swagger": "2.0", "info": {"contact": {"email": "sdk_group@yunify.com"}}}`:                                                            true,
		`{"swagger": "2.0", "info": {"termsOfService": "https://www.qingcloud.com/tos"}}`:                                                       true,
		`{"swagger": "2.0", "definitions": {"t": {"type": "string", "format": "date-time-rfc822"}}}`:                                            true,
		`{"swagger": "2.0", "info": {"title": "QingCloud mirror", "description": "青云 shanhe yunify api.qingcloud.com"}, "host": "example.com"}`: false,
		`{"swagger": "2.0", "host": "qingcloud.com.evil.example"}`:                                                                              false,
		`{"swagger": "2.0", "host": "notqingcloud.com"}`:                                                                                        false,
		`{"swagger": "2.0", "definitions": {"t": {"description": "date-time-rfc822"}}}`:                                                         false,
		`{"openapi": "3.0.0", "host": "api.qingcloud.com"}`:                                                                                     false,
		`{"host": "api.qingcloud.com"}`:                                                                                                         false,
	} {
		if got := IsQingCloudSpec([]byte(src)); got != want {
			t.Errorf("IsQingCloudSpec(%s) = %v, want %v", src, got, want)
		}
	}
}

// References names the files a spec's $refs reach, beside the spec; that is
// how the loader finds definitions.json among its inputs.
func TestReferences(t *testing.T) {
	got := References(filepath.Join("testdata", "spec", "api.json"), readFile(t, "testdata/spec/api.json"))
	want := []string{filepath.Join("testdata", "spec", "defs.json"), filepath.Join("testdata", "spec", "missing.json"), filepath.Join("testdata", "spec", "params.json"), filepath.Join("testdata", "spec", "things.json")}
	if !slices.Equal(got, want) {
		t.Errorf("References = %v, want %v", got, want)
	}
}
