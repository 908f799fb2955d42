package qingcloud

import (
	"regexp"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/doctable"
)

// defaultPath is QingCloud's action endpoint, where every action is a GET
// with action=<Name> in the query; the transport adds it and the signature.
const defaultPath = "/iaas/"

// maxLimit is the largest page QingCloud returns, whatever limit asks
// (overview: 系统返回的最大数据长度是 100).
const maxLimit = 100

var (
	exampleAction = regexp.MustCompile(`[?&]action=([A-Za-z0-9]+)`)
	exampleURL    = regexp.MustCompile(`(https?)://([A-Za-z0-9.-]+)(/[^?\s]*)?\?`)
)

// parsePage reads one action page. A page with neither a request nor a
// response table is not an action page (overview, common parameters,
// signature, error codes): it yields an empty API and no diagnostics.
func parsePage(file string, src []byte) (*ir.API, []ir.Diagnostic, error) {
	doc, err := doctable.Parse(file, src)
	if err != nil {
		return nil, nil, err
	}
	api := &ir.API{Family: ir.FamilyQingCloud}
	r := &pageReader{doc: doc, src: src, types: &typeSet{}}
	r.scan()
	if r.request == nil && r.response == nil {
		return api, nil, nil
	}
	for _, w := range doc.Warnings {
		r.diags = append(r.diags, ir.Warnf(ir.Pos(w.Pos), "markup", "%s", w.Msg))
	}
	action, pos := r.actionName()
	if action == "" {
		r.diags = append(r.diags, ir.Warnf(r.firstTablePos(), "no-action", "page has API tables but no action name (front matter title, heading or example request); skipped"))
		return api, r.diags, nil
	}
	op := r.operation(action, pos)
	if err := ir.CheckPath(op.Path); err != nil {
		r.diags = append(r.diags, ir.PathError(r.exPos, "example request path", op.Path, err))
		return api, r.diags, nil
	}
	renameRequestTypes(op, r.reqTypes, r.types.types)
	api.Operations = []*ir.Operation{op}
	api.Types = append(r.reqTypes, r.types.types...)
	r.diags = append(r.diags, r.types.diags...)
	if r.host != "" {
		api.Servers = []string{r.scheme + "://" + r.host}
		api.Name = apiName(r.host)
	}
	api.Security = []ir.Security{{Name: "signature", Kind: ir.SecuritySignature}}
	api.Sort()
	return api, r.diags, nil
}

// apiName names the API after the host its examples call.
func apiName(host string) string {
	switch {
	case strings.Contains(host, "qingcloud"):
		return "QingCloud"
	case strings.Contains(host, "shanhe"):
		return "Shanhe"
	}
	return ""
}

type tableRef struct {
	t    *doctable.Table
	cols columns
}

// pageReader holds what one walk over a page found.
type pageReader struct {
	doc   *doctable.Document
	src   []byte
	types *typeSet
	diags []ir.Diagnostic

	request  *tableRef
	response *tableRef
	items    []tableRef
	texts    []doctable.Block // paragraphs before the first table
	codes    []doctable.Block // code blocks, in order

	reqTypes                   []*ir.Type
	scheme, host, path, exName string
	exPos                      ir.Pos // the example request's code block
}

func (r *pageReader) scan() {
	seenTable := false
	for i := range r.doc.Blocks {
		b := &r.doc.Blocks[i]
		switch b.Kind {
		case doctable.TextBlock:
			if !seenTable {
				r.texts = append(r.texts, *b)
			}
		case doctable.CodeBlock:
			r.codes = append(r.codes, *b)
		case doctable.TableBlock:
			seenTable = true
			role, cols := classify(b.Table, r.response != nil)
			switch role {
			case roleRequest:
				if r.request == nil {
					r.request = &tableRef{b.Table, cols}
				} else {
					r.diags = append(r.diags, ir.Warnf(ir.Pos(b.Table.Pos), "extra-table", "second request parameter table (first at %s) ignored", ir.Pos(r.request.t.Pos)))
				}
			case roleResponse:
				if r.response == nil {
					r.response = &tableRef{b.Table, cols}
				} else {
					r.items = append(r.items, tableRef{b.Table, cols})
				}
			case roleItem:
				r.items = append(r.items, tableRef{b.Table, cols})
			}
		}
	}
	for _, c := range r.codes {
		m := exampleAction.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		r.exName, r.exPos = m[1], ir.Pos(c.Pos)
		if u := exampleURL.FindStringSubmatch(c.Text); u != nil {
			r.scheme, r.host, r.path = u[1], u[2], u[3]
		}
		break
	}
}

