package templates

import (
	"net/url"
	"strings"

	"github.com/apigen-dev/apigen/ir"
	"github.com/dave/jennifer/jen"
)

// result is how an operation returns its response.
type result struct {
	typ *goType
	// ptr returns *T (structs and unions).
	ptr bool
	// envelope is the key the payload sits under, "" for the whole body.
	envelope string
}

func (g *gen) planResult(o *ir.Operation) {
	if o.Response == nil || o.Response.Type == nil {
		return
	}
	t := g.resolve(*o.Response.Type, typeCtx{tolerant: g.tolerant})
	if o.Response.Type.Kind == ir.KindBinary {
		// A download may be larger than memory: the caller reads and
		// closes the stream.
		t = &goType{code: jen.Qual("io", "ReadCloser"), cat: catAny}
	}
	if t.problem != "" {
		g.warn(o.Pos, "untyped", "operation %q: response: %s; using json.RawMessage", o.Name, t.problem)
	}
	r := &result{typ: t, ptr: t.cat == catStruct}
	// Envelope names the key the payload sits under. When the response
	// type itself has that field (ZStack's parser describes the whole
	// reply), the body decodes into the type as is and the caller reads
	// the field; otherwise the type is the payload and is unwrapped.
	if env := o.Response.Envelope; env != "" && g.structField(t, env) == nil {
		if tagSafe(env) {
			r.envelope = env
		} else {
			g.warn(o.Pos, "unrepresentable-name", "operation %q: response envelope %s cannot be written as a json tag; decoding the whole body", o.Name, quote(env))
		}
	}
	g.opInfo[o].result = r
}

// code is the declared result type.
func (r *result) code() jen.Code {
	if r.ptr {
		return jen.Op("*").Add(r.typ.code)
	}
	return jen.Add(r.typ.code)
}

// zero is the value returned with an error.
func (r *result) zero() jen.Code {
	switch {
	case r.ptr, r.typ.cat.nilable():
		return jen.Nil()
	case r.typ.cat == catString:
		return jen.Lit("")
	case r.typ.cat == catInt, r.typ.cat == catFloat:
		return jen.Lit(0)
	case r.typ.cat == catBool:
		return jen.False()
	}
	return jen.Add(r.typ.code).Values()
}

// clientDecl emits Client and New.
func (g *gen) clientDecl() []jen.Code {
	var d doc
	what := "the API"
	if g.api.Name != "" {
		what = g.api.Name
	}
	d.addf("Client calls ", what, ". Each method hands the call's description (an apiruntime.Request) ",
		"and its parameters to apiruntime, which validates them, sends them where their struct tags say ",
		"and passes the request to the transport, which adds the family's auth, signing, ",
		"job polling and error decoding.")
	g.groupsDoc(&d)
	out := d.code()
	out = append(out,
		jen.Type().Id("Client").Struct(append([]jen.Code{jen.Id("t").Qual(runtimePath, "Transport")}, g.groupFields()...)...),
		jen.Line(),
	)
	var nd doc
	nd.add("New returns a Client that sends its calls through t.")
	base, absolute := g.defaultBase()
	switch {
	case absolute:
		out = append(out,
			jen.Comment("// DefaultBaseURL is the API's first documented server: the base URL a"),
			jen.Comment("// transport needs unless the API runs elsewhere for you."),
			jen.Const().Id("DefaultBaseURL").Op("=").Lit(base),
			jen.Line(),
		)
		nd.add("Build t over the API's base URL: DefaultBaseURL, or where your deployment serves it.")
	case base != "":
		nd.addf("Build t over the base URL of your server: its origin followed by ", base, ", the path every call's path is relative to (https://api.example.com", base, ").")
	default:
		nd.add("Build t over the base URL every call's path is relative to; the API documents none.")
	}
	out = append(out, nd.code()...)
	out = append(out,
		jen.Func().Id("New").Params(jen.Id("t").Qual(runtimePath, "Transport")).Op("*").Id("Client").Block(g.newClient()...),
	)
	return out
}

