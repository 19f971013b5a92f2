package compare

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

// The sentences of these tests are written for them, modelled on agency copy of Xi–Putin talks.

func unitsOf(t *testing.T, doc string, date string, text string) []Unit {
	t.Helper()
	lx := textproc.DefaultLexicon()
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	return Units(doc, d, lx.Analyze(text), lx)
}

func whole(u *Unit) Passage { return Passage{u, 0, len(u.words()) - 1} }

// The sides' formal names are names, not evidence: two statements that share only "the
// People's Republic of China" and "the Russian Federation" state nothing in common.
func TestFormalNamesAreNoEvidence(t *testing.T) {
	us := unitsOf(t, "a", "2022-01-01", "The People's Republic of China and the Russian Federation signed a grain protocol.")
	u := &us[0]
	var content []string
	for _, i := range u.at() {
		w := u.words()[i]
		content = append(content, u.Text[w.from():w.to()])
	}
	for _, not := range []string{"People's", "Republic", "Federation"} {
		if slices.Contains(content, not) {
			t.Errorf("%q is a content word: %v", not, content)
		}
	}
	if !slices.Contains(content, "grain") {
		t.Errorf("grain is not a content word: %v", content)
	}
}

func TestUnitsContentWords(t *testing.T) {
	us := unitsOf(t, "a", "2022-01-01", "وقال الرئيس الصيني شي جين بينغ إن البلدين يدعمان بعضهما بعضا في حماية السيادة.")
	if len(us) != 1 {
		t.Fatalf("got %d units, want 1", len(us))
	}
	u := &us[0]
	var content []string
	for _, i := range u.at() {
		w := u.words()[i]
		content = append(content, u.Text[w.from():w.to()])
	}
	// the reporting verb, the title, the name and the complementizer are not evidence
	for _, not := range []string{"وقال", "الرئيس", "شي", "جين", "بينغ", "إن", "في"} {
		if slices.Contains(content, not) {
			t.Errorf("%q is a content word: %v", not, content)
		}
	}
	for _, want := range []string{"يدعمان", "حماية", "السيادة"} {
		if !slices.Contains(content, want) {
			t.Errorf("%q is not a content word: %v", want, content)
		}
	}
	// the reported content begins after إن: a clause edge
	cutAt := -1
	for k, w := range u.words() {
		if w.cut() {
			cutAt = k
			break
		}
	}
	if cutAt < 0 || u.Text[u.words()[cutAt].from():u.words()[cutAt].to()] != "البلدين" {
		t.Errorf("first clause edge at word %d, want before البلدين", cutAt)
	}
	// English pronouns are function words too (he was a keyword of a period); the US is not one
	for _, w := range []string{"he", "she", "him", "them", "which", "who"} {
		if !StopWords[w] {
			t.Errorf("%q is not a function word", w)
		}
	}
	if StopWords["us"] {
		t.Error(`"us" is a function word: the US would be`)
	}
}

func TestSimilarityBounds(t *testing.T) {
	a := unitsOf(t, "a", "2022-01-01", "ستواصل الصين وروسيا تعزيز التنسيق الاستراتيجي في إطار منظمة شنغهاي للتعاون ومجموعة بريكس.")
	b := unitsOf(t, "b", "2023-01-01", "ستواصل الصين وروسيا تعزيز التنسيق الاستراتيجي في إطار منظمة شنغهاي للتعاون ومجموعة بريكس.")
	c := unitsOf(t, "c", "2023-01-01", "وتناول الاجتماع أسعار القمح في الأسواق العالمية خلال فصل الشتاء.")
	w := NewWeights(a, b, c)
	if s := Similarity(whole(&a[0]), whole(&b[0]), w); math.Abs(s-1) > 1e-12 {
		t.Errorf("same words: similarity %v, want 1", s)
	}
	if s := Similarity(whole(&a[0]), whole(&c[0]), w); s != 0 {
		t.Errorf("nothing shared: similarity %v, want 0", s)
	}
	// one rare word in common is a coincidence (MinSharedStems)
	d := unitsOf(t, "d", "2023-01-01", "وزار الوفد مدينة شنغهاي الساحلية.")
	w = NewWeights(a, d)
	if s := Similarity(whole(&a[0]), whole(&d[0]), w); s != 0 {
		t.Errorf("one word shared: similarity %v, want 0", s)
	}
}

