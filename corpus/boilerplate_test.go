package corpus

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
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

// One case per built-in furniture rule: a line it removes and a line like it that is article
// text, in the shapes seen on real pages (the lines are written for this test).
func TestFurnitureRules(t *testing.T) {
	cases := []struct{ rule, removed, kept string }{
		{"read-also", "اقرأ أيضاً: موسكو وبكين توقعان اتفاقية للطاقة", "وقال شي إنه قرأ أيضا تقارير عن التعاون."},
		{"read-also", "Read more: Xi and Putin meet in Astana", "Putin said he had read more than one proposal."},
		{"credit-line", "المصدر: شينخوا", "وقال المصدر إن الزيارة ستتم في الربيع."},
		{"credit-line", "(وكالات)", "ونقلت وكالات الأنباء عن الكرملين قوله إن الاتصال كان مثمرا."},
		{"credit-line", "Source: Reuters", "The source said the talks would last two days."},
		{"editor-line", "(المحرر: لي وي)", "وقال المحرر في الصحيفة إن الخبر صحيح."},
		{"sign-off", "Reporting by Olga Petrova; Editing by Mark Hale", "Reporting on the talks was restricted, the Kremlin said."},
		{"byline", "بقلم: سامر الحلبي", "بقلم الرئيس شي جين بينغ نشرت الصحيفة مقالا عن الصداقة مع روسيا."},
		{"byline", "By Anna Marsh", "By the end of the visit, the two leaders had signed 14 documents."},
		{"ad-label", "- إعلان -", "إعلان مشترك بشأن التعاون في القطب الشمالي"},
		{"embed-signature", "— مراسل الموقع في موسكو (@site_moscow) 30 ديسمبر 2022", "وقال مراسل الموقع في موسكو إن الأجواء كانت ودية."},
		{"copyright", "جميع الحقوق محفوظة لموقع الأخبار 2024", "وقال إن جميع الحقوق المشروعة للبلدين مصونة."},
		{"comment-meta", "steppe_reader · 3h", "The steppe reader said the talks went on for 3 hours."},
		{"icon-text", "Search icon Menu icon Close icon", "The icon of the summit was a bridge over the Amur."},
		{"photo-label", "صورة: الرئيسان خلال المؤتمر الصحفي في موسكو", "وقال الرئيسان في المؤتمر الصحفي إن الصورة واضحة."},
		{"page-ui", "1.2 ألف مشاهدة", "وشاهد 1200 شخص الحفل في الساحة الحمراء أمس."},
		{"tags", "الوسوم: الصين روسيا بوتين", "وتناولت المحادثات الوسوم الجمركية على السلع."},
		{"published-line", "نُشر في 8 تموز 2020 - 18:40", "نشر في الصحيفة الرسمية أمس مرسوم جديد بشأن 12 مشروعا."},
		{"related-item", "بوتين يصل إلى بكين للمشاركة في المنتدى 2023-10-17", "وصل بوتين إلى بكين في 17 أكتوبر للمشاركة في المنتدى."},
		{"page-ui", "Photo 3 of 12", "The photo of the two leaders was taken on the third day of the visit."},
		{"cookie", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع.", "وقال إن الجانبين ناقشا تعريف الارتباط بين المشروعين."},
		{"promo", "Sign up for our morning newsletter on Asia", "Putin signed up to the plan, the Kremlin said."},
		{"debug-output", "Warning: Undefined variable $author in /var/www/single.php on line 42", "A warning was issued on line with the statement."},
		{"ad-label", "Advertisement — story continues below", "The advertisement of the new pipeline drew criticism."},
		{"disclaimer", "المحتوى أعلاه مقدّم من الجهة المصدرة للبيان، والموقع غير مسؤول عن دقته.", "وقال إن المحتوى الذي قدمه الجانب الروسي كان مفيدا."},
		{"disclaimer", "How we report: our editorial standards", "He explained how we report on the talks matters to both sides."},
		{"photo-caption", "الرئيس الروسي يصافح نظيره الصيني في قاعة الشعب الكبرى ببكين، يوم 16 مايو 2024. (شينخوا)", "وقال شي يوم 16 مايو إن الصين مستعدة للعمل مع روسيا."},
		{"photo-caption", "Chinese President Xi Jinping shakes hands with Putin in Beijing, May 16, 2024. (Xinhua/Wang Min)", "Xi said in Beijing that China was ready to work with Russia (Xinhua reported)."},
		{"photo-caption", "Chinese President Xi Jinping waves on arrival at the airport.(Reuters)", "\"We are ready,\" Xi told reporters at the airport. (Reuters)"},
		{"credit-line", "Reuters |", "Reuters | a word the agency used, Putin said, was wrong."},
		{"promo", "Cancel anytime and keep reading without ads.", "Putin said Moscow would not cancel anytime soon the gas deal with Beijing."},
	}
	rs, err := CompileRules(DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		text := "شي وبوتين يعقدان محادثات في موسكو\nنص أول من الخبر يقول ما جرى في القمة بين الرئيسين اليوم.\n" + c.removed + "\n" + c.kept +
			"\nونص أخير من الخبر يقول ما جرى بعد القمة بين الرئيسين أمس.\n"
		clean, _, removed := rs.Clean(text)
		if len(removed) != 1 || removed[0].Rule != c.rule || removed[0].Text != c.removed {
			t.Errorf("%q: removed %+v, want it removed by %s", c.removed, removed, c.rule)
		}
		if !strings.Contains(clean, c.kept) {
			t.Errorf("%s removed the article line %q", c.rule, c.kept)
		}
	}
}

// A known agency named in a short header line the rules take out is the report's credit.
func TestCreditInHeaderLines(t *testing.T) {
	dir := t.TempDir()
	for i, c := range []struct{ head, credit string }{
		{"صحيفة الوادي - أ.ف.ب:", "afp"},
		{"/مصدر: شينخوا/ 2024:03:12.09:30", "xinhua"},
		{"Release Date: 2024-03-12 Source:Xinhua", "xinhua"},
		{"By Reuters March 12, 2024 | 09:30 am", "reuters"},
		{"تاسع أيام المعرض", ""}, // تاس inside a word is no agency
	} {
		text := "عنوان الخبر\n" + c.head + "\nوقال الرئيس الصيني إن البلدين سيعززان التعاون في مجال الطاقة خلال العام المقبل.\n"
		p := write(t, dir, fmt.Sprintf("h%d.txt", i), []byte(text))
		co, err := Load([]string{p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := co.Docs[0]
		if d.Credit != c.credit {
			t.Errorf("%q: credit %q, want %q (removed %+v)", c.head, d.Credit, c.credit, d.Removed)
		}
		if !slices.ContainsFunc(d.Removed, func(r Removal) bool { return r.Text == c.head }) {
			t.Errorf("%q was not taken out: the case tests nothing", c.head)
		}
	}
}

// A wire dateline leaves the story's first line and becomes metadata: its place, date and
// agency, the agency as the document's credit.
func TestDateline(t *testing.T) {
	cases := []struct{ line, dateline, place, agency, credit string }{
		{"بكين، 18 أكتوبر (شينخوا) -- أجرى الرئيس الصيني محادثات مع نظيره الروسي.", "بكين، 18 أكتوبر (شينخوا) --", "بكين", "شينخوا", "xinhua"},
		{"موسكو، 5 فبراير 2022 /PRNewswire/ — تحتفل العاصمة بزيارة الرئيس.", "موسكو، 5 فبراير 2022 /PRNewswire/ —", "موسكو", "PRNewswire", "prnewswire"},
		{"MOSCOW, Oct 18 (Reuters) - Russian President Vladimir Putin said on Wednesday that ties were strong.", "MOSCOW, Oct 18 (Reuters) -", "MOSCOW", "Reuters", "reuters"},
		{"BEIJING, March 21 (Xinhua) -- Chinese President Xi Jinping held talks.", "BEIJING, March 21 (Xinhua) --", "BEIJING", "Xinhua", "xinhua"},
		// without the comma and the dash, as agency copy is often republished: a known agency
		{"موسكو 9 مايو 2025 (تاس) وصل الرئيس الصيني إلى العاصمة الروسية للمشاركة في الاحتفالات.", "موسكو 9 مايو 2025 (تاس)", "موسكو", "تاس", "tass"},
		// Xinhua's Arabic copy: a full date, then a slash alone
		{"بكين 12 مارس 2024 /عقد الرئيسان اجتماعا مطولا في قاعة الشعب الكبرى.", "بكين 12 مارس 2024 /", "بكين", "", ""},
	}
	dir := t.TempDir()
	for i, c := range cases {
		p := write(t, dir, fmt.Sprintf("d%d.txt", i), []byte("عنوان الخبر\n"+c.line+"\nوتابع الرئيس حديثه.\n"))
		co, err := Load([]string{p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := co.Docs[0]
		if d.Dateline != c.dateline || d.Credit != c.credit || strings.Contains(d.Clean, c.dateline) {
			t.Errorf("%q: dateline %q credit %q; clean %q", c.line, d.Dateline, d.Credit, d.Clean)
		}
		if place, _, agency, ok := ParseDateline(c.dateline); !ok || place != c.place || agency != c.agency {
			t.Errorf("%q: place %q agency %q", c.dateline, place, agency)
		}
		// the rest of the line maps back to the file
		rest := strings.TrimSpace(strings.TrimPrefix(c.line, c.dateline))
		k := strings.Index(d.Clean, rest)
		if k < 0 || d.Text[d.OrigStartOffset(k):d.OrigStartOffset(k)+len(rest)] != rest {
			t.Errorf("%q: the story does not map back to the original text", c.line)
		}
	}
	// a place and a comma are not a dateline
	for _, line := range []string{"بكين، العاصمة الصينية، تستقبل الرئيس الروسي اليوم.", "Moscow, the Russian capital, hosted the talks.",
		"وفي 16 مايو (أيار) وقع الجانبان اتفاقية جديدة للتعاون."} { // a month's other name is no agency
		if n := datelineLen(line); n != 0 {
			t.Errorf("%q: dateline of %d bytes", line, n)
		}
	}
}

// The page-edges rule: before the first paragraph only the headline stays (the line printed
// twice, else the first that reads like one), after the last one only sentences.
func TestPageEdges(t *testing.T) {
	rs, err := CompileRules(DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join([]string{
		"الرئيسية سياسة اقتصاد رياضة منوعات",
		"الخميس 9 تموز 2020 | 10:05",
		"شي وبوتين يتعهدان بدعم متبادل في حماية السيادة",
		"حجم الخط: كبير متوسط صغير",
		"أجرى الرئيس الصيني محادثة هاتفية مع نظيره الروسي اليوم، وتعهد الرئيسان بدعم متبادل.",
		"وقال بوتين إن العلاقات بين البلدين في أفضل حالاتها على الإطلاق.",
		"وأعرب شي عن امتنانه لذلك.",
		"الوسوم: الصين روسيا",
		"جميع الحقوق محفوظة 2020",
	}, "\n") + "\n"
	clean, _, removed := rs.Clean(text)
	want := "شي وبوتين يتعهدان بدعم متبادل في حماية السيادة\nأجرى الرئيس الصيني محادثة هاتفية مع نظيره الروسي اليوم، وتعهد الرئيسان بدعم متبادل.\n" +
		"وقال بوتين إن العلاقات بين البلدين في أفضل حالاتها على الإطلاق.\nوأعرب شي عن امتنانه لذلك.\n"
	if clean != want {
		t.Errorf("clean:\n%s\nwant:\n%s", clean, want)
	}
	for _, r := range removed {
		if r.Rule != "page-edges" && !(r.Line == 9 && r.Rule == "copyright") && !(r.Line == 8 && r.Rule == "tags") {
			t.Errorf("line %d removed by %s", r.Line, r.Rule)
		}
	}
	// the story's short opening sentence right before its first paragraph stays; a menu line
	// before it does not
	opening := "القائمة الرئيسية أخبار\nقال بوتين إن المحادثات كانت جيدة جدا.\nوعقد الرئيسان الروسي والصيني محادثات مطولة في موسكو يوم الثلاثاء حول التجارة والطاقة.\n"
	if clean, _, _ := rs.Clean(opening); !strings.HasPrefix(clean, "قال بوتين إن المحادثات") {
		t.Errorf("short opening sentence: %q", clean)
	}
	// a text with no paragraph (a list, a headline alone) is left as it is
	if clean, _, removed := rs.Clean("عنوان قصير\nسطر ثان\n"); clean != "عنوان قصير\nسطر ثان\n" || len(removed) != 0 {
		t.Errorf("no paragraph: %q %v", clean, removed)
	}
}

// The event a story reports, resolved against its publication date.
func TestEventDate(t *testing.T) {
	pub := func(s string) time.Time { d, _ := ParseDate(s); return d }
	cases := []struct {
		published, dateline, text, want, source string
	}{
		{"2023-10-19", "بكين، 18 أكتوبر (شينخوا) --", "", "2023-10-18", EventFromDateline},
		{"2022-02-04", "بكين، 5 فبراير 2022 /PRNewswire/ —", "", "2022-02-05", EventFromDateline},
		{"2024-01-02", "MOSCOW, Dec 30 (Reuters) -", "", "2023-12-30", EventFromDateline}, // the year before
		{"2020-07-09", "", "عنوان\nأجرى الرئيس الصيني اليوم (الأربعاء) محادثة هاتفية مع نظيره الروسي.", "2020-07-08", EventFromWeekday},
		{"2024-05-17", "", "Title\nPutin said on Thursday that the talks were useful.", "2024-05-16", EventFromWeekday},
		{"2024-05-17", "", "Title\nPutin said the talks were useful.", "", ""},
		// an event to come: the next such day (2023-03-20 was a Monday)
		{"2023-03-20", "", "Title\nThe two leaders planned more talks on Tuesday.", "2023-03-21", EventFromWeekday},
		{"2023-03-20", "", "عنوان\nويلتقي الرئيسان مجددا يوم الجمعة المقبل في العاصمة.", "2023-03-24", EventFromWeekday},
		{"2023-03-20", "", "Title\nThe two leaders met on Sunday.", "2023-03-19", EventFromWeekday},
		{"", "MOSCOW, Dec 30 (Reuters) -", "", "", ""}, // no publication date to resolve against
	}
	for _, c := range cases {
		got, src := eventDate(pub(c.published), c.dateline, c.text)
		if g := dateOrEmpty(got); g != c.want || src != c.source {
			t.Errorf("%s %q %q: %s (%s), want %s (%s)", c.published, c.dateline, c.text, g, src, c.want, c.source)
		}
	}
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