// opDecl emits one operation's client method, and its iterator when it
// pages.
func (g *gen) opDecl(o *ir.Operation) *decl {
	info := g.opInfo[o]
	d := &decl{key: info.method}
	var dc doc
	summary, desc := o.Summary, o.Description
	if strings.TrimSpace(summary) == "" {
		summary, desc = desc, ""
	}
	dc.lead(info.method, summary, info.method+" calls "+quote(o.Name)+".")
	if strings.TrimSpace(desc) != "" && strings.TrimSpace(desc) != strings.TrimSpace(summary) {
		dc.para()
		dc.add(desc)
	}
	dc.para()
	if o.Action != "" {
		dc.addf("Action: ", o.Action)
	} else if o.Method != "" || o.Path != "" {
		dc.addf(strings.ToUpper(o.Method), " ", o.Path)
	}
	if len(o.Servers) > 0 {
		dc.addf("Server: ", o.Servers[0], " (used when the transport allows it with apiruntime.WithServer, else the base URL)")
	}
	if o.Action != "" && fileStem(o.Service) != "" {
		// An action has no path to say where it belongs; its service does.
		// (OpenAPI's Service is the first tag, which the file name shows.)
		dc.addf("Service: ", o.Service)
	}
	if since := sinceNote(o.Since, "", o.Summary+"\n"+o.Description); since != "" {
		dc.addf("Since: ", since)
	}
	if info.result != nil && o.Response.Type.Kind == ir.KindBinary {
		dc.add("The answer's body is returned as a stream: the caller reads it and closes it.")
	}
	if o.Deprecated {
		dc.deprecated("operation")
	}

	dc.para()
	dc.add("opts may send what the docs do not list, unchecked: apiruntime.ExtraParam, ExtraHeader, ExtraBodyField.")
	d.add(dc.code()...)

	params, results := g.callSignature(o)
	res := info.result
	fail := func(err jen.Code) jen.Code { return jen.Return(err) }
	if res != nil {
		fail = func(err jen.Code) jen.Code { return jen.Return(res.zero(), err) }
	}
	var pv jen.Code = jen.Nil()
	if info.params != "" {
		pv = jen.Id("p")
	}
	var body []jen.Code
	if extra := g.requestCode(o, fail); len(extra) > 0 {
		if info.params != "" {
			// The extra code reads p's fields.
			body = append(body, jen.If(jen.Id("p").Op("==").Nil()).Block(jen.Id("p").Op("=").Op("&").Id(info.params).Values()))
		}
		body = append(body,
			jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual(runtimePath, "NewRequest").Call(jen.Id("c").Dot("t"), jen.Op("&").Id(descName(info)), pv),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
		)
		body = append(body, extra...)
		body = append(body, jen.Id("req").Dot("Apply").Call(jen.Id("opts").Op("...")))
		body = append(body, g.doCode(o, fail, func(out jen.Code) *jen.Statement {
			return jen.Id("c").Dot("t").Dot("Do").Call(jen.Id("ctx"), jen.Id("req"), out)
		})...)
	} else {
		info.callOnly = true
		body = g.doCode(o, fail, func(out jen.Code) *jen.Statement {
			return jen.Qual(runtimePath, "Call").Call(jen.Id("ctx"), jen.Id("c").Dot("t"), jen.Op("&").Id(descName(info)), pv, out, jen.Id("opts"))
		})
	}
	d.add(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(info.method).Params(params...).Params(results...).Block(body...), jen.Line())
	d.add(g.descDecl(o), jen.Line())
	d.lines += len(body) + 10 + 4
	if info.andWait != "" {
		g.andWaitDecl(d, o, params, results)
	}
	if info.paging != nil {
		g.pagingDecl(d, o)
	}
	return d
}

