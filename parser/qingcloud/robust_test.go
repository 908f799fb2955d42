package qingcloud

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// testdata/malformed/broken.md breaks its tables row by row: each problem
// is a warning at its own line, and what is readable is still read.
func TestMalformedTables(t *testing.T) {
	const file = "testdata/malformed/broken.md"
	src := readFile(t, file)
	api, diags, err := Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	if ir.HasErrors(diags) {
		t.Errorf("malformed tables are warnings, not errors: %v", diags)
	}
	want := []struct{ kind, line string }{
		{"short-row", "| short_row | String |"},
		{"long-row", "| long_row | String | a | b | No |"},
		{"bad-name", "| 名字 |"},
		{"unknown-type", "| odd_type |"},
		{"unknown-required", "| odd_required |"},
		{"duplicate-param", "listed twice"},
		{"short-row", "| ret_code |"},
		{"unplaced-table", "| Name | Type | Description |\n| --- | --- | --- |\n| orphan"},
		{"unreadable-example", `"thing_set": [ {"thing_id": "t-1",} ]`},
	}
	for _, w := range want {
		line := lineOf(t, src, strings.Split(w.line, "\n")[0])
		if w.kind == "unplaced-table" {
			line = bytes.Count(src[:bytes.Index(src, []byte(w.line))], []byte("\n")) + 1
		}
		found := false
		for _, d := range diags {
			if d.Kind == w.kind && d.Pos.File == file && d.Pos.Line == line {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s warning at %s:%d; got:\n%v", w.kind, file, line, diags)
		}
	}
	op := mustOp(t, api, "BreakThings")
	if p := mustParam(t, op, "long_row"); p.Description != "a|b" || p.Required {
		t.Errorf("long_row: extra cells belong to the description: %+v", p)
	}
	if p := mustParam(t, op, "odd_type"); p.Type.Kind != ir.KindString {
		t.Errorf("odd_type reads as string, got %s", p.Type)
	}
	if op.Param("名字") != nil {
		t.Error("a row without a wire name was kept")
	}
	resp := mustType(t, api, "BreakThingsResponse")
	if got := mustField(t, resp, "thing_set").Type.String(); got != "[]ref(Thing)" {
		t.Errorf("thing_set %s: the item table still types it", got)
	}
}

// Every line dropped, every table cell emptied, every file cut short: the
// parser warns or reads less, and never panics or fails on a page.
func TestMutatedPagesNeverPanic(t *testing.T) {
	files := append([]string{"testdata/malformed/broken.md"}, pageVariants...)
	for _, file := range files {
		src := readFile(t, file)
		lines := strings.SplitAfter(string(src), "\n")
		var variants []string
		for i := range lines {
			variants = append(variants, strings.Join(lines[:i], "")) // truncated
			variants = append(variants, strings.Join(lines[:i], "")+strings.Join(lines[i+1:], ""))
			variants = append(variants, strings.Join(lines[:i], "")+strings.ReplaceAll(lines[i], "|", "")+strings.Join(lines[i+1:], ""))
		}
		for _, v := range variants {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s: panic %v on:\n%s", file, r, v)
					}
				}()
				api, diags, err := Parse(file, []byte(v))
				if err != nil {
					t.Fatalf("%s: error on a mutated page: %v", file, err)
				}
				for _, d := range diags {
					if d.Pos.File != file || d.Pos.Line == 0 {
						t.Fatalf("diagnostic without file:line: %v", d)
					}
				}
				_ = api
			}()
		}
	}
}

// Broken JSON is an error that says where; truncated specs never panic.
func TestBrokenSpec(t *testing.T) {
	src := readFile(t, "testdata/spec/things.json")
	for i := 0; i < len(src); i += 7 {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic %v at cut %d", r, i)
				}
			}()
			_, _, err := Parse("things.json", src[:i])
			if err == nil && i < len(src)-2 {
				t.Fatalf("cut at %d: no error", i)
			}
		}()
	}
	_, _, err := Parse("things.json", []byte("{\n  \"DoThings\": {\n    \"get\": ,\n  }\n}"))
	if err == nil || !strings.HasPrefix(err.Error(), "things.json:3:") {
		t.Errorf("error %v, want one at things.json:3", err)
	}
}
