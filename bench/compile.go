package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
)

// compileGoal is issue 16's goal for compiling apigen's client against
// compiling oapi-codegen's for the same spec, in both time and peak RSS.
const compileGoal = 0.12

// toolexecEnv names the file a `go build -toolexec` run of this binary
// appends the compiler's figures to (see toolexec).
const toolexecEnv = "APIGEN_BENCH_COMPILE_LOG"

// compileBench measures what apigen's users pay in every CI run and every
// editor type-check: compiling the generated package, its dependencies
// already built. Kubernetes is the spec here because oapi-codegen's
// Kubernetes client compiles (its Stripe, CloudTower and GitHub output do
// not, see the corpus README); oapi-codegen reads only OpenAPI 3, so both
// tools read the same conversion made by kin-openapi's openapi2conv.
//
// How "that package and nothing else" is timed: one module holds both
// clients; a first `go build ./...` fills the build cache with every
// dependency (apiruntime, oapi-codegen's runtime, the standard library).
// Each measured run then rewrites a one-line file of the measured package
// (a new comment changes the package's content hash and nothing else's),
// so `go build` recompiles that package alone, and runs the compiler
// under -toolexec with this very binary, which records the compiler
// process's wall and CPU time and its rusage peak RSS. The go command's
// own loading is left out, and the compiler's RSS floor is this small
// wrapper's (Go starts children with vfork; see internal/peakrss), not the
// go command's.
func compileBench(corpus, work, apigen, oapi string, runs int) {
	in := filepath.Join(corpus, "openapi", "kubernetes-swagger.json")
	if _, err := os.Stat(in); err != nil {
		fmt.Printf("\n(compile: missing %v)\n", err)
		return
	}
	dir := filepath.Join(work, "compile")
	check(os.RemoveAll(dir))
	check(os.MkdirAll(dir, 0o755))
	spec3 := filepath.Join(work, "kubernetes-oas3.json")
	ops := toOpenAPI3(in, spec3)

	root, err := filepath.Abs(".")
	check(err)
	check(os.WriteFile(filepath.Join(dir, "go.mod"), fmt.Appendf(nil,
		"module benchcompile\n\ngo 1.25\n\nrequire github.com/apigen-dev/apigen v0.0.0\n\nreplace github.com/apigen-dev/apigen => %s\n", root), 0o644))
	pkgs := []struct{ name, dir string }{{"apigen", "apigenk8s"}, {"oapi-codegen", "oapik8s"}}
	runIn(dir, apigen, "generate", "-o", filepath.Join(dir, pkgs[0].dir), "-p", pkgs[0].dir, spec3)
	check(os.MkdirAll(filepath.Join(dir, pkgs[1].dir), 0o755))
	runIn(dir, oapi, "-generate", "types,client", "-package", pkgs[1].dir, "-o", filepath.Join(dir, pkgs[1].dir, "client.go"), spec3)
	// oapi-codegen's runtime comes through the module proxy, at the
	// version its generator asks for.
	runIn(dir, "go", "mod", "tidy")

	self, err := os.Executable()
	check(err)
	log := filepath.Join(dir, "compile.log")
	build := func(pkg string) {
		cmd := exec.Command("go", "build", "-toolexec", self, "./"+pkg)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), toolexecEnv+"="+log, "GOFLAGS=")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		check(cmd.Run())
	}
	build("...") // the warm-up: dependencies into the build cache

	ms := make([][]measure, len(pkgs))
	for i := range runs {
		// Alternating, as the generators do above.
		for j, p := range pkgs {
			// Unique across bench runs too: the same bytes as an earlier
			// run's would be a build cache hit.
			nonce := fmt.Appendf(nil, "package %s\n\n// bench run %d at %d\n", p.dir, i, time.Now().UnixNano())
			check(os.WriteFile(filepath.Join(dir, p.dir, "zz_bench_nonce.go"), nonce, 0o644))
			check(os.WriteFile(log, nil, 0o644))
			build(p.dir)
			ms[j] = append(ms[j], readCompileLog(log, "benchcompile/"+p.dir))
		}
	}
	fmt.Printf("\nCompiling the generated Kubernetes client alone (OpenAPI 3 by openapi2conv, %d operations; dependencies cached; the compiler process only, median of %d):\n\n", ops, runs)
	fmt.Printf("| client | lines | lines per operation | compile time | compile RSS | time ratio | CPU ratio | RSS ratio | time and RSS ≤ %.2f |\n", compileGoal)
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |")
	o := medianOf(ms[1])
	for j, p := range pkgs {
		m := medianOf(ms[j])
		lines := goLines(filepath.Join(dir, p.dir))
		tr, rr := m.wall.Seconds()/o.wall.Seconds(), float64(m.rss)/float64(o.rss)
		met := ""
		if j == 0 {
			met = "no"
			if tr <= compileGoal && rr <= compileGoal {
				met = "yes"
			}
		}
		cr := m.cpu.Seconds() / o.cpu.Seconds()
		fmt.Printf("| %s | %d | %.0f | %s | %s | %.2f | %.2f | %.2f | %s |\n", p.name, lines, float64(lines)/float64(ops),
			dur(m), mib(m), tr, cr, rr, met)
	}
}

