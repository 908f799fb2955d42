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
		"apigen.yaml":   []byte("inputs: [petstore.yaml]\noutput: pets\nnames: {\"group:pets\": Animals, listPets: FetchPets}\n"),
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

// TestGroupsOff: groups: false leaves the Client flat (no group fields or
// types) and the CLI without command groups; the package still builds.
func TestGroupsOff(t *testing.T) {
	dir := gocheck.Module(t, map[string][]byte{
		"petstore.yaml": petstoreSpec(t),
		"apigen.yaml":   []byte("inputs: [petstore.yaml]\noutput: pets\ncli: cmd/pets\ngroups: false\n"),
	})
	if code, _, stderr := run("generate", "-c", filepath.Join(dir, "apigen.yaml")); code != exitOK {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"pets/client.go", "pets/pets.go", "cmd/pets/commands.go"} {
		src, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if regexp.MustCompile(`PetsGroup|cli\.Group\(`).Match(src) {
			t.Errorf("%s has groups with groups: false:\n%s", f, src)
		}
	}
	gocheck.Run(t, dir, "vet", "./...")
}
