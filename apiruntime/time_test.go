package apiruntime_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/apigen-dev/apigen/apiruntime"
)

func TestTimeDecodes(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s int) time.Time {
		return time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	cases := []struct {
		json string
		want time.Time
	}{
		{`"2017-06-07T21:20:28Z"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"2017-06-07T21:20:28.5+08:00"`, time.Date(2017, 6, 7, 21, 20, 28, 5e8, time.FixedZone("", 8*3600))},
		{`"2017-06-07T21:20:28"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"2017-06-07 21:20:28"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"2017-06-07 21:20:28.123"`, time.Date(2017, 6, 7, 21, 20, 28, 123e6, time.UTC)},
		{`"2017-06-07"`, utc(2017, 6, 7, 0, 0, 0)},
		{`"Jun 7, 2017 9:20:28 PM"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"Jan 6, 2017 3:51:16 AM"`, utc(2017, 1, 6, 3, 51, 16)},
		{`"Sep 15, 2021 12:02:29 PM"`, utc(2021, 9, 15, 12, 2, 29)},
		{`"Nov 14, 2017 12:20:57 AM"`, utc(2017, 11, 14, 0, 20, 57)},
		{`"Jun 7, 2017, 9:20:28` + "\u202f" + `PM"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"Wed, 07 Jun 2017 21:20:28 GMT"`, utc(2017, 6, 7, 21, 20, 28)},
		{`"Wed, 07 Jun 2017 21:20:28 +0800"`, time.Date(2017, 6, 7, 21, 20, 28, 0, time.FixedZone("", 8*3600))},
		{`"07 Jun 17 21:20 UTC"`, utc(2017, 6, 7, 21, 20, 0)},
		{`1496870428`, utc(2017, 6, 7, 21, 20, 28)},
		{`1496870428000`, utc(2017, 6, 7, 21, 20, 28)},
		{`"1496870428"`, utc(2017, 6, 7, 21, 20, 28)},
		{`1496870428.5`, time.Date(2017, 6, 7, 21, 20, 28, 5e8, time.UTC)},
	}
	for _, c := range cases {
		var got apiruntime.Time
		if err := json.Unmarshal([]byte(c.json), &got); err != nil {
			t.Errorf("%s: %v", c.json, err)
			continue
		}
		if !got.Equal(c.want) {
			t.Errorf("%s: got %v, want %v", c.json, got.Time, c.want)
		}
	}
}

func TestTimeNullAndErrors(t *testing.T) {
	var v struct {
		T apiruntime.Time `json:"t"`
	}
	if err := json.Unmarshal([]byte(`{"t":null}`), &v); err != nil || !v.T.IsZero() {
		t.Errorf("null: %v, %v", v.T, err)
	}
	for _, bad := range []string{`{"t":"yesterday"}`, `{"t":true}`, `{"t":{}}`} {
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("%s: want error", bad)
		}
	}
}

func TestTimeEncodes(t *testing.T) {
	type rec struct {
		At   apiruntime.Time  `json:"at"`
		Skip apiruntime.Time  `json:"skip,omitzero"`
		Opt  *apiruntime.Time `json:"opt,omitempty"`
	}
	r := rec{At: apiruntime.Time{Time: time.Date(2017, 6, 7, 21, 20, 28, 0, time.UTC)}}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != `{"at":"2017-06-07T21:20:28Z"}` {
		t.Errorf("got %s", got)
	}
	var back rec
	if err := json.Unmarshal(got, &back); err != nil || !back.At.Equal(r.At.Time) {
		t.Errorf("round trip: %v %v", back.At, err)
	}
	if z, _ := json.Marshal(apiruntime.Time{}); string(z) != "null" {
		t.Errorf("zero Time encodes as %s, want null", z)
	}
}
