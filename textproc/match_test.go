package textproc

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// findTerm reports whether term (compiled like a lexicon term) is found in text.
func findTerm(t *testing.T, term, text string) bool {
	t.Helper()
	p, err := CompilePhrase(term)
	if err != nil {
		t.Fatal(err)
	}
	lx := DefaultLexicon()
	return len(lx.Analyze(text).Find(p)) > 0
}

// Forms that must match a term, one per clitic rule, written with the real characters.
func TestCliticsMustMatch(t *testing.T) {
	cases := []struct{ rule, term, text string }{
		{"bare", "سيادة", "سيادة"},
		{"article", "سيادة", "السيادة"},
		{"conjunction و", "سيادة", "وسيادة"},
		{"conjunction ف", "سيادة", "فسيادة"},
		{"preposition ب", "سيادة", "بسيادة"},
		{"preposition ل", "سيادة", "لسيادة"},
		{"preposition ك (core of 4+)", "شريك", "كشريك"},
		{"و + ال", "التعددية", "والتعددية"},
		{"ب + ال", "السيادة", "بالسيادة"},
		{"ف + ال", "السيادة", "فالسيادة"},
		{"ك + ال", "الشريك", "كالشريك"},
		{"ل + ال = لل", "الأمم المتحدة", "للأمم المتحدة"},
		{"و + لل", "الأمم المتحدة", "وللأمم المتحدة"},
		{"و + ب", "سيادة", "وبسيادة"},
		{"suffix ها", "سيادة", "سيادتها"},
		{"suffix هما", "السيادة", "سيادتهما"},
		{"suffix هم", "أمن", "أمنهم"},
		{"suffix ه", "أمن", "وأمنه"},
		{"suffix نا", "سيادة", "سيادتنا"},
		{"prefix and suffix", "السيادة", "بسيادتهما"},
		{"term with article, text without", "الأمن", "أمن البلدين"},
		{"hamza variants", "الإستراتيجية", "الاستراتيجية"},
		{"ta marbuta as ha", "السيادة", "السياده"},
		{"alef maqsura as ya", "مستوى", "مستوي"},
		{"diacritics", "السيادة", "السِّيَادَةُ"},
		{"tatweel", "الصين", "الصـــين"},
		{"spelling variant via lexicon", "شانغهاي", "شانغهاي"},
		{"suffix on the first of two words", "الشراكة الاستراتيجية", "شراكتهما الإستراتيجية"},
		{"wildcard", "استراتيجي*", "الاستراتيجيتين"},
		{"english case", "BRICS", "brics"},
		{"english plural", "sanction", "Sanctions"},
		{"english possessive", "china", "China's"},
		{"english -ies", "economy", "economies"},
	}
	for _, c := range cases {
		if !findTerm(t, c.term, c.text) {
			t.Errorf("%s: %q should be found in %q", c.rule, c.term, c.text)
		}
	}
}

// Look-alikes that must not match: over-matching is as much a defect as a miss.
func TestCliticsMustNotMatch(t *testing.T) {
	cases := []struct{ why, term, text string }{
		{"different word, shared letters", "شي", "شيء"},
		{"adjective is not the country", "الصين", "الصينية"},
		{"ك + 3-letter core is not a clitic", "أمن", "كامن"},
		{"a suffix never follows the article", "السيادة", "السيادتها"},
		{"middle word takes no proclitic", "الأمم المتحدة", "الأمم والمتحدة"},
		{"multipolarity is not multilateralism", "التعددية", "تعددي"},
		{"english prefix", "un", "unity"},
		{"english no suffix stripping of stems", "trade", "trader"},
		{"word order", "الحزام والطريق", "والطريق الحزام"},
	}
	for _, c := range cases {
		if findTerm(t, c.term, c.text) {
			t.Errorf("%s: %q must not be found in %q", c.why, c.term, c.text)
		}
	}
}

// mentions counts the mentions of theme in text.
func mentions(lx *Lexicon, text, theme string) int {
	n := 0
	for _, m := range lx.Analyze(text).Matches {
		if m.Theme == theme {
			n++
		}
	}
	return n
}

