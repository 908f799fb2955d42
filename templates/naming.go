package templates

import (
	"fmt"
	"go/token"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written in upper case inside Go names, as golint and the
// standard library do ("vmInstanceUuid" → "VMInstanceUUID").
var initialisms = map[string]bool{
	"acl": true, "api": true, "ascii": true, "cpu": true, "css": true, "dns": true,
	"eof": true, "gpu": true, "guid": true, "html": true, "http": true, "https": true,
	"id": true, "io": true, "ip": true, "json": true, "lhs": true, "nic": true, "os": true,
	"qps": true, "ram": true, "rhs": true, "rpc": true, "sla": true, "smtp": true,
	"sql": true, "ssh": true, "tcp": true, "tls": true, "ttl": true, "udp": true,
	"ui": true, "uid": true, "uri": true, "url": true, "utf8": true, "uuid": true,
	"vm": true, "vpc": true, "xml": true, "xmpp": true, "xsrf": true, "xss": true,
}

// specialWords are spelled as Go code usually spells them.
var specialWords = map[string]string{"ipv4": "IPv4", "ipv6": "IPv6"}

// goName turns a wire name into an exported Go identifier: words split on
// anything that is not a letter or digit and on case changes, each word
// title-cased or, for initialisms, upper-cased. The result always starts
// with an ASCII capital (non-ASCII or digit starts get an "X" prefix), so it
// is exported and file grouping by first letter stays ASCII. An input with
// no letters or digits gives fallback.
func goName(wire, fallback string) string {
	s := joinWords(wire)
	if s == "" {
		s = fallback
	}
	if r, _ := utf8.DecodeRuneInString(s); r < 'A' || r > 'Z' {
		s = "X" + s
	}
	return capIdent(s, maxIdent)
}

// joinWords is goName without the fallback and prefix, for name parts
// that follow another name.
func joinWords(wire string) string {
	var b strings.Builder
	for _, w := range splitWords(wire) {
		b.WriteString(titleWord(w))
	}
	return b.String()
}

// splitWords splits s into words of letters and digits. A word ends at a
// lower→upper or digit→upper change, and before the last capital of an
// upper-case run followed by lower case ("HTTPServer" → HTTP, Server),
// except for plural initialisms ("IDs", "VMs").
func splitWords(s string) []string {
	s = strings.ToValidUTF8(s, "")
	rs := []rune(s)
	var words []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			pluralEnd := i+2 == len(rs) || !unicode.IsLower(rs[i+2])
			if rs[i+1] == 's' && pluralEnd && initialisms[strings.ToLower(string(rs[start:i+1]))] {
				continue
			}
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

func titleWord(w string) string {
	lw := strings.ToLower(w)
	if s, ok := specialWords[lw]; ok {
		return s
	}
	if initialisms[lw] {
		return strings.ToUpper(lw)
	}
	if len(lw) > 2 && strings.HasSuffix(lw, "s") && initialisms[lw[:len(lw)-1]] {
		return strings.ToUpper(lw[:len(lw)-1]) + "s"
	}
	r, n := utf8.DecodeRuneInString(lw)
	return string(unicode.ToUpper(r)) + lw[n:]
}

// enumValueName is the Go name part for one enum value (the constant is
// the type's name followed by it). Negative numbers read "Minus1" and
// decimals "1_5", so "-1", "1", "1.5" and "15" stay apart.
func enumValueName(text string) string {
	if text == "" {
		return "Empty"
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		s := strings.TrimPrefix(text, "+")
		prefix := ""
		if strings.HasPrefix(s, "-") {
			prefix, s = "Minus", s[1:]
		}
		s = strings.NewReplacer(".", "_", "+", "", "-", "Minus").Replace(s)
		return prefix + s
	}
	if n := joinWords(text); n != "" {
		return n
	}
	return "Value"
}

// maxIdent bounds every identifier apigen derives from doc text, in bytes:
// a 1 MB operationId must not become a 1 MB type name. The longest name
// in the corpus (Stripe) has 173 bytes.
const maxIdent = 200

// capIdent returns name, or, past limit bytes, its start cut at a rune
// boundary and an FNV-1a hash of the whole, so the result is stable and
// two long names sharing a prefix stay apart.
func capIdent(name string, limit int) string {
	if len(name) <= limit {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	suffix := fmt.Sprintf("_%08x", h.Sum32())
	cut := limit - len(suffix)
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + suffix
}

// stdMethods are method names that standard interfaces give a fixed
// signature: everything go vet's stdmethods check knows (a method of that
// name with another signature fails vet), and the other interfaces
// fmt, errors, encoding, io and database/sql look for dynamically, which
// a generated method must not half-implement. No generated receiver
// (Client, above all, whose methods are named after operations) declares a
// method of these names unless it has the standard signature.
var stdMethods = []string{
	// go vet stdmethods (golang.org/x/tools/go/analysis/passes/stdmethods).
	"As", "Format", "GobDecode", "GobEncode", "Is", "MarshalJSON", "MarshalXML",
	"ReadByte", "ReadFrom", "ReadRune", "Scan", "Seek", "UnmarshalJSON",
	"UnmarshalXML", "UnreadByte", "UnreadRune", "Unwrap", "WriteByte", "WriteTo",
	// fmt, errors, encoding, io, bufio, database/sql.
	"AppendBinary", "AppendText", "Close", "Error", "Flush", "GoString",
	"MarshalBinary", "MarshalText", "Peek", "Read", "ReadAt", "String",
	"UnmarshalBinary", "UnmarshalText", "Value", "Write", "WriteAt", "WriteString",
}

// registry hands out identifiers in one Go scope (the package, a struct's
// fields, a type's methods) so that no two ever collide, none is longer
// than its limit, and none is a name reserved in that scope (a receiver's
// own methods, stdMethods for Client). Claims are made in batches; within
// a batch every claimant's natural name is reserved before any loser is
// renamed, so a later "Pet2" never loses its name to the second "Pet".
// Callers order each batch deterministically.
type registry struct {
	used  map[string]bool
	limit int
	// next is, per base, the first number not yet tried as a suffix:
	// every smaller one is taken for good, so a thousand claims of "a"
	// cost a thousand tries, not half a million.
	next map[string]int
	// probes counts the candidate names looked up, for the test that
	// holds assign to linear time.
	probes int
}

func newRegistry(reserved ...string) *registry {
	r := &registry{used: map[string]bool{}, limit: maxIdent, next: map[string]int{}}
	for _, n := range reserved {
		r.used[n] = true
	}
	return r
}

// claim is one request for a name: base first, then alts, then base with a
// number appended.
type claim struct {
	base string
	alts []string
	// fixed claims (user overrides) may not be renamed.
	fixed bool
}

// assign resolves a batch of claims, in order, and returns the names given.
// It fails only when a fixed claim cannot have its name. Every pass is
// linear in the batch (plus the numbers skipped, each at most once per
// base).
func (r *registry) assign(claims []claim) ([]string, error) {
	out := make([]string, len(claims))
	// Fixed claims first: they must win.
	for i, c := range claims {
		if !c.fixed {
			continue
		}
		if r.used[c.base] {
			return nil, fmt.Errorf("name %q is already taken", c.base)
		}
		r.used[c.base] = true
		out[i] = c.base
	}
	bases := make([]string, len(claims))
	for i, c := range claims {
		if c.fixed {
			continue
		}
		bases[i] = capIdent(c.base, r.limit)
		if !r.used[bases[i]] {
			r.used[bases[i]] = true
			out[i] = bases[i]
		}
	}
	// Every natural name of the batch is now used, so checking used is
	// enough to keep losers off them.
	for i, c := range claims {
		if out[i] != "" {
			continue
		}
		name := ""
		for _, a := range c.alts {
			r.probes++
			if a = capIdent(a, r.limit); !r.used[a] {
				name = a
				break
			}
		}
		for n := max(r.next[bases[i]], 2); name == ""; n++ {
			r.probes++
			cand := capIdent(bases[i]+strconv.Itoa(n), r.limit)
			if !r.used[cand] {
				name = cand
				r.next[bases[i]] = n + 1
			}
		}
		r.used[name] = true
		out[i] = name
	}
	return out, nil
}

// take reserves one name, renaming it if needed.
func (r *registry) take(base string, alts ...string) string {
	names, _ := r.assign([]claim{{base: base, alts: alts}})
	return names[0]
}

// validOverride reports whether a user-supplied name can be used as a Go
// package-level identifier apigen owns: exported and not a keyword.
func validOverride(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}
