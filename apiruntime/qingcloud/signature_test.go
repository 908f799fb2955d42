package qingcloud

import (
	"net/url"
	"testing"
)

// The vectors of corpus/qingcloud/signature-test-vectors.md, each
// recomputed there with Python's hmac; they must match byte for byte.
func TestSignatureVectors(t *testing.T) {
	runInstances := func(zone string) url.Values {
		return url.Values{
			"count": {"1"}, "vxnets.1": {"vxnet-0"}, "zone": {zone}, "instance_type": {"small_b"},
			"signature_version": {"1"}, "signature_method": {"HmacSHA256"}, "instance_name": {"demo"},
			"image_id": {"centos64x86a"}, "login_mode": {"passwd"}, "login_passwd": {"QingCloud20130712"},
			"version": {"1"}, "access_key_id": {"QYACCESSKEYIDEXAMPLE"}, "action": {"RunInstances"},
			"time_stamp": {"2013-08-27T14:30:10Z"},
		}
	}
	tests := []struct {
		name, path, secret string
		params             url.Values
		wantToSign         string // "" when the vector gives none
		wantBase64         string // "" when the vector gives none
		wantEscaped        string
	}{
		{
			name: "V1 current doc, pek3a", path: "/iaas/", secret: "SECRETACCESSKEY", params: runInstances("pek3a"),
			wantToSign:  "GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1&image_id=centos64x86a&instance_name=demo&instance_type=small_b&login_mode=passwd&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a",
			wantBase64:  "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=",
			wantEscaped: "byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D",
		},
		{
			name: "V2 old doc and sdk TestSigner1, pek1", path: "/iaas/", secret: "SECRETACCESSKEY", params: runInstances("pek1"),
			wantBase64:  "32bseYy39DOlatuewpeuW5vpmW51sD1A/JdGynqSpP8=",
			wantEscaped: "32bseYy39DOlatuewpeuW5vpmW51sD1A%2FJdGynqSpP8%3D",
		},
		{
			name: "V3 sdk TestSigner0, path without slash", path: "/iaas", secret: "ENV_SECRET_ACCESS_KEY",
			params: url.Values{
				"access_key_id": {"ENV_ACCESS_KEY_ID"}, "action": {"DescribeInstance"}, "instance.0": {"i-xxxxxxxx"},
				"signature_method": {"HmacSHA256"}, "signature_version": {"1"}, "time_stamp": {"0001-01-01T00:00:00Z"}, "verbose": {"1"},
			},
			wantToSign:  "GET\n/iaas\naccess_key_id=ENV_ACCESS_KEY_ID&action=DescribeInstance&instance.0=i-xxxxxxxx&signature_method=HmacSHA256&signature_version=1&time_stamp=0001-01-01T00%3A00%3A00Z&verbose=1",
			wantEscaped: "ZHa2iQ8PeyP1ktMF9C%2BDjOQBl537ti9RnYZ1Qqr6KRg%3D",
		},
		{
			name: "V6 escaping: space, plus, slash, UTF-8, tilde, star", path: "/iaas/", secret: "SECRETACCESSKEY",
			params: url.Values{
				"access_key_id": {"QYACCESSKEYIDEXAMPLE"}, "action": {"ModifyInstanceAttributes"}, "instance": {"i-abcd1234"},
				"instance_name": {"my vm+1/测试~*"}, "signature_method": {"HmacSHA256"}, "signature_version": {"1"},
				"time_stamp": {"2013-08-27T14:30:10Z"}, "version": {"1"}, "zone": {"pek3a"},
			},
			wantToSign:  "GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=ModifyInstanceAttributes&instance=i-abcd1234&instance_name=my%20vm%2B1%2F%E6%B5%8B%E8%AF%95~%2A&signature_method=HmacSHA256&signature_version=1&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&zone=pek3a",
			wantBase64:  "Kaam/SjGmVi+y9xJkj8RwJA7WVTFvp75rdGuJEjXbNQ=",
			wantEscaped: "Kaam%2FSjGmVi%2By9xJkj8RwJA7WVTFvp75rdGuJEjXbNQ%3D",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantToSign != "" {
				if got := StringToSign("GET", tt.path, tt.params); got != tt.wantToSign {
					t.Errorf("StringToSign:\n got %q\nwant %q", got, tt.wantToSign)
				}
			}
			got := Sign("GET", tt.path, tt.params, tt.secret)
			if tt.wantBase64 != "" && got != tt.wantBase64 {
				t.Errorf("Sign = %q, want %q", got, tt.wantBase64)
			}
			if esc := url.QueryEscape(got); esc != tt.wantEscaped {
				t.Errorf("escaped signature = %q, want %q", esc, tt.wantEscaped)
			}
			// A signature already in params must not change the result.
			withSig := url.Values{"signature": {"x"}}
			for k, v := range tt.params {
				withSig[k] = v
			}
			if again := Sign("get", tt.path, withSig, tt.secret); again != got {
				t.Errorf("signature param or lower-case method changed the result: %q", again)
			}
		})
	}
}

