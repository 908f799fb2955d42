package templates_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/templates"
)

// FuzzGenerate builds a random but structurally valid ir.API from the fuzz
// bytes — hostile names and text, every kind, references to types that
// exist and that do not, enums, unions, recursion, parameters in every
// location, paging, bodies — and asserts that Generate either fails cleanly
// or returns gofmt-clean files that type-check against apiruntime, twice
// the same, with valid struct tags, no duplicate json names in a struct,
// and nothing through which text could become code (block comments, init
// functions, imports beyond the standard library and apiruntime).
func FuzzGenerate(f *testing.F) {
	for _, s := range []string{
		"",
		"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f",
		"petstore: GET /pets/{id} */ func init() { panic(1) } /*",
		strings.Repeat("\xff\x00\x80\x41", 64),
		strings.Repeat("\x03\x02\x01", 100),
		"type func map range string error len nil true iota 中文 émoji😀 a_b a-b AB ab",
	} {
		f.Add([]byte(s))
	}
	// Seeds shaped like the golden cases: a few bytes steer the generator
	// to each family and to structs, enums, unions and paging.
	for fam := range 4 {
		for kind := range 5 {
			f.Add([]byte{byte(fam), 3, byte(kind), 4, byte(kind + 1), 2, 0x41, 0x42, 3, byte(kind), 5, 1, 0x80, 0x7f, 9, 9, 9})
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 2<<10 {
			t.Skip("larger than 2 KB")
		}
		api, opts := randomAPI(data)
		files, _, err := templates.Generate(api, opts)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "generate: ") {
				t.Fatalf("error without context: %v", err)
			}
			return
		}
		again, _, err := templates.Generate(api, opts)
		if err != nil {
			t.Fatalf("second run failed: %v", err)
		}
		if !reflect.DeepEqual(files, again) {
			t.Fatal("two runs over the same API differ")
		}
		checkFiles(t, opts.Package, files)
	})
}

// checker type-checks generated packages. Importing apiruntime (and the
// standard library under it) from source takes seconds, so one importer is
// made per process and reused. Its own cache still asks go/build, which in
// module mode runs `go list`, on every import of apiruntime: the packages
// are cached here by path as well (the directory never changes).
var checker struct {
	once     sync.Once
	mu       sync.Mutex
	fset     *token.FileSet
	imp      types.Importer
	dir      string
	packages map[string]*types.Package
}

type cachedImporter struct{}

func (cachedImporter) Import(path string) (*types.Package, error) {
	if p := checker.packages[path]; p != nil {
		return p, nil
	}
	p, err := checker.imp.(types.ImporterFrom).ImportFrom(path, checker.dir, 0)
	if err == nil {
		checker.packages[path] = p
	}
	return p, err
}

// checkFiles asserts the generated files are gofmt-clean, safe and
// type-correct.
func checkFiles(t *testing.T, pkg string, files []templates.File) {
	t.Helper()
	checker.once.Do(func() {
		checker.fset = token.NewFileSet()
		checker.imp = importer.ForCompiler(checker.fset, "source", nil)
		checker.packages = map[string]*types.Package{}
		wd, _ := os.Getwd()
		// The files are named as if in a directory of this module, so
		// the importer finds apiruntime through go.mod.
		checker.dir = filepath.Join(wd, "fuzzgen")
	})
	checker.mu.Lock()
	defer checker.mu.Unlock()
	var asts []*ast.File
	src := map[string][]byte{}
	for _, f := range files {
		if f.Name != filepath.Base(f.Name) || !strings.HasSuffix(f.Name, ".go") || strings.HasPrefix(f.Name, ".") {
			t.Fatalf("file name %q", f.Name)
		}
		if out, err := format.Source(f.Content); err != nil || !bytes.Equal(out, f.Content) {
			t.Fatalf("%s is not gofmt-clean (%v):\n%s", f.Name, err, f.Content)
		}
		name := filepath.Join(checker.dir, f.Name)
		src[name] = f.Content
		af, err := parser.ParseFile(checker.fset, name, f.Content, parser.ParseComments)
		if err != nil {
			t.Fatalf("%v\n%s", err, f.Content)
		}
		checkAST(t, f.Name, af, f.Content)
		asts = append(asts, af)
	}
	conf := types.Config{Importer: cachedImporter{}}
	tp, err := conf.Check("example.com/gen/"+pkg, checker.fset, asts, nil)
	if err != nil {
		var file []byte
		if te, ok := err.(types.Error); ok {
			file = src[te.Fset.Position(te.Pos).Filename]
		}
		t.Fatalf("generated code does not type-check: %v\n%s", err, file)
	}
	checkMethods(t, tp)
}

