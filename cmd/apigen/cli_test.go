package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// Every command documents itself with examples.
func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"", "generate", "check", "ir", "version"} {
		var out, errOut bytes.Buffer
		args := []string{"--help"}
		if cmd != "" {
			args = []string{cmd, "--help"}
		}
		if code := Run(args, nil, &out, &errOut); code != exitOK {
			t.Errorf("%s --help: exit %d: %s", cmd, code, errOut.String())
		}
		if !strings.Contains(out.String(), "Examples:") {
			t.Errorf("apigen %s --help has no examples:\n%s", cmd, out.String())
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{"generate"}, {"ir", "no/such/file.yaml"}, {"bogus"}, {"generate", "--no-such-flag", "x"}} {
		var out, errOut bytes.Buffer
		if code := Run(args, nil, &out, &errOut); code != exitError || errOut.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}

// apigen ir prints the documented schema: operations with wire names,
// bodyKey and async; params with name/in/required/type; types with fields.
func TestIRJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Run([]string{"ir", "../../specs/zstack"}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var api struct {
		Family     string
		Operations []struct {
			Name, Method, Path, BodyKey string
			Async                       *bool
			Params                      []struct {
				Name, In, Since string
				Required        bool
				Type            struct{ Kind string }
				Enum            []string
			}
		}
		Types []struct {
			Name, Kind string
			Fields     []struct{ Name, Since string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	if api.Family != "zstack" || len(api.Operations) != 6 || len(api.Types) == 0 {
		t.Fatalf("%+v", api)
	}
	for _, o := range api.Operations {
		if o.Async == nil {
			t.Errorf("%s: async missing from the JSON", o.Name)
		}
		if o.Name == "ChangeZoneState" {
			if o.BodyKey != "changeZoneState" || !*o.Async || o.Method != "PUT" || o.Path != "/zstack/v1/zones/{uuid}/actions" {
				t.Errorf("%+v", o)
			}
			p := o.Params[1]
			if p.Name != "stateEvent" || p.In != "body" || !p.Required || p.Type.Kind != "string" || strings.Join(p.Enum, " ") != `"enable" "disable"` || p.Since != "0.6" {
				t.Errorf("stateEvent: %+v", p)
			}
		}
	}
}
