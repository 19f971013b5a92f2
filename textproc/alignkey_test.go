package textproc

import "testing"

// One case per rule of AlignKey: what it joins, and what it must keep apart.
func TestAlignKey(t *testing.T) {
	same := []struct{ rule, a, b string }{
		{"article", "السيادة", "سيادة"},
		{"conjunction + article", "والتنسيق", "التنسيق"},
		{"preposition + article (لل)", "للتعاون", "التعاون"},
		{"conjunction before a word of four letters", "وأمن", "الأمن"},
		{"pronoun suffix with the ta marbuta", "سيادتهما", "السيادة"},
		{"pronoun suffix", "مصالحهما", "المصالح"},
		{"plural ات", "الاتصالات", "الاتصال"},
		{"dual ين after four letters", "المشاركين", "المشاركون"},
		{"pronoun before a preposition", "بعضهما", "بعض"},
		{"indefinite accusative", "سهلاً", "سهل"},
		{"ta marbuta after three letters", "سهلة", "سهل"},
		{"dual feminine تين with the nisba", "استراتيجيتين", "الاستراتيجية"},
		{"ta marbuta", "الشراكة", "شراك"},
		{"nisba ي", "استراتيجي", "الاستراتيجية"},
		{"masculine plural ون", "المشاركون", "المشارك"},
		{"English inflection", "partners", "partner"},
		{"English -ing", "strengthening", "strengthen"},
	}
	for _, c := range same {
		a, b := AlignKey(Normalize(c.a)), AlignKey(Normalize(c.b))
		if a != b {
			t.Errorf("%s: %s → %q, %s → %q, want the same key", c.rule, c.a, a, c.b, b)
		}
	}
	apart := []struct{ rule, a, b string }{
		{"و at the start of a three-letter word stays", "وعد", "عد"},
		{"ب at the start of a short word stays", "بعض", "عض"},
		{"a three-letter word keeps its ending", "أمن", "أم"},
		{"ون of a four-letter word is its own", "التعاون", "تعا"},
		{"ف alone is not stripped", "فوائد", "وائد"},
		{"different words", "السيادة", "السياسة"},
		{"derivation is not inflection (equivalents are the lexicon's)", "شريك", "شراكة"},
	}
	for _, c := range apart {
		a, b := AlignKey(Normalize(c.a)), AlignKey(Normalize(c.b))
		if a == b {
			t.Errorf("%s: %s and %s share the key %q", c.rule, c.a, c.b, a)
		}
	}
	if AlignKey("2023") != "2023" || AlignKey("") != "" {
		t.Error("numbers and empty words are their own key")
	}
}

// A word's roles, computed once per distinct word, are the lexicon's predicates.
func TestRolesArePredicates(t *testing.T) {
	lx := DefaultLexicon()
	d := lx.Analyze("وقال الرئيس شي إن تعزيز العلاقات الثنائية مضيفا أن الصين تدعم روسيا في مجلس الأمن، كما قال الوزير.")
	if len(d.Tokens) == 0 || !d.forms[0].hasStem {
		t.Fatal("no tokens, or roles not cached by the analyzer")
	}
	seen := WordRoles(0)
	for i := range d.Tokens {
		n := d.Norm[i]
		want := WordRoles(0)
		for _, c := range []struct {
			on   bool
			role WordRoles
		}{{lx.IsName(n), RoleName}, {lx.IsGeneric(n), RoleGeneric}, {lx.IsReportingVerb(n), RoleReporting}, {lx.IsContinuation(n), RoleContinuation}, {lx.IsTitle(n), RoleTitle}, {lx.otherHeads.has(n), RoleOther}} {
			if c.on {
				want |= c.role
			}
		}
		if got := d.Roles(i); got != want {
			t.Errorf("%q: roles %06b, want %06b", n, got, want)
		}
		seen |= want
	}
	// the sentence has a word of each role, so each bit is checked
	if seen != RoleName|RoleGeneric|RoleReporting|RoleContinuation|RoleTitle|RoleOther {
		t.Errorf("roles seen %06b: the sentence lacks a role", seen)
	}
}