func TestExclusionsAndGlosses(t *testing.T) {
	lx := DefaultLexicon()
	count := func(text, theme string) int { return mentions(lx, text, theme) }
	cases := []struct {
		text, theme string
		want        int
	}{
		{"زار نائب رئيس مجلس الأمن الروسي الصين.", "un", 0},
		{"في إطار مجلس الأمن الدولي.", "un", 1},
		{"في إطار مجلس الأمن الدولي.", "security", 0},
		{"الحفاظ على الأمن الغذائي وأمن الطاقة.", "security", 0},
		{"الحفاظ على الأمن الغذائي وأمن الطاقة.", "energy", 1},
		{"تعزيز التعددية القطبية.", "multilateralism", 0},
		{"منظمة شانغهاي للتعاون (Shanghai Cooperation Organisation) وبريكس (BRICS).", "sco", 1},
		{"منظمة شانغهاي للتعاون (Shanghai Cooperation Organisation) وبريكس (BRICS).", "brics", 1},
		{"The SCO and the UN (United Nations).", "un", 1},
		{"بريكس. (BRICS)", "brics", 2}, // not a gloss: another sentence
	}
	for _, c := range cases {
		if got := count(c.text, c.theme); got != c.want {
			t.Errorf("%q: %s = %d, want %d", c.text, c.theme, got, c.want)
		}
	}
}

