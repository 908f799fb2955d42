package templates

import (
	"strings"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

// TestCLIFixturesCompile generates the CLI of a fixture of every family
// (edge carries hostile names and docs) and compiles it with its package.
func TestCLIFixturesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	module := map[string][]byte{}
	for dir, api := range map[string]*ir.API{"petstore": petstore(), "edge": edgeAPI(), "qingcloud": qingcloudAPI(), "zstack": zstackAPI(), "cloudtower": cloudtowerAPI()} {
		opts := Options{Package: dir, Import: "example.com/gen/" + dir}
		files, _ := generate(t, api, opts)
		for name, content := range files {
			module[dir+"/"+name] = content
		}
		cli, _, err := GenerateCLI(api, opts)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, f := range cli {
			module["cmd/"+dir+"/"+f.Name] = f.Content
		}
		if dir == "petstore" {
			src := string(cli[0].Content)
			// getPet's since-version in its help, its path parameter a
			// required typed flag.
			for _, want := range []string{`"Get a pet.\n\nGET /pets/{petId}\n\nSince: 1.1"`, `{Name: "pet-id", Field: "petId", Kind: "int", Required: true}`} {
				if !strings.Contains(src, want) {
					t.Errorf("petstore commands.go lacks %s", want)
				}
			}
		}
	}
	gocheckCompile(t, module)
}

func TestCLINeedsImportPath(t *testing.T) {
	if _, _, err := GenerateCLI(petstore(), Options{}); err == nil || !strings.Contains(err.Error(), "import path") {
		t.Errorf("no import path: %v", err)
	}
}

// An ungrouped operation named like a command the CLI runtime puts at
// the root (CloudTower's login) is renamed rather than hidden by it.
func TestCLIRootCommandNames(t *testing.T) {
	api := cloudtowerAPI()
	api.Operations = append(api.Operations, &ir.Operation{Name: "Login", Method: "POST", Path: "/login"})
	files, _, err := GenerateCLI(api, Options{Package: "cloudtower", Import: "example.com/gen/cloudtower"})
	if err != nil {
		t.Fatal(err)
	}
	if src := string(files[0].Content); !strings.Contains(src, `Use:   "login-api",`) || strings.Contains(src, `Use:   "login",`) {
		t.Errorf("the login operation's command:\n%s", src)
	}
}