// andWaitDecl emits <Op>AndWait: the call, then a wait for the job or
// task it started, through the transport (apiruntime.AndWait).
func (g *gen) andWaitDecl(d *decl, o *ir.Operation, params, results []jen.Code) {
	info := g.opInfo[o]
	var dc doc
	dc.addf(info.andWait, " is ", info.method, ", then waits until the asynchronous work it started (a job or a task) has ended, and returns ", info.method, "'s answer.")
	dc.para()
	dc.add("The transport polls it every apiruntime.PollInterval and gives up after apiruntime.WaitTimeout (an error matching apiruntime.ErrWaitTimeout), each defaulting to the transport's own; ctx ends the wait too.")
	d.add(dc.code()...)
	args := []jen.Code{jen.Id("ctx")}
	if info.params != "" {
		args = append(args, jen.Id("p"))
	}
	args = append(args, jen.Append(jen.Index().Qual(runtimePath, "CallOption").Values(jen.Qual(runtimePath, "AndWait").Call()), jen.Id("opts").Op("...")).Op("..."))
	d.add(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(info.andWait).Params(params...).Params(results...).Block(
		jen.Return(jen.Id("c").Dot(info.method).Call(args...)),
	), jen.Line())
	d.lines += 6
}

// descName is the package-level description of o's call (see descDecl).
func descName(info *opInfo) string { return "op" + info.method }

// descDecl emits the package-level apiruntime.Request describing o's call:
// everything about it that does not depend on the parameters, so that the
// method itself is mostly a call to apiruntime.Call.
func (g *gen) descDecl(o *ir.Operation) jen.Code {
	kv := func(k string, v jen.Code) jen.Code { return jen.Id(k).Op(":").Add(v) }
	fields := []jen.Code{kv("Operation", jen.Lit(o.Name))}
	if o.Method != "" {
		fields = append(fields, kv("Method", jen.Lit(strings.ToUpper(o.Method))))
	}
	if o.Path != "" {
		fields = append(fields, kv("Path", jen.Lit(o.Path)))
	}
	if o.Action != "" {
		fields = append(fields, kv("Action", jen.Lit(o.Action)))
	}
	if o.Since != "" {
		fields = append(fields, kv("Since", jen.Lit(o.Since)))
	}
	fields = append(fields, kv("Auth", jen.Lit(o.Auth)))
	if g.jsonBody(o) {
		if lits := contentTypes(o, false); lits != nil {
			// A JSON media type other than the default is the caller's
			// to pick; the encoding stays JSON.
			fields = append(fields, kv("ContentType", jen.Lit(o.Body.ContentType)), kv("ContentTypes", lits))
		}
	}
	fields = append(fields, g.answerFields(o)...)
	info := g.opInfo[o]
	return jen.Comment("// "+descName(info)+" is "+info.method+"'s call but for its parameters (see apiruntime.NewRequest).").Line().
		Var().Id(descName(info)).Op("=").Qual(runtimePath, "Request").Values(multiline(fields)...)
}

