package reports

// Terms are the words of charts and reports in one language, from its message file.
type Terms struct {
	Lang                                                                 string
	RatesTitle, HeatmapTitle, ShiftTitle, KeynessTitle, SimilarityTitle  string
	SpeakersTitle                                                        string
	Time, Per1k, Theme, Document, ShiftAxis, Mentions                    string
	Source                                                               string
	KeynessAxis, Joint, None, Other                                      string
	KeyFindings, Formulations, DiffLegend, Methods, HowToCite, RunRecord string
	ThemeRates, KeynessTables, Charts, GeneratedOn, Corpus, Period       string
	NoData                                                               string
	// M has every text of the language, for what Terms does not name.
	M *Messages
}

// TermsFor returns the labels and headings of a language (Languages).
func TermsFor(lang string) (Terms, error) {
	m, err := MessagesFor(lang)
	if err != nil {
		return Terms{}, err
	}
	t := m.Text
	return Terms{Lang: lang, M: m,
		RatesTitle: t("chart.rates.title"), HeatmapTitle: t("chart.heatmap.title"), ShiftTitle: t("chart.shift.title"),
		KeynessTitle: t("chart.keyness.title"), SimilarityTitle: t("chart.similarity.title"), SpeakersTitle: t("chart.speakers.title"),
		Time: t("axis.time"), Per1k: t("axis.per_1k"), Theme: t("axis.theme"), Document: t("axis.document"),
		ShiftAxis: t("axis.shift"), Mentions: t("axis.mentions"), Source: t("word.source"), KeynessAxis: t("axis.keyness"),
		Joint: t("speaker.joint"), None: t("speaker.none"), Other: t("speaker.other"),
		KeyFindings: t("heading.findings"), Formulations: t("heading.formulations"), DiffLegend: t("diff.legend"),
		Methods: t("heading.methods"), HowToCite: t("heading.cite"), RunRecord: t("heading.run_record"),
		ThemeRates: t("heading.rates_table"), KeynessTables: t("heading.keyness"), Charts: t("heading.charts"),
		GeneratedOn: t("heading.generated_on"), Corpus: t("heading.corpus"), Period: t("heading.period"),
		NoData: t("chart.no_data")}, nil
}
