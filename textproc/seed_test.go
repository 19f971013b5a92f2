package textproc_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/readout/readout/corpus"
	"github.com/readout/readout/textproc"
)

func analyseSeed(t *testing.T) map[string]*textproc.Doc {
	t.Helper()
	c, err := corpus.Seed(corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lx := textproc.DefaultLexicon()
	out := map[string]*textproc.Doc{}
	for _, d := range c.Docs {
		out[d.ID] = lx.Analyze(d.Clean)
	}
	return out
}

// countsOf returns "theme=count" for every theme with matches, sorted.
func countsOf(d *textproc.Doc) string {
	n := map[string]int{}
	for _, m := range d.Matches {
		n[m.Theme]++
	}
	var out []string
	for k, v := range n {
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// The theme counts of the seed corpus, verified by reading the five articles. Sentence numbers
// are 1-based, as `readout kwic` shows them; every theme not listed has no match.
func TestSeedThemeCounts(t *testing.T) {
	want := map[string]map[string]int{
		"2020-07-08-call": {
			"sovereignty":           5, // s2 سيادتهما, s7 سيادة كل منهما, s12 السيادة الوطنية, s13 سيادتهما, s14 سيادة الصين
			"multilateralism":       2, // s11 متعددة الأطراف, التعددية
			"un":                    2, // s11 الأمم المتحدة, s15 والأمم المتحدة
			"sco":                   1, // s15 منظمة شنغهاي للتعاون
			"security":              6, // s3 استعراضا عسكريا (a military parade), s7 وأمنه, s13 وأمنهما, s13 العرض العسكري, s14 الأمن الوطني, s15 والأمن (s10 الأمن البيولوجي is health; s11, s12 الدفاع عن is defending, not defence)
			"strategic_partnership": 2, // s6 كشريكتين استراتيجيتين, s15 والتنسيق الاستراتيجيين
			"technology":            4, // s10 الابتكار, والتكنولوجي, التكنولوجيا, والبحث والتطوير
			"hegemony":              4, // s7 والتدخل الخارجي, s11 الهيمنة, والأحادية, s12 التدخل الأجنبي
			"health":                7, // s8 مرض فيروس كورونا (one mention), كوفيد; s9 المرض; s10 للقاحات, والأدوية, الأمن البيولوجي; s13 تفشي المرض
		},
		"2022-02-04-beijing": {
			"sovereignty":           2, // s20 السيادة, وسلامة الأراضي
			"energy":                4, // s12 الطاقة, النفط, والغاز; s14 والطاقة
			"un":                    1, // s20 للأمم المتحدة
			"sco":                   1, // s18 منظمة شانغهاي للتعاون (its English gloss in parentheses is not a second mention)
			"brics":                 1, // s18 وبريكس (gloss (BRICS) not counted)
			"strategic_partnership": 2, // s12 شراكتهما الإستراتيجية, s18 التنسيق الاستراتيجي
			"trade_economy":         5, // s13 والتجارة, والاقتصاد (الرقمي); s14 الاقتصاد, والتجارة, والتمويل
			"technology":            8, // s12 الابتكار, والتكنولوجي, الذكاء الاصطناعي, وإنترنت الأشياء, محطة أبحاث القمر (the lunar station); s13 والاقتصاد الرقمي; s14 والعلوم, والتكنولوجيا
			"health":                3, // s9 جائحة كوفيد; s13 والطب, والصحة
		},
		"2022-12-30-video": {
			"sovereignty":   1, // s17 سيادة وأمن البلدين
			"energy":        5, // s11 الغاز, خطوط الأنابيب, الغاز الطبيعي المسال; s12 الغاز; s13 الهيدروكربونات
			"un":            1, // s4 مجلس الأمن (s22 مجلس الأمن الروسي is excluded)
			"sco":           1, // s4 ومنظمة شنغهاي للتعاون
			"g20":           1, // s4 ومجموعة العشرين
			"security":      5, // s2 العسكري والتقني, s6 العسكري التقني, s7 التعاون العسكري, s8 أمن البلدين, s17 وأمن
			"trade_economy": 3, // s11 الاقتصادي, s14 التبادل التجاري, s15 التبادل التجاري
			"ukraine":       1, // s19 أوكرانيا
			"hegemony":      1, // s17 أحادية الجانب
		},
		"2023-03-21-moscow": {
			"energy":                   2, // s3 والطاقة, s6 الطاقة
			"security":                 1, // s9 والأمن الدوليين
			"strategic_partnership":    3, // s1 (headline) and s3 الشراكة الاستراتيجية, s4 التعاون الاستراتيجي الشامل
			"trade_economy":            2, // s3 التجارة, s6 قطاع الأعمال (the business sector)
			"technology":               1, // s3 والتكنولوجيا
			"ukraine":                  2, // s3 أوكرانيا twice
			"nuclear_nonproliferation": 9, // s8: the treaty, نزع السلاح النووي, عدم انتشار الأسلحة النووية, twice each; s10 القوى النووية, أسلحة نووية, الأسلحة النووية
		},
		"2023-10-18-brf": {
			"sovereignty":           1, // s8 السيادة
			"multilateralism":       2, // s11, s14 متعددة الأطراف
			"multipolarity":         1, // s9 التعددية القطبية (not also multilateralism)
			"energy":                5, // s4 لخط أنابيب, الغاز الطبيعي; s6 خط أنابيب, الغاز الطبيعي; s11 الطاقة (in أمن الطاقة)
			"un":                    1, // s11 الأمم المتحدة
			"sco":                   1, // s11 ومنظمة شانغهاي للتعاون
			"g20":                   1, // s11 ومجموعة العشرين
			"brics":                 3, // s9 بريكس, s10 لمجموعة بريكس, s14 بريكس
			"security":              1, // s8 والأمن (s11 الأمن الغذائي and أمن الطاقة are excluded)
			"strategic_partnership": 2, // s7 والتنسيق الاستراتيجي الشامل, s15 شراكة التنسيق الاستراتيجية الشاملة
			"technology":            1, // s8 الصناعات الاستراتيجية الناشئة
			"belt_and_road":         7, // s1 (headline), s2, s3 twice, s4, s5, s12
			"eurasian_union":        2, // s5 twice (and not trade_economy, though the name says الاقتصادي)
		},
	}
	docs := analyseSeed(t)
	for id, w := range want {
		var exp []string
		for k, v := range w {
			exp = append(exp, fmt.Sprintf("%s=%d", k, v))
		}
		sort.Strings(exp)
		if got := countsOf(docs[id]); got != strings.Join(exp, " ") {
			t.Errorf("%s:\n got %s\nwant %s", id, got, strings.Join(exp, " "))
		}
	}
}

// Speakers of seed sentences, checked by reading: sentence text prefix → speaker.
func TestSeedSpeakers(t *testing.T) {
	cases := []struct{ doc, prefix, want string }{
		// 2020-07-08-call
		{"2020-07-08-call", "أجرى الرئيس الصيني شي جين بينغ", "joint"}, // ...حيث تعهد الرئيسان
		{"2020-07-08-call", "أشار شي إلى أنه", "xi"},
		{"2020-07-08-call", "وقال الرئيس شي إن روسيا", "xi"},
		{"2020-07-08-call", "وأضاف الرئيس أنه", "xi"}, // continuation: no new subject
		{"2020-07-08-call", "من جانبه، قال بوتين", "putin"},
		{"2020-07-08-call", "وأضاف أن روسيا والصين", "putin"},
		{"2020-07-08-call", "ولفت بوتين", "putin"},
		{"2020-07-08-call", "ومشيرا إلى أن روسيا", "putin"}, // participle, then قال with no subject
		{"2020-07-08-call", "بالإضافة إلى ذلك، أعرب الرئيس الروسي", "putin"},
		// 2022-02-04-beijing
		{"2022-02-04-beijing", "تحتفل الصين بالعام", "none"}, // after its wire dateline
		{"2022-02-04-beijing", "وقد تعهد الرئيسان", "joint"},
		{"2022-02-04-beijing", "صرح الرئيس شي", "xi"},
		{"2022-02-04-beijing", "وذكر الرئيس شيء", "xi"}, // the article's misspelling of شي
		{"2022-02-04-beijing", "وصرح قائلًا", "putin"},
		{"2022-02-04-beijing", "وعقب المحادثات", "none"},
		{"2022-02-04-beijing", "في غضون ذلك، اتفق الزعيمان", "joint"},
		{"2022-02-04-beijing", "شدد الرئيس شي", "xi"},
		{"2022-02-04-beijing", "واستطرد قائلًا", "putin"},
		// 2022-12-30-video
		{"2022-12-30-video", "بوتين: التعاون", "putin"},                  // headline: actor and colon
		{"2022-12-30-video", "الرئيس الروسي يؤكد", "putin"},              // subject before the verb
		{"2022-12-30-video", "وأشار إلى أنّ هذا", "putin"},               // continuation
		{"2022-12-30-video", "وأبلغ الرئيس الصيني", "xi"},                // subject, then addressee
		{"2022-12-30-video", "كما أبلغ بوتين", "xi"},                     // بوتين is the addressee: Xi still speaks
		{"2022-12-30-video", "وكان السكرتير الصحافي", "other"},           // Peskov
		{"2022-12-30-video", "وفي وقت سابق، أكد وزير الخارجية", "other"}, // Wang Yi
		{"2022-12-30-video", "يذكر أنّ نائب رئيس", "none"},               // the writer's note (narration_openers)
		{"2022-12-30-video", "هذا وسجّل حجم التبادل", "none"},
		// 2023-03-21-moscow
		{"2023-03-21-moscow", "وفي مستهل الاجتماع", "xi"}, // اكد " شي ": a quoted name is a subject
		{"2023-03-21-moscow", "هذا الوضع هو الذي", "xi"},  // inside Xi's open quotation
		{"2023-03-21-moscow", "وفي اليوم التالي", "putin"},
		{"2023-03-21-moscow", "من جهته، أعلن الرئيس الصيني", "xi"},
		{"2023-03-21-moscow", "وصدر في نهاية اللقاء بيان مشترك", "joint"},
		{"2023-03-21-moscow", "وأوضح البيان", "joint"}, // the joint statement named before it
		// 2023-10-18-brf
		{"2023-10-18-brf", "أجرى الرئيس الصيني", "none"},
		{"2023-10-18-brf", "وأشاد شي بروسيا", "xi"},
		{"2023-10-18-brf", "وقال بوتين إن مبادرة", "putin"},
		{"2023-10-18-brf", "وأضاف أن روسيا ترغب", "putin"},
		{"2023-10-18-brf", "وأجرى شي وبوتين أيضا", "none"}, // narration, no reporting verb
	}
	docs := analyseSeed(t)
	for _, c := range cases {
		d := docs[c.doc]
		found := false
		for _, s := range d.Sentences {
			if strings.HasPrefix(d.SentenceText(s), c.prefix) {
				found = true
				if s.Speaker != c.want {
					t.Errorf("%s %q: speaker %s, want %s", c.doc, c.prefix, s.Speaker, c.want)
				}
				break
			}
		}
		if !found {
			t.Errorf("%s: no sentence starts with %q", c.doc, c.prefix)
		}
	}
}

func TestSeedSentences(t *testing.T) {
	docs := analyseSeed(t)
	want := map[string]int{"2020-07-08-call": 16, "2022-02-04-beijing": 20, "2022-12-30-video": 22, "2023-03-21-moscow": 9, "2023-10-18-brf": 17} // 2023-03-21: its photo caption is furniture
	for id, n := range want {
		if got := len(docs[id].Sentences); got != n {
			t.Errorf("%s: %d sentences, want %d", id, got, n)
		}
	}
	// Section headings of the 2022-02-04 article stand as their own units.
	d := docs["2022-02-04-beijing"]
	var heads []string
	for _, s := range d.Sentences {
		if s.Heading {
			heads = append(heads, d.SentenceText(s))
		}
	}
	if strings.Join(heads, "|") != "الحفاظ على الاتصالات الوثيقة|تعزيز التعاون العملي الشامل|تعزيز التنسيق في الشؤون الدولية" {
		t.Errorf("headings: %q", heads)
	}
}