// requestCode is what the method adds to the request apiruntime.NewRequest
// built from p's tags: the parameters no json tag can name, and the body.
// None means the method is a plain apiruntime.Call.
func (g *gen) requestCode(o *ir.Operation, fail func(jen.Code) jen.Code) []jen.Code {
	info := g.opInfo[o]
	if o.Action != "" {
		// The action transport encodes every field of p itself.
		return nil
	}
	var out []jen.Code
	field := func(pi *paramInfo) jen.Code { return jen.Id("p").Dot(pi.goName) }
	var pathArgs []jen.Code
	for _, pi := range info.fields {
		if pi.p.In == ir.InPath && pi.json == "-" {
			pathArgs = append(pathArgs, jen.Lit(pi.p.Name), field(pi))
		}
	}
	if len(pathArgs) > 0 {
		// NewRequest expanded the tagged ones, escaping their braces.
		out = append(out, jen.Id("req").Dot("Path").Op("=").Qual(runtimePath, "Path").Call(append([]jen.Code{jen.Id("req").Dot("Path")}, pathArgs...)...))
	}

	var bodyParams, formParams []*paramInfo
	for _, pi := range info.fields {
		untagged := pi.json == "-"
		switch pi.p.In {
		case ir.InQuery:
			if !untagged {
				break
			}
			if pi.p.Style == ir.StyleDeep {
				out = append(out, jen.If(jen.Err().Op(":=").Qual(runtimePath, "AddQueryDeep").Call(jen.Id("req").Dot("Query"), jen.Lit(pi.p.Name), field(pi)), jen.Err().Op("!=").Nil()).Block(fail(jen.Err())))
				break
			}
			if sep, ok := querySeparators[pi.p.Style]; ok {
				out = append(out, jen.Qual(runtimePath, "AddQueryJoined").Call(jen.Id("req").Dot("Query"), jen.Lit(pi.p.Name), jen.Lit(sep), field(pi)))
				break
			}
			out = append(out, jen.Qual(runtimePath, "AddQuery").Call(jen.Id("req").Dot("Query"), jen.Lit(pi.p.Name), field(pi)))
		case ir.InHeader:
			if untagged {
				out = append(out, jen.Qual(runtimePath, "SetHeader").Call(jen.Id("req").Dot("Header"), jen.Lit(pi.p.Name), field(pi)))
			}
		case ir.InCookie:
			if untagged {
				out = append(out, jen.Qual(runtimePath, "AddCookie").Call(jen.Id("req").Dot("Header"), jen.Lit(pi.p.Name), field(pi)))
			}
		case ir.InBody:
			bodyParams = append(bodyParams, pi)
		case ir.InForm:
			formParams = append(formParams, pi)
		}
	}
	hasBody := info.body != ""
	if hasBody && (len(bodyParams) > 0 || len(formParams) > 0) {
		g.warn(o.Pos, "conflicting-body", "operation %q has both a body schema and body parameters; sending the body schema", o.Name)
	}
	switch {
	case hasBody:
		out = append(out, g.bodyCode(o, fail)...)
	case len(formParams) > 0:
		out = append(out, jen.Id("form").Op(":=").Qual("net/url", "Values").Values())
		for _, pi := range formParams {
			out = append(out, jen.Qual(runtimePath, "AddQuery").Call(jen.Id("form"), jen.Lit(pi.p.Name), field(pi)))
		}
		out = append(out,
			jen.Id("req").Dot("RawBody").Op("=").Index().Byte().Call(jen.Id("form").Dot("Encode").Call()),
			jen.Id("req").Dot("ContentType").Op("=").Lit(formContentType),
		)
	case len(bodyParams) > 0 || (o.BodyKey != "" && sendsBody(o.Method)):
		// Body parameters sit under their Wrapper; a parser that only set
		// the operation's BodyKey means all of them go there.
		useKey := o.BodyKey != ""
		for _, pi := range bodyParams {
			if pi.p.Wrapper != "" {
				useKey = false
			}
		}
		out = append(out, jen.Id("body").Op(":=").Qual(runtimePath, "JSONBody").Values())
		if o.BodyKey != "" {
			out = append(out, jen.Id("body").Dot("Object").Call(jen.Lit(o.BodyKey)))
		}
		for _, pi := range bodyParams {
			wrapper := pi.p.Wrapper
			if useKey {
				wrapper = o.BodyKey
			}
			out = append(out, jen.Id("body").Dot("Set").Call(jen.Lit(wrapper), jen.Lit(pi.p.Name), field(pi)))
		}
		out = append(out, jen.Id("req").Dot("Body").Op("=").Id("body"))
	}
	return out
}

// querySeparators joins the values of a query list sent as one value.
var querySeparators = map[ir.Style]string{ir.StyleComma: ",", ir.StyleSpace: " ", ir.StylePipe: "|"}

const formContentType = "application/x-www-form-urlencoded"

// isForm reports whether a body content type is a URL-encoded form.
func isForm(ct string) bool { return mediaType(ct) == formContentType }

