package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/apigen-dev/apigen/internal/inputfile"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/parser/openapi"
	"github.com/apigen-dev/apigen/parser/qingcloud"
	"github.com/apigen-dev/apigen/parser/zstack"
)

// MaxFileSize bounds what apigen reads of one input, so a stray huge file
// cannot exhaust memory. The largest real specs are about 5 MB.
const MaxFileSize = 64 << 20

// Options tune loading.
type Options struct {
	// Family overrides the detected API family; it must be one of
	// ir.Families.
	Family ir.Family
	// AllowEmpty accepts inputs that yield no operation. Without it that is
	// an error: a regenerate must never silently empty a package.
	AllowEmpty bool
	// AllowPartial accepts an OpenAPI spec some of whose operations cannot
	// be read (a path item's $ref to a file that is missing or outside the
	// input's directory): they are left out with a warning. Without it
	// that is an error.
	AllowPartial bool
}

// Load reads inputs (files, or directories walked in sorted order) into one
// API. A file named explicitly must be an API document; files met while
// walking a directory that are not API documents are skipped.
//
// Load is the parser → IR boundary every command goes through, so what no
// input may do is checked here, after every parser: a path that is not a
// plain absolute path (see ir.CheckPath) and inputs that yield no
// operation. Either is an error, with error diagnostics saying where and
// why: the API comes back nil, so nothing is generated or printed.
func Load(inputs []string, opts Options) (*ir.API, []ir.Diagnostic, error) {
	if opts.Family != "" && !slices.Contains(ir.Families(), opts.Family) {
		return nil, nil, fmt.Errorf("unknown API family %q; the families are %s", opts.Family, familyList())
	}
	files, err := collect(inputs)
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("no API documents in %s: no file has an \"openapi\" or \"swagger\" key at its root, a ZStack API section (a heading naming the API, a \"GET zstack/v1/…\" URLs line, a 名字 | 类型 | 位置 | 描述 table) or a QingCloud action table (Parameter name | Type | Description | Required)", strings.Join(inputs, ", "))
	}
	groups := map[Format][]source{}
	for i, f := range files {
		groups[f.format] = append(groups[f.format], f)
		if f.format == FormatOpenAPI {
			// The parser holds a spec's bytes only until it has decoded
			// them (missing needs none of them): kept here, they stayed
			// live through the whole parse, 4 MB of CloudTower's peak.
			files[i].src = nil
		}
	}
	var apis []*ir.API
	var diags []ir.Diagnostic
	for _, format := range []Format{FormatOpenAPI, FormatZStack, FormatQingCloud} {
		g := groups[format]
		if len(g) == 0 {
			continue
		}
		as, ds, err := parseGroup(format, g, opts)
		diags = append(diags, ds...)
		if err != nil {
			return nil, diags, err
		}
		apis = append(apis, as...)
	}
	api := apis[0]
	if len(apis) > 1 {
		var ds []ir.Diagnostic
		api, ds = ir.Merge(apis...)
		diags = append(diags, ds...)
	}
	diags = append(diags, ir.CheckPaths(api)...)
	diags = append(diags, ir.CheckFacts(api)...)
	if opts.Family != "" {
		api.Family = opts.Family
	}
	if len(api.Operations) == 0 && !opts.AllowEmpty && !ir.HasErrors(diags) {
		for _, f := range files {
			diags = append(diags, ir.Errorf(ir.Pos{File: f.path, Line: 1, Col: 1}, "no-operations", "%s document gave no operation: %s", f.format, missing(f)))
		}
		ir.SortDiagnostics(diags)
		return nil, diags, fmt.Errorf("the inputs yield no operation, and an empty package would delete what was generated before; pass --allow-empty (allowEmpty: true in apigen.yaml) if that is what you want")
	}
	ir.SortDiagnostics(diags)
	if n := errorCount(diags); n > 0 {
		return nil, diags, fmt.Errorf("the inputs have %d %s; nothing was generated", n, plural(n, "error", "errors"))
	}
	return api, diags, nil
}

