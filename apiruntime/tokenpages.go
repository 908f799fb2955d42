package apiruntime

import (
	"context"
	"reflect"
	"strings"
)

// TokenPaging says, by json name, what a generated token iterator sets in
// its requests and reads in the answers (see TokenPages).
type TokenPaging struct {
	// Token is the request's token parameter, a string or *string field.
	Token string
	// Limit is the page size parameter, "" for none: a nil pointer there
	// is set to Size.
	Limit string
	Size  int64
	// Items is the answer's list; Next the path to the next token through
	// struct fields and pointers (a nil one reads as no token).
	Items string
	Next  []string
}

// TokenPages is a generated token iterator's walk (WalkTokens) with the
// calls made here, from descriptions, so that an iterator is one small
// closure: each page is op called through t (Call) with a copy of p (a
// pointer to the param struct; nil is its zero value) carrying the page's
// token, and decoded into page (a pointer to the answer, zeroed first),
// whose item i each(i, nil) reads; each(0, err) gets an error.
func TokenPages(ctx context.Context, t Transport, op *Request, tp *TokenPaging, p, page any, opts []CallOption, each func(i int, err error) bool) {
	pv := reflect.ValueOf(p)
	base := reflect.New(pv.Type().Elem()).Elem()
	if !pv.IsNil() {
		base.Set(pv.Elem())
	}
	out := reflect.ValueOf(page).Elem()
	WalkTokens(ctx, func(ctx context.Context, token string) (int, string, error) {
		q := reflect.New(base.Type())
		q.Elem().Set(base)
		if f := jsonField(q.Elem(), tp.Token); token != "" && f.IsValid() {
			if f.Kind() == reflect.Pointer {
				v := reflect.New(f.Type().Elem())
				v.Elem().SetString(token)
				f.Set(v)
			} else {
				f.SetString(token)
			}
		}
		if f := jsonField(q.Elem(), tp.Limit); f.IsValid() && f.Kind() == reflect.Pointer && f.IsNil() {
			v := reflect.New(f.Type().Elem())
			switch v.Elem().Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				v.Elem().SetInt(tp.Size)
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				v.Elem().SetUint(uint64(tp.Size))
			}
			f.Set(v)
		}
		out.SetZero()
		if err := Call(ctx, t, op, q.Interface(), page, opts); err != nil {
			return 0, "", err
		}
		n := 0
		if items := jsonField(out, tp.Items); items.IsValid() {
			n = items.Len()
		}
		return n, nextToken(out, tp.Next), nil
	}, each)
}

// nextToken follows path from v, "" where a field is missing or nil.
func nextToken(v reflect.Value, path []string) string {
	for _, name := range path {
		v = jsonField(v, name)
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return ""
			}
			v = v.Elem()
		}
	}
	if v.Kind() != reflect.String {
		return ""
	}
	return v.String()
}

// jsonField is the field of struct v whose json name is name, or the
// zero Value.
func jsonField(v reflect.Value, name string) reflect.Value {
	if name == "" || v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	t := v.Type()
	for i := range t.NumField() {
		if n, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); n == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}