// The similarity of two passages is the same whatever the ids of their keys: ids are given in
// the order the corpus's workers meet words, which changes from run to run.
func TestSimilarityIndependentOfKeyIDs(t *testing.T) {
	// weights whose float sums depend on the order they are added in (found by trying)
	ws := []float64{1.791759469228055, 1.466337068793427, 0.8873031950009027, 1.4663370687934272, 2.3978952727983707}
	w := &Weights{w: append([]float64{0}, ws...), units: 10}
	ka, ca, ga := []uint32{1, 2, 3, 4, 5}, []float64{1, 1, 1, 1, 1}, []int32{0, 1, 2, 3, 4}
	kb, cb := []uint32{1, 3, 4, 5}, []float64{1, 1, 2, 1}
	want := similarity(&bag{ids: ka, counts: ca, groups: ga}, &bag{ids: kb, counts: cb}, w)
	// the same keys under reversed ids: key i is id 6-i
	rw := &Weights{w: []float64{0, ws[4], ws[3], ws[2], ws[1], ws[0]}, units: 10}
	rka, rca, rga := []uint32{1, 2, 3, 4, 5}, []float64{1, 1, 1, 1, 1}, []int32{4, 3, 2, 1, 0}
	rkb, rcb := []uint32{1, 2, 3, 5}, []float64{1, 2, 1, 1}
	if got := similarity(&bag{ids: rka, counts: rca, groups: rga}, &bag{ids: rkb, counts: rcb}, rw); got != want {
		t.Errorf("similarity with reversed key ids %v, want exactly %v", got, want)
	}
}

func TestMatchFindsThePassageInsideALongerSentence(t *testing.T) {
	a := unitsOf(t, "a", "2020-07-08", "وأكد شي أن البلدين يدعمان بعضهما بعضا بقوة في حماية السيادة والأمن، ودعا إلى توسيع التبادل التجاري في مجالات الزراعة والطيران.")
	b := unitsOf(t, "b", "2022-02-04", "وقال بوتين إن روسيا والصين تدعمان بعضهما بعضا بحزم في حماية السيادة والأمن.")
	filler := unitsOf(t, "f", "2021-01-01", "وناقش الجانبان التعاون في الطاقة. وبحثا التعاون في الزراعة. واتفقا على التعاون في التعليم.")
	w := NewWeights(a, b, filler)
	pairs := Match(&a[0], &b[0], w, DefaultMinSimilarity)
	if len(pairs) == 0 {
		t.Fatal("no passage matched")
	}
	got := pairs[0].A.Text()
	if !strings.Contains(got, "حماية السيادة والأمن") || strings.Contains(got, "الطيران") {
		t.Errorf("passage of a = %q: want the sovereignty clause, not the trade clause", got)
	}
	if pairs[0].A.Whole() {
		t.Error("the passage is the whole sentence")
	}
}

