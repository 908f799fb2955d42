package irdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an output format of a Report.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case FormatText, FormatMarkdown, FormatJSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: want text, markdown or json", s)
}

// markdownBudget keeps a pull-request comment under the forges' size
// limits (GitHub's is 65536 characters): rows stop there, with a count of
// the rest; the JSON report has everything.
const markdownBudget = 56 << 10

// Write renders r in format f.
func (r *Report) Write(w io.Writer, f Format) error {
	switch f {
	case FormatJSON:
		out := *r
		if out.Changes == nil {
			out.Changes = []Change{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case FormatMarkdown:
		return r.markdown(w)
	}
	return r.text(w)
}

func (r *Report) summary() string {
	other := len(r.Changes)
	breaking := 0
	for _, c := range r.Changes {
		if c.Breaking {
			breaking++
		}
	}
	other -= breaking
	s := fmt.Sprintf("%d breaking, %d other API changes", breaking, other)
	if r.GoAPI != nil {
		removed, changed, added := r.goCounts()
		s += fmt.Sprintf("; Go API: %d removed, %d changed, %d added", removed, changed, added)
	}
	return s
}

func (r *Report) goCounts() (removed, changed, added int) {
	for _, c := range r.GoAPI {
		switch c.Kind {
		case GoRemoved:
			removed++
		case GoChanged:
			changed++
		case GoAdded:
			added++
		}
	}
	return
}

// subject names what a change is about: the operation (with its method and
// path) or, for a shared type, the type and how many operations it reaches.
func (c *Change) subject() string {
	if c.Type != "" {
		s := "type " + c.Type
		switch n := len(c.Operations); {
		case n == 1:
			s += " (in " + c.Operations[0] + ")"
		case n > 1:
			s += fmt.Sprintf(" (in %s and %d more)", c.Operations[0], n-1)
		}
		return s
	}
	if c.Operation == "" {
		return "api"
	}
	if c.Path != "" {
		return strings.TrimSpace(c.Method+" "+c.Path) + " " + c.Operation
	}
	return c.Operation
}

func (r *Report) text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "apigen diff %s → %s: %s\n", r.Old, r.New, r.summary())
	section := func(title string, breaking bool) {
		first := true
		for _, c := range r.Changes {
			if c.Breaking != breaking {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s:\n", title)
				first = false
			}
			fmt.Fprintf(&b, "  %s: %s [%s]\n      at %s\n", c.subject(), c.Message, c.Kind, c.Pos)
		}
	}
	section("Breaking", true)
	section("Not breaking", false)
	if removed, changed, added := r.goCounts(); removed+changed > 0 {
		// Additions break nobody's build: counted here, listed in JSON.
		fmt.Fprintf(&b, "\nGenerated Go API (%d identifiers added, not listed):\n", added)
		for _, c := range r.GoAPI {
			switch c.Kind {
			case GoRemoved:
				fmt.Fprintf(&b, "  - %s %s\n", c.Ident, c.From)
			case GoChanged:
				fmt.Fprintf(&b, "  ~ %s %s → %s\n", c.Ident, c.From, c.To)
			}
		}
	}
	if r.Empty() {
		b.WriteString("no changes\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### API changes: `%s` → `%s`\n\n%s\n", mdCode(r.Old), mdCode(r.New), r.summary())
	if len(r.Changes) > 0 {
		b.WriteString("\n| | operation or type | where | change |\n| --- | --- | --- | --- |\n")
		for i, c := range r.Changes {
			if b.Len() > markdownBudget*3/4 {
				fmt.Fprintf(&b, "\n… and %d more (use `--format json` for all)\n", len(r.Changes)-i)
				break
			}
			mark := ""
			if c.Breaking {
				mark = "**breaking**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mark, mdCell(c.subject()), mdCell(c.Where), mdCell(c.Message))
		}
	}
	if removed, changed, added := r.goCounts(); removed+changed > 0 {
		fmt.Fprintf(&b, "\n<details><summary>Generated Go API: %d removed, %d changed (and %d added)</summary>\n\n```diff\n", removed, changed, added)
		rows := 0
		for _, c := range r.GoAPI {
			if c.Kind == GoAdded {
				continue
			}
			if b.Len() > markdownBudget {
				fmt.Fprintf(&b, "# … and %d more\n", removed+changed-rows)
				break
			}
			rows++
			fmt.Fprintf(&b, "- %s %s\n", c.Ident, oneLine(c.From))
			if c.Kind == GoChanged {
				fmt.Fprintf(&b, "+ %s %s\n", c.Ident, oneLine(c.To))
			}
		}
		b.WriteString("```\n\n</details>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell keeps doc text from breaking out of a table cell or adding markup.
func mdCell(s string) string {
	s = oneLine(s)
	r := strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "`", "'", "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`)
	return r.Replace(s)
}

func mdCode(s string) string { return strings.ReplaceAll(oneLine(s), "`", "'") }

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
