package main

import (
	"fmt"

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
	allowPartial  bool
	groups        bool
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
	fl.BoolVar(&f.groups, "groups", false, "also group the Client's calls as the docs do (client.Pets.List forwarding to client.ListPets; groups: true); more code to compile")
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
			pkgs[i].Groups = pkgs[i].Groups || f.groups
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
		Groups: f.groups,
	}}, nil
}
