package qingcloud

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/growth"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// TestLinearTime holds the page parser to (near) linear time in each way
// a documentation folder grows: more action pages, longer parameter
// tables. Issue 16 allows nothing worse than n log n in the input's size.
func TestLinearTime(t *testing.T) {
	page, err := os.ReadFile("testdata/page/create_widgets.md")
	if err != nil {
		t.Fatal(err)
	}
	// action renames the page's action: every copy is a new action whose
	// response items share their shape with the other copies'.
	action := func(i int) string {
		return strings.ReplaceAll(string(page), "CreateWidgets", fmt.Sprintf("CreateWidgets%d", i))
	}
	growth.Check(t, "action pages", 100, func(n int) {
		srcs := map[string][]byte{}
		for i := range n {
			srcs[fmt.Sprintf("create_widgets%d.md", i)] = []byte(action(i))
		}
		api, _, err := ParseFiles(srcs)
		if err != nil {
			panic(err)
		}
		if len(api.Operations) != n {
			panic(fmt.Sprintf("%d operations from %d pages", len(api.Operations), n))
		}
	})
	// 10n rows stay under doctable.MaxTableRows, past which rows are dropped.
	// Read 20 times: one read of n rows is too short to time.
	growth.Check(t, "rows of one parameter table", doctable.MaxTableRows/10-20, growth.Times(20, func(n int) {
		var rows strings.Builder
		for i := range n {
			fmt.Fprintf(&rows, "| param_%d | String | Parameter %d, 默认是%d | No |\n", i, i, i)
		}
		src := strings.Replace(action(0), "| zone |", rows.String()+"| zone |", 1)
		api, _, err := Parse("create_widgets.md", []byte(src))
		if err != nil {
			panic(err)
		}
		if got := len(api.Operations[0].Params); got < n {
			panic(fmt.Sprintf("%d parameters from %d rows", got, n))
		}
	}))
}
