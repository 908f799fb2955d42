package templates

import "testing"

func TestKebab(t *testing.T) {
	for in, want := range map[string]string{
		"ListPets":     "list-pets",
		"PetID":        "pet-id",
		"XRequestID":   "x-request-id",
		"GetVMs":       "get-vms",
		"ListVMsByID":  "list-vms-by-id",
		"DeleteVMs":    "delete-vms",
		"Sessions":     "sessions",
		"HTTPSProxy":   "https-proxy",
		"Ipv4Address":  "ipv4-address",
		"snake_case_x": "snake-case-x",
	} {
		if got := kebab(in); got != want {
			t.Errorf("kebab(%q) = %q, want %q", in, got, want)
		}
	}
}
