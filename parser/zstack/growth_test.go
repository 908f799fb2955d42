package zstack

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/internal/growth"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// TestLinearTime holds the parser to (near) linear time in each way a
// manual grows: the whole 5.5.6 manual (1341 APIs in 59 chapters) must
// generate in under a second (issue 16), which no quadratic pass allows.
func TestLinearTime(t *testing.T) {
	page, err := os.ReadFile("testdata/en_zone.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sections, ok := strings.Cut(string(page), "# Zone APIs\n")
	if !ok {
		t.Fatal("testdata/en_zone.md: no chapter heading")
	}
	// apis numbers the page's two APIs and their paths: i's copy is new
	// APIs whose responses share the inventory types of every other copy,
	// as VmInstanceInventory recurs across the manual.
	apis := func(i int) string {
		return strings.NewReplacer("(CreateZone)", fmt.Sprintf("(CreateZone%d)", i), "(QueryZone)", fmt.Sprintf("(QueryZone%d)", i),
			"zstack/v1/zones", fmt.Sprintf("zstack/v1/zones%d", i)).Replace(sections)
	}
	wantOps := func(n, got int) {
		if got != 2*n {
			panic(fmt.Sprintf("%d operations from %d copies of 2", got, n))
		}
	}
	growth.Check(t, "APIs in one chapter", 50, func(n int) {
		var b strings.Builder
		b.WriteString("# Zone APIs\n")
		for i := range n {
			b.WriteString(apis(i))
		}
		api, _, err := Parse("chapter.md", []byte(b.String()))
		if err != nil {
			panic(err)
		}
		wantOps(n, len(api.Operations))
	})
	growth.Check(t, "chapters", 50, func(n int) {
		srcs := map[string][]byte{}
		for i := range n {
			srcs[fmt.Sprintf("chapter%d.md", i)] = []byte("# Zone APIs\n" + apis(i))
		}
		api, _, err := ParseFiles(srcs)
		if err != nil {
			panic(err)
		}
		wantOps(n, len(api.Operations))
	})
	// 10n rows stay under doctable.MaxTableRows, past which rows are dropped.
	// Read 20 times: one read of n rows is too short to time.
	growth.Check(t, "rows of one parameter table", doctable.MaxTableRows/10-10, growth.Times(20, func(n int) {
		var rows strings.Builder
		for i := range n {
			fmt.Fprintf(&rows, "| p%d (optional) | String | body (contained in the params structure) | Parameter %d |  | 0.6 |\n", i, i)
		}
		src := strings.Replace("# Zone APIs\n"+apis(0), "| isDefault |", rows.String()+"| isDefault |", 1)
		api, _, err := Parse("chapter.md", []byte(src))
		if err != nil {
			panic(err)
		}
		if got := len(api.Operations[0].Params); got < n {
			panic(fmt.Sprintf("%d parameters from %d rows", got, n))
		}
	}))
}
