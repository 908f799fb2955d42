package templates

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// maxFileDecls is how many declarations a file holds before its group is
// split, and minPartDecls the fewest a part split off it may hold. Both
// count declarations, never lines: a file's layout depends only on which
// declarations exist and what uses them, so editing one (a new field, a
// longer comment) never moves another to a different file.
const (
	maxFileDecls = 150
	minPartDecls = 6
)

// decl is one top-level declaration (with its methods), the unit files are
// made of. key is its Go name, which decides its place in its file and,
// when a group is split, its part.
type decl struct {
	key   string
	code  []jen.Code
	lines int // an estimate, for tests and benchmarks
	// build makes the declaration when its file is rendered, on the
	// render worker's gen: the code of every declaration held at once was
	// most of generate's peak memory (Stripe 240 MiB → 105 MiB when built
	// file by file). Plan names it, so it is built once, in parallel, not
	// once more up front for its warnings (a seventh of the ZStack
	// manual's CPU).
	build func(*gen) *decl
	// seq is the declaration's place in emission order, which orders
	// the warnings of builds run on different workers.
	seq int
}

// pending is a declaration whose name plan decided and whose code is built
// with its file.
func pending(key string, build func(*gen) *decl) *decl {
	return &decl{key: key, build: build}
}

// materialise returns d's code and the warnings building it gave, building
// it on g (a render worker's copy of the gen) if it is pending.
func (g *gen) materialise(d *decl) ([]jen.Code, []ir.Diagnostic, error) {
	if d.build == nil {
		return d.code, nil, nil
	}
	g.diags = nil
	built := d.build(g)
	if built.key != d.key {
		// The layout placed d by the name plan gave it; a builder naming
		// it otherwise would put it in the wrong file.
		return nil, nil, fmt.Errorf("declaration %q was built as %q", d.key, built.key)
	}
	return built.code, g.diags, nil
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
	decls   []*decl // built into code just before the file is rendered
}

// fileGroup is what goes in one group's files: its calls (client methods
// and their parameter structs) and the types only they use.
type fileGroup struct {
	calls, types []*decl
}

// emit builds every declaration, groups them into files by meaning (see
// groupOf and homes) and renders the files in parallel.
func (g *gen) emit() ([]File, error) {
	groupOfOp := map[*ir.Operation]string{}
	for _, o := range g.ops {
		groupOfOp[o] = groupOf(o)
	}
	home := g.homes(groupOfOp)
	groups := map[string]*fileGroup{}
	at := func(stem string) *fileGroup {
		if groups[stem] == nil {
			groups[stem] = &fileGroup{}
		}
		return groups[stem]
	}
	seq := 0
	next := func(d *decl) *decl {
		d.seq = seq
		seq++
		return d
	}
	for _, t := range g.types {
		name := g.info[t].goName
		var d *decl
		switch {
		case g.info[t].degraded || t.Kind == ir.KindAlias:
			d = pending(name, func(w *gen) *decl { return w.aliasDecl(t) })
		case t.Kind == ir.KindStruct:
			d = pending(name, func(w *gen) *decl { return w.structDecl(t) })
		case t.Kind == ir.KindUnion:
			d = pending(name, func(w *gen) *decl { return w.unionDecl(t) })
		case t.Kind == ir.KindEnum:
			d = pending(name, func(w *gen) *decl { return w.enumDecl(t) })
		default:
			continue
		}
		fg := at(home[t])
		fg.types = append(fg.types, next(d))
	}
	for _, o := range g.ops {
		fg := at(groupOfOp[o])
		info := g.opInfo[o]
		if info.params != "" {
			fg.calls = append(fg.calls, next(pending(info.params, func(w *gen) *decl { return w.paramsDecl(o) })))
		}
		fg.calls = append(fg.calls, next(pending(info.method, func(w *gen) *decl {
			d := w.opDecl(o)
			w.groupMethods(d, o)
			return d
		})))
	}
	for _, cg := range g.clientGroups() {
		fg := at(groupOf(cg.ops[0]))
		fg.calls = append(fg.calls, next(pending(cg.typ, func(w *gen) *decl { return w.groupDecl(cg) })))
	}
	files := []plannedFile{
		{name: "doc.go", comment: g.packageDoc()},
		{name: "client.go", code: g.clientDecl()},
	}
	for _, stem := range slices.Sorted(maps.Keys(groups)) {
		files = append(files, splitGroup(stem, groups[stem])...)
	}
	return g.render(mergeNamesakes(files))
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
	rt := runtimeOf(g.api.Family)
	how := rt.path
	if rt.constructor != "" {
		how += " (" + rt.constructor + ")"
	}
	d.add("Create a Client with New over a transport from " + how + ".")
	return d.lines
}

// splitGroup lays one group out: a file named after it, calls first, then
// types, each sorted by Go name. A group of more than maxFileDecls is cut
// by the leading words of its declarations' Go names
// (types_payment_method.go, customers_post.go), the smaller parts staying
// in the group's own file; see cut.
func splitGroup(stem string, fg *fileGroup) []plannedFile {
	var items []item
	for _, d := range sortedDecls(fg.calls) {
		items = append(items, item{d: d})
	}
	for _, d := range sortedDecls(fg.types) {
		items = append(items, item{d: d})
	}
	for i := range items {
		for _, w := range splitWords(items[i].d.key) {
			items[i].words = append(items[i].words, asciiWord(w))
		}
	}
	return cut(stem, items, 0)
}

