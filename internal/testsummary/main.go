// Command testsummary reads `go test -json` on stdin and prints what
// `go test` would (package results, and the output of failing tests), then
// the slowest tests, so a regression in the suite's time shows in every
// `make test`. It exits 1 when a test or package failed.
package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

type result struct {
	name    string
	elapsed float64
}

func main() {
	failed := false
	logs := map[string][]string{} // package + test → its output, kept until it passes
	var results []result
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Println(sc.Text()) // build errors come as plain text
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			if e.Test == "" {
				if !strings.HasPrefix(e.Output, "=== ") && !strings.HasPrefix(e.Output, "PASS") {
					fmt.Print(e.Output)
				}
				continue
			}
			logs[key] = append(logs[key], e.Output)
		case "pass", "skip":
			delete(logs, key)
			if e.Test != "" && e.Action == "pass" {
				results = append(results, result{name: short(e.Package) + " " + e.Test, elapsed: e.Elapsed})
			}
		case "build-output":
			fmt.Print(e.Output)
		case "build-fail":
			failed = true
		case "fail":
			failed = true
			fmt.Print(strings.Join(logs[key], ""))
			delete(logs, key)
		}
	}
	slices.SortFunc(results, func(a, b result) int { return cmp.Compare(b.elapsed, a.elapsed) })
	fmt.Println("\nslowest tests:")
	for _, r := range results[:min(10, len(results))] {
		fmt.Printf("  %6.1fs  %s\n", r.elapsed, r.name)
	}
	if failed {
		os.Exit(1)
	}
}

func short(pkg string) string { return strings.TrimPrefix(pkg, "github.com/apigen-dev/apigen/") }
