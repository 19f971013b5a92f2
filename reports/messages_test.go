package reports

import (
	"slices"
	"strings"
	"testing"
)

// Every language has every message, with the same placeholders, and no message is empty.
func TestMessagesComplete(t *testing.T) {
	langs := Languages()
	if !slices.Equal(langs, []string{"ar", "en"}) {
		t.Fatalf("languages %v", langs)
	}
	en, err := MessagesFor("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range langs {
		m, err := MessagesFor(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.IDs(), en.IDs()) {
			t.Errorf("%s has ids %v, en %v", lang, m.IDs(), en.IDs())
		}
		for _, id := range en.IDs() {
			if strings.TrimSpace(m.Text(id)) == "" {
				t.Errorf("%s: %s is empty", lang, id)
			}
			if !slices.Equal(slices.Compact(m.Placeholders(id)), slices.Compact(en.Placeholders(id))) {
				t.Errorf("%s: %s has placeholders %v, en %v", lang, id, m.Placeholders(id), en.Placeholders(id))
			}
		}
	}
	if ar, _ := MessagesFor("ar"); !ar.RTL || en.RTL {
		t.Error("direction: ar should read right to left, en left to right")
	}
}

func TestMessageText(t *testing.T) {
	m, _ := MessagesFor("en")
	got := m.Text("finding.speaker", "n", 3, "total", 4, "theme", "sovereignty", "percent", "75", "speaker", "Xi Jinping")
	if want := "Across the corpus, 3 of the 4 mentions of sovereignty (75%) are attributed to Xi Jinping."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := m.Text("no.such.id"); got != "[no.such.id]" {
		t.Errorf("unknown id: %q", got)
	}
	for _, bad := range []string{"fr", "", "../lang/en", "en.yaml"} {
		if _, err := MessagesFor(bad); err == nil {
			t.Errorf("MessagesFor(%q) should fail", bad)
		}
	}
}

// A chart's source line in Arabic keeps the article count with its word when the corpus name
// is Latin (a path): without the RIGHT-TO-LEFT MARK after the name, the bidi algorithm reads
// the count as part of the name's left-to-right run (rule W7), and the line showed
// "readout 0.1.0، /tmp/c2000، 2000" together, far from «مقالات».
func TestArabicSourceKeepsCountWithItsWord(t *testing.T) {
	m, err := MessagesFor("ar")
	if err != nil {
		t.Fatal(err)
	}
	src := m.Text("chart.source", "version", "0.1.0", "corpus", "/tmp/c2000", "n", 2000, "first", "2019-01-01", "last", "2025-12-29", "hash", "bfb588540c08")
	n := len([]rune(src))
	vis := visualByBidi(t, src, true, [][2]int{{0, n}})[0]
	if !strings.Contains(vis, "لاقم 2000") { // «2000 مقال» in visual order, right to left
		t.Errorf("the count is not beside its word:\n%q\nvisual %q", src, vis)
	}
}

// Arabic counted nouns take their form from the number (CLDR's Arabic plural rules).
func TestArabicCount(t *testing.T) {
	m, err := MessagesFor("ar")
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "1 مقال ", 2: "2 مقالان ", 5: "5 مقالات ", 10: "10 مقالات ", 11: "11 مقالا ", 29: "29 مقالا ", 100: "100 مقال ", 103: "103 مقالات ", 2000: "2000 مقال "} {
		src := m.Text("chart.source", "version", "0.1.0", "corpus", "c", "n", n, "first", "2019-01-01", "last", "2025-12-29", "hash", "x")
		if !strings.Contains(src, want) {
			t.Errorf("n=%d: %q, want %q", n, src, want)
		}
	}
}

// {name|one|other} chooses a word by the number: "1 article", "2 articles", "0 articles".
func TestPluralChoice(t *testing.T) {
	m, err := MessagesFor("en")
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{0: "(0 articles)", 1: "(1 article)", 2: "(2 articles)", 11: "(11 articles)"} {
		if got := m.Text("run.period", "period", "2020", "n", n); got != "2020 "+want {
			t.Errorf("n=%d: %q, want %q", n, got, "2020 "+want)
		}
	}
}

// An Arabic finding that lists English key terms reads them in their order, right to left,
// each with its brackets, the period beside its preposition (a helper's mixed corpus showed the
// list as one left-to-right run, reversed, the year at its far end).
func TestArabicListOfLatinTerms(t *testing.T) {
	m, err := MessagesFor("ar")
	if err != nil {
		t.Fatal(err)
	}
	terms := m.List([]string{m.Text("finding.keyness.term", "term", "war", "g2", "9.63"), m.Text("finding.keyness.term", "term", "both", "g2", "6.02")})
	txt := m.Text("finding.keyness", "to", "2024", "from", "2019", "terms", terms, "significance", "")
	vis := visualByBidi(t, txt, true, [][2]int{{0, len([]rune(txt))}})[0]
	war, both, year := strings.Index(vis, "war"), strings.Index(vis, "both"), strings.Index(vis, "2019")
	if war < 0 || both < 0 || year < 0 || !(both < war && war < year) {
		t.Errorf("visual order (left to right) should be both, war, 2019:\n%q", vis)
	}
	if !strings.Contains(vis, "war \u2060(G² \u20609.63)") || !strings.Contains(vis, "both \u2060(G² \u20606.02)") {
		t.Errorf("an item's brackets or number moved:\n%q", vis)
	}
	if en, _ := MessagesFor("en"); en.List([]string{"a (1)", "b"}) != "a \u2060(1), b" {
		t.Errorf("English list %q", en.List([]string{"a (1)", "b"}))
	}
}
