package zstack

import (
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// operation turns one API section into an operation and the types its
// response tables define. A section without URLs is reported and skipped:
// without a method and path there is nothing to call.
func operation(sec section, diags *[]ir.Diagnostic) (*ir.Operation, []*ir.Type, map[string]string) {
	before := len(*diags)
	f := collect(sec, diags)
	if len(f.urls) == 0 {
		refused := slices.ContainsFunc((*diags)[before:], func(d ir.Diagnostic) bool { return d.Kind == "bad-path" })
		if f.structured && !refused {
			*diags = append(*diags, ir.Warnf(sec.pos, "no-urls", "API %s has no URLs block; skipped", sec.name))
		}
		return nil, nil, nil
	}
	op := &ir.Operation{
		Name:        sec.name,
		Description: sec.title,
		Pos:         sec.pos,
		// A Headers block with a session is the rule; a page whose
		// Headers block is empty still shows the session in its curl.
		Auth: f.auth || f.curlAuth,
	}
	seen := map[ir.Endpoint]bool{}
	for _, u := range f.urls {
		if !seen[u.Endpoint] {
			seen[u.Endpoint] = true
			op.URLs = append(op.URLs, u.Endpoint)
		}
	}
	rows := paramRows(f, diags)
	primary := choosePrimary(f.urls, rows)
	op.Method, op.Path = primary.Method, primary.Path
	body := decodeExample(f.body.String())
	op.BodyKey = bodyKey(op, rows, body, f.bodyPos, diags)
	op.Params = params(op, rows, primary, body, diags)
	// Every call but a GET answers 202 and is polled, except logging in
	// and out (01-api-usage-spec.md, "异步API").
	op.Async = op.Method != "GET" && !isLoginAPI(op.Name)
	if isQuery(op) {
		addQueryParams(op)
	}
	types, synth := response(op, f, diags)
	// The API is as old as the oldest thing its tables document.
	for _, r := range rows {
		op.Since = ir.EarlierVersion(op.Since, r.since)
	}
	for _, t := range types {
		if t.Name == op.Name+"Reply" {
			op.Since = ir.EarlierVersion(op.Since, t.Since)
		}
	}
	return op, types, synth
}

// isLoginAPI names the session calls the manual exempts from being
// asynchronous ("除了登录相关的API外").
func isLoginAPI(name string) bool {
	return strings.HasPrefix(name, "LogIn") || strings.HasPrefix(name, "Login") || strings.HasPrefix(name, "LogOut") || strings.HasPrefix(name, "Logout")
}

// choosePrimary picks the URL generated code calls: the first whose path
// parameters are all documented as required, since a call cannot fill an
// optional one into its path; else the first.
func choosePrimary(urls []endpoint, rows []paramRow) endpoint {
	required := map[string]bool{}
	for _, r := range rows {
		if !r.optional {
			required[r.name] = true
		}
	}
	for _, u := range urls {
		ok := true
		for _, p := range pathParams(u.Path) {
			if !required[p] {
				ok = false
				break
			}
		}
		if ok {
			return u
		}
	}
	return urls[0]
}

// bodyKey finds the key body parameters are wrapped in. ZStack reads
// "params" for a POST and the API name in lowerCamel case for a PUT (an
// action); the manual says so in the 位置 column and the Body example, which
// now and then disagree with each other after a copy and paste. The
// convention decides when either source follows it; else the wrapper most
// rows name; else the Body example's one key; else the convention.
// GET and DELETE send no body.
func bodyKey(op *ir.Operation, rows []paramRow, body map[string]any, bodyPos ir.Pos, diags *[]ir.Diagnostic) string {
	if op.Method == "GET" || op.Method == "DELETE" {
		return ""
	}
	fromRows := majorityWrapper(rows)
	fromExample := ""
	if keys := topKeys(body); len(keys) == 1 {
		fromExample = keys[0]
	}
	convention := "params"
	if op.Method != "POST" {
		convention = lowerFirst(op.Name)
	}
	key := convention
	switch {
	case fromRows == convention || fromExample == convention:
	case fromRows != "":
		key = fromRows
	case fromExample != "":
		key = fromExample
	}
	if fromRows != "" && fromExample != "" && fromRows != fromExample {
		*diags = append(*diags, ir.Warnf(bodyPos, "body-key-mismatch", "%s: the Body example wraps parameters in %q, the parameter table in %q; using %q", op.Name, fromExample, fromRows, key))
	}
	return key
}

// majorityWrapper is the wrapper most parameter rows name, the first of
// equals; "" when none does.
func majorityWrapper(rows []paramRow) string {
	counts := map[string]int{}
	var order []string
	for _, r := range rows {
		if r.wrapper == "" {
			continue
		}
		if counts[r.wrapper] == 0 {
			order = append(order, r.wrapper)
		}
		counts[r.wrapper]++
	}
	best := ""
	for _, w := range order {
		if counts[w] > counts[best] {
			best = w
		}
	}
	return best
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	// "VCenterX" → "vCenterX", as ZStack's action names are spelled.
	return strings.ToLower(s[:1]) + s[1:]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// isQuery reports a ZStack query API: QueryX by GET. Their pages list no
// parameters; the standard ones come from the usage chapter.
func isQuery(op *ir.Operation) bool {
	return strings.HasPrefix(op.Name, "Query") && op.Method == "GET"
}

// queryParam is one of the parameters every query API takes.
type queryParam struct {
	name, since, desc, def string
	typ                    ir.TypeRef
}

// queryParams lists them, from 01-api-usage-spec.md "所有资源的查询API都支持
// 下列参数". A function, so each operation gets types of its own.
func queryParams() []queryParam {
	str, integer, boolean := ir.Prim(ir.KindString, ""), ir.Prim(ir.KindInteger, "int64"), ir.Prim(ir.KindBoolean, "")
	return []queryParam{
		{"q", "0.6", "查询条件，例如 name=vm1、vmNics.ip=192.168.0.100；多个条件之间是与关系。省略该字段将返回所有记录，返回记录数的上限受限于limit字段", "", ir.ListOf(str)},
		{"limit", "0.6", "最多返回的记录数，类似MySQL的limit，默认值1000", "1000", integer},
		{"start", "0.6", "起始查询记录位置，类似MySQL的offset。跟limit配合使用可以实现分页", "", integer},
		{"count", "0.6", "计数查询，相当于MySQL中的count()函数。当设置成true时，API只返回的是满足查询条件的记录数", "", boolean},
		{"groupBy", "1.9", "以字段分组，相当于MySQL中的group by关键字。例如groupBy=type", "", str},
		{"replyWithCount", "0.6", "设置成true后，查询返回中会包含满足查询条件的记录总数(total字段)", "", boolean},
		{"sort", "0.6", "以字段排序，必须跟+或者-配合使用，+表示升序，-表示降序，后面跟排序字段名，例如 sort=+key", "", str},
		{"fields", "0.6", "指定返回的字段，等同于MySQL中的select字段功能。例如fields=name,uuid", "", ir.ListOf(str)},
	}
}

// addQueryParams gives a query API its standard parameters and paging. The
// manual documents a default limit (1000) but no maximum.
func addQueryParams(op *ir.Operation) {
	for _, q := range queryParams() {
		if op.Param(q.name) != nil {
			continue
		}
		op.Params = append(op.Params, &ir.Param{
			Name: q.name, In: ir.InQuery, Type: q.typ, Default: q.def,
			Since: q.since, Description: q.desc, Pos: op.Pos,
		})
	}
	op.Paging = &ir.Paging{
		Style: ir.PagingOffset, OffsetParam: "start", LimitParam: "limit",
		CountParam: "replyWithCount", ItemsField: "inventories", TotalField: "total",
	}
}

// sortedKeys returns a map's keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