func TestMatchSeveralFormulationsInOneSentence(t *testing.T) {
	a := unitsOf(t, "a", "2020-07-08", "ويدعم البلدان بعضهما بعضا في حماية السيادة ووحدة الأراضي، ويعارضان معا الهيمنة والتدخل في الشؤون الداخلية.")
	b := unitsOf(t, "b", "2022-02-04", "وأكد الجانبان أنهما يدعمان بعضهما بعضا في حماية السيادة ووحدة الأراضي.")
	c := unitsOf(t, "c", "2023-03-21", "وشدد الزعيمان على معارضة الهيمنة والتدخل في الشؤون الداخلية للدول الأخرى.")
	filler := unitsOf(t, "f", "2021-01-01", "وناقش الجانبان التعاون في الطاقة. وبحثا التعاون في الزراعة. واتفقا على التعاون في التعليم.")
	w := NewWeights(a, b, c, filler)
	ab := Match(&a[0], &b[0], w, DefaultMinSimilarity)
	ac := Match(&a[0], &c[0], w, DefaultMinSimilarity)
	if len(ab) == 0 || len(ac) == 0 {
		t.Fatalf("matches: with b %d, with c %d; want both", len(ab), len(ac))
	}
	if pa, pc := ab[0].A, ac[0].A; pa.W2 >= pc.W1 {
		t.Errorf("the two formulations overlap in a: %q and %q", pa.Text(), pc.Text())
	}
}

func TestStripProclitic(t *testing.T) {
	for _, c := range []struct{ in, name, want string }{
		{"والأمم المتحدة", "الأمم المتحدة", "الأمم المتحدة"},
		{"للأمم المتحدة", "الأمم المتحدة", "الأمم المتحدة"},
		{"بالأمم المتحدة", "الأمم المتحدة", "الأمم المتحدة"},
		{"ومجموعة العشرين", "مجموعة العشرين", "مجموعة العشرين"},
		{"وزارة الخارجية", "وزارة الخارجية", "وزارة الخارجية"}, // و is the word's own
		{"فو", "فو", "فو"},
		{"ولد", "لد", "ولد"}, // too short to be a clitic and a word
	} {
		if got := stripProclitic(c.in, c.name); got != c.want {
			t.Errorf("stripProclitic(%q, %q) = %q, want %q", c.in, c.name, got, c.want)
		}
	}
}

func TestListChanges(t *testing.T) {
	a := unitsOf(t, "a", "2020-07-08", "وتعزيز التنسيق بين البلدين في إطار منظمة شنغهاي للتعاون ومجلس الأمن.")
	b := unitsOf(t, "b", "2023-10-18", "وتعزيز التنسيق بين البلدين في إطار منظمة شنغهاي للتعاون والأمم المتحدة ومجموعة العشرين.")
	added, dropped := ListChanges(whole(&a[0]), whole(&b[0]))
	// the conjunction glued to a term's first word is not part of the thing named
	if fmt.Sprint(added) != "[الأمم المتحدة مجموعة العشرين]" || fmt.Sprint(dropped) != "[مجلس الأمن]" {
		t.Errorf("added %q, dropped %q; want the UN and the G20 added, the Security Council dropped", added, dropped)
	}
}