// stdSignatures are the methods standard interfaces look for by name, with
// the one signature each may have; "" means generated code never declares
// it. go vet's stdmethods check fails on the first ones with any other
// signature, and fmt, errors and encoding would misuse the rest.
var stdSignatures = map[string]string{
	"MarshalJSON": "func() ([]byte, error)", "UnmarshalJSON": "func([]byte) error",
	"As": "", "Format": "", "GobDecode": "", "GobEncode": "", "Is": "", "MarshalXML": "",
	"ReadByte": "", "ReadFrom": "", "ReadRune": "", "Scan": "", "Seek": "", "UnmarshalXML": "",
	"UnreadByte": "", "UnreadRune": "", "Unwrap": "", "WriteByte": "", "WriteTo": "",
	"String": "", "Error": "", "GoString": "", "MarshalText": "", "UnmarshalText": "",
	"MarshalBinary": "", "UnmarshalBinary": "", "Peek": "", "Read": "", "Write": "",
}

// checkMethods asserts that no generated method has a name a standard
// interface gives another signature, and that no name is longer than the
// 200 bytes apigen promises.
func checkMethods(t *testing.T, pkg *types.Package) {
	t.Helper()
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if len(name) > 200 {
			t.Fatalf("identifier of %d bytes: %.80s…", len(name), name)
		}
		named, ok := scope.Lookup(name).Type().(*types.Named)
		if !ok || scope.Lookup(name).Name() != name {
			continue
		}
		if _, isAlias := scope.Lookup(name).(*types.TypeName); isAlias && scope.Lookup(name).(*types.TypeName).IsAlias() {
			continue
		}
		for m := range named.Methods() {
			if len(m.Name()) > 200 {
				t.Fatalf("method of %d bytes: %.80s…", len(m.Name()), m.Name())
			}
			want, std := stdSignatures[m.Name()]
			if !std {
				continue
			}
			sig := m.Type().(*types.Signature)
			got := types.TypeString(types.NewSignatureType(nil, nil, nil, unnamed(sig.Params()), unnamed(sig.Results()), sig.Variadic()), nil)
			if got != want {
				t.Fatalf("%s.%s has signature %s, want %q", name, m.Name(), got, want)
			}
		}
	}
}

// unnamed drops parameter names, so signatures compare by types.
func unnamed(vs *types.Tuple) *types.Tuple {
	out := make([]*types.Var, vs.Len())
	for i := range out {
		out[i] = types.NewParam(0, nil, "", vs.At(i).Type())
	}
	return types.NewTuple(out...)
}

// checkAST rejects block comments (the only comments a "*/" in a
// description could close), init functions, imports other than the
// standard library and apiruntime, malformed struct tags and structs with
// two fields of one json name (encoding/json would silently drop both).
func checkAST(t *testing.T, name string, f *ast.File, src []byte) {
	t.Helper()
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "/*") || strings.HasPrefix(c.Text, "//go:") || strings.HasPrefix(c.Text, "//line ") {
				t.Fatalf("%s: comment %q\n%s", name, c.Text, src)
			}
		}
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if strings.Contains(strings.Split(path, "/")[0], ".") && !strings.HasPrefix(path, "github.com/apigen-dev/apigen/apiruntime") {
			t.Fatalf("%s imports %q", name, path)
		}
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
			t.Fatalf("%s: func init\n%s", name, src)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		seen := map[string]bool{}
		for _, fl := range st.Fields.List {
			if fl.Tag == nil {
				continue
			}
			tag, err := strconv.Unquote(fl.Tag.Value)
			if err != nil || !validTag(tag) {
				t.Fatalf("%s: malformed struct tag %s\n%s", name, fl.Tag.Value, src)
			}
			j, ok := reflect.StructTag(tag).Lookup("json")
			if !ok {
				continue
			}
			jn, _, _ := strings.Cut(j, ",")
			if j == "-" || jn == "" {
				continue
			}
			if seen[jn] {
				t.Fatalf("%s: json name %q twice in one struct\n%s", name, jn, src)
			}
			seen[jn] = true
		}
		return true
	})
}

