package doctable

import "testing"

func TestPlainMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  plain words  ", "plain words"},
		{"body(包含在**changeClusterState**结构中)", "body(包含在changeClusterState结构中)"},
		{"上述示例中**systemTags**、**userTags**字段", "上述示例中systemTags、userTags字段"},
		{"**注意:** 说明", "注意: 说明"},
		{"_Example Request_:", "Example Request:"},
		{"instance_type and vxnets_n", "instance_type and vxnets_n"},
		{"插槽数 * 核心数 * 线程数", "插槽数 * 核心数 * 线程数"},
		{"***both***", "both"},
		{"**unclosed", "**unclosed"},
		{"a ~~struck~~ 20~100", "a struck 20~100"},
		{"`code **not bold**`", "code **not bold**"},
		{"`` a`b ``", "a`b"},
		{"``` vxnet-id|ip-address ```", "vxnet-id|ip-address"},
		{"`unclosed", "`unclosed"},
		{"[_Instance Types_](../../../common/instance_type/)", "Instance Types"},
		{"see [text][ref] and [t]()", "see text and t"},
		{"详情参考[inventory]", "详情参考[inventory]"},
		{"![](https://x/img.png) after", "after"},
		{"[a [nested](u) b](v)", "a nested b"},
		{"<https://e.com/x>", "https://e.com/x"},
		{"a<br/>b<br>c<BR />d", "a\nb\nc\nd"},
		{"x<br/><br/>  y ", "x\ny"},
		{"<span style=\"x\">kept</span>", "kept"},
		{"List<VmInstanceInventory>", "List<VmInstanceInventory>"},
		{"a < b > c", "a < b > c"},
		{"&lt;&amp;&#65;&#x42;&nbsp;&bogus; &COMMON_PARAMS &", "<&AB\u00a0&bogus; &COMMON_PARAMS &"},
		{`\*not emphasis\* \| C:\path \\`, `*not emphasis* | C:\path \`},
		{"(\\^?(\\d+)(-\\d+)?,)+", "(^?(\\d+)(-\\d+)?,)+"},
	}
	for _, tt := range tests {
		if got := plainMarkdown(tt.in); got != tt.want {
			t.Errorf("plainMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlainAsciiDoc(t *testing.T) {
	tests := []struct{ in, want string }{
		{"有效值请参考 link:../../../common/instance_type/[Instance Types] 。", "有效值请参考 Instance Types 。"},
		{"link:http://www.w3.org/TR/NOTE-datetime[ISO8601].", "ISO8601."},
		{"see https://e.com/x[the site] or https://e.com/y[]", "see the site or https://e.com/y"},
		{"link:u[Title,window=_blank]", "Title"},
		{"xref:a.adoc[] <<anchor,Text>> <<bare>>", "a.adoc Text bare"},
		{"*action* and **bold**x", "action and boldx"},
		{"为 ``plain``或 ``exec`` 时", "为 plain或 exec 时"},
		{"'`exec`' 时", "'exec' 时"},
		{"`vxnet-id|ip-address`", "vxnet-id|ip-address"},
		{"snake_case and a*b", "snake_case and a*b"},
		{"[brackets] stay, https: too", "[brackets] stay, https: too"},
	}
	for _, tt := range tests {
		if got := plainAsciiDoc(tt.in); got != tt.want {
			t.Errorf("plainAsciiDoc(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