func TestSplit(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"arabic punctuation", "قال شي إن التعاون مهم. وأضاف أن العلاقات قوية؟ نعم؛ بالتأكيد!", []string{"قال شي إن التعاون مهم.", "وأضاف أن العلاقات قوية؟", "نعم؛", "بالتأكيد!"}},
		{"decimal number", "نما بنسبة 2.5 في المئة.", []string{"نما بنسبة 2.5 في المئة."}},
		{"abbreviation", "Mr. Xi met Dr. Smith in the U.S. today. Then he left.", []string{"Mr. Xi met Dr. Smith in the U.S. today.", "Then he left."}},
		{"quote stays with its sentence", "قال: «التعاون مهم.» ثم غادر.", []string{"قال: «التعاون مهم.»", "ثم غادر."}},
		{"curly quote after stop", "He said “we agree.” Then left.", []string{"He said “we agree.”", "Then left."}},
		{"straight quote after stop", `قال "نحن متفقون." ثم غادر.`, []string{`قال "نحن متفقون."`, "ثم غادر."}},
		{"line breaks", "عنوان\nنص أول.\n\nنص ثان", []string{"عنوان", "نص أول.", "نص ثان"}},
		{"url dot", "see readout.example today.", []string{"see readout.example today."}},
	}
	for _, c := range cases {
		toks := Tokenize(c.text)
		var got []string
		for _, s := range Split(c.text, toks) {
			got = append(got, c.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestSplitHeadingsAndQuotes(t *testing.T) {
	text := "تعزيز التنسيق في الشؤون الدولية\nقال شي: \"التعاون مهم. والعلاقات قوية\".\n"
	s := Split(text, Tokenize(text))
	if len(s) != 3 || !s[0].Heading || s[1].Heading {
		t.Fatalf("sentences %+v", s)
	}
	if !s[2].InQuote || s[1].InQuote {
		t.Errorf("quote tracking: %v %v", s[1].InQuote, s[2].InQuote)
	}
}

// A paragraph that goes on with a quotation opened in the one before has only its closing mark:
// the mark ends the quotation, it does not open one over the sentences after it.
func TestSplitClosingQuote(t *testing.T) {
	text := "قال بوتين: \"نحن جيران.\nوسنبقى كذلك\". وصفق الحاضرون طويلا.\n"
	s := Split(text, Tokenize(text))
	if len(s) != 3 {
		t.Fatalf("sentences %+v", s)
	}
	if s[1].InQuote || s[2].InQuote {
		t.Errorf("quote tracking: %v %v, want false false", s[1].InQuote, s[2].InQuote)
	}
}

// A quotation the paragraph leaves open is Unclosed, unless the next paragraph opens with a
// quotation mark (a quotation of several paragraphs); a closed one never is.
func TestSplitUnclosedQuote(t *testing.T) {
	for _, c := range []struct {
		text     string
		unclosed []bool
	}{
		{"Xi said: \"We agree. It is time.\n\nThe talks ended.\n", []bool{false, true, false}},
		{"Xi said: \"We agree. It is time.\n\n\"It will last,\" he added.\n", []bool{false, false, false}},
		{"Xi said: \"We agree. It is time.\" The talks ended.\n", []bool{false, false, false}},
	} {
		s := Split(c.text, Tokenize(c.text))
		var got []bool
		for _, x := range s {
			got = append(got, x.Unclosed)
		}
		if !slices.Equal(got, c.unclosed) {
			t.Errorf("%q: unclosed %v, want %v", c.text, got, c.unclosed)
		}
	}
}

func TestEnglishSpeakers(t *testing.T) {
	lx := DefaultLexicon()
	cases := []struct{ text, want string }{
		{"Xi said China and Russia should deepen cooperation.", "xi"},
		{"President Xi Jinping stressed that sovereignty matters.", "xi"},
		{"\"We agree,\" said Putin.", "putin"},
		{"Putin told reporters that trade had grown.", "putin"},
		{"The two leaders agreed to meet again.", "joint"},
		{"Xi and Putin said they would meet.", "joint"},
		{"The talks took place in Moscow.", "none"},
		{"The foreign minister said the visit was useful.", "other"},
	}
	for _, c := range cases {
		d := lx.Analyze(c.text)
		if got := d.Sentences[0].Speaker; got != c.want {
			t.Errorf("%q: speaker %s, want %s", c.text, got, c.want)
		}
	}
	// continuation in English
	d := lx.Analyze("Putin said trade grew. He added that energy was key. The weather was fine.")
	got := []string{d.Sentences[0].Speaker, d.Sentences[1].Speaker, d.Sentences[2].Speaker}
	if strings.Join(got, ",") != "putin,putin,none" {
		t.Errorf("continuation: %v", got)
	}
}

func TestEnglishThemes(t *testing.T) {
	lx := DefaultLexicon()
	d := lx.Analyze("Xi said both sides would defend their sovereignty and territorial integrity, oppose hegemonism and unilateral sanctions, and work within the UN Security Council, the SCO, BRICS and the G20 on energy and LNG.")
	got := countsOf(d)
	want := "brics=1 energy=2 g20=1 hegemony=3 sco=1 sovereignty=2 un=1"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func countsOf(d *Doc) string {
	n := map[string]int{}
	var keys []string
	for _, m := range d.Matches {
		if n[m.Theme] == 0 {
			keys = append(keys, m.Theme)
		}
		n[m.Theme]++
	}
	sortStrings(keys)
	var out []string
	for _, k := range keys {
		out = append(out, k+"="+itoa(n[k]))
	}
	return strings.Join(out, " ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// An Analyzer that recycles its Doc analyses each text as a fresh one would.
func TestAnalyzeRecycle(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) < 2 {
		t.Fatal("no seed files", err)
	}
	lx := DefaultLexicon()
	rec := lx.NewAnalyzer()
	rec.Recycle = true
	show := func(d *Doc) string {
		return fmt.Sprint(d.Tokens, d.Norm, d.Sentences, d.Matches, d.Actors, d.sentOf)
	}
	// Long and short texts in turn, so recycled slices are both too long and too short.
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), "قال بوتين إن السيادة مهمة.")
	}
	for i, text := range texts {
		if got, want := show(rec.Analyze(text)), show(lx.Analyze(text)); got != want {
			t.Errorf("text %d: recycled analysis differs from a fresh one", i)
		}
	}
}

// The splitter does not look up words longer than MaxAbbreviationLetters.
func TestAbbreviationsFitTheBound(t *testing.T) {
	for a := range Abbreviations {
		if n := len([]rune(a)); n > MaxAbbreviationLetters || Normalize(a) != a {
			t.Errorf("abbreviation %q: %d letters (max %d), normalized %q", a, n, MaxAbbreviationLetters, Normalize(a))
		}
	}
}

// Words no lexicon pattern continues with keep no readings (lean forms); a search phrase still
// finds them, with clitics, suffixes and a ta marbuta written ت, and a wildcard.
func TestFindLeanWords(t *testing.T) {
	lx := DefaultLexicon()
	d := lx.NewAnalyzer().Analyze("ستعزز الصين وروسيا بشكل مطرد مواءمة مبادرتهما، وبشكل مطرد أيضا.")
	lean := 0
	for _, f := range d.forms {
		if f.leanFor != nil {
			lean++
		}
	}
	if lean == 0 {
		t.Fatal("no lean form: the test does not reach the path it is for")
	}
	for _, c := range []struct {
		phrase string
		want   int
	}{
		{"بشكل مطرد", 2}, {"مواءمة مبادرة", 1}, {"مبادر*", 1}, {"مطرد أيضا", 1}, {"مطرد جدا", 0},
	} {
		p, err := CompilePhrase(c.phrase)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(d.Find(p)); got != c.want {
			t.Errorf("%s: %d matches, want %d", c.phrase, got, c.want)
		}
	}
}

// Analyzers sharing one word cache, working at once, analyse each text as a private one does.
func TestSharedWords(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no seed files", err)
	}
	lx := DefaultLexicon()
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	show := func(d *Doc) string {
		return fmt.Sprint(d.Tokens, d.Norm, d.Sentences, d.Matches, d.Actors, d.sentOf)
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = show(lx.Analyze(text))
	}
	words := lx.NewWords()
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for w := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := words.NewAnalyzer()
			an.Recycle = w%2 == 0
			for k := range texts {
				i := (k + w) % len(texts) // each worker in its own order
				got[w] = append(got[w], fmt.Sprint(i, show(an.Analyze(texts[i]))))
			}
		}()
	}
	wg.Wait()
	for w := range got {
		for _, g := range got[w] {
			var i int
			fmt.Sscan(g, &i)
			if g != fmt.Sprint(i, want[i]) {
				t.Errorf("worker %d, text %d: analysis differs from a private analyzer's", w, i)
			}
		}
	}
}