// validTag follows the struct tag syntax reflect.StructTag.Lookup parses
// (and go vet checks): space-separated key:"value" pairs, keys without
// spaces, quotes, colons or control characters, values Go string literals.
func validTag(tag string) bool {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			return false
		}
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			return false
		}
		if _, err := strconv.Unquote(tag[:i+1]); err != nil {
			return false
		}
		tag = tag[i+1:]
		if tag != "" {
			if tag[0] != ' ' {
				return false
			}
			tag = strings.TrimLeft(tag, " ")
		}
	}
	return true
}

// randomAPI builds an API from fuzz bytes. Names come from a pool of
// hostile names or straight from the bytes; references point at types that
// exist or not; every choice is a byte of data, and a short input gives a
// small API (reading past the end yields zeros).
func randomAPI(data []byte) (*ir.API, templates.Options) {
	r := &byteReader{data: data}
	api := &ir.API{
		Family:      []ir.Family{ir.FamilyOpenAPI, ir.FamilyZStack, ir.FamilyQingCloud, ir.FamilyCloudTower, "bogus"}[r.intn(5)],
		Name:        r.text(),
		Version:     r.text(),
		Description: r.text(),
	}
	for range r.intn(3) {
		api.Security = append(api.Security, ir.Security{Name: r.name(), Kind: ir.SecurityKind(r.pick("apiKey", "bearer", "basic", "oauth2", "session", "signature", "token", "")), In: r.pick("header", "query", "cookie", ""), Param: r.name()})
	}
	var names []string
	for range r.intn(7) {
		t := &ir.Type{Name: r.name(), Description: r.text(), Since: r.version(), Deprecated: r.bool(), Pos: ir.Pos{File: "f.yaml", Line: r.intn(100)}}
		names = append(names, t.Name)
		api.Types = append(api.Types, t)
	}
	ref := func(depth int) ir.TypeRef { return r.typeRef(names, depth) }
	for _, t := range api.Types {
		switch r.intn(6) {
		case 0, 1:
			t.Kind = ir.KindStruct
			for range r.intn(6) {
				t.Fields = append(t.Fields, &ir.Field{
					Name: r.name(), Type: ref(0), Required: r.bool(), Nullable: r.bool(),
					Default: r.literal(), Enum: r.literals(), Inferred: r.bool(), Since: r.version(),
					Description: r.text(), Deprecated: r.bool(), ReadOnly: r.bool(),
				})
			}
			if r.intn(4) == 0 {
				ap := ref(0)
				t.AdditionalProperties = &ap
			}
		case 2:
			t.Kind = ir.KindEnum
			t.Base = []ir.Kind{ir.KindString, ir.KindInteger, ir.KindNumber, ir.KindBoolean, ir.KindAny, ""}[r.intn(6)]
			for _, v := range r.literals() {
				t.Values = append(t.Values, ir.EnumValue{Value: v, Description: r.text()})
			}
		case 3:
			t.Kind = ir.KindUnion
			for range r.intn(4) {
				t.Variants = append(t.Variants, ref(0))
			}
			if r.bool() {
				t.Discriminator = r.name()
			}
		case 4:
			t.Kind = ir.KindAlias
			if r.intn(8) > 0 {
				a := ref(0)
				t.Alias = &a
			}
		default:
			t.Kind = ir.Kind(r.pick("bogus", "", "list", "ref"))
		}
	}
	for range r.intn(5) {
		op := &ir.Operation{
			Name: r.name(), Service: r.name(), Summary: r.text(), Description: r.text(),
			Method: r.pick("GET", "POST", "PUT", "DELETE", "PATCH", "", "get", "WEIRD METHOD"),
			Since:  r.version(), Deprecated: r.bool(), Auth: r.bool(), Async: r.bool(),
			BodyKey: r.pick("", "params", r.name()), Pos: ir.Pos{File: "f.yaml", Line: r.intn(100)},
		}
		if api.Family == ir.FamilyQingCloud || r.intn(6) == 0 {
			op.Action = r.name()
		}
		path := "/" + r.name()
		for range r.intn(4) {
			p := &ir.Param{
				Name: r.name(), In: ir.Location(r.pick("path", "query", "header", "cookie", "body", "form", "", "bogus")),
				Required: r.bool(), Nullable: r.bool(), Type: ref(0), Default: r.literal(), Enum: r.literals(),
				Style: ir.Style(r.pick("", "dotted", "comma", "pipe", "space", "deep", "weird")), Since: r.version(), Description: r.text(), Deprecated: r.bool(),
			}
			if p.In == ir.InBody && r.bool() {
				p.Wrapper = r.pick("params", r.name())
			}
			if p.In == ir.InPath {
				path += "/{" + p.Name + "}"
			}
			op.Params = append(op.Params, p)
		}
		op.Path = r.pick(path, "", "/x/{missing}", r.text())
		if r.intn(3) == 0 {
			op.Body = &ir.Body{Type: ref(0), ContentType: r.pick("application/json", "multipart/form-data", "", r.text()), Required: r.bool(), Description: r.text()}
		}
		if r.intn(4) > 0 {
			op.Response = &ir.Response{Status: 200, Envelope: r.pick("", "", "inventory", "results", r.name())}
			if r.intn(5) > 0 {
				rt := ref(0)
				op.Response.Type = &rt
			}
		}
		if r.intn(3) == 0 {
			pick := func() string {
				if len(op.Params) > 0 && r.bool() {
					return op.Params[r.intn(len(op.Params))].Name
				}
				return r.pick("offset", "limit", "first", "skip", r.name())
			}
			op.Paging = &ir.Paging{
				Style: ir.PagingStyle(r.pick("offset", "first-skip", "", "bogus")), OffsetParam: pick(), LimitParam: pick(), CountParam: r.pick("", pick()),
				ItemsField: r.pick("items", "inventories", r.name()), TotalField: r.pick("", "total", r.name()), MaxLimit: r.intn(200) - 1,
			}
		}
		api.Operations = append(api.Operations, op)
	}
	api.Sort()
	opts := templates.Options{Package: r.pick("api", "api", "api", "x", "type", "main", "_", "", "中文", r.name())}
	if r.intn(8) == 0 {
		opts.Names = map[string]string{}
		for range r.intn(3) + 1 {
			from := r.name()
			if len(names) > 0 && r.bool() {
				from = names[r.intn(len(names))]
			}
			opts.Names[from] = r.pick("Renamed", "Client", "New", "lower", "Two Words", "Func", r.name())
		}
	}
	return api, opts
}

