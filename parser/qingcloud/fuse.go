package qingcloud

import (
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// source is one parsed input, in ParseFiles' fixed order.
type source struct {
	api  *ir.API
	spec bool
}

// fuse merges the inputs. The same action is often documented more than
// once — the QingCloud page, the Shanhe page, QingCloud's swagger spec —
// and each knows parameters the others lack (the spec has cpu_max; the page
// has target_user). So instead of dropping later copies as ir.Merge would,
// the first copy (pages before specs, then by path) keeps its shape and
// every parameter it lists, exactly as documented there; later copies only
// add the parameters it lacks, and fill a summary, description, paging or
// service it lacks. Types are then merged by ir.Merge, which folds types of
// the same name into one (Instance from an example and from definitions).
func fuse(srcs []source) (*ir.API, []ir.Diagnostic) {
	first := map[string]*ir.Operation{}
	fromSpec := map[string]bool{} // the op's Service came from a spec file
	var apis []*ir.API
	for _, s := range srcs {
		var keep []*ir.Operation
		for _, op := range s.api.Operations {
			base, ok := first[op.Name]
			if !ok {
				first[op.Name] = op
				fromSpec[op.Name] = s.spec
				keep = append(keep, op)
				continue
			}
			absorb(base, op)
			if s.spec && !fromSpec[op.Name] && op.Service != "" {
				base.Service, fromSpec[op.Name] = op.Service, true
			}
		}
		s.api.Operations = keep
		apis = append(apis, s.api)
	}
	api, diags := ir.Merge(apis...)
	refineServices(api, fromSpec)
	return api, diags
}

// absorb adds to base what another copy of the same action knows and base
// does not.
func absorb(base, other *ir.Operation) {
	for _, p := range other.Params {
		if base.Param(p.Name) == nil {
			cp := *p
			base.Params = append(base.Params, &cp)
		}
	}
	if base.Summary == "" {
		base.Summary = other.Summary
	}
	if base.Description == "" {
		base.Description = other.Description
	}
	if base.Response == nil {
		base.Response = other.Response
	}
	base.Async = base.Async || other.Async
	if base.Paging == nil && other.Paging != nil && base.Param(other.Paging.OffsetParam) != nil {
		base.Paging = other.Paging
	}
	base.Deprecated = base.Deprecated || other.Deprecated
}

// refineServices files an action that only pages document under the spec
// service its name starts with (DescribeSecurityGroupRules → security_group
// when security_group.json is among the inputs), the longest one winning;
// without one it keeps the page's own guess (security_group_rule).
func refineServices(api *ir.API, fromSpec map[string]bool) {
	var services []string
	for _, op := range api.Operations {
		if fromSpec[op.Name] && op.Service != "" && !contains(services, op.Service) {
			services = append(services, op.Service)
		}
	}
	for _, op := range api.Operations {
		if fromSpec[op.Name] || op.Action == "" {
			continue
		}
		n, best := noun(op.Action), ""
		for _, s := range services {
			if strings.HasPrefix(n, camel(s)) && len(s) > len(best) {
				best = s
			}
		}
		if best != "" {
			op.Service = best
		}
	}
}
