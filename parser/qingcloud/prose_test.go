package qingcloud

import (
	"slices"
	"testing"

	"github.com/apigen-dev/apigen/ir"
)

var (
	tInt  = ir.Prim(ir.KindInteger, "")
	tStr  = ir.Prim(ir.KindString, "")
	tBool = ir.Prim(ir.KindBoolean, "")
)

func TestInferDefault(t *testing.T) {
	cases := []struct {
		desc string
		typ  ir.TypeRef
		want string // "" for no default
	}{
		{"创建云服务器的数量，默认是1\n注解", tInt, "1"},
		{"默认值为：20", tInt, "20"},
		{"1: 生成新的SID，0: 不生成新的SID, 默认为0；只对Windows有效。", tInt, "0"},
		{"返回数据长度，默认为20，最大100", tInt, "20"},
		{"1: 使用；0: 不使用；默认为 0 。", tInt, "0"},
		{"hypervisor 类型，当前支持 kvm 和 bm, 默认是 kvm", tStr, `"kvm"`},
		{"目前仅支持 aes256，默认 aes256", tStr, `"aes256"`},
		{"指定生成可执行文件的路径，默认为/etc/rc.local", tStr, `"/etc/rc.local"`},
		{"Defaults to kvm.", tStr, `"kvm"`},
		{"The default value is 5", tInt, "5"},
		{"Include details, default is false", tBool, "false"},
		// Not clear statements, or not of the parameter's type:
		{"Linux 默认值为：20\nWindows 默认值为：50", tInt, ""},
		{"若未提供，则默认加载缺省防火墙", tStr, ""},
		{"网卡多对列: 关闭(默认)：0，开启：1", tInt, ""},
		{"为默认目录 /etc/qingcloud/userdata", tStr, ""},
		{"默认是 kvm", tInt, ""},
		{"uses the default firewall", tStr, ""},
		{"默认为0", ir.ListOf(tInt), ""},
	}
	for _, c := range cases {
		got, _ := inferDefault(c.desc, c.typ)
		if got != c.want {
			t.Errorf("inferDefault(%q, %s) = %q, want %q", c.desc, c.typ, got, c.want)
		}
	}
}

func TestInferEnum(t *testing.T) {
	cases := []struct {
		desc string
		typ  ir.TypeRef
		want []string
	}{
		{"CPU core，有效值为: 1, 2, 4, 8, 16", tInt, []string{"1", "2", "4", "8", "16"}},
		{"当为 linux 云服务器时，有效值为 keypair 和 passwd; 当为 windows 时只能 passwd", tStr, []string{`"keypair"`, `"passwd"`}},
		{"CPU 指令集, 有效值: Westmere, SandyBridge, IvyBridge", tStr, []string{`"Westmere"`, `"SandyBridge"`, `"IvyBridge"`}},
		{"User Data 类型，有效值：’plain’, ‘exec’ 或 ‘tar’。为 ‘plain’时", tStr, []string{`"plain"`, `"exec"`, `"tar"`}},
		{"GPU 类型，有效值有 0 和 1 。0 对应的是 P100", tInt, []string{"0", "1"}},
		{"有效值有 0,1,6,7  (0 对应的是 RTX6000)", tInt, []string{"0", "1", "6", "7"}},
		{"Valid values are tcp, udp, or icmp.", tStr, []string{`"tcp"`, `"udp"`, `"icmp"`}},
		// Not enums:
		{"Linux操作系统的有效值为：20-100，默认值为：20", tInt, nil},
		{"云服务器类型，有效值请参考 Instance Types", tStr, nil},
		{"有效值为 windows, centos, ubuntu, debian, fedora等", tStr, nil},
		{"有效值为: 1, 2, x", tInt, nil},
		{"有效值为 64bit", tStr, nil},
		{"主机状态: pending, running, stopped", tStr, nil},
		{"有效值为 a 和 b。另外，有效值为 c 和 d", tStr, nil},
	}
	for _, c := range cases {
		got, _ := inferEnum(c.desc, c.typ)
		if !slices.Equal(got, c.want) {
			t.Errorf("inferEnum(%q, %s) = %q, want %q", c.desc, c.typ, got, c.want)
		}
	}
}

// Integer codes each labelled with their meaning make a list, in either
// order of code and label; a label saying 默认 marks the default. Prose
// that only mentions codes, or one code, is no list.
func TestInferLabelled(t *testing.T) {
	cases := []struct {
		desc    string
		typ     ir.TypeRef
		want    []string
		wantDef string
	}{
		{"云服务器性能类型: 性能型:0, 超高性能型:1, 基础型:101, 企业型:201", tInt, []string{"0", "1", "101", "201"}, ""},
		{"网卡多对列: 关闭(默认)：0，开启：1", tInt, []string{"0", "1"}, "0"},
		{"1: 使用 User Data 功能；0: 不使用 User Data 功能；默认为 0 。", tInt, []string{"1", "0"}, ""},
		{"性能型:0, 超高性能型:1", tStr, nil, ""},
		{"端口: 22", tInt, nil, ""},
		{"取值范围 1-100，超过 100: 报错", tInt, nil, ""},
	}
	for _, c := range cases {
		got, def, ok := inferLabelled(c.desc, c.typ)
		if ok != (c.want != nil) || !slices.Equal(got, c.want) || def != c.wantDef {
			t.Errorf("%q: got %v default %q (%v), want %v default %q", c.desc, got, def, ok, c.want, c.wantDef)
		}
	}
}
