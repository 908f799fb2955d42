package openapi

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// join builds a name for something that has none in the spec from where it
// sits: join("Pet", "status") = "PetStatus", join("get", "/pets/{id}") =
// "GetPetsId". Each part is split at characters that are not letters or
// digits and every word is capitalised; the rest of each word keeps its case,
// so "WithTask_Vm_" + "data" gives "WithTaskVmData". These are wire-style
// names: Go naming (initialisms, keywords) is the emitters' job.
func join(parts ...string) string {
	var b strings.Builder
	for _, part := range parts {
		upper := true
		for _, r := range part {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				upper = true
				continue
			}
			if upper {
				r = unicode.ToUpper(r)
				upper = false
			}
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Type"
	}
	return b.String()
}

// nameSet holds the names given out: 1 for a name, and for a name asked
// for again, the next suffix unique tries (every smaller one is taken), so
// 10^4 operations all called "a" cost 10^4 tries, not 5·10^7.
type nameSet map[string]int

func (s nameSet) has(name string) bool { return s[name] > 0 }

func (s nameSet) add(name string) {
	if s[name] == 0 {
		s[name] = 1
	}
}

// unique returns name, or name with the smallest numeric suffix from 2 that
// is free, and marks the result used. Callers visit the document in a fixed
// order, so the suffixes are deterministic.
func unique(used nameSet, name string) string {
	if !used.has(name) {
		used.add(name)
		return name
	}
	base := name
	// A name ending in a digit ("V1") takes "_2", so the suffix stays
	// readable and cannot collide with another base name ("V12").
	if r, _ := utf8.DecodeLastRuneInString(base); unicode.IsDigit(r) {
		base += "_"
	}
	for i := max(used[name], 2); ; i++ {
		n := base + strconv.Itoa(i)
		if !used.has(n) {
			used.add(n)
			used[name] = i + 1
			return n
		}
	}
}

// lastToken is the last JSON pointer token of a local reference, the name a
// schema reached through "#/components/schemas/Pet/properties/owner" is
// given.
func lastToken(ref string) string {
	i := strings.LastIndexByte(ref, '/')
	return unescapeToken(ref[i+1:])
}

// maxNameLen bounds a derived name. Names of inline schemas grow with
// their depth ("DeepChildChild…"), so without a bound a deeply nested
// document yields output quadratic in its size. The longest name in the
// corpus (Stripe) has 173 bytes.
const maxNameLen = 200

// bounded returns name, or, past maxNameLen, its start and a hash of the
// whole, which keeps it stable and distinct from its siblings.
func bounded(name string) string {
	if len(name) <= maxNameLen {
		return name
	}
	cut := maxNameLen - 9
	for cut > 0 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%s_%08x", name[:cut], h.Sum32())
}