func isMultipart(ct string) bool { return mediaType(ct) == "multipart/form-data" }

// mediaType is ct without parameters, lower-cased.
func mediaType(ct string) string {
	ct, _, _ = strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(ct))
}

func sendsBody(method string) bool {
	switch strings.ToUpper(method) {
	case "POST", "PUT", "PATCH":
		return true
	}
	return false
}

// bodyCode sends Operation.Body: JSON, a form, a multipart body, or as it
// is (a binary stream, text).
func (g *gen) bodyCode(o *ir.Operation, fail func(jen.Code) jen.Code) []jen.Code {
	info := g.opInfo[o]
	b := jen.Id("p").Dot(info.body)
	ct := o.Body.ContentType
	optional := isPointer(info.bodyType, o.Body.Required, false, false) || info.bodyType.cat.nilable()
	ifSet := func(set ...jen.Code) []jen.Code {
		if !optional {
			return set
		}
		return []jen.Code{jen.If(jen.Add(b).Op("!=").Nil()).Block(set...)}
	}
	choices := func(raw bool) []jen.Code {
		if lits := contentTypes(o, raw); lits != nil {
			return []jen.Code{jen.Id("req").Dot("ContentTypes").Op("=").Add(lits)}
		}
		return nil
	}
	if info.bodyType.cat == catStream {
		if ct == "" {
			ct = "application/octet-stream"
		}
		return append([]jen.Code{
			jen.Id("req").Dot("Stream").Op("=").Add(b),
			jen.Id("req").Dot("ContentType").Op("=").Lit(ct),
		}, choices(true)...)
	}
	if info.bodyType.cat == catString && !isJSONType(ct) && !isMultipart(ct) {
		// Text goes as it is, not as a JSON string; so does a form given
		// as a string, taken as already encoded.
		set := []jen.Code{
			jen.Id("req").Dot("RawBody").Op("=").Index().Byte().Call(jen.Add(b)),
			jen.Id("req").Dot("ContentType").Op("=").Lit(ct),
		}
		set = append(set, choices(true)...)
		if isPointer(info.bodyType, o.Body.Required, false, false) {
			set[0] = jen.Id("req").Dot("RawBody").Op("=").Index().Byte().Call(jen.Op("*").Add(b))
			return []jen.Code{jen.If(jen.Add(b).Op("!=").Nil()).Block(set...)}
		}
		return set
	}
	// Forms and multipart bodies are encoded from the json tags, as a JSON
	// body would be.
	arg := jen.Add(b)
	if !optional {
		arg = jen.Op("&").Add(b)
	}
	switch {
	case isForm(ct):
		set := []jen.Code{
			jen.List(jen.Id("form"), jen.Err()).Op(":=").Qual(runtimePath, "EncodeForm").Call(arg),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
			jen.Id("req").Dot("RawBody").Op("=").Index().Byte().Call(jen.Id("form").Dot("Encode").Call()),
			jen.Id("req").Dot("ContentType").Op("=").Lit(formContentType),
		}
		if sendsBody(o.Method) {
			// An empty form still goes with its Content-Type: servers
			// that check it (stripe-mock) refuse a POST without one.
			return set
		}
		return ifSet(set...)
	case isMultipart(ct):
		return ifSet(
			jen.List(jen.Id("parts"), jen.Id("ct"), jen.Err()).Op(":=").Qual(runtimePath, "EncodeMultipart").Call(arg),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
			jen.List(jen.Id("req").Dot("Stream"), jen.Id("req").Dot("ContentType")).Op("=").List(jen.Id("parts"), jen.Id("ct")),
		)
	case ct != "" && !isJSONType(ct):
		g.warn(o.Pos, "unsupported-body", "operation %q: body content type %q is sent as JSON", o.Name, ct)
	}
	// A JSON body is the field tagged body:"json", which NewRequest sends
	// (see jsonBody), under the description's ContentType.
	return nil
}

