package apiruntime

import (
	"fmt"
	"reflect"
	"slices"
)

// Validator collects the problems of one param model; generated Validate
// methods call it once per checked field and return Err.
type Validator struct{ problems []string }

// Required records a missing required parameter when present is false.
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
func (v *Validator) Err(operation string) error {
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Operation: operation, Problems: v.problems}
}
