package zstack

import (
	"fmt"
	"strings"
)

// Cond is one condition of a Query API's q parameter, "field<op>value" with
// no spaces ("name=vm1", "cpuNum>4", "vmNics.ip=10.0.0.2"). Conditions in
// one call are ANDed.
type Cond string

func cond[T any](field, op string, v T) Cond { return Cond(field + op + fmt.Sprint(v)) }

func list[T any](values []T) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ",")
}

// Eq is field=value.
func Eq[T any](field string, v T) Cond { return cond(field, "=", v) }

// Ne is field!=value.
func Ne[T any](field string, v T) Cond { return cond(field, "!=", v) }

// Gt is field>value.
func Gt[T any](field string, v T) Cond { return cond(field, ">", v) }

// Ge is field>=value.
func Ge[T any](field string, v T) Cond { return cond(field, ">=", v) }

// Lt is field<value.
func Lt[T any](field string, v T) Cond { return cond(field, "<", v) }

// Le is field<=value.
func Le[T any](field string, v T) Cond { return cond(field, "<=", v) }

// In is field?=a,b: the field is one of values.
func In[T any](field string, values ...T) Cond { return Cond(field + "?=" + list(values)) }

// NotIn is field!?=a,b: the field is none of values.
func NotIn[T any](field string, values ...T) Cond { return Cond(field + "!?=" + list(values)) }

// Like is field~=pattern, SQL LIKE: % matches any run, _ one character.
func Like(field, pattern string) Cond { return Cond(field + "~=" + pattern) }

// NotLike is field!~=pattern.
func NotLike(field, pattern string) Cond { return Cond(field + "!~=" + pattern) }

// IsNull is "field is null".
func IsNull(field string) Cond { return Cond(field + " is null") }

// NotNull is "field not null".
func NotNull(field string) Cond { return Cond(field + " not null") }

// Conds turns conditions into the value of a Query API's Q parameter.
func Conds(cs ...Cond) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

// SortAsc is the sort parameter for ascending order by field, "+field".
func SortAsc(field string) *string { s := "+" + field; return &s }

// SortDesc is the sort parameter for descending order by field, "-field".
func SortDesc(field string) *string { s := "-" + field; return &s }