// jsonBody reports whether o's body goes as JSON, sent by
// apiruntime.NewRequest from the field tagged body:"json" rather than by
// generated code.
func (g *gen) jsonBody(o *ir.Operation) bool {
	info := g.opInfo[o]
	if info.body == "" || o.Action != "" {
		return false
	}
	ct := o.Body.ContentType
	switch {
	case info.bodyType.cat == catStream,
		info.bodyType.cat == catString && !isJSONType(ct) && !isMultipart(ct),
		isForm(ct), isMultipart(ct):
		return false
	}
	return true
}

// contentTypes is the []string literal of the media types o's body may go
// as besides its first (WithContentType), nil when there is no choice.
func contentTypes(o *ir.Operation, raw bool) jen.Code {
	var list []string
	for _, mt := range o.Body.MediaTypes {
		if mediaClass(mt, raw) == mediaClass(o.Body.ContentType, raw) {
			list = append(list, mt)
		}
	}
	// One listed type is a choice only when it is a wildcard.
	if len(list) == 0 || len(list) == 1 && !strings.Contains(list[0], "*") {
		return nil
	}
	lits := make([]jen.Code, len(list))
	for i, mt := range list {
		lits[i] = jen.Lit(mt)
	}
	return jen.Index().String().Values(lits...)
}

// isJSONType reports a JSON media type (application/json, a +json or
// /json type).
func isJSONType(ct string) bool {
	mt := mediaType(ct)
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json")
}

// mediaClass groups media types by how a body in them is encoded, so a
// caller picks only among types the generated encoding fits: "json",
// "form", "multipart", or "raw" for the bytes as they are. A wildcard
// ("*/*") fits a raw body, or a JSON one when raw is false.
func mediaClass(ct string, raw bool) string {
	switch {
	case isForm(ct):
		return "form"
	case isMultipart(ct):
		return "multipart"
	case isJSONType(ct):
		return "json"
	case strings.Contains(ct, "*") && !raw:
		return "json"
	}
	return "raw"
}

// doCode sends the call with do and returns the decoded result.
func (g *gen) doCode(o *ir.Operation, fail func(jen.Code) jen.Code, do func(out jen.Code) *jen.Statement) []jen.Code {
	res := g.opInfo[o].result
	switch {
	case res == nil:
		return []jen.Code{jen.Return(do(jen.Nil()))}
	case res.envelope != "":
		return []jen.Code{
			jen.Var().Id("out").Struct(jen.Id("V").Add(res.code()).Tag(map[string]string{"json": res.envelope})),
			jen.If(jen.Err().Op(":=").Add(do(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
			jen.Return(jen.Id("out").Dot("V"), jen.Nil()),
		}
	case res.ptr:
		return []jen.Code{
			jen.Id("out").Op(":=").New(res.typ.code),
			jen.If(jen.Err().Op(":=").Add(do(jen.Id("out"))), jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
			jen.Return(jen.Id("out"), jen.Nil()),
		}
	}
	return []jen.Code{
		jen.Var().Id("out").Add(res.code()),
		jen.If(jen.Err().Op(":=").Add(do(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(fail(jen.Err())),
		jen.Return(jen.Id("out"), jen.Nil()),
	}
}

// multiline lays composite literal items out one per line.
func multiline(items []jen.Code) []jen.Code {
	out := make([]jen.Code, 0, len(items)+1)
	for _, it := range items {
		out = append(out, jen.Line().Add(it))
	}
	return append(out, jen.Line())
}

// defaultBase is the API's first server when it is a usable base URL:
// absolute (http or https, no {variables}) or a path only (a Swagger 2.0
// basePath without a host), "" when there is none.
func (g *gen) defaultBase() (base string, absolute bool) {
	if len(g.api.Servers) == 0 {
		return "", false
	}
	s := strings.TrimSuffix(g.api.Servers[0], "/")
	if strings.ContainsAny(s, "{} \t\r\n") {
		return "", false
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return "", false
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		return s, true
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/"):
		return s, false
	}
	return "", false
}
