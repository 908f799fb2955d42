package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/apigen-dev/apigen/internal/peakrss"
)

// goalRatio is issue 16's goal for apigen against oapi-codegen, in both
// wall time and peak RSS.
const goalRatio = 0.25

// other is an apigen binary measured beside this tree's.
type other struct{ name, path string }

type measure struct {
	wall time.Duration
	cpu  time.Duration // user and system
	rss  int64         // KiB
	err  error
}

type spec struct {
	name  string
	path  string
	oapi  bool          // oapi-codegen reads it (it has no Swagger 2.0 or doc-page reader)
	limit time.Duration // apigen's own time limit, where there is one
}

func main() {
	if log := os.Getenv(toolexecEnv); log != "" && len(os.Args) > 1 {
		toolexec(log, os.Args[1:])
		return
	}
	corpus := flag.String("corpus", "../shared/corpus", "the shared corpus directory")
	oapiVersion := flag.String("oapi-codegen", "v2.8.2", "oapi-codegen version to install through the Go module proxy")
	oasdiffVersion := flag.String("oasdiff", "v1.39.0", "oasdiff version to install through the Go module proxy")
	runs := flag.Int("runs", 3, "runs per generator and spec; the median is reported")
	only := flag.String("only", "generate,compile,rerun,diff", "the tables to measure, comma-separated")
	var others []other
	flag.Func("also", "another apigen binary to measure in the same runs, as NAME=PATH (repeatable): a build of main, say", func(v string) error {
		name, path, ok := strings.Cut(v, "=")
		if !ok || name == "" || path == "" {
			return fmt.Errorf("want NAME=PATH")
		}
		others = append(others, other{name, path})
		return nil
	})
	flag.Parse()

	work, err := filepath.Abs(".bench")
	check(err)
	bin := filepath.Join(work, "bin")
	check(os.MkdirAll(bin, 0o755))
	apigen := filepath.Join(bin, "apigen")
	run("go", "build", "-o", apigen, "./cmd/apigen")
	oapi := install(work, "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen", *oapiVersion)

	parts := strings.Split(*only, ",")
	if slices.Contains(parts, "generate") {
		generateBench(*corpus, work, *oapiVersion, apigen, oapi, others, *runs)
	}
	if slices.Contains(parts, "compile") {
		compileBench(*corpus, work, apigen, oapi, *runs)
	}
	if slices.Contains(parts, "rerun") {
		rerunBench(*corpus, work, apigen, *runs)
	}
	if slices.Contains(parts, "diff") {
		diffBench(*corpus, work, apigen, install(work, "github.com/oasdiff/oasdiff", *oasdiffVersion), *oasdiffVersion, *runs)
	}
	if floor, ok := peakrss.Bytes(); ok {
		// Go starts children with vfork, and Linux then starts a child's
		// ru_maxrss at its parent's peak: no figure above can be lower.
		fmt.Printf("\nRSS floor (this process's own peak; no child's figure can be lower): %.0f MiB\n", float64(floor)/(1<<20))
	}
}

// generateBench times apigen against oapi-codegen on each corpus input,
// and the inputs oapi-codegen cannot read against their own time limit.
func generateBench(corpus, work, oapiVersion, apigen, oapi string, others []other, runs int) {
	specs := []spec{
		{name: "CloudTower 4.6.0", path: "openapi/cloudtower/4.6.0-swagger.json", oapi: true},
		{name: "Stripe 2023-09", path: "openapi/stripe-spec3-2023-09-12.yaml", oapi: true},
		{name: "GitHub 2021-12", path: "openapi/github-api-2021-12.yaml", oapi: true},
		{name: "Kubernetes (Swagger 2.0)", path: "openapi/kubernetes-swagger.json"},
		// Issue 16's goal 4: the whole manual in under a second.
		{name: "ZStack 5.5.6 manual (1341 APIs)", path: "zstack/dev-manual-5.5.6-zh", limit: time.Second},
		{name: "QingCloud folder", path: "qingcloud"},
	}
	fmt.Printf("| input | apigen time | apigen RSS | oapi-codegen %s time | oapi-codegen RSS | time ratio | RSS ratio | both ≤ %.2f |\n", oapiVersion, goalRatio)
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
	for _, s := range specs {
		in := filepath.Join(corpus, s.path)
		if _, err := os.Stat(in); err != nil {
			fmt.Printf("| %s | (missing: %v) | | | | | | |\n", s.name, err)
			continue
		}
		out := filepath.Join(work, "out")
		// The generators alternate, so a change in the machine's load
		// weighs on all.
		bins := append([]other{{"", apigen}}, others...)
		as := make([][]measure, len(bins))
		var oapiRuns []measure
		for range runs {
			for i, b := range bins {
				os.RemoveAll(out)
				as[i] = append(as[i], timeCmd(b.path, "generate", "-o", out, "-p", "bench", in))
			}
			if s.oapi {
				oapiRuns = append(oapiRuns, timeCmd(oapi, "-generate", "types,client", "-package", "bench", "-o", filepath.Join(work, "oapi.go"), in))
			}
		}
		for i, b := range bins {
			name := s.name
			if b.name != "" {
				name += " (" + b.name + ")"
			}
			a := medianOf(as[i])
			row := fmt.Sprintf("| %s | %s | %s |", name, dur(a), mib(a))
			if !s.oapi {
				verdict := ""
				if s.limit > 0 {
					verdict = fmt.Sprintf("FAIL (≥ %v)", s.limit)
					if a.wall < s.limit && a.err == nil {
						verdict = fmt.Sprintf("PASS (< %v)", s.limit)
					}
				}
				fmt.Printf("%s n/a | n/a | | | %s |\n", row, verdict)
				continue
			}
			o := medianOf(oapiRuns)
			tr, rr := a.wall.Seconds()/o.wall.Seconds(), float64(a.rss)/float64(o.rss)
			met := "no"
			if tr <= goalRatio && rr <= goalRatio && a.err == nil {
				met = "yes"
			}
			fmt.Printf("%s %s | %s | %.2f | %.2f | %s |\n", row, dur(o), mib(o), tr, rr, met)
		}
	}
}

