package output

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func TestWriteFormats(t *testing.T) {
	rows := Rows{Columns: []string{"theme", "per_1k", "warnings", "note"}}
	rows.Add("sovereignty", 1.25, []string{"a", "b"}, `<"شي">`)
	rows.Add("un", math.NaN(), []string(nil), nil)
	var b bytes.Buffer
	if err := Write(&b, CSV, Run{}, rows); err != nil {
		t.Fatal(err)
	}
	want := "theme,per_1k,warnings,note\nsovereignty,1.25,a; b,\"<\"\"شي\"\">\"\nun,,,\n"
	if b.String() != want {
		t.Errorf("csv =\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, JSON, Run{Tool: "readout", Parameters: map[string]any{"z": 1, "a": 2}}, rows); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, w := range []string{`"per_1k": null`, `"warnings": []`, `"note": "<\"شي\">"`, `"a": 2,`} {
		if !strings.Contains(s, w) {
			t.Errorf("json lacks %s:\n%s", w, s)
		}
	}
	if strings.Index(s, `"theme"`) > strings.Index(s, `"per_1k"`) {
		t.Error("json keys are not in column order")
	}
}

func TestParseFormat(t *testing.T) {
	if _, err := ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), `unsupported format "xml"`) {
		t.Errorf("err = %v", err)
	}
}
