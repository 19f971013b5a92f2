package reports

import "fmt"

// Terms are the words of charts and reports in one language.
type Terms struct {
	Lang                                                                 string
	RatesTitle, HeatmapTitle, ShiftTitle, KeynessTitle, SimilarityTitle  string
	SpeakersTitle                                                        string
	Time, Per1k, Theme, Document, ShiftAxis, Mentions                    string
	Source                                                               string
	KeynessAxis, Joint, None                                             string
	KeyFindings, Formulations, DiffLegend, Methods, HowToCite, RunRecord string
	ThemeRates, KeynessTables, Charts, GeneratedOn, Corpus, Period       string
	NoData                                                               string
}

// TermsFor returns the labels and headings for lang ("ar" or "en").
func TermsFor(lang string) (Terms, error) {
	switch lang {
	case "en":
		return Terms{Lang: "en", RatesTitle: "Theme mentions over time", HeatmapTitle: "Theme mentions by article (per 1,000 tokens)",
			ShiftTitle: "Change in theme rates, with 95% intervals", KeynessTitle: "Key terms", SimilarityTitle: "How alike the articles are",
			SpeakersTitle: "Who said what: theme mentions by speaker", Time: "Date", Per1k: "Mentions per 1,000 tokens",
			Theme: "Theme", Document: "Article", ShiftAxis: "Change in mentions per 1,000 tokens", Mentions: "Mentions", Source: "Source",
			KeynessAxis: "G² log-likelihood", Joint: "both (joint)", None: "narration (no speaker)",
			KeyFindings: "Key findings", Formulations: "Recurring formulations and how their wording changed",
			DiffLegend: "Each wording is shown against the one before it: [-removed-] in red, {+added+} in green.",
			Methods:    "Methods", HowToCite: "How to cite", RunRecord: "Run record", ThemeRates: "Theme rates by article (mentions per 1,000 tokens)",
			KeynessTables: "Key terms", Charts: "Charts", GeneratedOn: "Generated on", Corpus: "Corpus", Period: "Period compared",
			NoData: "Too little data for this chart in this corpus"}, nil
	case "ar":
		return Terms{Lang: "ar", RatesTitle: "تطور ذكر المحاور عبر الزمن", HeatmapTitle: "ذكر المحاور في كل مقال (لكل 1000 كلمة)",
			ShiftTitle: "تغير معدلات المحاور مع فترات ثقة 95%", KeynessTitle: "الكلمات المفتاحية", SimilarityTitle: "مدى تشابه المقالات",
			SpeakersTitle: "من قال ماذا: ذكر المحاور بحسب المتحدث", Time: "التاريخ", Per1k: "مرات الذكر لكل 1000 كلمة",
			Theme: "المحور", Document: "المقال", ShiftAxis: "التغير في مرات الذكر لكل 1000 كلمة", Mentions: "مرات الذكر", Source: "المصدر",
			KeynessAxis: "قيمة الأرجحية G²", Joint: "الطرفان معا", None: "سرد بلا متحدث",
			KeyFindings: "أبرز النتائج", Formulations: "الصيغ المتكررة وكيف تغيرت عباراتها",
			DiffLegend: "تُعرض كل صيغة مقارنة بالصيغة التي سبقتها: المحذوف بين [- -] بالأحمر، والمضاف بين {+ +} بالأخضر.",
			Methods:    "المنهجية", HowToCite: "طريقة الاستشهاد", RunRecord: "سجل التشغيل", ThemeRates: "معدلات المحاور في كل مقال (مرات الذكر لكل 1000 كلمة)",
			KeynessTables: "الكلمات المفتاحية", Charts: "الرسوم البيانية", GeneratedOn: "تاريخ الإعداد", Corpus: "المدونة", Period: "الفترتان المقارنتان",
			NoData: "البيانات في هذه المدونة أقل من أن يُرسم بها هذا الرسم"}, nil
	}
	return Terms{}, fmt.Errorf("unsupported language %q: use ar or en", lang)
}