// byteReader hands out choices from the fuzz input.
type byteReader struct {
	data []byte
	off  int
}

func (r *byteReader) byte() byte {
	if r.off >= len(r.data) {
		return 0
	}
	b := r.data[r.off]
	r.off++
	return b
}

func (r *byteReader) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(r.byte()) % n
}

func (r *byteReader) bool() bool { return r.byte()&1 == 1 }

func (r *byteReader) pick(choices ...string) string { return choices[r.intn(len(choices))] }

// raw takes up to n bytes of the input as a string, valid UTF-8 or not.
func (r *byteReader) raw(n int) string {
	k := min(r.intn(n+1), len(r.data)-min(r.off, len(r.data)))
	s := string(r.data[min(r.off, len(r.data)):][:k])
	r.off += k
	return s
}

// hostileNames are names that broke, or could break, generated code.
var hostileNames = []string{
	"pet", "Pet", "pets", "id", "ID", "name", "uuid", "vmInstanceUuid", "HTTPServer", "IDs",
	"type", "func", "map", "range", "package", "import", "var", "const", "go", "defer", "select", "chan", "interface",
	"string", "error", "len", "nil", "true", "false", "iota", "int", "any", "byte", "rune", "make", "new", "append",
	"_", "__", "", " ", "123", "1st", "-1", "1.5", "中文", "émoji😀", "😀", "Ǆ", "ǅ",
	"a_b", "a-b", "AB", "ab", "A_B", "a.b", "a b", "a,b", "a:b", "a\"b", "a`b", "a\\b", "a\nb", "a\tb", "a\x00b",
	"Client", "New", "Do", "PetParams", "PetRequest", "PetValues", "PetKnownValues", "PetAll", "Params", "Request",
	"context", "http", "url", "json", "apiruntime", "fmt", "time", "errors", "iter", "strconv", "bytes",
	"ctx", "p", "c", "t", "v", "b", "u", "req", "out", "err", "body", "base", "all", "x", "raw", "yield", "seq", "q", "h",
	"Validate", "MarshalJSON", "UnmarshalJSON", "Raw", "String", "Error", "Value", "Values", "AdditionalProperties", "Get", "Set",
	"*/ func init() { panic(1) } /*", "//go:generate rm -rf /", "../../etc/passwd", "a/b", "/abs", ".hidden", "-", "-,", "omitempty",
	// Methods standard interfaces fix the signature of (go vet's stdmethods).
	"Format", "ReadByte", "WriteTo", "ReadFrom", "GobEncode", "Scan", "Seek", "Is", "As", "Unwrap",
	"MarshalText", "UnmarshalXML", "UnreadRune", "WriteByte", "Peek", "GoString",
	// Names past the 200-byte cap, two sharing a long prefix.
	strings.Repeat("long_name_", 30), strings.Repeat("LongName", 125) + "A", strings.Repeat("LongName", 125) + "B", strings.Repeat("名", 300),
}

