package ir

// AtVersion drops everything the API gained after release v: operations,
// parameters, types and fields whose since-version is later. Things without a
// since-version are kept: nothing says they are new.
func (a *API) AtVersion(v string) {
	later := func(since string) bool { return since != "" && CompareVersions(since, v) > 0 }
	ops := a.Operations[:0]
	for _, o := range a.Operations {
		if later(o.Since) {
			continue
		}
		params := o.Params[:0]
		for _, p := range o.Params {
			if !later(p.Since) {
				params = append(params, p)
			}
		}
		o.Params = params
		ops = append(ops, o)
	}
	a.Operations = ops
	types := a.Types[:0]
	for _, t := range a.Types {
		fields := t.Fields[:0]
		for _, f := range t.Fields {
			if !later(f.Since) {
				fields = append(fields, f)
			}
		}
		t.Fields = fields
		types = append(types, t)
	}
	// Types stay even when their since is later: a kept field may still name
	// them, and an unused type costs a reader nothing.
	a.Types = types
}
