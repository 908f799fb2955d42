package doctable_test

import (
	"fmt"

	"github.com/apigen-dev/apigen/parser/doctable"
)

// A scraped ZStack page: the table is glued to its caption line and one row
// lacks a cell, which the caller, not doctable, decides how to report.
func ExampleParseMarkdown() {
	src := "#### 创建区域(CreateZone)\n" +
		" 参数列表\n" +
		"| 名字 | 类型 | 描述 |\n" +
		"| --- | --- | --- |\n" +
		"| name | String | **资源**名称 |\n" +
		"| description (可选) | String |\n"
	doc, err := doctable.ParseMarkdown("zones.md", []byte(src))
	if err != nil {
		panic(err)
	}
	for _, t := range doc.Tables() {
		fmt.Printf("%s: %s / %s %q\n", t.Pos, t.Heading, t.Caption, t.Header)
		for _, r := range t.Rows {
			if len(r.Cells) != len(t.Header) {
				fmt.Printf("%s: %d cells, header has %d\n", r.Pos, len(r.Cells), len(t.Header))
				continue
			}
			fmt.Printf("%s: %q\n", r.Pos, r.Cells)
		}
	}
	// Output:
	// zones.md:3:1: 创建区域(CreateZone) / 参数列表 ["名字" "类型" "描述"]
	// zones.md:5:1: ["name" "String" "资源名称"]
	// zones.md:6:1: 2 cells, header has 3
}

// An AsciiDoc table with one cell per line; cols= says where rows end.
func ExampleParseAsciiDoc() {
	src := "*Request Parameters*\n\n" +
		"[option=\"header\",cols=\"1,1,2a,1\"]\n" +
		"|===\n" +
		"| Parameter name | Type | Description | Required\n\n" +
		"| image_id\n| String\n| 镜像ID，见 link:../images/[Images] +\n\n* 可传自己的镜像\n| Yes\n" +
		"|===\n"
	doc, err := doctable.ParseAsciiDoc("run_instances.adoc", []byte(src))
	if err != nil {
		panic(err)
	}
	t := doc.Tables()[0]
	fmt.Println(t.Pos, t.Caption)
	for _, r := range t.Rows {
		fmt.Printf("%s: %q\n", r.Pos, r.Cells)
	}
	// Output:
	// run_instances.adoc:5:1 Request Parameters
	// run_instances.adoc:7:1: ["image_id" "String" "镜像ID，见 Images\n* 可传自己的镜像" "Yes"]
}
