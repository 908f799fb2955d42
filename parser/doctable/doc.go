// Package doctable reads human API reference pages — Markdown scraped from a
// website, Hugo Markdown, AsciiDoc and HTML — into a flat list of blocks
// (headings, text, code, tables) with file:line:col positions.
//
// It sits under the document parsers (parser/zstack, parser/qingcloud): they
// walk a *Document to find an API's URL block, its parameter table and its
// response tables, and turn those into ir.API. doctable knows nothing of any
// API family; it only promises that what a reader sees as a table arrives as
// a Table whose cells are plain text, and that every Table and Row points back
// to its source line.
//
// Markdown is read by a line scanner of our own rather than goldmark, whose
// GFM tables are faithful to the spec where scraped pages are not: a stray
// "````" left by the scraper opens a code block that runs to the next one,
// and in the ZStack manual that hides 1,132 of its 5,356 tables; a row with a
// missing cell comes back padded, so the caller cannot warn about it; and a
// header whose cell count differs from its delimiter row is no table at all.
// The scanner also gives exact lines and reads the 5.9 MB manual in about
// 50 ms. A test checks that it agrees with goldmark on every table goldmark
// does find.
//
// HTML goes through goquery, whose tree has no positions (golang/go#34302):
// html_pos.go records its own by matching each element to its start tag in
// the source. AsciiDoc "|===" tables are read by asciidoc_table.go.
//
// Nothing here fails on malformed markup: what cannot be read as structure
// degrades to text, with a Warning where a reader might be surprised. The
// only errors are for binary input and for HTML nested deeper than the 512
// elements x/net/html accepts.
package doctable