// toOpenAPI3 writes the Swagger 2.0 spec in as OpenAPI 3 JSON to out and
// returns its number of operations.
func toOpenAPI3(in, out string) int {
	b, err := os.ReadFile(in)
	check(err)
	var doc2 openapi2.T
	check(json.Unmarshal(b, &doc2))
	doc3, err := openapi2conv.ToV3(&doc2)
	check(err)
	b, err = json.Marshal(doc3)
	check(err)
	check(os.WriteFile(out, b, 0o644))
	ops := 0
	for _, item := range doc3.Paths.Map() {
		ops += len(item.Operations())
	}
	return ops
}

// toolexec runs a Go tool for `go build -toolexec` and, for the compiler,
// appends one line "importpath wall-ns user-ns maxrss-KiB" to the log: the
// figures of that process alone. Everything else (the tool's -V=full
// answer included, which keys the build cache) passes through untouched.
func toolexec(log string, args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && strings.TrimSuffix(filepath.Base(args[0]), ".exe") == "compile" {
		f, ferr := os.OpenFile(log, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if ferr == nil {
			fmt.Fprintf(f, "%s %d %d %d\n", os.Getenv("TOOLEXEC_IMPORTPATH"), wall, ru.Utime.Nano()+ru.Stime.Nano(), ru.Maxrss)
			f.Close()
		}
	}
	if err != nil {
		if x, ok := err.(*exec.ExitError); ok {
			os.Exit(x.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "bench toolexec:", err)
		os.Exit(1)
	}
}

// readCompileLog finds pkg's compilation in a toolexec log; a run that did
// not compile pkg (a stale cache hit) is an error, not a zero.
func readCompileLog(log, pkg string) measure {
	b, err := os.ReadFile(log)
	check(err)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var path string
		var wall, user, rss int64
		if _, err := fmt.Sscan(sc.Text(), &path, &wall, &user, &rss); err == nil && path == pkg {
			return measure{wall: time.Duration(wall), cpu: time.Duration(user), rss: rss}
		}
	}
	check(fmt.Errorf("compile: %s was not compiled (log %s)", pkg, log))
	return measure{}
}

// goLines counts the lines of the .go files in dir, the nonce file aside.
func goLines(dir string) int {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	check(err)
	n := 0
	for _, f := range files {
		if filepath.Base(f) == "zz_bench_nonce.go" {
			continue
		}
		b, err := os.ReadFile(f)
		check(err)
		n += bytes.Count(b, []byte("\n"))
	}
	return n
}

// runIn runs a command in dir, its output on stderr.
func runIn(dir, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
}
