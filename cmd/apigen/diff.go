package main

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/spf13/cobra"

	"github.com/apigen-dev/apigen/config"
	"github.com/apigen-dev/apigen/ir"
	"github.com/apigen-dev/apigen/irdiff"
)

// errChanges tells Run that diff found what --fail-on asked about.
var errChanges = errors.New("changes found")

func newDiff(stdout, stderr io.Writer) *cobra.Command {
	var family, format, failOn string
	var goAPI, versions bool
	cmd := &cobra.Command{
		Use:   "diff [flags] OLD NEW",
		Short: "Report API changes between two versions of the docs, breaking ones first",
		Long: `diff reads OLD and NEW (each a spec, a directory of pages, or with --versions a
releases directory — anything generate reads, of any family), compares their IRs
and reports every operation, parameter, body, response, type, field, enum value,
auth, async, paging and since-version change, each classed breaking or not for a
client. It also generates both Go packages in memory and lists the exported
identifiers that are removed or change type: what breaks code using the client.

Exit codes: 0, or 1 when --fail-on finds a change of its class; 2 on bad input.`,
		Example: `  apigen diff cloudtower/4.0.0-swagger.json cloudtower/4.6.0-swagger.json
  apigen diff --format markdown old/ new/ > comment.md
  apigen diff --format json --fail-on breaking main.yaml pr.yaml`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := irdiff.ParseFormat(format)
			if err != nil {
				return err
			}
			switch failOn {
			case "", "none", "breaking", "any":
			default:
				return fmt.Errorf("--fail-on %q: want breaking, any or none", failOn)
			}
			sides := [2]diffSide{}
			var wg sync.WaitGroup
			for i, in := range args {
				// A side with no operation left is a change to report (every
				// operation removed), not a regenerate about to empty a package.
				p := config.Package{Inputs: []string{in}, Family: family, Output: "api", Package: "api", AllowEmpty: true}
				if versions {
					p.Inputs, p.Versions = nil, in
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					sides[i] = loadSide(p, goAPI)
				}()
			}
			wg.Wait()
			for i, s := range sides {
				if s.err != nil {
					for _, d := range s.diags {
						if d.Severity == ir.Error {
							fmt.Fprintln(stderr, d)
						}
					}
					return fmt.Errorf("%s: %w", args[i], s.err)
				}
			}
			r := &irdiff.Report{Old: args[0], New: args[1], Changes: irdiff.Compare(sides[0].api, sides[1].api)}
			if goAPI {
				if r.GoAPI, err = irdiff.CompareGo(sides[0].files, sides[1].files); err != nil {
					return err
				}
			}
			if err := r.Write(stdout, f); err != nil {
				return err
			}
			switch {
			case failOn == "breaking" && r.Breaking() > 0:
				return fmt.Errorf("%d breaking changes: %w", r.Breaking(), errChanges)
			case failOn == "any" && !r.Empty():
				return fmt.Errorf("%d changes: %w", len(r.Changes)+len(r.GoAPI), errChanges)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&family, "family", "", "API family of both sides: openapi, zstack, qingcloud, cloudtower (default: detected)")
	fl.BoolVar(&versions, "versions", false, "OLD and NEW are releases directories, as generate --versions reads")
	fl.StringVar(&format, "format", "text", "output format: text, markdown (a pull-request comment) or json")
	fl.StringVar(&failOn, "fail-on", "none", "exit 1 when a change of this class is found: breaking, any or none")
	fl.BoolVar(&goAPI, "go", true, "also compare the generated Go packages' exported identifiers")
	return cmd
}

// diffSide is one side of a diff: its IR and, when asked, its Go files.
type diffSide struct {
	api   *ir.API
	files map[string][]byte
	diags []ir.Diagnostic
	err   error
}

func loadSide(p config.Package, goAPI bool) diffSide {
	if !goAPI {
		api, diags, err := loadAPI(p)
		if err == nil && ir.HasErrors(diags) {
			err = fmt.Errorf("the input has errors")
		}
		return diffSide{api: api, diags: diags, err: err}
	}
	api, files, diags, err := render(p)
	s := diffSide{api: api, diags: diags, err: err, files: map[string][]byte{}}
	for _, f := range files {
		s.files[f.Name] = f.Content
	}
	return s
}