// The ShanHe page prints V1's value for its own inputs; the vectors file
// gives the right one. This pins that the published value is indeed wrong.
func TestShanheDocValueIsWrong(t *testing.T) {
	p := url.Values{
		"count": {"1"}, "vxnets.1": {"vxnet-0"}, "zone": {"jn1a"}, "instance_type": {"small_b"},
		"signature_version": {"1"}, "signature_method": {"HmacSHA256"}, "instance_name": {"demo"},
		"image_id": {"centos64x86a"}, "login_mode": {"passwd"}, "login_passwd": {"ShanHe20130712"},
		"version": {"1"}, "access_key_id": {"QYACCESSKEYIDEXAMPLE"}, "action": {"RunInstances"},
		"time_stamp": {"2013-08-27T14:30:10Z"},
	}
	got := Sign("GET", "/iaas/", p, "SECRETACCESSKEY")
	if got != "T11OpgmCd5daTCFbiABhH9X5iS0dj7gs15EFa/2hz9A=" {
		t.Errorf("Sign = %q, want the recomputed V5 value", got)
	}
	if got == "byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=" {
		t.Error("matched the value the ShanHe page prints, which belongs to other inputs")
	}
}

func TestSignHmacSHA1(t *testing.T) {
	p := url.Values{"action": {"DescribeJobs"}, "signature_method": {"HmacSHA1"}}
	got := Sign("GET", "/iaas/", p, "s")
	// SHA-1 gives 20 bytes: 28 base64 characters; SHA-256 gives 44.
	if len(got) != 28 {
		t.Errorf("HmacSHA1 signature %q has length %d, want 28", got, len(got))
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"AZaz09-_.~":                "AZaz09-_.~",
		"a b":                       "a%20b",
		"a+b":                       "a%2Bb",
		"2013-08-27T14:30:10Z":      "2013-08-27T14%3A30%3A10Z",
		"vxnet-abcd123|192.168.1.2": "vxnet-abcd123%7C192.168.1.2",
		"=&?/#%*'()!":               "%3D%26%3F%2F%23%25%2A%27%28%29%21",
		"é":                         "%C3%A9",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalQuerySortsBytewise(t *testing.T) {
	// '.' (0x2E) sorts before '_' (0x5F) and upper case before lower case.
	p := url.Values{"vxnets_x": {"1"}, "vxnets.2": {"b"}, "vxnets.10": {"c"}, "Zed": {"z"}, "vxnets.1": {"a"}, "signature": {"s"}}
	want := "Zed=z&vxnets.1=a&vxnets.10=c&vxnets.2=b&vxnets_x=1"
	if got := CanonicalQuery(p); got != want {
		t.Errorf("CanonicalQuery = %q, want %q", got, want)
	}
}