// inflectionLexicon has a theme with an English verb, a theme with an Arabic adjective, and
// a side spelt with its final alef, to test the readings beyond clitics.
const inflectionLexicon = `
themes:
  - id: pledge
    terms: [pledge]
    verbs: [vow, oppose hegemony, stop]
  - id: partnership
    terms: [التنسيق الاستراتيجي, الروسي, أمن, إذ]
  - id: ukraine
    terms: [أوكرانيا]
speakers:
  actors:
    - id: putin
      aliases: [بوتين]
      sides: [روسيا]
`

// One must-match and one must-not-match case for each reading beyond clitics: the tanween
// alef of the indefinite accusative, and the verb forms of a theme's English verbs.
func TestInflections(t *testing.T) {
	lx, probs := ParseLexicon([]byte(inflectionLexicon), "inflection.yaml")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	themeOf := func(text string) []string {
		var out []string
		d := lx.Analyze(text)
		for _, m := range d.Matches {
			out = append(out, m.Theme+"/"+d.Rule(m))
		}
		return out
	}
	cases := []struct {
		rule, text string
		want       string // the theme/rule of each mention, space-separated; "" for none
	}{
		{"accusative alef on both words", "عززا تنسيقا استراتيجيا.", "partnership/indefinite"},
		{"accusative with a conjunction", "ووقعا وتنسيقا استراتيجيا.", "partnership/clitic+indefinite"},
		{"accusative of a 3-letter noun", "يريدان أمنا دائما.", "partnership/indefinite"},
		{"no accusative with the article", "التنسيقا الاستراتيجيا.", ""},
		{"no accusative below three letters", "إذا كان أمن.", "partnership/exact"},
		{"a side spelt with its alef is not an accusative", "زار روسيا.", ""},
		{"a term spelt with its alef", "أوكرانيا.", "ukraine/exact"},
		{"english verb -ed", "They vowed to act.", "pledge/verb"},
		{"english verb -ing, e dropped, two words", "Opposing hegemony is key.", "pledge/verb"},
		{"english verb doubled consonant", "It stopped.", "pledge/verb"},
		{"english verb -s is a plain inflection", "He vows.", "pledge/inflection"},
		{"a noun term takes no verb forms", "They pledged.", ""},
		{"a verb form needs the verb", "The vowel.", ""},
	}
	for _, c := range cases {
		if got := strings.Join(themeOf(c.text), " "); got != c.want {
			t.Errorf("%s: %q gives %q, want %q", c.rule, c.text, got, c.want)
		}
	}
	// the accusative applies to search phrases too, the verb forms only to a theme's verbs
	if !findTerm(t, "التعاون الاستراتيجي", "تعاونا استراتيجيا") {
		t.Error("a search phrase should find its indefinite accusative")
	}
	if findTerm(t, "vow", "vowed") {
		t.Error("a search phrase is no verb: vow* finds vowed")
	}
}

// Doc.Rule names how each mention matched.
func TestMatchRules(t *testing.T) {
	lx := DefaultLexicon()
	cases := []struct{ text, theme, rule string }{
		{"السيادة مهمة.", "sovereignty", "exact"},
		{"سيادة الدول.", "sovereignty", "article"},
		{"حماية سيادتهما.", "sovereignty", "clitic"},
		{"وللأمم المتحدة دور.", "un", "clitic"},
		{"Their economies grew.", "trade_economy", "inflection"},
	}
	for _, c := range cases {
		var got []string
		d := lx.Analyze(c.text)
		for _, m := range d.Matches {
			if m.Theme == c.theme {
				got = append(got, d.Rule(m))
			}
		}
		if strings.Join(got, " ") != c.rule {
			t.Errorf("%q: %s matched by %q, want %q", c.text, c.theme, got, c.rule)
		}
	}
}