// actionName is the front matter title, else a heading, else the action
// the example request calls.
func (r *pageReader) actionName() (string, ir.Pos) {
	for _, f := range r.doc.FrontMatter {
		if f.Key == "title" && isAction(strings.TrimSpace(f.Value)) {
			name := strings.TrimSpace(f.Value)
			if r.exName != "" && r.exName != name {
				r.diags = append(r.diags, ir.Warnf(ir.Pos(f.Pos), "action-mismatch", "title says %q but the example request calls %q; using the title", name, r.exName))
			}
			return name, ir.Pos(f.Pos)
		}
	}
	for _, b := range r.doc.Blocks {
		if b.Kind == doctable.HeadingBlock && b.Level <= 2 && isAction(strings.TrimSpace(b.Text)) {
			return strings.TrimSpace(b.Text), ir.Pos(b.Pos)
		}
	}
	if r.exName != "" {
		return r.exName, r.firstTablePos()
	}
	return "", ir.Pos{}
}

func (r *pageReader) firstTablePos() ir.Pos {
	if r.request != nil {
		return ir.Pos(r.request.t.Pos)
	}
	return ir.Pos(r.response.t.Pos)
}

func (r *pageReader) operation(action string, pos ir.Pos) *ir.Operation {
	op := &ir.Operation{
		Name:    action,
		Action:  action,
		Service: serviceFromAction(action),
		Method:  "GET",
		Path:    defaultPath,
		Auth:    true,
		Pos:     pos,
	}
	if strings.HasSuffix(r.path, "/") && r.path != "/" {
		op.Path = r.path
	}
	op.Summary, op.Description = r.description()
	if r.request != nil {
		rows, ds := readParamRows(r.request.t, r.request.cols)
		r.diags = append(r.diags, ds...)
		params, types, ds := buildParams(action, rows)
		r.diags = append(r.diags, ds...)
		op.Params = params
		r.reqTypes = types
	}
	addZone(op, r.firstTablePos())
	resp := r.responseType(action)
	op.Response = &ir.Response{Status: 200, ContentType: "application/json", Type: &ir.TypeRef{Kind: ir.KindRef, Ref: resp.Name}}
	op.Async = resp.Field("job_id") != nil
	op.Paging = paging(op, resp)
	return op
}

// addZone applies QingCloud's common-parameter rule: zone is required by
// every action (qingcloud-api-specs declares it, required, on every
// operation; parameters.md lists it among the parameters all requests
// carry). A page that lists zone keeps its own row, Required as written.
func addZone(op *ir.Operation, pos ir.Pos) {
	if op.Param("zone") != nil {
		return
	}
	op.Params = append(op.Params, &ir.Param{
		Name:        "zone",
		In:          ir.InQuery,
		Required:    true,
		Type:        ir.Prim(ir.KindString, ""),
		Description: "Zone ID (common parameter)",
		Pos:         pos,
	})
}

// description is the prose before the first table, less the table's own
// caption; the summary is its first line.
func (r *pageReader) description() (summary, desc string) {
	var paras []string
	for _, b := range r.texts {
		t := strings.TrimSpace(b.Text)
		if t == "" || (len([]rune(t)) <= 30 && roleByText(t) != roleNone) { // a table's caption
			continue
		}
		paras = append(paras, t)
	}
	if len(paras) == 0 {
		return "", ""
	}
	summary, _, _ = strings.Cut(paras[0], "\n")
	return summary, strings.Join(paras, "\n\n")
}

// responseType builds "<Action>Response" from the response table, puts the
// item tables' fields into the element type of the list they describe,
// and lets the example response type what the tables leave vague.
func (r *pageReader) responseType(action string) *ir.Type {
	name := action + "Response"
	resp := &ir.Type{Name: name, Kind: ir.KindStruct, Pos: r.firstTablePos()}
	if r.response != nil {
		resp.Pos = ir.Pos(r.response.t.Pos)
		fields, ds := readFieldRows(r.response.t, r.response.cols)
		r.diags = append(r.diags, ds...)
		resp.Fields = r.dedupe(fields)
	}
	resp = r.types.add(resp)
	used := map[string]bool{}
	for _, it := range r.items {
		target := itemTarget(resp, used)
		if target == nil {
			r.diags = append(r.diags, ir.Warnf(ir.Pos(it.t.Pos), "unplaced-table", "no list in the response elements for this item table; ignored"))
			continue
		}
		used[target.Name] = true
		fields, ds := readFieldRows(it.t, it.cols)
		r.diags = append(r.diags, ds...)
		elem := r.types.add(&ir.Type{Name: elementName(target.Name), Kind: ir.KindStruct, Pos: ir.Pos(it.t.Pos), Fields: r.dedupe(fields)})
		if target.Type.Kind == ir.KindList {
			target.Type = ir.ListOf(ir.Ref(elem.Name))
		} else {
			target.Type = ir.Ref(elem.Name)
		}
	}
	if ex, base := r.example(); ex != nil {
		x := &exampleTyper{types: r.types, pos: base}
		x.fill(resp, ex)
	}
	return resp
}

