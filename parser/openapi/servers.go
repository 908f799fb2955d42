package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// opServers lists an operation's own servers (its servers, else its
// path's), variables replaced by their defaults: Stripe's uploads live on
// https://files.stripe.com/, GitHub's on uploads.github.com.
func opServers(item *openapi3.PathItem, op *openapi3.Operation) []string {
	list := item.Servers
	if op.Servers != nil && len(*op.Servers) > 0 {
		list = *op.Servers
	}
	var out []string
	for _, s := range list {
		if s == nil || s.URL == "" {
			continue
		}
		u := s.URL
		for name, v := range s.Variables {
			if v != nil {
				u = strings.ReplaceAll(u, "{"+name+"}", v.Default)
			}
		}
		out = append(out, u)
	}
	return out
}
