package parser

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/apigen-dev/apigen/parser/openapi"
	"github.com/apigen-dev/apigen/parser/qingcloud"
	"github.com/apigen-dev/apigen/parser/zstack"
)

// Format is an input format apigen reads.
type Format string

const (
	FormatOpenAPI   Format = "openapi"
	FormatZStack    Format = "zstack"
	FormatQingCloud Format = "qingcloud"
	// FormatUnknown is a file apigen does not read (an overview page, an
	// image, a README).
	FormatUnknown Format = ""
)

// docExtensions are the file endings apigen looks at when walking a directory.
var docExtensions = []string{".yaml", ".yml", ".json", ".md", ".markdown", ".html", ".htm", ".adoc", ".asciidoc", ".txt"}

func isDocFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range docExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Detect names the format of one file from its structure, never from words
// in its prose: an "openapi" or "swagger" key at the root is OpenAPI whatever
// the text says (QingCloud's own Swagger specs, told apart by the fields
// that say who serves them, go to the QingCloud parser for their quirks); a
// page is ZStack's by its API section layout, QingCloud's by its action
// table. Files of QingCloud definitions or parameters have no structure of
// their own: Load takes them when a QingCloud spec among the inputs refers
// to them.
func Detect(file string, src []byte) Format {
	if isBinary(src) {
		return FormatUnknown
	}
	switch openapi.RootKey(src) {
	case "openapi":
		return FormatOpenAPI
	case "swagger":
		if qingcloud.IsQingCloudSpec(src) {
			return FormatQingCloud
		}
		return FormatOpenAPI
	}
	switch {
	case zstack.IsZStack(file, src):
		return FormatZStack
	case qingcloud.IsQingCloud(file, src):
		return FormatQingCloud
	}
	return FormatUnknown
}

// missing says which landmarks of its format a document that gave no
// operation lacks.
func missing(s source) string {
	switch s.format {
	case FormatZStack:
		return zstack.Missing(s.src)
	case FormatQingCloud:
		return qingcloud.Missing(s.path, s.src)
	}
	return "its paths hold no operation"
}

// isBinary reports a NUL byte in the first 8 KiB, which no text document has.
func isBinary(src []byte) bool {
	head := src
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}
