package qingcloud

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/irtest"
	"github.com/apigen-dev/apigen/ir"
)

// FuzzParse feeds mutated action pages (Markdown, AsciiDoc) and Swagger
// files to Parse and asserts what every caller relies on: no panic, an error
// only for a spec that is not JSON (naming the file) or a binary page, an
// API whose references all resolve, names unique and sorted, every position
// inside the file, and the same result on a second run. Seeds are the
// package's own test inputs and, when the corpus is present, its smaller
// real pages.
func FuzzParse(f *testing.F) {
	for _, s := range []struct {
		ext uint8
		src string
	}{
		{0, "**Request Parameters**\n\n| Parameter name | Type | Description | Required |\n| --- | --- | --- | --- |\n| vxnets.n | String | */ func init() { panic(1) } /* | Yes |\n| rules.n.port | Integer | 有效值为：1, 2 | No |\n\n**Response Elements**\n\n| Name | Type | Description |\n| --- | --- | --- |\n| x_set | Array | see Response Item |\n"},
		{0, "---\ntitle: \"X\"\n---\n_Example Request_:\n```\nhttps://api.qingcloud.com/iaas/?action=X&a=1\n```\n**Response Elements**\n| Name | Type | Description |\n| --- | --- | --- |\n| ret_code |\n```\n{\"ret_code\": 0, \"a\": [{\"b\": {\"c\": [1, \"x\", null]}}]}\n```\n"},
		{1, "= X\n\n*Request Parameters*\n\n[options=\"header\"]\n|===\n| Parameter name | Type | Description | Required\n| a.n | Integer | 默认是1 | No\n| b\n|===\n"},
		{2, `{"swagger":"2.0","host":"api.qingcloud.com","paths":{"/A":{"get":{"operationId":"A","parameters":[{"name":"x.n","in":"query","type":"array","items":{"$ref":"#/definitions/missing"}}],"responses":{"200":{"schema":{"$ref":"#/definitions/a"}}}}}},"definitions":{"a":{"type":"object","properties":{"self":{"$ref":"#/definitions/a"},"t":{"type":"string","format":"date-time-rfc822"}}}}}`},
		{2, `{"QingCloud":{"$ref":"#/QingCloud"},"a":{"$ref":"./b.json#/c"}}`},
	} {
		f.Add(s.ext, []byte(s.src))
	}
	seed := func(path string) {
		src, err := os.ReadFile(path)
		if err != nil || len(src) > 4<<10 {
			return
		}
		ext := map[string]uint8{".md": 0, ".adoc": 1, ".json": 2}[filepath.Ext(path)]
		f.Add(ext, src)
	}
	for _, p := range []string{"malformed/broken.md", "page/create_widgets.md", "page/create_widgets.adoc", "spec/api.json", "spec/defs.json", "spec/params.json", "spec/things.json"} {
		seed(filepath.Join("testdata", p))
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "qingcloud")
	for _, p := range []string{"shanhe-docs/start_instances.md", "shanhe-docs/parameters.adoc", "qingcloud-docs/describe_jobs.md", "qingcloud-docs/add_security_group_rules.md", "api-specs/2013-08-30/swagger/job.json"} {
		seed(filepath.Join(corpus, p))
	}
	f.Fuzz(func(t *testing.T, ext uint8, src []byte) {
		if len(src) > 4<<10 {
			t.Skip("larger than 4 KB") // see parser/doctable's skipLarge
		}
		file := "f" + []string{".md", ".adoc", ".json", ".txt"}[ext%4]
		api, diags, err := Parse(file, src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), file+":") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if !isJSON(file, src) && bytes.IndexByte(src, 0) < 0 {
				t.Fatalf("error on a text page: %v", err)
			}
			return
		}
		checkParsed(t, file, src, api, diags)
		irtest.Stable(t, file, src, api, diags, Parse)
	})
}

// checkParsed adds the family to irtest.Check.
func checkParsed(t *testing.T, file string, src []byte, api *ir.API, diags []ir.Diagnostic) {
	t.Helper()
	if api == nil || api.Family != ir.FamilyQingCloud {
		t.Fatalf("no QingCloud API: %+v", api)
	}
	irtest.Check(t, file, src, api, diags)
}
