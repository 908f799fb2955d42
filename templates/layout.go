package templates

import (
	"maps"
	"slices"
	"strings"

	"github.com/apigen-dev/apigen/ir"
)

// sharedStem names the file of the types that several groups of calls use
// (or none does).
const sharedStem = "types"

// maxStem caps a file name without ".go": names come from the docs and
// must stay short, and a cut never ends in "_".
const maxStem = 60

// groupOf is the file stem of the group of calls o belongs to (see
// groupSource), or "operations" for a call in none. It depends on o alone,
// so a call never moves because another was added.
func groupOf(o *ir.Operation) string {
	if s := fileStem(groupSource(o)); s != "" {
		return s
	}
	return "operations"
}

// groupSource is the name from the docs of the group of calls o belongs to:
// its service (OpenAPI's first tag, QingCloud's service), else the
// resource its path names (zstack/v1/vm-instances/… → vm-instances,
// /v1/customers/… → customers), else "". A name of which no file stem is
// left (one in Chinese) does not count. Files and the Client's groups
// (groups.go) both follow it.
func groupSource(o *ir.Operation) string {
	if fileStem(o.Service) != "" {
		return o.Service
	}
	if p := pathResource(o.Path); fileStem(p) != "" {
		return p
	}
	return ""
}

// pathResource is the first fixed segment of path after a version segment
// ("v1", "v2beta1"), or its first fixed segment when none has one.
func pathResource(path string) string {
	var fixed []string
	for _, s := range strings.Split(path, "/") {
		if s != "" && !strings.ContainsAny(s, "{}") {
			fixed = append(fixed, s)
		}
	}
	for i, s := range fixed {
		if versionSegment(s) && i+1 < len(fixed) {
			return fixed[i+1]
		}
	}
	if len(fixed) > 0 {
		return fixed[0]
	}
	return ""
}

// versionSegment matches v1, v2, v1beta1, v2alpha3.
func versionSegment(s string) bool {
	if len(s) < 2 || s[0] != 'v' || s[1] < '0' || s[1] > '9' {
		return false
	}
	for _, r := range s[1:] {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z') {
			return false
		}
	}
	return true
}

// fileStem turns a name from the docs into a file name part made of
// [a-z0-9_] only, words joined by "_" (SecurityGroup, security-group →
// security_group), at most maxStem bytes; "" when nothing is left (a name
// in Chinese).
func fileStem(name string) string {
	var words []string
	for _, w := range splitWords(name) {
		if w = asciiWord(w); w != "" {
			words = append(words, w)
		}
	}
	return capStem(strings.Join(words, "_"))
}

// asciiWord lower-cases w and drops what is not an ASCII letter or digit.
func asciiWord(w string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, w)
}

func capStem(s string) string {
	if len(s) > maxStem {
		s = s[:maxStem] // ASCII only, so any cut is a character boundary
	}
	return strings.TrimRight(s, "_")
}

// fileName makes a stem a file name the go command reads as a plain source
// file of the package: never doc.go or client.go (which hold the package
// comment and the client), and never ending in a suffix it reads as a
// build constraint or a test (instance_windows.go, helpers_test.go).
func fileName(stem string) string {
	// Only a suffix after "_" counts: linux.go and test.go are plain files.
	i := strings.LastIndex(stem, "_")
	if stem == "doc" || stem == "client" || i >= 0 && specialSuffix[stem[i+1:]] {
		stem += "_api"
	}
	return stem + ".go"
}

// specialSuffix holds the last parts of a file name that the go command
// reads as a build constraint (GOOS, GOARCH) or a test.
var specialSuffix = map[string]bool{
	"test": true,
	"aix":  true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true,
	"openbsd": true, "plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true,
	"arm64be": true, "loong64": true, "mips": true, "mipsle": true, "mips64": true,
	"mips64le": true, "mips64p32": true, "mips64p32le": true, "ppc": true, "ppc64": true,
	"ppc64le": true, "riscv": true, "riscv64": true, "s390": true, "s390x": true,
	"sparc": true, "sparc64": true, "wasm": true,
}

// homes places every named type: with the one group of calls that uses it
// (through parameters, bodies, responses or errors, directly or through
// other types), or in the shared file when several groups use it or none
// does. A type moves only when which groups use it changes.
func (g *gen) homes(group map[*ir.Operation]string) map[*ir.Type]string {
	byGroup := map[string][]*ir.Operation{}
	for _, o := range g.ops {
		byGroup[group[o]] = append(byGroup[group[o]], o)
	}
	home := map[*ir.Type]string{}
	for _, name := range slices.Sorted(maps.Keys(byGroup)) {
		seen := map[*ir.Type]bool{}
		var queue []*ir.Type
		visit := func(r *ir.TypeRef) {
			for ; r != nil; r = r.Elem {
				if t := g.byName[r.Ref]; r.Kind == ir.KindRef && t != nil && !seen[t] {
					seen[t] = true
					queue = append(queue, t)
				}
			}
		}
		for _, o := range byGroup[name] {
			for _, r := range o.Refs() {
				visit(r)
			}
		}
		for len(queue) > 0 {
			t := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			switch h, ok := home[t]; {
			case !ok:
				home[t] = name
			case h != name:
				home[t] = sharedStem
			}
			for _, r := range t.Refs() {
				visit(r)
			}
		}
	}
	for _, t := range g.types {
		if _, ok := home[t]; !ok {
			home[t] = sharedStem
		}
	}
	return home
}
