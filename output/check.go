package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// Check compares files with what dir holds and returns a unified diff of
// every difference — changed, missing and stale generated files — or "" when
// the output on disk is up to date. Files without apigen's header are the
// user's and never count.
func Check(dir string, files []File) (string, error) {
	want := map[string][]byte{}
	for _, f := range files {
		want[f.Name] = f.Content
	}
	have := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	for _, e := range entries {
		// Only regular files can be generated ones; reading a named pipe
		// would block, and symlinks and directories are the user's.
		if !e.Type().IsRegular() {
			if want[e.Name()] != nil {
				have[e.Name()] = []byte{}
			}
			continue
		}
		content, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		if IsGenerated(content) || want[e.Name()] != nil {
			have[e.Name()] = content
		}
	}
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range have {
		if want[n] == nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var out strings.Builder
	for _, n := range names {
		a, b := have[n], want[n]
		if bytes.Equal(a, b) {
			continue
		}
		path := filepath.ToSlash(filepath.Join(dir, n))
		from, to := "a/"+path, "b/"+path
		if a == nil {
			from = "/dev/null"
		}
		if b == nil {
			to = "/dev/null"
		}
		d, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
			A: difflib.SplitLines(string(a)), B: difflib.SplitLines(string(b)),
			FromFile: from, ToFile: to, Context: 3,
		})
		if err != nil {
			return "", err
		}
		out.WriteString(d)
	}
	return out.String(), nil
}
