package apiruntime_test

import (
	"errors"
	"testing"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestCheckVersion(t *testing.T) {
	cases := []struct {
		since, server string
		refuse        bool
	}{
		{"", "5.5.6", false},
		{"4.0.0", "", false},
		{"4.0.0", "5.5.6", false},
		{"5.5.6", "5.5.6", false},
		{"5.5", "5.5.0", false},
		{"4.10.0", "4.9.1", true}, // numeric, not lexical
		{"4.9.1", "4.10.0", false},
		{"0.6", "3.10.0", false},
		{"5.2.1", "v5.2.0", true},
	}
	for _, c := range cases {
		err := apiruntime.CheckVersion("CreateVm", c.since, c.server)
		var uv *apiruntime.UnsupportedVersionError
		if got := errors.As(err, &uv); got != c.refuse {
			t.Errorf("since %q server %q: refused=%v, want %v (%v)", c.since, c.server, got, c.refuse, err)
			continue
		}
		if c.refuse && (uv.Operation != "CreateVm" || uv.Since != c.since || uv.Server != c.server) {
			t.Errorf("error fields: %+v", uv)
		}
	}
}

func TestNormalizeVersion(t *testing.T) {
	for in, want := range map[string]string{
		"4.6.0":           "4.6.0",
		" v4.6.0 ":        "4.6.0",
		"V5.1":            "5.1",
		"4.6.0-rc1+build": "4.6.0",
		"4.6.0+20240101":  "4.6.0",
		"1.9.x":           "1.9",
		"5.0.0.RELEASE":   "5.0.0",
		"4.10.2.1234":     "4.10.2.1234",
		"":                "",
		"latest":          "",
		"v":               "",
		".5":              "",
		"4..6":            "",
		"404 not found":   "",
		"5.5.6":           "5.5.6",
		"<html>":          "",
	} {
		if got := apiruntime.NormalizeVersion(in); got != want {
			t.Errorf("NormalizeVersion(%q) = %q, want %q", in, got, want)
		}
	}
}
