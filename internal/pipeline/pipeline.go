// Package pipeline is apigen's pipeline for one configured package — docs
// → parser → ir.API → templates → Go files — shared by the CLI's commands
// and by the tests that run it over the corpus.
package pipeline

import (
	"fmt"
	goparser "go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/output"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// Load runs the parsing half of the pipeline for one package: its inputs
// (or its releases directory, through ir.History) into one IR.
func Load(p config.Package) (*ir.API, []ir.Diagnostic, error) {
	opts := parser.Options{Family: ir.Family(p.Family), AllowEmpty: p.AllowEmpty, AllowPartial: p.AllowPartial}
	if p.Versions != "" {
		if len(p.Inputs) > 0 {
			return nil, nil, fmt.Errorf("give either inputs or a versions directory, not both")
		}
		rels, diags, err := parser.LoadReleases(p.Versions, opts)
		if err != nil {
			return nil, diags, err
		}
		api, ds, err := ir.History(rels, p.TargetVersion)
		return api, append(diags, ds...), err
	}
	api, diags, err := parser.Load(p.Inputs, opts)
	if err != nil {
		return nil, diags, err
	}
	if p.TargetVersion != "" {
		api.AtVersion(p.TargetVersion)
	}
	return api, diags, nil
}

// Render runs the whole pipeline in memory: docs → IR → Go files.
func Render(p config.Package) (*ir.API, []output.File, []ir.Diagnostic, error) {
	api, diags, err := Load(p)
	if err != nil {
		return nil, nil, diags, err
	}
	if ir.HasErrors(diags) {
		return api, nil, diags, fmt.Errorf("the inputs have errors; nothing was written")
	}
	// The parsers' models (kin-openapi's document, the source trees) are
	// garbage from here on; collecting them now rather than when the heap
	// next doubles keeps them out of the heap the rendering grows into.
	runtime.GC()
	files, ds, err := templates.Generate(api, templates.Options{Package: PackageName(p), Names: p.Names, Groups: p.Groups})
	diags = append(diags, ds...)
	if err != nil {
		return api, nil, diags, err
	}
	return api, OutputFiles(files), diags, nil
}

// OutputFiles converts generated files for the writer.
func OutputFiles(files []templates.File) []output.File {
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Name: f.Name, Content: f.Content}
	}
	return out
}

// PackageName is the Go package name: given, else the package the output
// directory's own Go files already declare (so "-o ." in a go:generate line
// joins the package it sits in), else derived from the directory's name.
func PackageName(p config.Package) string {
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
