package main

import (
	"fmt"
	goparser "go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/output"
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
	allowPartial  bool
	cli           string
}

func (f *pkgFlags) register(cmd *cobra.Command, withOutput bool) {
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "read inputs and options from an apigen.yaml")
	if withOutput {
		fl.StringVarP(&f.output, "output", "o", "generated", "directory to write the Go package to")
		fl.StringVarP(&f.pkg, "package", "p", "", "Go package name (default: the output directory's name)")
		fl.StringVar(&f.cli, "cli", "", "also write a command-line client of the package (a main package) to this directory, inside the same Go module")
	}
	fl.StringVar(&f.family, "family", "", "API family: openapi, zstack, qingcloud, cloudtower (default: detected)")
	fl.StringVar(&f.versions, "versions", "", "directory with one release of the API per entry; since-versions come from the first release with each operation and field")
	fl.StringVar(&f.targetVersion, "target-version", "", "emit only what exists in this release")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "accept inputs that yield no operation (by default an error, so a regenerate never silently empties a package)")
	fl.BoolVar(&f.allowPartial, "allow-partial", false, "generate even when some OpenAPI path items' $refs cannot be read, leaving their operations out (by default an error)")
}

// packages resolves flags and arguments, or the config file, into the
// packages to generate.
func (f *pkgFlags) packages(args []string) ([]config.Package, error) {
	if f.config != "" {
		if len(args) > 0 {
			return nil, fmt.Errorf("give inputs either as arguments or in %s, not both", f.config)
		}
		pkgs, err := config.Load(f.config)
		if f.cli != "" && len(pkgs) > 1 {
			return nil, fmt.Errorf("--cli names one directory; %s lists %d packages: give each a cli: key", f.config, len(pkgs))
		}
		for i := range pkgs {
			pkgs[i].AllowEmpty = pkgs[i].AllowEmpty || f.allowEmpty
			pkgs[i].AllowPartial = pkgs[i].AllowPartial || f.allowPartial
			if f.cli != "" && len(pkgs) == 1 {
				pkgs[i].CLI = f.cli
			}
		}
		return pkgs, err
	}
	if len(args) == 0 && f.versions == "" {
		return nil, fmt.Errorf("no inputs: name files or directories, or use --versions DIR or -c apigen.yaml")
	}
	return []config.Package{{
		Inputs: args, Output: f.output, Package: f.pkg, Family: f.family,
		Versions: f.versions, TargetVersion: f.targetVersion, AllowEmpty: f.allowEmpty, AllowPartial: f.allowPartial, CLI: f.cli,
	}}, nil
}

// packageName is the Go package name: given, else the package the output
// directory's own Go files already declare (so "-o ." in a go:generate line
// joins the package it sits in), else derived from the directory's name.
func packageName(p config.Package) string {
	if p.Package != "" {
		return p.Package
	}
	if name := declaredPackage(p.Output); name != "" {
		return name
	}
	dir := p.Output
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // "." names the working directory
	}
	name := strings.Map(func(r rune) rune {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return unicode.ToLower(r)
		}
		return -1
	}, filepath.Base(dir))
	if name == "" || unicode.IsDigit(rune(name[0])) || token.IsKeyword(name) || name == "main" {
		// "-o 2024", "-o type" still name a package; "-o main" would name
		// a command without a func main.
		name = "api" + name
	}
	return name
}

// declaredPackage reads the package clause of the user's Go files in dir
// (not apigen's, not tests), or "" when there are none. Only regular files
// are opened, and only their first few KiB are parsed.
func declaredPackage(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		head := make([]byte, 8<<10)
		n, _ := io.ReadFull(f, head)
		f.Close()
		if output.IsGenerated(head[:n]) {
			continue
		}
		file, err := goparser.ParseFile(token.NewFileSet(), name, head[:n], goparser.PackageClauseOnly)
		if err != nil || file.Name.Name == "_" {
			continue
		}
		return file.Name.Name
	}
	return ""
}
