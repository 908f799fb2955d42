package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/apigen-dev/apigen/internal/gocheck"
)

// TestGroupRenameByConfig: names: in apigen.yaml renames a group
// ("group:" and the tag) as it renames calls, and code written against
// the new names builds.
func TestGroupRenameByConfig(t *testing.T) {
	spec := petstoreSpec(t)
	use := `package use

import (
	"context"

	"example.com/gen/pets"
)

func List(c *pets.Client) (*pets.PetPage, error) {
	return c.Animals.Fetch(context.Background(), nil)
}
`
	dir := gocheck.Module(t, map[string][]byte{
		"petstore.yaml": spec,
		"apigen.yaml":   []byte("inputs: [petstore.yaml]\noutput: pets\ngroups: true\nnames: {\"group:pets\": Animals, listPets: FetchPets}\n"),
		"use/use.go":    []byte(use),
	})
	if code, _, stderr := run("generate", "-c", filepath.Join(dir, "apigen.yaml")); code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	client, err := os.ReadFile(filepath.Join(dir, "pets", "client.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\n\tAnimals +AnimalsGroup\n`).Match(client) {
		t.Errorf("the pets group is not Animals:\n%s", client)
	}
	gocheck.Run(t, dir, "vet", "./...")
}

// TestGroupsOffByDefault: without groups: true the Client is flat (no
// group fields or types: the forwarders cost compile time), while the CLI
// still groups its commands; the package builds.
func TestGroupsOffByDefault(t *testing.T) {
	dir := gocheck.Module(t, map[string][]byte{
		"petstore.yaml": petstoreSpec(t),
		"apigen.yaml":   []byte("inputs: [petstore.yaml]\noutput: pets\ncli: cmd/pets\n"),
	})
	if code, _, stderr := run("generate", "-c", filepath.Join(dir, "apigen.yaml")); code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	read := func(f string) []byte {
		src, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	for _, f := range []string{"pets/client.go", "pets/pets.go"} {
		if src := read(f); regexp.MustCompile(`PetsGroup`).Match(src) {
			t.Errorf("%s has groups without groups: true:\n%s", f, src)
		}
	}
	if src := read("cmd/pets/commands.go"); !regexp.MustCompile(`cli\.Group\(\s*"pets"`).Match(src) {
		t.Errorf("the CLI's commands are not grouped:\n%s", src)
	}
	gocheck.Run(t, dir, "vet", "./...")
}
