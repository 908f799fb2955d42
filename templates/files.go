package templates

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// maxFileLines is roughly where a group of declarations is split into
// several files, so no generated file is huge.
const maxFileLines = 4000

// decl is one top-level declaration (with its methods), the unit files are
// made of. key is its Go name, which decides its file and its place there.
type decl struct {
	key   string
	code  []jen.Code
	lines int // an estimate, for splitting
}

func (d *decl) add(c ...jen.Code) {
	d.code = append(d.code, c...)
	d.lines += len(c)
}

// plannedFile is a file before rendering.
type plannedFile struct {
	name    string
	comment []string // package doc lines, for doc.go
	code    []jen.Code
}

// emit builds every declaration, groups them into files and renders the
// files in parallel.
func (g *gen) emit() ([]File, error) {
	var models, enums, params, ops []*decl
	services := map[string][]*decl{}
	for _, t := range g.types {
		switch {
		case g.info[t].degraded || t.Kind == ir.KindAlias:
			models = append(models, g.aliasDecl(t))
		case t.Kind == ir.KindStruct:
			models = append(models, g.structDecl(t))
		case t.Kind == ir.KindUnion:
			models = append(models, g.unionDecl(t))
		case t.Kind == ir.KindEnum:
			enums = append(enums, g.enumDecl(t))
		}
	}
	for _, o := range g.ops {
		if g.opInfo[o].params != "" {
			params = append(params, g.paramsDecl(o))
		}
		if s := g.serviceFile(o); s != "" {
			services[s] = append(services[s], g.opDecl(o))
		} else {
			ops = append(ops, g.opDecl(o))
		}
	}
	files := []plannedFile{
		{name: "doc.go", comment: g.packageDoc()},
		{name: "client.go", code: g.clientDecl()},
	}
	files = append(files, split("models", models)...)
	files = append(files, split("enums", enums)...)
	files = append(files, split("params", params)...)
	files = append(files, split("operations", ops)...)
	files = append(files, serviceFiles(services, files)...)
	slices.SortFunc(files, func(a, b plannedFile) int { return cmp.Compare(a.name, b.name) })
	return g.render(files)
}

// packageDoc is the package comment of doc.go.
func (g *gen) packageDoc() []string {
	var d doc
	what := "the API"
	if g.api.Name != "" {
		what = g.api.Name
	}
	line := "Package " + g.opts.Package + " is a client for " + what
	if g.api.Version != "" {
		line += ", API version " + g.api.Version
	}
	d.add(line + ".")
	if desc := textLines(g.api.Description); len(desc) > 0 {
		d.para()
		if len(desc) > 30 {
			desc = desc[:30]
		}
		d.lines = append(d.lines, desc...)
	}
	d.para()
	d.add("Create a Client with New over a transport from github.com/apigen-dev/apigen/apiruntime" + familyHint(g.api.Family) + ".")
	return d.lines
}

func familyHint(f ir.Family) string {
	switch f {
	case ir.FamilyZStack, ir.FamilyQingCloud, ir.FamilyCloudTower:
		return "/" + string(f)
	}
	return " (NewHTTP)"
}

// split groups declarations into files named prefix_<letter>.go by the
// first letter of their Go name, so adding a type changes one file. A
// group larger than maxFileLines is cut further by the following letters
// (prefix_s1.go, prefix_s2.go), so the cuts move only when that group's
// own contents change.
func split(prefix string, decls []*decl) []plannedFile {
	if len(decls) == 0 {
		return nil
	}
	decls = slices.Clone(decls)
	slices.SortFunc(decls, func(a, b *decl) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.key), strings.ToLower(b.key)), cmp.Compare(a.key, b.key))
	})
	var files []plannedFile
	for _, group := range groupBy(decls, 0) {
		letter := strings.ToLower(group[0].key[:1])
		chunks := chunk(group, 1)
		for i, c := range chunks {
			name := prefix + "_" + letter
			if len(chunks) > 1 {
				name += strconv.Itoa(i + 1)
			}
			f := plannedFile{name: name + ".go"}
			for _, d := range c {
				f.code = append(f.code, d.code...)
			}
			files = append(files, f)
		}
	}
	return files
}

// serviceFile is the name part of the file an operation's method goes in
// when the API groups its calls by service (QingCloud's instance,
// security_group…), "" for the usual files by first letter. It is made of
// [a-z0-9_] only, so it is a plain file name on every system.
func (g *gen) serviceFile(o *ir.Operation) string {
	if g.api.Family != ir.FamilyQingCloud || o.Service == "" {
		return ""
	}
	var words []string
	for _, w := range splitWords(o.Service) {
		w = strings.Map(func(r rune) rune {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				return r
			case 'A' <= r && r <= 'Z':
				return r + 'a' - 'A'
			}
			return -1
		}, w)
		if w != "" {
			words = append(words, w)
		}
	}
	name := strings.Join(words, "_")
	if len(name) > maxServiceName {
		name = strings.TrimRight(name[:maxServiceName], "_")
	}
	return name
}