// dedupe drops a second row for a field name, with a warning.
func (r *pageReader) dedupe(fields []*ir.Field) []*ir.Field {
	var out []*ir.Field
	seen := map[string]ir.Pos{}
	for _, f := range fields {
		if prev, ok := seen[f.Name]; ok {
			r.diags = append(r.diags, ir.Warnf(f.Pos, "duplicate-field", "field %q is also listed at %s; keeping that one", f.Name, prev))
			continue
		}
		seen[f.Name] = f.Pos
		out = append(out, f)
	}
	return out
}

// itemTarget picks the response list a "Response Item" table describes:
// the one whose description points at it, else the only *_set field, else
// the only list.
func itemTarget(resp *ir.Type, used map[string]bool) *ir.Field {
	var pointed, sets, lists []*ir.Field
	for _, f := range resp.Fields {
		if used[f.Name] || (f.Type.Kind != ir.KindList && f.Type.Kind != ir.KindMap) {
			continue
		}
		d := strings.ToLower(f.Description)
		if strings.Contains(d, "response item") || strings.Contains(d, "response-item") {
			pointed = append(pointed, f)
		}
		if strings.HasSuffix(f.Name, "_set") {
			sets = append(sets, f)
		}
		if f.Type.Kind == ir.KindList {
			lists = append(lists, f)
		}
	}
	for _, c := range [][]*ir.Field{pointed, sets, lists} {
		if len(c) >= 1 {
			return c[0]
		}
	}
	return nil
}

// example returns the page's example response (the first code block that
// is a JSON object) and a function placing offsets into it in the file.
func (r *pageReader) example() (*jnode, func(int) ir.Pos) {
	for _, c := range r.codes {
		text := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(text, "{") {
			continue
		}
		lead := strings.Index(c.Text, "{")
		body := []byte(c.Text)
		idx := newLineIndex(body)
		first := r.contentLine(c)
		pos := func(off int) ir.Pos {
			l, col := idx.lineCol(off)
			return ir.Pos{File: c.Pos.File, Line: first + l - 1, Col: col}
		}
		n, err := parseJSON(body)
		if err != nil {
			r.diags = append(r.diags, ir.Warnf(pos(max(jsonErrorOffset(err), lead)), "unreadable-example", "example response is not JSON (%v); response types come from the tables only", err))
			return nil, nil
		}
		if n.kind != 'o' {
			continue
		}
		return n, pos
	}
	return nil, nil
}

// contentLine is the file line of a code block's first content line: the
// line after its opening fence, unless the content starts on the fence's
// own line (HTML <pre>).
func (r *pageReader) contentLine(c doctable.Block) int {
	first, _, _ := strings.Cut(c.Text, "\n")
	first = strings.TrimSpace(first)
	lines := strings.Split(string(r.src), "\n")
	if c.Pos.Line >= 1 && c.Pos.Line <= len(lines) && first != "" && strings.Contains(lines[c.Pos.Line-1], first) {
		return c.Pos.Line
	}
	return c.Pos.Line + 1
}

// paging recognises QingCloud's list calls: offset and limit parameters, a
// total_count and a *_set list in the response.
func paging(op *ir.Operation, resp *ir.Type) *ir.Paging {
	if op.Param("offset") == nil || op.Param("limit") == nil || resp.Field("total_count") == nil {
		return nil
	}
	var items string
	for _, f := range resp.Fields {
		if f.Type.Kind != ir.KindList {
			continue
		}
		if strings.HasSuffix(f.Name, "_set") {
			items = f.Name
			break
		}
		if items == "" {
			items = f.Name
		}
	}
	if items == "" {
		return nil
	}
	return &ir.Paging{Style: ir.PagingOffset, OffsetParam: "offset", LimitParam: "limit", ItemsField: items, TotalField: "total_count", MaxLimit: maxLimit}
}
