package apiruntime

import (
	"fmt"
	"reflect"
	"slices"
)

// Validator collects the problems of one param model; generated Validate
// methods call it once per checked field and return Err.
type Validator struct {
	problems []string
	filler   Filler
}

// Filler is a Transport that sends some parameters itself when a call
// leaves them unset (QingCloud's zone, from the zone it was built with).
// Fills reports whether it will send the one named, so a call without it
// is not refused as missing it.
type Filler interface {
	Fills(param string) bool
}

// ValidatorFor returns a Validator for a call through t: a required
// parameter t fills (when t is a Filler) counts as present. A nil t, or
// one that fills nothing, gives the plain Validator.
func ValidatorFor(t Transport) Validator {
	f, _ := t.(Filler)
	return Validator{filler: f}
}

// Fills reports whether the transport the Validator is for sends the
// parameter named when the call does not.
func (v *Validator) Fills(name string) bool { return v.filler != nil && v.filler.Fills(name) }

// Required records a missing required parameter when present is false.
//
// Not inlined: generated code calls it once per required parameter, thousands of times
// in a large client, and every inlined copy is compiled again in the
// user's package (Kubernetes: 7.0 → 4.9 s of compiler CPU for the three).
//
//go:noinline
func (v *Validator) Required(name string, present bool) {
	if !present {
		v.problems = append(v.problems, fmt.Sprintf("%s is required", name))
	}
}

// Enum records value when it is set and not one of allowed. value may be a
// plain value, a pointer (nil means unset) or a slice (each element checked).
func Enum[T comparable](v *Validator, name string, value any, allowed ...T) {
	rv := reflect.ValueOf(value)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return
		}
		rv = rv.Elem()
	}
	check := func(x reflect.Value) {
		var t T
		tt := reflect.TypeOf(t)
		if !x.Type().ConvertibleTo(tt) {
			return
		}
		got := x.Convert(tt).Interface().(T)
		if !slices.Contains(allowed, got) {
			v.problems = append(v.problems, fmt.Sprintf("%s: %v is not one of %v", name, got, allowed))
		}
	}
	if rv.Kind() == reflect.Slice {
		for i := range rv.Len() {
			check(rv.Index(i))
		}
		return
	}
	if rv.IsValid() {
		check(rv)
	}
}

// Err returns a *ValidationError naming every problem, or nil.
//
// Not inlined: generated code calls it once per param model, thousands of times
// in a large client, and every inlined copy is compiled again in the
// user's package (Kubernetes: 7.0 → 4.9 s of compiler CPU for the three).
//
//go:noinline
func (v *Validator) Err(operation string) error {
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Operation: operation, Problems: v.problems}
}
