package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

type diffJSON struct {
	Changes []struct {
		Kind      string `json:"kind"`
		Breaking  bool   `json:"breaking"`
		Operation string `json:"operation"`
		Method    string `json:"method"`
		Path      string `json:"path"`
		Type      string `json:"type"`
		Where     string `json:"where"`
		From      string `json:"from"`
		To        string `json:"to"`
	} `json:"changes"`
}

func runDiffJSON(t *testing.T, args ...string) (int, diffJSON) {
	t.Helper()
	code, stdout, stderr := run(append([]string{"diff", "--format", "json"}, args...)...)
	var r diffJSON
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("diff %v: exit %d, %v\n%s", args, code, err, stderr)
	}
	return code, r
}

// Two real CloudTower releases: what changed between 4.0.0 and 4.6.0 as a
// client sees it. The per-operation content-language enums 4.6.0 folds into
// one shared enum (with a value added) are renames, not 429 type changes.
func TestDiffCloudTowerReleases(t *testing.T) {
	if testing.Short() {
		t.Skip("parses two 3-4 MB specs")
	}
	dir := filepath.Join(gocheck.CorpusDir(t), "openapi", "cloudtower")
	code, r := runDiffJSON(t, "--go=false", "--fail-on", "breaking", filepath.Join(dir, "4.0.0-swagger.json"), filepath.Join(dir, "4.6.0-swagger.json"))
	if code != exitStale {
		t.Errorf("--fail-on breaking with breaking changes: exit %d", code)
	}
	found := map[string]bool{}
	for _, c := range r.Changes {
		if c.Operation == "" && c.Type == "" && c.Kind != "security-added" {
			t.Errorf("change without an operation: %+v", c)
		}
		if c.Kind == "param-type-changed" && c.Where == `param "content-language" (header)` {
			t.Errorf("content-language enum rename reported as a type change: %+v", c)
		}
		switch {
		case c.Kind == "operation-renamed" && c.From == "CreateRole2" && c.To == "CreateUserAuditLog" && c.Breaking && c.Method == "POST" && c.Path == "/create-user-audit-log":
			found["rename"] = true
		case c.Kind == "auth-required" && c.Operation == "CreateAlertNotifier" && c.Breaking:
			found["auth"] = true
		case c.Kind == "param-type-renamed" && c.Operation == "AbortMigrateVmAcrossCluster" && !c.Breaking:
			found["enum rename"] = true
		case c.Kind == "field-removed" && c.Type == "SmtpServerWhereInput" && c.Breaking:
			found["field removed"] = true
		}
	}
	for _, k := range []string{"rename", "auth", "enum rename", "field removed"} {
		if !found[k] {
			t.Errorf("%s: not reported", k)
		}
	}
}

// A second ZStack release made by editing a copy of corpus pages the way a
// release changes them: a parameter dropped, a required one added, a
// response field's type changed, a new field, a new API.
func TestDiffZStackPages(t *testing.T) {
	src := filepath.Join(gocheck.CorpusDir(t), "zstack", "pages")
	old, cur := filepath.Join(t.TempDir(), "old"), filepath.Join(t.TempDir(), "new")
	for _, d := range []string{old, cur} {
		if err := os.CopyFS(d, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	zone := filepath.Join(cur, "zh_CreateZone.md")
	b, err := os.ReadFile(zone)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, r := range [][2]string{
		{"| resourceUuid (可选) | String | body(包含在params结构中) | 用户指定的资源uuid |  | 0.6 |\n", ""},
		{"| name | String | body(包含在params结构中) | 资源名称 |  | 0.6 |\n", "| name | String | body(包含在params结构中) | 资源名称 |  | 0.6 |\n| clusterType | String | body(包含在params结构中) | 集群类型 | zstack | 5.6.0 |\n"},
		{"| createDate | Timestamp | 创建时间 | 0.6 |", "| createDate | Long | 创建时间 | 0.6 |\n| zoneType | String | 区域类型 | 5.6.0 |"},
	} {
		if !strings.Contains(page, r[0]) {
			t.Fatalf("corpus page changed: %q not found", r[0])
		}
		page = strings.Replace(page, r[0], r[1], 1)
	}
	os.WriteFile(zone, []byte(page), 0o644)
	os.Remove(filepath.Join(old, "zh_CreatePriceTable.md"))

	_, r := runDiffJSON(t, old, cur)
	want := map[string]bool{
		"param-removed resourceUuid":       true,
		"param-added clusterType":          true,
		"field-type-changed createDate":    true,
		"field-added zoneType":             false,
		"operation-added CreatePriceTable": false,
	}
	got := map[string]bool{}
	for _, c := range r.Changes {
		for k, breaking := range want {
			kind, name, _ := strings.Cut(k, " ")
			if c.Kind == kind && (strings.Contains(c.Where, `"`+name+`"`) || c.To == name || c.Operation == name) {
				got[k] = true
				if c.Breaking != breaking {
					t.Errorf("%s: breaking=%v, want %v", k, c.Breaking, breaking)
				}
				if !strings.HasPrefix(c.Path, "/") && kind != "field-type-changed" && kind != "field-added" {
					t.Errorf("%s: no path: %+v", k, c)
				}
			}
		}
	}
	for k := range want {
		if !got[k] {
			t.Errorf("%s: not reported\n%+v", k, r.Changes)
		}
	}
}
