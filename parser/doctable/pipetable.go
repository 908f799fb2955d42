package doctable

import "bytes"

// isDelimiterRow reports whether line is a GFM table delimiter row such as
// "| --- | :---: |", returning its cell count.
func isDelimiterRow(line []byte) (int, bool) {
	t := bytes.TrimSpace(line)
	if bytes.IndexByte(t, '|') < 0 || bytes.IndexByte(t, '-') < 0 {
		return 0, false
	}
	t = bytes.TrimPrefix(t, []byte("|"))
	t = bytes.TrimSuffix(t, []byte("|"))
	n := 0
	for cell := range bytes.SplitSeq(t, []byte("|")) {
		c := bytes.TrimSpace(cell)
		c = bytes.TrimPrefix(c, []byte(":"))
		c = bytes.TrimSuffix(c, []byte(":"))
		if len(c) == 0 || len(bytes.Trim(c, "-")) != 0 {
			return 0, false
		}
		n++
	}
	return n, true
}

// hasPipe reports whether line holds a "|" that is not escaped.
func hasPipe(line []byte) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			return true
		}
	}
	return false
}

// splitPipeRow splits a table row into raw cell texts, with "\|" unescaped.
// GFM splits on every unescaped pipe, even inside `code`; with codeAware
// set, a pipe inside a code span stays in its cell, which is what the page
// meant when scraped text reads | `a|b` |.
func splitPipeRow(line []byte, codeAware bool) [][]byte {
	t := bytes.TrimSpace(line)
	t = bytes.TrimPrefix(t, []byte("|"))
	if n := len(t); n > 0 && t[n-1] == '|' && !escaped(t, n-1) {
		t = t[:n-1]
	}
	var cells [][]byte
	var cell []byte // the current cell so far, when an escape forced a copy
	esc := false
	start := 0
	take := func(end int) []byte {
		if !esc {
			return bytes.TrimSpace(t[start:end])
		}
		c := bytes.TrimSpace(append(cell, t[start:end]...))
		cell, esc = nil, false
		return c
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			if i+1 < len(t) && t[i+1] == '|' {
				cell = append(cell, t[start:i]...)
				esc = true
				start = i + 1 // keep the pipe, drop the backslash
			}
			i++
		case '`':
			if !codeAware {
				continue
			}
			j := i
			for j < len(t) && t[j] == '`' {
				j++
			}
			if end := closingTicks(t, j, j-i); end > 0 {
				i = end - 1
			} else {
				i = j - 1
			}
		case '|':
			cells = append(cells, take(i))
			start = i + 1
		}
	}
	return append(cells, take(len(t)))
}

// closingTicks finds the end of the next run of exactly n backticks at or
// after from, or -1.
func closingTicks(t []byte, from, n int) int {
	for i := from; i < len(t); {
		if t[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == '`' {
			j++
		}
		if j-i == n {
			return j
		}
		i = j
	}
	return -1
}

func escaped(t []byte, i int) bool {
	n := 0
	for i > 0 && t[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}
