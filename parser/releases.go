package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/apigen-dev/apigen/internal/inputfile"
	"github.com/apigen-dev/apigen/ir"
)

var versionInName = regexp.MustCompile(`\d+(\.\d+)+`)

// LoadReleases reads a directory holding one release of an API per entry
// (a spec file like 4.6.0-swagger.json, or a directory named for its
// version). The version comes from the entry's name, else from the spec.
func LoadReleases(dir string, opts Options) ([]ir.Release, []ir.Diagnostic, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var rels []ir.Release
	var diags []ir.Diagnostic
	seen := map[string]string{}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if e.Name()[0] == '.' || (!e.IsDir() && (!isDocFile(path) || !inputfile.IsRegular(path))) {
			continue // as a directory walk does: no hidden files, FIFOs or devices
		}
		api, ds, err := Load([]string{path}, opts)
		diags = append(diags, ds...)
		if err != nil {
			return nil, diags, err
		}
		v := versionInName.FindString(e.Name())
		if v == "" {
			v = api.Version
		}
		if v == "" {
			return nil, diags, fmt.Errorf("%s: cannot tell which release this is: put the version in its name (e.g. 4.6.0-swagger.json)", path)
		}
		if prev, dup := seen[v]; dup {
			return nil, diags, fmt.Errorf("%s: release %s is also %s", path, v, prev)
		}
		seen[v] = path
		rels = append(rels, ir.Release{Version: v, API: api})
	}
	if len(rels) == 0 {
		return nil, diags, fmt.Errorf("%s: no releases found", dir)
	}
	return rels, diags, nil
}
