package openapi

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/apigen-dev/apigen/internal/inputfile"
	"github.com/apigen-dev/apigen/ir"
)

// Limits on the files a spec's references may read besides the spec itself:
// each is capped like an input, and so is their number and total size, so
// a reference web cannot make apigen read without end.
const (
	defaultMaxFileSize = 64 << 20
	maxRefFiles        = 10000
	maxRefBytes        = 256 << 20
)

// document is one file of a spec: its source tree, the JSON bytes
// kin-openapi is given (the file itself, or its YAML written as JSON) and
// the members whose keys may be renamed in those bytes.
type document struct {
	path  string // as the user would name it: joined to the root's directory
	root  *node
	js    []byte
	sites []keySite
}

// readDocument scans one file's bytes.
func readDocument(path string, src []byte) (*document, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	root, sites, js, err := readSource(path, src)
	if err != nil {
		return nil, err
	}
	return &document{path: path, root: root, js: js, sites: sites}, nil
}

// files holds the documents of one spec: the root and those its references
// read. References may name only files inside tree, the directory of the
// input; the read function applies the same guards as for inputs (regular
// files only, size cap before reading).
type files struct {
	tree     string
	realTree string // tree with links resolved; "" when that failed
	read     func(string) ([]byte, error)
	docs     map[string]*document
	failed   map[string]error
	order    []*document // in the order read, root first
	bytes    int
}

func newFiles(root *document, tree string, read func(string) ([]byte, error)) *files {
	if tree == "" {
		tree = filepath.Dir(root.path)
	}
	tree = filepath.Clean(tree)
	if read == nil {
		read = func(path string) ([]byte, error) { return inputfile.Read(path, defaultMaxFileSize) }
	}
	fs := &files{tree: tree, read: read, docs: map[string]*document{}, failed: map[string]error{}}
	fs.realTree, _ = filepath.EvalSymlinks(tree)
	fs.docs[filepath.Clean(root.path)] = root
	fs.order = []*document{root}
	return fs
}

// splitRef separates a reference into the file it names ("" for one into
// the same document) and its fragment, with the "#".
func splitRef(ref string) (file, frag string) {
	file, frag, _ = strings.Cut(ref, "#")
	return file, "#" + frag
}

// open returns the document a reference made in from names by file, reading
// it the first time, or why it may not or cannot be read.
func (fs *files) open(from *document, file string) (*document, error) {
	path, err := fs.locate(from, file)
	if err != nil {
		return nil, err
	}
	if d, ok := fs.docs[path]; ok {
		return d, nil
	}
	if err, ok := fs.failed[path]; ok {
		return nil, err
	}
	d, err := fs.load(path)
	if err != nil {
		fs.failed[path] = err
		return nil, err
	}
	fs.docs[path] = d
	fs.order = append(fs.order, d)
	return d, nil
}

// locate turns the file part of a reference into a path, refusing what is
// not a relative path to a file inside the tree.
func (fs *files) locate(from *document, file string) (string, error) {
	if i := strings.IndexAny(file, ":/"); i >= 0 && file[i] == ':' || strings.HasPrefix(file, "//") {
		return "", errors.New("it is a URL; apigen reads only files beside the spec")
	}
	if u, err := url.PathUnescape(file); err == nil {
		file = u
	}
	if strings.HasPrefix(file, "/") || filepath.IsAbs(file) {
		return "", fmt.Errorf("it is an absolute path; apigen reads only relative paths inside %s", fs.tree)
	}
	path := filepath.Join(filepath.Dir(from.path), filepath.FromSlash(file))
	if !inside(fs.tree, path) {
		return "", fmt.Errorf("it leads out of %s, the directory of the input", fs.tree)
	}
	// A link inside the tree may lead out of it (to /dev/zero, or to files
	// the user did not give): what counts is where the file really is.
	if real, err := filepath.EvalSymlinks(path); err == nil && (fs.realTree == "" || !inside(fs.realTree, real)) {
		return "", fmt.Errorf("%s is a link to a file outside %s", path, fs.tree)
	}
	return path, nil
}

// inside reports whether path is dir or below it (both cleaned).
func inside(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// load reads and scans one referenced file within the limits.
func (fs *files) load(path string) (*document, error) {
	if len(fs.order) > maxRefFiles {
		return nil, fmt.Errorf("the spec refers to more than %d files; apigen reads no more", maxRefFiles)
	}
	src, err := fs.read(path)
	if err != nil {
		return nil, fmt.Errorf("it cannot be read: %w", err)
	}
	if fs.bytes += len(src); fs.bytes > maxRefBytes {
		return nil, fmt.Errorf("the files the spec refers to exceed %d MiB together; apigen reads no more", maxRefBytes>>20)
	}
	d, err := readDocument(path, src)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("it cannot be read: %s: %s", ir.Pos{File: path, Line: pe.line, Col: pe.col}, pe.msg)
		}
		return nil, fmt.Errorf("it cannot be read: %s: %w", path, err)
	}
	return d, nil
}
