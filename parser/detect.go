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

// Detect names the format of one file from its content. QingCloud's own
// Swagger specs are checked before generic OpenAPI: they need their quirks
// handled.
func Detect(file string, src []byte) Format {
	if isBinary(src) {
		return FormatUnknown
	}
	switch {
	case qingcloud.IsQingCloud(file, src):
		return FormatQingCloud
	case openapi.IsOpenAPI(src):
		return FormatOpenAPI
	case zstack.IsZStack(file, src):
		return FormatZStack
	}
	return FormatUnknown
}

// isBinary reports a NUL byte in the first 8 KiB, which no text document has.
func isBinary(src []byte) bool {
	head := src
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}
