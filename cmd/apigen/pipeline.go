package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/output"
	"github.com/apigen-dev/apigen/parser"
	"github.com/apigen-dev/apigen/templates"
)

// loadAPI runs the parsing half of the pipeline for one package.
func loadAPI(p config.Package) (*ir.API, []ir.Diagnostic, error) {
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

// loadOne parses the one API the flags or config name, for commands that
// print or export an API rather than generate packages; diagnostics go to
// stderr.
func (f *pkgFlags) loadOne(args []string, what string, stderr io.Writer) (*ir.API, error) {
	pkgs, err := f.packages(args)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("%s one API; the config lists %d packages", what, len(pkgs))
	}
	api, diags, err := loadAPI(pkgs[0])
	report(stderr, pkgs[0], nil, diags, false)
	return api, err
}

// render runs the whole pipeline in memory: docs → IR → Go files.
func render(p config.Package) (*ir.API, []output.File, []ir.Diagnostic, error) {
	api, diags, err := loadAPI(p)
	if err != nil {
		return nil, nil, diags, err
	}
	if ir.HasErrors(diags) {
		return api, nil, diags, fmt.Errorf("the inputs have errors; nothing was written")
	}
	files, ds, err := templates.Generate(api, templates.Options{Package: packageName(p), Names: p.Names})
	diags = append(diags, ds...)
	if err != nil {
		return api, nil, diags, err
	}
	return api, outputFiles(files), diags, nil
}

// outputFiles converts generated files for the writer.
func outputFiles(files []templates.File) []output.File {
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Name: f.Name, Content: f.Content}
	}
	return out
}

// report prints diagnostics (all, or the first few with a count) and a
// one-line summary with warnings counted by kind.
func report(w io.Writer, p config.Package, api *ir.API, diags []ir.Diagnostic, all bool) {
	ir.SortDiagnostics(diags)
	const shown = 20
	for i, d := range diags {
		if !all && i == shown && d.Severity != ir.Error {
			fmt.Fprintf(w, "… %d more (use --warnings to see all)\n", len(diags)-shown)
			break
		}
		fmt.Fprintln(w, d)
	}
	if api == nil {
		return
	}
	counts := map[string]int{}
	for _, d := range diags {
		counts[d.Kind]++
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	summary := fmt.Sprintf("apigen: %s (%s): %d operations, %d types, %d warnings", p.Output, api.Family, len(api.Operations), len(api.Types), len(diags))
	if len(parts) > 0 {
		summary += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintln(w, summary)
}