// Every variant of a formulation restates its parent at the threshold or above, each document
// has one variant at most, and the variants are in date order.
func TestRecurringVariants(t *testing.T) {
	texts := []struct{ doc, date, text string }{
		{"d1", "2019-06-05", "وأكد الجانبان أنهما يدعمان بعضهما بعضا بقوة في حماية السيادة والأمن. وبحثا مشروعات الطاقة في القطب الشمالي."},
		{"d2", "2020-07-08", "وقال شي إن البلدين يدعمان بعضهما بعضا بقوة في حماية سيادتهما وأمنهما. ووقعا اتفاقا لتوريد الغاز."},
		{"d3", "2022-02-04", "وشدد بوتين على أن روسيا والصين تدعمان بعضهما بعضا بحزم في حماية السيادة. كما يدعمان بعضهما بعضا في حماية الأمن القومي."},
		{"d4", "2023-03-21", "وتناول اللقاء أسعار القمح في الأسواق."},
	}
	var docs [][]Unit
	for _, x := range texts {
		docs = append(docs, unitsOf(t, x.doc, x.date, x.text))
	}
	w := NewWeights(docs...)
	forms := Recurring(docs, w, DefaultMinSimilarity)
	if len(forms) == 0 {
		t.Fatal("no formulation found")
	}
	top := forms[0]
	if top.Docs() != 3 {
		t.Errorf("the sovereignty formulation spans %d documents, want 3", top.Docs())
	}
	for _, f := range forms {
		seen := map[string]bool{}
		for k, v := range f.Variants {
			if seen[v.Unit().Doc] {
				t.Errorf("two variants of %s in one formulation", v.Unit().Doc)
			}
			seen[v.Unit().Doc] = true
			if k == 0 {
				continue
			}
			if v.Parent < 0 || v.Parent >= k {
				t.Errorf("variant %d has parent %d", k, v.Parent)
				continue
			}
			if v.Similarity < DefaultMinSimilarity {
				t.Errorf("variant %d at similarity %.2f, below the threshold", k, v.Similarity)
			}
			if got := Similarity(f.Variants[v.Parent].Passage, v.Passage, w); math.Abs(got-v.Similarity) > 1e-12 {
				t.Errorf("variant %d: similarity %v, but its passages give %v", k, v.Similarity, got)
			}
			if f.Variants[k-1].Unit().Date.After(v.Unit().Date) {
				t.Errorf("variants out of date order")
			}
		}
	}
	// the same with one worker, and cancelled
	one, err := RecurringJobs(context.Background(), docs, w, DefaultMinSimilarity, 1)
	if err != nil || fmt.Sprint(summary(one)) != fmt.Sprint(summary(forms)) {
		t.Errorf("one worker: %v, %v; want %v", summary(one), err, summary(forms))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RecurringJobs(ctx, docs, w, DefaultMinSimilarity, 2); err == nil {
		t.Error("cancelled: no error")
	}
}

func summary(fs []Formulation) []string {
	var out []string
	for _, f := range fs {
		var vs []string
		for _, v := range f.Variants {
			vs = append(vs, fmt.Sprintf("%s:%d-%d", v.Unit().Doc, v.Passage.W1, v.Passage.W2))
		}
		out = append(out, strings.Join(vs, " "))
	}
	return out
}

// A new article's statements that repeat the corpus come with the history they continue.
func TestRepeats(t *testing.T) {
	corpus := [][]Unit{
		unitsOf(t, "c1", "2020-07-08", "وأكد الجانبان أنهما يدعمان بعضهما بعضا بقوة في حماية السيادة والأمن. وبحثا مشروعات الطاقة."),
		unitsOf(t, "c2", "2022-02-04", "وقال شي إن البلدين يدعمان بعضهما بعضا بقوة في حماية سيادتهما وأمنهما. ووقعا اتفاقا لتوريد الغاز."),
	}
	news := unitsOf(t, "new", "2024-05-16", "وقال بوتين إن روسيا والصين تدعمان بعضهما بعضا بحزم في حماية السيادة والأمن. وأعلن عن مهرجان ثقافي في مدينة هاربين.")
	w := NewWeights(append(corpus, news)...)
	m := NewMatcher(news, w)
	var pairs []PassagePair
	for _, d := range corpus {
		pairs = append(pairs, m.Match(d, DefaultMinSimilarity)...)
	}
	reps, fresh := Repeats(news, pairs, w, DefaultMinSimilarity, WordDiff)
	if len(reps) != 1 {
		for _, r := range reps {
			t.Logf("%.2f %q ← %q", r.Similarity, r.New.Text(), r.Corpus().Text())
		}
		t.Fatalf("got %d repeats, want 1 (the sovereignty statement)", len(reps))
	}
	if n := len(reps[0].History); n != 2 {
		t.Errorf("history of %d passages, want both corpus articles", n)
	}
	if len(fresh) != 1 || !strings.Contains(fresh[0].Text, "هاربين") {
		t.Errorf("new statements %v, want the festival", fresh)
	}
}

// Counting a document's keys without making its units gives the weights its units give.
func TestAddDocCountsAsUnits(t *testing.T) {
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lx := textproc.DefaultLexicon()
	byUnits, byDoc := NewWeightCounter(), NewWeightCounter()
	for _, d := range c.Docs {
		a := lx.Analyze(d.Clean)
		byUnits.Add(Units(d.ID, d.Date, a, lx))
		byDoc.AddDoc(a, lx)
	}
	wu, wd := byUnits.Weights(), byDoc.Weights()
	if wu.units != wd.units || !slices.Equal(wu.w, wd.w) || wu.units == 0 {
		t.Errorf("AddDoc: %v units and %d weights; Add of the units: %v and %d", wd.units, len(wd.w), wu.units, len(wu.w))
	}
}

// Pairs that share words but no formulation: the words naming another speaker (وزير الخارجية،
// spokesman) are not the wording, so two attributions to different ministers are none; and an
// arrival for a visit, the frame of every trip (who, where and when differ, and "arrived … for
// a state visit" is all the two share).
func TestNoFormulation(t *testing.T) {
	lx := textproc.DefaultLexicon()
	for _, c := range []struct{ a, b, why string }{
		{"وحسب وزير الخارجية الروسي سيرغي لافروف.", "وأكد وزير الخارجية الصيني وانغ يي.", "the ministers' titles matched"},
		{"Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit.",
			"Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit.", "two arrivals made a formulation"},
	} {
		a := Units("a", time.Time{}, lx.Analyze(c.a), lx)
		b := Units("b", time.Time{}, lx.Analyze(c.b), lx)
		w := NewWeights(a, b)
		if ps := Match(&a[0], &b[0], w, DefaultMinSimilarity); len(ps) != 0 {
			t.Errorf("%q ~ %q at %.2f: %s", ps[0].A.Text(), ps[0].B.Text(), ps[0].Similarity, c.why)
		}
	}
}

// What a Sieve keeps of a document and MatchKept find what Match finds over the document's
// units, in the same order, and Keep counts the weights AddDoc counts.
func TestMatchKeptIsMatch(t *testing.T) {
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lx := textproc.DefaultLexicon()
	var all [][]Unit
	for _, d := range c.Docs {
		all = append(all, Units(d.ID, d.Date, lx.Analyze(d.Clean), lx))
	}
	w := NewWeights(all...)
	total, skipped := 0, 0
	for n := range c.Docs {
		m := NewMatcher(all[n], w)
		sieve := NewSieve(all[n])
		for k, d := range c.Docs {
			if k == n {
				continue
			}
			want := m.Match(all[k], DefaultMinSimilarity)
			counted, byDoc := NewWeightCounter(), NewWeightCounter()
			kept := sieve.Keep(lx.Analyze(d.Clean), lx, counted)
			kept.Clip()
			byDoc.AddDoc(lx.Analyze(d.Clean), lx)
			if a, b := counted.Weights(), byDoc.Weights(); a.units != b.units || !slices.Equal(a.w, b.w) {
				t.Errorf("%s: Keep counted %v units, AddDoc %v", d.ID, a.units, b.units)
			}
			skipped += len(all[k]) - kept.Len()
			got := m.MatchKept(&kept, DefaultMinSimilarity)
			if len(got) != len(want) {
				t.Errorf("%s: MatchKept found %d pairs, Match %d", d.ID, len(got), len(want))
				continue
			}
			for i := range got {
				g, x := got[i], want[i]
				if g.A != x.A || g.Similarity != x.Similarity || g.B.Unit.Index != x.B.Unit.Index || g.B.W1 != x.B.W1 || g.B.W2 != x.B.W2 {
					t.Errorf("%s pair %d: %q ~ unit %d words %d–%d (%v), want %q ~ %q (%v)", d.ID, i, g.A.Text(), g.B.Unit.Index, g.B.W1, g.B.W2, g.Similarity, x.A.Text(), x.B.Text(), x.Similarity)
				}
			}
			total += len(got)
		}
	}
	if total == 0 || skipped == 0 {
		t.Errorf("%d pairs, %d units left out by the sieve: the test needs both", total, skipped)
	}
	// at the sieve's bound: two statements that share MinSharedStems rare words and no other
	corpusText := "وتحدث الرئيس عن القطارات الكهربائية. وناقش الوزير ملف الموانئ الجافة."
	newText := "القطارات الكهربائية أولا."
	cu := Units("c", time.Time{}, lx.Analyze(corpusText), lx)
	nu := Units("n", time.Time{}, lx.Analyze(newText), lx)
	w = NewWeights(cu, nu)
	want := NewMatcher(nu, w).Match(cu, DefaultMinSimilarity)
	kept := NewSieve(nu).Keep(lx.Analyze(corpusText), lx, nil)
	got := NewMatcher(nu, w).MatchKept(&kept, DefaultMinSimilarity)
	if len(want) != 1 || len(got) != 1 || kept.Len() != 1 {
		t.Errorf("two shared words: Match %d pairs, MatchKept %d, %d units kept; want 1, 1, 1", len(want), len(got), kept.Len())
	}
}

// A word that the next clause of one unit happens to share is not part of the passage: the
// energy clause of b does not take in the trade-and-energy clause after its comma. A list's items
// across commas stay in one passage, in English as in Arabic.
func TestMatchLeavesOutAWordAcrossAClause(t *testing.T) {
	filler := unitsOf(t, "f", "2021-01-01", "وناقش الجانبان التعاون في الطاقة. وبحثا التعاون في الزراعة. واتفقا على التعاون في التعليم.")
	a := unitsOf(t, "a", "2022-02-04", "وقال شي إن البلدين سيوسعان الاستثمارات المشتركة في مجال الطاقة.")
	b := unitsOf(t, "b", "2023-03-21", "واجتمع الزعيمان في موسكو لتوسيع الاستثمارات المشتركة بين البلدين، وبحث التجارة والطاقة والنقل البحري.")
	w := NewWeights(a, b, filler)
	pairs := Match(&a[0], &b[0], w, 0)
	if len(pairs) == 0 {
		t.Fatal("no passage matched")
	}
	if got := pairs[0].B.Text(); strings.Contains(got, "وبحث") || !strings.Contains(got, "الاستثمارات المشتركة") {
		t.Errorf("passage of b = %q: want the investment clause without the clause after its comma", got)
	}

	en := func(doc, text string) []Unit { return unitsOf(t, doc, "2023-01-01", text) }
	fe := en("f", "The sides discussed education. They discussed culture. They agreed on tourism.")
	c := en("c", "Xi said the two countries would ship more wheat, timber and fertiliser.")
	d := en("d", "Putin said Russia would sell its wheat and timber to China.")
	w = NewWeights(c, d, fe)
	pairs = Match(&c[0], &d[0], w, 0)
	if len(pairs) == 0 {
		t.Fatal("no passage of the English list matched")
	}
	if got := pairs[0].A.Text(); !strings.Contains(got, "wheat, timber") {
		t.Errorf("passage of c = %q: want the list across its comma", got)
	}
}

// A unit whose text is set to its passages' words only shows those passages as before, and a
// passage outside them as "", never a wrong slice of the text.
func TestSetPassageText(t *testing.T) {
	text := "وقال شي إن البلدين يدعمان بعضهما بعضا في حماية السيادة، ويعارضان الهيمنة."
	lx := textproc.DefaultLexicon()
	d := lx.Analyze(text)
	us := Units("a", time.Time{}, d, lx)
	u := us[0]
	inner := Passage{&u, 3, 8}
	want := inner.Text()
	u.Text = ""
	u.SetPassageText(d.Text, 2, 9)
	if got := inner.Text(); got != want {
		t.Errorf("passage text after SetPassageText = %q, want %q", got, want)
	}
	if got := (Passage{&u, 0, 1}).Text(); got != "" {
		t.Errorf("a passage outside the text set = %q, want \"\"", got)
	}
}
