package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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
	// Family overrides the detected API family.
	Family ir.Family
}

// Load reads inputs (files, or directories walked in sorted order) into one
// API. A file named explicitly must be readable; files met while walking a
// directory that are not API documents are skipped.
func Load(inputs []string, opts Options) (*ir.API, []ir.Diagnostic, error) {
	files, diags, err := collect(inputs)
	if err != nil {
		return nil, diags, err
	}
	groups := map[Format][]source{}
	for _, f := range files {
		groups[f.format] = append(groups[f.format], f)
	}
	var apis []*ir.API
	for _, format := range []Format{FormatOpenAPI, FormatZStack, FormatQingCloud} {
		g := groups[format]
		if len(g) == 0 {
			continue
		}
		as, ds, err := parseGroup(format, g)
		diags = append(diags, ds...)
		if err != nil {
			return nil, diags, err
		}
		apis = append(apis, as...)
	}
	if len(apis) == 0 {
		return nil, diags, fmt.Errorf("no API documents found in %s", strings.Join(inputs, ", "))
	}
	api := apis[0]
	if len(apis) > 1 {
		var ds []ir.Diagnostic
		api, ds = ir.Merge(apis...)
		diags = append(diags, ds...)
	}
	if opts.Family != "" {
		api.Family = opts.Family
	}
	ir.SortDiagnostics(diags)
	return api, diags, nil
}

type source struct {
	path   string
	src    []byte
	format Format
}

func collect(inputs []string) ([]source, []ir.Diagnostic, error) {
	var out []source
	var diags []ir.Diagnostic
	seen := map[string]bool{}
	add := func(path string, explicit bool) error {
		if seen[path] {
			return nil
		}
		seen[path] = true
		src, err := readFile(path)
		if err != nil {
			return err
		}
		format := Detect(path, src)
		if format == FormatUnknown {
			switch {
			case !explicit:
				return nil
			case len(bytes.TrimSpace(src)) == 0:
				return fmt.Errorf("%s: empty file, not an API document", path)
			case isBinary(src):
				return fmt.Errorf("%s: binary file (it holds NUL bytes), not an API document", path)
			}
			return fmt.Errorf("%s: not an API document apigen can read (OpenAPI 3, Swagger 2, ZStack or QingCloud reference pages)", path)
		}
		out = append(out, source{path: path, src: src, format: format})
		return nil
	}
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil {
			return nil, diags, err
		}
		if !info.IsDir() {
			if err := add(in, true); err != nil {
				return nil, diags, err
			}
			continue
		}
		// WalkDir visits entries in lexical order, so the file list (and with
		// it every diagnostic) is the same on every machine.
		err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isDocFile(path) || !isRegular(path, d) {
				return nil
			}
			return add(path, false)
		})
		if err != nil {
			return nil, diags, err
		}
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.path, b.path) })
	return out, diags, nil
}

// isRegular keeps a directory walk to regular files (or links to them): a
// FIFO named like a document would block the read forever, a device could
// feed it endlessly.
func isRegular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A regular file's size is known: refuse it before reading a byte. The
	// limited read still guards what Stat cannot size (a pipe named on the
	// command line).
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxFileSize {
		return nil, tooBig(path)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, tooBig(path)
	}
	return src, nil
}

func tooBig(path string) error {
	return fmt.Errorf("%s: larger than %d MiB; apigen reads API documents up to that size", path, MaxFileSize>>20)
}

// parseGroup parses files of one format. OpenAPI files are independent specs,
// parsed in parallel; ZStack and QingCloud pages are pieces of one API.
func parseGroup(format Format, files []source) ([]*ir.API, []ir.Diagnostic, error) {
	var paths []string
	for _, f := range files {
		paths = append(paths, f.path)
	}
	switch format {
	case FormatZStack:
		api, diags, err := zstack.ParseFiles(paths)
		return []*ir.API{api}, diags, err
	case FormatQingCloud:
		api, diags, err := qingcloud.ParseFiles(paths)
		return []*ir.API{api}, diags, err
	}
	apis := make([]*ir.API, len(files))
	diags := make([][]ir.Diagnostic, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			apis[i], diags[i], errs[i] = openapi.Parse(f.path, f.src, openapi.Options{})
		}()
	}
	wg.Wait()
	return apis, slices.Concat(diags...), errors.Join(errs...)
}