// maxServiceName keeps service file names short.
const maxServiceName = 40

// serviceFiles puts each service's methods in operations_<service>.go
// (split like the other groups when large), never reusing a name already
// planned and never ending in a suffix the go command reads as a build
// constraint or a test (operations_windows.go, operations_test.go).
func serviceFiles(services map[string][]*decl, planned []plannedFile) []plannedFile {
	taken := map[string]bool{}
	for _, f := range planned {
		taken[f.name] = true
	}
	free := func(base string) string {
		if last := base[strings.LastIndex(base, "_")+1:]; specialSuffix[last] {
			base += "_ops"
		}
		name := base
		for n := 2; taken[name+".go"]; n++ {
			name = base + "_" + strconv.Itoa(n)
		}
		taken[name+".go"] = true
		return name + ".go"
	}
	var out []plannedFile
	for _, s := range slices.Sorted(maps.Keys(services)) {
		decls := slices.Clone(services[s])
		slices.SortFunc(decls, func(a, b *decl) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.key), strings.ToLower(b.key)), cmp.Compare(a.key, b.key))
		})
		chunks := chunk(decls, 0)
		for i, c := range chunks {
			base := "operations_" + s
			if len(chunks) > 1 {
				base += "_" + strconv.Itoa(i+1)
			}
			f := plannedFile{name: free(base)}
			for _, d := range c {
				f.code = append(f.code, d.code...)
			}
			out = append(out, f)
		}
	}
	return out
}

// specialSuffix holds the last parts of a file name that the go command
// reads as a build constraint (GOOS, GOARCH) or a test.
var specialSuffix = map[string]bool{
	"test": true,
	"aix":  true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true,
	"arm64be": true, "loong64": true, "mips": true, "mipsle": true, "mips64": true,
	"mips64le": true, "mips64p32": true, "mips64p32le": true, "ppc": true, "ppc64": true,
	"ppc64le": true, "riscv": true, "riscv64": true, "s390": true, "s390x": true,
	"sparc": true, "sparc64": true, "wasm": true,
}

// groupBy cuts sorted decls into runs sharing the lower-cased byte at i.
func groupBy(decls []*decl, i int) [][]*decl {
	at := func(d *decl) byte {
		if i < len(d.key) {
			return lower(d.key[i])
		}
		return 0
	}
	var out [][]*decl
	for start := 0; start < len(decls); {
		end := start + 1
		for end < len(decls) && at(decls[end]) == at(decls[start]) {
			end++
		}
		out = append(out, decls[start:end])
		start = end
	}
	return out
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// chunk splits a group sharing a prefix of length depth into runs of at
// most maxFileLines, cutting only between different next letters.
func chunk(decls []*decl, depth int) [][]*decl {
	total := 0
	deeper := false
	for _, d := range decls {
		total += d.lines
		deeper = deeper || len(d.key) > depth
	}
	if total <= maxFileLines || !deeper || len(decls) == 1 {
		return [][]*decl{decls}
	}
	var parts [][]*decl
	for _, g := range groupBy(decls, depth) {
		parts = append(parts, chunk(g, depth+1)...)
	}
	// Merge neighbours back while they fit.
	var out [][]*decl
	size := 0
	for _, p := range parts {
		n := 0
		for _, d := range p {
			n += d.lines
		}
		if len(out) > 0 && size+n <= maxFileLines {
			out[len(out)-1] = append(slices.Clip(out[len(out)-1]), p...)
			size += n
			continue
		}
		out = append(out, p)
		size = n
	}
	return out
}

// render writes each file with jennifer (which gofmts it), on as many
// goroutines as there are CPUs; results keep the files' order.
func (g *gen) render(files []plannedFile) ([]File, error) {
	out := make([]File, len(files))
	errs := make([]error, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i].Name = files[i].name
				out[i].Content, errs[i] = g.renderFile(files[i])
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", files[i].name, err)
		}
	}
	return out, nil
}

func (g *gen) renderFile(pf plannedFile) ([]byte, error) {
	f := jen.NewFile(g.opts.Package)
	f.HeaderComment(headerLine)
	f.ImportName(runtimePath, "apiruntime")
	for _, l := range pf.comment {
		if l == "" {
			f.PackageComment("//")
		} else {
			f.PackageComment("// " + l)
		}
	}
	for _, c := range pf.code {
		f.Add(c)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