func familyList() string {
	var names []string
	for _, f := range ir.Families() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func errorCount(ds []ir.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Severity == ir.Error {
			n++
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type source struct {
	path     string
	src      []byte
	format   Format
	explicit bool // named by the user, not met in a directory walk
	// tree is the directory an OpenAPI spec's references may read files
	// in: the directory the user named, or the named file's own.
	tree string
}

// collect reads every input: named files, and the regular files with a
// document extension below named directories. Nothing else is ever read:
// QingCloud fragments that a spec $refs are found among these, not on disk.
func collect(inputs []string) ([]source, error) {
	var all []source
	seen := map[string]bool{}
	add := func(path, tree string, explicit bool) error {
		if seen[filepath.Clean(path)] {
			return nil
		}
		seen[filepath.Clean(path)] = true
		src, err := inputfile.Read(path, MaxFileSize)
		if err != nil {
			return err
		}
		all = append(all, source{path: path, src: src, format: Detect(path, src), explicit: explicit, tree: tree})
		return nil
	}
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			if err := add(in, filepath.Dir(in), true); err != nil {
				return nil, err
			}
			continue
		}
		// WalkDir visits entries in lexical order, so the file list (and with
		// it every diagnostic) is the same on every machine.
		// WalkDir does not enter a root that is a symlink; a directory named
		// through one is walked where it points, its files still reported
		// under the name the user gave.
		root := in
		if real, err := filepath.EvalSymlinks(in); err == nil {
			root = real
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if rel, err := filepath.Rel(root, path); err == nil {
				path = filepath.Join(in, rel)
			}
			if path != filepath.Clean(in) && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			// Only regular files (or links to them): a FIFO named like a
			// document would block the read forever, a device feed it
			// endlessly.
			if d.IsDir() || !isDocFile(path) || !inputfile.IsRegular(path) {
				return nil
			}
			return add(path, in, false)
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(all, func(a, b source) int { return strings.Compare(a.path, b.path) })
	takeFragments(all)
	var out []source
	for _, s := range all {
		if s.format != FormatUnknown {
			out = append(out, s)
			continue
		}
		if !s.explicit {
			continue
		}
		switch {
		case len(bytes.TrimSpace(s.src)) == 0:
			return nil, fmt.Errorf("%s: empty file, not an API document", s.path)
		case isBinary(s.src):
			return nil, fmt.Errorf("%s: binary file (it holds NUL bytes), not an API document", s.path)
		}
		return nil, fmt.Errorf("%s: not an API document apigen can read: it has no \"openapi\" or \"swagger\" key at its root, no ZStack API section and no QingCloud action table", s.path)
	}
	return out, nil
}

// takeFragments marks as QingCloud the JSON inputs of no format of their own
// (definitions.json, parameters.json) that a QingCloud spec among the
// inputs $refs, directly or through another fragment.
func takeFragments(all []source) {
	for changed := true; changed; {
		changed = false
		refs := map[string]bool{}
		for _, s := range all {
			if s.format == FormatQingCloud && isJSONDoc(s.src) {
				for _, r := range qingcloud.References(s.path, s.src) {
					refs[r] = true
				}
			}
		}
		for i, s := range all {
			if s.format == FormatUnknown && isJSONDoc(s.src) && refs[filepath.Clean(s.path)] {
				all[i].format = FormatQingCloud
				changed = true
			}
		}
	}
}

// isJSONDoc reports text that starts like a JSON object.
func isJSONDoc(src []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && t[0] == '{'
}

// parseGroup parses files of one format. OpenAPI files are independent specs,
// parsed in parallel, each reading the files its references name; a spec
// that another one reads (a components file with its own "openapi" key)
// is part of that one, not an API of its own. ZStack and QingCloud pages
// are pieces of one API.
func parseGroup(format Format, files []source, opts Options) ([]*ir.API, []ir.Diagnostic, error) {
	switch format {
	case FormatZStack:
		api, diags, err := zstack.ParseFiles(sources(files))
		return []*ir.API{api}, diags, err
	case FormatQingCloud:
		api, diags, err := qingcloud.ParseFiles(sources(files))
		return []*ir.API{api}, diags, err
	}
	apis := make([]*ir.API, len(files))
	diags := make([][]ir.Diagnostic, len(files))
	errs := make([]error, len(files))
	reads := make([]map[string]bool, len(files))
	var wg sync.WaitGroup
	for i := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := &files[i]
			reads[i] = map[string]bool{}
			read := func(path string) ([]byte, error) {
				reads[i][filepath.Clean(path)] = true
				return inputfile.Read(path, MaxFileSize)
			}
			// files lets go of the bytes, so they are garbage once Parse
			// has decoded them.
			src := f.src
			f.src = nil
			apis[i], diags[i], errs[i] = openapi.Parse(f.path, src, openapi.Options{Tree: f.tree, ReadFile: read, AllowPartial: opts.AllowPartial})
		}()
	}
	wg.Wait()
	var keep []*ir.API
	var keepDiags [][]ir.Diagnostic
	var keepErrs []error
	for i := range files {
		if partOfAnother(i, files, reads) {
			continue
		}
		keep = append(keep, apis[i])
		keepDiags = append(keepDiags, diags[i])
		keepErrs = append(keepErrs, errs[i])
	}
	if len(keep) == 0 { // a ring of specs reading one another: keep them all
		return apis, slices.Concat(diags...), errors.Join(errs...)
	}
	return keep, slices.Concat(keepDiags...), errors.Join(keepErrs...)
}

// sources maps each file's path to its bytes.
func sources(files []source) map[string][]byte {
	srcs := make(map[string][]byte, len(files))
	for _, f := range files {
		srcs[f.path] = f.src
	}
	return srcs
}

// partOfAnother reports whether spec i was read by another spec that it
// does not read in turn (two specs reading each other both stay).
func partOfAnother(i int, files []source, reads []map[string]bool) bool {
	self := filepath.Clean(files[i].path)
	for j, f := range files {
		if j != i && reads[j][self] && !reads[i][filepath.Clean(f.path)] {
			return true
		}
	}
	return false
}
