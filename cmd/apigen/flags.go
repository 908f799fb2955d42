package main

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/config"
)

// pkgFlags are the flags every command that reads inputs shares.
type pkgFlags struct {
	config        string
	output        string
	pkg           string
	family        string
	versions      string
	targetVersion string
	allowEmpty    bool
}

func (f *pkgFlags) register(cmd *cobra.Command, withOutput bool) {
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "read inputs and options from an apigen.yaml")
	if withOutput {
		fl.StringVarP(&f.output, "output", "o", "generated", "directory to write the Go package to")
		fl.StringVarP(&f.pkg, "package", "p", "", "Go package name (default: the output directory's name)")
	}
	fl.StringVar(&f.family, "family", "", "API family: openapi, zstack, qingcloud, cloudtower (default: detected)")
	fl.StringVar(&f.versions, "versions", "", "directory with one release of the API per entry; since-versions come from the first release with each operation and field")
	fl.StringVar(&f.targetVersion, "target-version", "", "emit only what exists in this release")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "accept inputs that yield no operation (by default an error, so a regenerate never silently empties a package)")
}

// packages resolves flags and arguments, or the config file, into the
// packages to generate.
func (f *pkgFlags) packages(args []string) ([]config.Package, error) {
	if f.config != "" {
		if len(args) > 0 {
			return nil, fmt.Errorf("give inputs either as arguments or in %s, not both", f.config)
		}
		pkgs, err := config.Load(f.config)
		for i := range pkgs {
			pkgs[i].AllowEmpty = pkgs[i].AllowEmpty || f.allowEmpty
		}
		return pkgs, err
	}
	if len(args) == 0 && f.versions == "" {
		return nil, fmt.Errorf("no inputs: name files or directories, or use --versions DIR or -c apigen.yaml")
	}
	return []config.Package{{
		Inputs: args, Output: f.output, Package: f.pkg, Family: f.family,
		Versions: f.versions, TargetVersion: f.targetVersion, AllowEmpty: f.allowEmpty,
	}}, nil
}

// packageName derives a Go package name from the output directory.
func packageName(p config.Package) string {
	if p.Package != "" {
		return p.Package
	}
	name := strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return -1
	}, filepath.Base(filepath.Clean(p.Output)))
	if name == "" || unicode.IsDigit(rune(name[0])) || token.IsKeyword(name) || name == "main" {
		// "-o 2024", "-o type" still name a package; "-o main" would name
		// a command without a func main.
		name = "api" + name
	}
	return name
}
