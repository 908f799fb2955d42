package qingcloud

import (
	"regexp"
	"strings"
	"unicode"
)

// Type names are CamelCase from the snake_case wire names ("security_group"
// → "SecurityGroup") whatever the source, so a type inferred from a page's
// example and the same type from a swagger definition meet in ir.Merge.
// They are IR names, not Go identifiers: templates/ applies Go's initialisms.

var actionName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)

// isAction reports whether s reads as an action name such as "RunInstances".
func isAction(s string) bool { return actionName.MatchString(s) }

// camel turns a snake_case or spaced name into CamelCase.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '_' || r == ' ' || r == '-' || r == '.' {
			up = true
			continue
		}
		if up {
			b.WriteRune(unicode.ToUpper(r))
			up = false
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// words splits a CamelCase name, keeping initialisms together:
// "DescribeSecurityGroupIPSets" → Describe Security Group IP Sets.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerToUpper := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
		endOfInitialism := unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if unicode.IsUpper(rs[i]) && (lowerToUpper || endOfInitialism) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// snake turns CamelCase into snake_case: "SecurityGroup" → "security_group".
func snake(s string) string {
	ws := words(s)
	for i := range ws {
		ws[i] = strings.ToLower(ws[i])
	}
	return strings.Join(ws, "_")
}

// singular drops a plural ending the simple English way QingCloud names
// lists: instances → instance, policies → policy, rules → rule, addresses →
// address. Words that do not end in s are left alone.
func singular(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return s
	case strings.HasSuffix(l, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// elementName names the struct type of a list element or nested object by
// what it is: instance_set → Instance, vxnets → Vxnet, eip → Eip.
func elementName(field string) string {
	base := field
	for _, suf := range []string{"_set", "_list", "_items"} {
		if strings.HasSuffix(base, suf) && len(base) > len(suf) {
			base = strings.TrimSuffix(base, suf)
			return camel(base)
		}
	}
	return camel(singular(base))
}

// twoWordVerbs are action verbs written as two CamelCase words.
var twoWordVerbs = []string{"PowerOff", "PowerOn", "SignUp", "LogIn", "LogOut"}

// noun strips the verb from an action: "AddSecurityGroupRules" →
// "SecurityGroupRules".
func noun(action string) string {
	for _, v := range twoWordVerbs {
		if strings.HasPrefix(action, v) && len(action) > len(v) {
			return action[len(v):]
		}
	}
	ws := words(action)
	if len(ws) < 2 {
		return action
	}
	return strings.Join(ws[1:], "")
}

// serviceFromAction groups an action by its noun, singular and snake_case
// like the spec files' names: RunInstances → instance, DescribeJobs → job,
// ModifyInstanceAttributes → instance. It is the fallback for actions no
// spec file places (see refineServices).
func serviceFromAction(action string) string {
	n := noun(action)
	ws := words(n)
	if len(ws) > 1 && (ws[len(ws)-1] == "Attributes" || ws[len(ws)-1] == "Attribute") {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	ws[len(ws)-1] = singular(ws[len(ws)-1])
	return snake(strings.Join(ws, ""))
}
