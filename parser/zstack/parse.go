package zstack

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// Parse reads one ZStack page or manual chapter — Markdown, HTML or text,
// chosen by extension and content — into an API.
func Parse(file string, src []byte) (*ir.API, []ir.Diagnostic, error) {
	r, err := parseFile(file, src)
	if err != nil {
		return nil, r.diags, err
	}
	api, diags := assemble([]fileResult{r})
	return api, diags, nil
}

// ParseFiles reads many pages, given by path with the bytes already read,
// as one API. Files are parsed in parallel and assembled in path order, so
// the result does not depend on the order given.
func ParseFiles(srcs map[string][]byte) (*ir.API, []ir.Diagnostic, error) {
	files := slices.Sorted(maps.Keys(srcs))
	results := make([]fileResult, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, file := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i], errs[i] = parseFile(file, srcs[file])
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, results[i].diags, err
		}
	}
	api, diags := assemble(results)
	return api, diags, nil
}

// fileResult is one document read, before its types meet other pages':
// a type appears once per table that defines it.
type fileResult struct {
	api   *ir.API
	diags []ir.Diagnostic
	// synth maps the type names apigen made up to the field they type.
	synth map[string]string
}

// assemble turns per-file results into one API: outlier tables are set
// aside, types are folded by ir.Merge (one type per name, union of fields,
// earliest since-versions), made-up names give way to the manual's own,
// references to types no page defines are resolved, and everything is
// sorted.
func assemble(results []fileResult) (*ir.API, []ir.Diagnostic) {
	var diags []ir.Diagnostic
	apis := make([]*ir.API, len(results))
	synth := map[string]string{}
	for i, r := range results {
		diags = append(diags, r.diags...)
		apis[i] = r.api
		for k, v := range r.synth {
			synth[k] = v
		}
	}
	diags = append(diags, dropOutliers(apis)...)
	api, ds := ir.Merge(apis...)
	if api.Family == "" {
		api = newAPI()
	}
	diags = append(diags, ds...)
	diags = append(diags, canonical(api, synth)...)
	diags = append(diags, finish(api)...)
	ir.SortDiagnostics(diags)
	return api, diags
}

// parseFile reads one document into an unmerged API.
func parseFile(file string, src []byte) (fileResult, error) {
	doc, err := doctable.Parse(file, src)
	if err != nil {
		return fileResult{}, err
	}
	if copiedText(doc) {
		if doc, err = reparseCopied(file, src, doc); err != nil {
			return fileResult{}, err
		}
	}
	r := fileResult{api: newAPI(), synth: map[string]string{}}
	for _, w := range doc.Warnings {
		r.diags = append(r.diags, ir.Warnf(ir.Pos(w.Pos), "markup", "%s", w.Msg))
	}
	codeOffset := 1
	if doc.Format == doctable.HTML {
		codeOffset = 0
	}
	secs, outside := split(doc, codeOffset)
	for _, sec := range secs {
		if sec.name == "" {
			name, from, ok := apiName(sec)
			if !ok {
				r.diags = append(r.diags, ir.Warnf(sec.pos, "no-api-name", "API section has no title line (\"标题(ApiName)\") and names its API nowhere else (zstack-cli hint, SDK example, response class, file name); skipped"))
				continue
			}
			r.diags = append(r.diags, ir.Warnf(sec.pos, "api-name", "API section has no title line; named %s from %s", name, from))
			sec.name = name
		}
		op, types, synth := operation(sec, &r.diags)
		if op == nil {
			continue
		}
		r.api.Operations = append(r.api.Operations, op)
		r.api.Types = append(r.api.Types, types...)
		for k, v := range synth {
			r.synth[k] = v
		}
	}
	if len(secs) == 0 {
		noSection(outside, &r.diags)
	} else {
		outsideTables(outside, &r.diags)
	}
	return r, nil
}

// usageTable is the usage chapter's table of query parameters, which
// addQueryParams builds in.
func usageTable(t *doctable.Table) bool {
	return tableLayout(t).kind == paramTable && strings.Contains(t.Heading, "查询API")
}