// item is a declaration with the words of its Go name, for cut.
type item struct {
	d     *decl
	words []string
}

// cut puts items (which share their first depth words) in one file named
// stem when they are few enough. Otherwise each run sharing the next word
// and holding at least minPartDecls gets its own file, stem_<word>, cut
// the same way; the rest stay in stem. Adding or removing a declaration
// changes only the part it falls in, unless the part crosses a limit.
func cut(stem string, items []item, depth int) []plannedFile {
	if len(items) <= maxFileDecls {
		return []plannedFile{declFile(stem, items)}
	}
	word := func(it item) string {
		if depth < len(it.words) {
			return it.words[depth]
		}
		return ""
	}
	parts := map[string][]item{}
	for _, it := range items {
		parts[word(it)] = append(parts[word(it)], it)
	}
	var files []plannedFile
	for _, w := range slices.Sorted(maps.Keys(parts)) {
		if w != "" && len(parts[w]) >= minPartDecls {
			files = append(files, cut(capStem(stem+"_"+w), parts[w], depth+1)...)
		}
	}
	// The rest keep their order: calls before types, each by name.
	rest := slices.DeleteFunc(slices.Clone(items), func(it item) bool {
		return word(it) != "" && len(parts[word(it)]) >= minPartDecls
	})
	if len(rest) > maxFileDecls {
		// Names with few words in common (Resource1Info, Resource2Info):
		// cut what is left by letters.
		return append(files, cutLetters(stem, rest, depth, 0)...)
	}
	if len(rest) > 0 {
		files = append(files, declFile(stem, rest))
	}
	return files
}

// cutLetters cuts items by the letter at n of their names from the word at
// depth on (stem_r.go, stem_re.go), for groups whose names share too few
// words for cut. Names that end before n stay in stem.
func cutLetters(stem string, items []item, depth, n int) []plannedFile {
	if len(items) <= maxFileDecls {
		return []plannedFile{declFile(stem, items)}
	}
	parts := map[byte][]item{}
	var rest []item
	for _, it := range items {
		if text := strings.Join(it.words[min(depth, len(it.words)):], ""); n < len(text) {
			parts[text[n]] = append(parts[text[n]], it)
		} else {
			rest = append(rest, it)
		}
	}
	var files []plannedFile
	for _, c := range slices.Sorted(maps.Keys(parts)) {
		name := stem + string(c)
		if n == 0 {
			name = stem + "_" + string(c)
		}
		files = append(files, cutLetters(capStem(name), parts[c], depth, n+1)...)
	}
	if len(rest) > 0 {
		files = append(files, declFile(stem, rest))
	}
	return files
}

func declFile(stem string, items []item) plannedFile {
	f := plannedFile{name: fileName(stem)}
	for _, it := range items {
		f.decls = append(f.decls, it.d)
	}
	return f
}

// sortedDecls orders declarations by Go name, case-insensitively first so
// GetPet and GetPetParams sit together.
func sortedDecls(decls []*decl) []*decl {
	decls = slices.Clone(decls)
	slices.SortFunc(decls, func(a, b *decl) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.key), strings.ToLower(b.key)), cmp.Compare(a.key, b.key))
	})
	return decls
}

// mergeNamesakes joins files that were given the same name (two tags that
// read alike, "Security-Group" and "security_group", or a group named
// like a part of another) in their planned order, and sorts the files by
// name. Merging, rather than numbering, keeps a name from depending on
// which other groups exist.
func mergeNamesakes(files []plannedFile) []plannedFile {
	var out []plannedFile
	index := map[string]int{}
	for _, f := range files {
		if i, ok := index[f.name]; ok {
			out[i].code = append(out[i].code, f.code...)
			out[i].decls = append(out[i].decls, f.decls...)
			continue
		}
		index[f.name] = len(out)
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b plannedFile) int { return cmp.Compare(a.name, b.name) })
	return out
}

// render builds and writes each file with jennifer (which gofmts it), on as
// many goroutines as there are CPUs; results keep the files' order, and the
// builds' warnings are added to g's in emission order.
//
// Each worker builds on its own shallow copy of g: after plan, builds only
// read g's decisions (plan resolved every alias target aliasTarget
// caches), and warnings go to the copy.
func (g *gen) render(files []plannedFile) ([]File, error) {
	out := make([]File, len(files))
	errs := make([]error, len(files))
	type warned struct {
		seq   int
		diags []ir.Diagnostic
	}
	warnings := make([][]warned, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := *g
			for i := range work {
				pf := files[i]
				for _, d := range pf.decls {
					code, ds, err := w.materialise(d)
					if err != nil {
						errs[i] = err
						break
					}
					pf.code = append(pf.code, code...)
					if len(ds) > 0 {
						warnings[i] = append(warnings[i], warned{d.seq, ds})
					}
				}
				out[i].Name = pf.name
				if errs[i] == nil {
					out[i].Content, errs[i] = g.renderFile(pf)
				}
				// Only the files being rendered hold their code.
				files[i] = plannedFile{name: pf.name}
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
	all := slices.Concat(warnings...)
	slices.SortFunc(all, func(a, b warned) int { return cmp.Compare(a.seq, b.seq) })
	for _, w := range all {
		g.diags = append(g.diags, w.diags...)
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