// rerunBench times a rerun on unchanged inputs (what go generate ./... does
// on every call) against a first run into an empty directory.
func rerunBench(corpus, work, apigen string, runs int) {
	in := filepath.Join(corpus, "openapi", "cloudtower", "4.6.0-swagger.json")
	if _, err := os.Stat(in); err != nil {
		return
	}
	out := filepath.Join(work, "rerun")
	first := median(runs, func() measure {
		os.RemoveAll(out)
		return timeCmd(apigen, "generate", "-o", out, "-p", "bench", in)
	})
	again := median(runs, func() measure { return timeCmd(apigen, "generate", "-o", out, "-p", "bench", in) })
	fmt.Printf("\nRerun on unchanged inputs, CloudTower 4.6.0: first run %s, rerun %s, ratio %.3f\n", dur(first), dur(again), again.wall.Seconds()/first.wall.Seconds())
}

// diffBench times apigen diff against oasdiff's breaking-change check on
// two CloudTower releases (3-4 MB specs each).
func diffBench(corpus, work, apigen, oasdiff, version string, runs int) {
	dir := filepath.Join(corpus, "openapi", "cloudtower")
	a, b := filepath.Join(dir, "4.0.0-swagger.json"), filepath.Join(dir, "4.6.0-swagger.json")
	if _, err := os.Stat(a); err != nil {
		fmt.Printf("\n(diff: missing %v)\n", err)
		return
	}
	o := median(runs, func() measure { return timeCmd(oasdiff, "breaking", a, b) })
	fmt.Printf("\n| CloudTower 4.0.0 → 4.6.0 | time | RSS | time ratio to oasdiff %s | RSS ratio |\n| --- | ---: | ---: | ---: | ---: |\n", version)
	fmt.Printf("| oasdiff breaking | %s | %s | 1.00 | 1.00 |\n", dur(o), mib(o))
	for _, v := range []struct {
		name string
		args []string
	}{
		{"apigen diff (API and generated Go API)", []string{"diff", a, b}},
		{"apigen diff --go=false (API only)", []string{"diff", "--go=false", a, b}},
	} {
		m := median(runs, func() measure { return timeCmd(apigen, v.args...) })
		fmt.Printf("| %s | %s | %s | %.2f | %.2f |\n", v.name, dur(m), mib(m), m.wall.Seconds()/o.wall.Seconds(), float64(m.rss)/float64(o.rss))
	}
}

// install puts pkg@version's command in work/bin once, through the Go
// module proxy, outside this module so its go.mod is not touched.
func install(work, pkg, version string) string {
	name := filepath.Base(pkg)
	bin := filepath.Join(work, "bin", name+"-"+version)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	tmp := filepath.Join(work, "gobin")
	cmd := exec.Command("go", "install", pkg+"@"+version)
	cmd.Env = append(os.Environ(), "GOBIN="+tmp, "GOFLAGS=")
	cmd.Dir = os.TempDir()
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
	check(os.Rename(filepath.Join(tmp, name), bin))
	return bin
}

// timeCmd runs one generator process and reads its wall time and peak
// resident set size (rusage ru_maxrss, in KiB on Linux).
func timeCmd(name string, args ...string) measure {
	cmd := exec.Command(name, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	m := measure{wall: time.Since(start), err: err}
	if err != nil && len(out) > 0 {
		if len(out) > 300 {
			out = out[:300]
		}
		fmt.Fprintf(os.Stderr, "%s: %v: %s\n", filepath.Base(name), err, out)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rss = ru.Maxrss
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return m
}

func median(n int, f func() measure) measure {
	ms := make([]measure, n)
	for i := range ms {
		ms[i] = f()
	}
	return medianOf(ms)
}

// medianOf is the run of median wall time (its RSS is that run's).
func medianOf(ms []measure) measure {
	ms = slices.Clone(ms)
	slices.SortFunc(ms, func(a, b measure) int { return int(a.wall - b.wall) })
	return ms[len(ms)/2]
}

// dur is the wall time, and the CPU time beside it: on a shared machine
// wall time grows with the others' load, CPU time much less.
func dur(m measure) string {
	s := fmt.Sprintf("%.2f s (CPU %.2f s)", m.wall.Seconds(), m.cpu.Seconds())
	if m.err != nil {
		s += " ✗"
	}
	return s
}

func mib(m measure) string { return fmt.Sprintf("%.0f MiB", float64(m.rss)/1024) }

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