// noSection reports, once, the tables of a document in which no API
// section starts: one warning per table would repeat the same cause.
func noSection(blocks []doctable.Block, diags *[]ir.Diagnostic) {
	var tables []*doctable.Table
	for _, b := range blocks {
		if b.Kind == doctable.TableBlock && tableLayout(b.Table).kind != unknownTable && !usageTable(b.Table) {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) == 0 {
		return
	}
	t := tables[0]
	what, verb, obj := "table "+headerText(t), "is", "it"
	if n := len(tables); n > 1 {
		what, verb, obj = fmt.Sprintf("%d tables, the first %s,", n, headerText(t)), "are", "them"
	}
	*diags = append(*diags, ir.Warnf(ir.Pos(t.Pos), "table-outside-api", "%s %s in no API section: no \"标题(ApiName)\" title, \"API请求\" or \"URLs\" label comes before %s; skipped", what, verb, obj))
}

func newAPI() *ir.API {
	return &ir.API{
		Name:   "zstack",
		Family: ir.FamilyZStack,
		// Management nodes send numbers and booleans as strings in places
		// the manual types them (counts, sizes, flags); decoding takes both.
		Tolerant: true,
		Security: []ir.Security{
			{Name: "session", Kind: ir.SecuritySession, In: "header", Param: "Authorization"},
		},
	}
}

// outsideTables accounts for tables outside every API section. The usage
// chapter's table of query parameters is what addQueryParams builds in;
// any other is reported, since it reaches no API.
func outsideTables(blocks []doctable.Block, diags *[]ir.Diagnostic) {
	for _, b := range blocks {
		if b.Kind != doctable.TableBlock {
			continue
		}
		t := b.Table
		if usageTable(t) {
			continue
		}
		*diags = append(*diags, ir.Warnf(ir.Pos(t.Pos), "table-outside-api", "table %s is in no API section; skipped", headerText(t)))
	}
}

// finish resolves references to types no page defined and sorts the API.
// A name like PciDeviceState with no table anywhere is a Java enum, which
// the server sends as a string; any other unknown name becomes any JSON
// value. Either way it is reported once, where it is first used.
func finish(api *ir.API) []ir.Diagnostic {
	api.Sort()
	defined := map[string]bool{}
	for _, t := range api.Types {
		defined[t.Name] = true
	}
	type use struct {
		pos ir.Pos
		n   int
	}
	missing := map[string]*use{}
	var fix func(r *ir.TypeRef, pos ir.Pos)
	fix = func(r *ir.TypeRef, pos ir.Pos) {
		switch r.Kind {
		case ir.KindList, ir.KindMap:
			if r.Elem != nil {
				fix(r.Elem, pos)
			}
		case ir.KindRef:
			if defined[r.Ref] {
				return
			}
			u := missing[r.Ref]
			if u == nil {
				u = &use{pos: pos}
				missing[r.Ref] = u
			}
			u.n++
			*r = unresolved(r.Ref)
		}
	}
	for _, op := range api.Operations {
		for _, p := range op.Params {
			fix(&p.Type, p.Pos)
		}
		if op.Response != nil && op.Response.Type != nil {
			fix(op.Response.Type, op.Pos)
		}
	}
	for _, t := range api.Types {
		for _, f := range t.Fields {
			fix(&f.Type, f.Pos)
		}
	}
	var diags []ir.Diagnostic
	for _, name := range sortedKeys(missing) {
		u := missing[name]
		as := unresolved(name)
		diags = append(diags, ir.Warnf(u.pos, "unresolved-type", "type %q is defined on no page; its %d uses are typed %s", name, u.n, as))
	}
	return diags
}

// enumSuffixes end the names of Java enums in ZStack's model.
var enumSuffixes = []string{"State", "Status", "Type", "Mode", "Level", "Operator", "Category", "Event", "Strategy", "Effect", "Chooser", "Protocol"}

func unresolved(name string) ir.TypeRef {
	for _, s := range enumSuffixes {
		if strings.HasSuffix(name, s) {
			return ir.Prim(ir.KindString, "")
		}
	}
	return ir.Prim(ir.KindAny, "")
}

// sep is what stands between two header cells: a pipe, HTML cell tags
// or the tab of a copied table.
const sep = `(?:\s*\|\s*|\s*</th>\s*<th[^>]*>\s*|\t\s*)`

var (
	sniffHeadingRe = regexp.MustCompile(`(?m)^\s*(?:#{1,6}\s*|<h[1-6][^>]*>\s*)?[^\n<]*[(（][A-Z][A-Za-z0-9_]+[)）]\s*(?:</h[1-6]>)?\s*$`)
	// sniffTableRe finds a parameter or response table header, its cells
	// apart by pipes, by HTML cells or by the tabs of a copied table.
	sniffTableRe = regexp.MustCompile(strings.NewReplacer("SEP", sep).Replace(
		`名字SEP类型SEP(?:位置|描述)|(?i)NameSEPTypeSEP(?:LocationSEP)?DescriptionSEP(?:Optional Value|Allowed Values?|Starting Version|Since)`))
)

// IsZStack is a cheap sniff for a ZStack reference page: an "标题(ApiName)"
// heading next to a zstack/v1 URL, or a ZStack parameter or response table
// header.
func IsZStack(file string, src []byte) bool {
	head := src
	if len(head) > 256<<10 {
		head = head[:256<<10]
	}
	if bytes.Contains(head, []byte("zstack/v1/")) || bytes.Contains(head, []byte("zstack/v1 ")) {
		if sniffHeadingRe.Match(head) {
			return true
		}
	}
	return sniffTableRe.Match(head)
}

// Missing says which landmarks of an API section src has and which it
// lacks, for the error apigen gives when ZStack pages yield no API. Glued
// text is split first, as Parse splits it.
func Missing(src []byte) string {
	text, _ := unglue(src, nil)
	var found, miss []string
	check := func(ok bool, what string) {
		if ok {
			found = append(found, what)
		} else {
			miss = append(miss, what)
		}
	}
	title := sniffHeadingRe.Match(text)
	named := title
	for _, n := range nameSources {
		named = named || n.re.Match(text)
	}
	check(title, `a heading naming an API ("#### 创建云主机(CreateVmInstance)" or such a line)`)
	check(named, "another source of the API name (zstack-cli hint, SDK example, response class)")
	check(requestLabelRe.Match(text), `a request label ("API请求", "URLs")`)
	check(urlTokenRe.Match(text), `a URLs line ("GET zstack/v1/…")`)
	check(paramHeaderRe.Match(text), "a parameter table (名字 | 类型 | 位置 | 描述 | 可选值 | 起始版本)")
	check(responseHeaderRe.Match(text), "a response table (名字 | 类型 | 描述 | 起始版本)")
	if title {
		// A title names the API; no other source is needed.
		miss = slices.DeleteFunc(miss, func(s string) bool { return strings.HasPrefix(s, "another source") })
	}
	if len(miss) == 0 {
		return "it has every landmark of an API section, but its sections gave no operation (see the warnings)"
	}
	out := "missing " + strings.Join(miss, ", ")
	if len(found) > 0 {
		out += "; found " + strings.Join(found, ", ")
	}
	return out
}

var (
	requestLabelRe   = regexp.MustCompile(`(?mi)^\s*(?:#+\s*)?(?:API\s*请求|URLs|API Request|Request)\s*:?\s*$`)
	paramHeaderRe    = regexp.MustCompile(strings.NewReplacer("SEP", sep).Replace(`名字SEP类型SEP位置|(?i)NameSEPTypeSEPLocation`))
	responseHeaderRe = regexp.MustCompile(strings.NewReplacer("SEP", sep).Replace(`名字SEP类型SEP描述|(?i)NameSEPTypeSEPDescription`))
)
