package corpus

import (
	"regexp"
	"strings"
	"testing"
)

// A rule's pattern is not run on lines longer than it can match whole; the bound must never
// be shorter than a text the pattern matches.
func TestLongestWholeMatch(t *testing.T) {
	cases := []struct {
		pattern string
		want    int      // -1: no bound
		matches []string // texts the pattern matches: each must fit the bound
	}{
		{`^[0-9٠-٩]{1,6}$`, 24, []string{"123456", "٠١٢٣٤٥"}},
		{`^(?i)k$`, 4, []string{"k", "K", "\u212a"}}, // the Kelvin sign folds to k: 3 bytes
		{`^(?i)(شارك|شاركها|مشاركة|طباعة|share|tweet|print|email)( (على|عبر|هذا|on|via|this)( .{0,40})?)?$`, -2,
			[]string{"Share", "شاركها على فيسبوك", "print this " + strings.Repeat("ش", 40)}},
		{`^a+$`, -1, []string{"aaaa"}},
		{`abc`, -1, nil},               // not anchored: it matches inside any longer line
		{`^abc`, -1, nil},              // anchored at the start only
		{`(?m)^abc$`, -1, nil},         // line anchors
		{`^x$|^y$`, -1, []string{"x"}}, // anchored inside an alternation: no bound taken
	}
	for _, c := range cases {
		got := longestWholeMatch(c.pattern)
		if c.want != -2 && got != c.want {
			t.Errorf("%s: bound %d, want %d", c.pattern, got, c.want)
		}
		re := regexp.MustCompile(c.pattern)
		for _, m := range c.matches {
			if !re.MatchString(m) {
				t.Fatalf("%s does not match %q: fix the test", c.pattern, m)
			}
			if got >= 0 && len(m) > got {
				t.Errorf("%s matches %q (%d bytes) but its bound is %d", c.pattern, m, len(m), got)
			}
		}
	}
	// Every built-in pattern rule is bounded, so long lines skip it.
	for _, r := range DefaultRules() {
		if r.Pattern != "" && longestWholeMatch(r.Pattern) < 0 {
			t.Errorf("built-in rule %s: no bound", r.ID)
		}
	}
}