func (r *byteReader) name() string {
	if r.intn(4) == 0 {
		return r.raw(8)
	}
	return hostileNames[r.intn(len(hostileNames))]
}

func (r *byteReader) text() string {
	switch r.intn(6) {
	case 0:
		return ""
	case 1:
		return r.raw(40)
	case 2:
		return "*/ func init() { panic(\"x\") } /*\n// +build ignore\n//go:generate x\r\n\u2028\u202e" + r.raw(4)
	}
	return r.name()
}

func (r *byteReader) version() string { return r.pick("", "", "0.6", "4.1.0", "v3", "x\"y", r.raw(4)) }

// literal is an enum value or default: usually a JSON literal, sometimes not.
func (r *byteReader) literal() string {
	switch r.intn(8) {
	case 0, 1:
		return ""
	case 2:
		return strconv.Quote(r.name())
	case 3:
		return strconv.Itoa(int(int8(r.byte())))
	case 4:
		return r.pick("true", "false", "null", "1.5", "-0", "1e400", "[]", "{}")
	case 5:
		var b [8]byte
		for i := range b {
			b[i] = r.byte()
		}
		return fmt.Sprint(int64(binary.LittleEndian.Uint64(b[:])))
	}
	return r.name()
}

func (r *byteReader) literals() []string {
	var out []string
	for range r.intn(5) {
		out = append(out, r.literal())
	}
	return out
}

func (r *byteReader) typeRef(names []string, depth int) ir.TypeRef {
	if depth > 3 {
		return ir.Prim(ir.KindString, "")
	}
	switch r.intn(16) {
	case 0:
		return ir.Prim(ir.KindString, r.pick("", "date-time", "byte", "binary", "uuid"))
	case 1:
		return ir.Prim(ir.KindInteger, r.pick("", "int32", "int64", "uint64"))
	case 2:
		return ir.Prim(ir.KindNumber, r.pick("", "float", "double"))
	case 3:
		return ir.Prim(ir.KindBoolean, "")
	case 4:
		return ir.Prim(ir.KindTime, r.pick("date-time", "date", "zstack", "rfc822", ""))
	case 5:
		return ir.Prim(ir.Kind(r.pick(string(ir.KindBinary), string(ir.KindAny), string(ir.KindRaw))), "")
	case 6, 7:
		if r.intn(8) == 0 {
			return ir.TypeRef{Kind: ir.KindList}
		}
		return ir.ListOf(r.typeRef(names, depth+1))
	case 8:
		if r.intn(8) == 0 {
			return ir.TypeRef{Kind: ir.KindMap}
		}
		return ir.MapOf(r.typeRef(names, depth+1))
	case 9:
		return ir.Ref(r.name()) // usually missing
	case 10:
		return ir.TypeRef{Kind: ir.Kind(r.pick("", "bogus", "struct", "enum"))}
	}
	if len(names) == 0 {
		return ir.Ref("Missing")
	}
	return ir.Ref(names[r.intn(len(names))])
}
