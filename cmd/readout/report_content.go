package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/readout/readout/output"
	"github.com/readout/readout/metrics"
)

// findings writes the key findings as sentences, each with its numbers: the largest rises and
// falls with their intervals, who emphasised the most mentioned themes, the recurring
// formulations, and the key terms.
func (s *study) findings() []string {
	ar := s.lang == "ar"
	var out []string
	rows := append([]metrics.ShiftRow(nil), s.shift...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Diff > rows[j].Diff })
	describe := func(r metrics.ShiftRow) string {
		name := s.themeLabel(r.Theme)
		sure := !(r.DiffLow <= 0 && r.DiffHigh >= 0)
		if ar {
			verb := "ارتفع"
			if r.Diff < 0 {
				verb = "تراجع"
			}
			txt := fmt.Sprintf("%s ذكر «%s» من %s إلى %s مرة لكل 1000 كلمة بين %s و%s (التغير %s، فترة ثقة 95%%: %s إلى %s؛ عدد مرات الذكر %d في %s و%d في %s)",
				verb, name, f2(r.FromRate), f2(r.ToRate), s.from.Label, s.to.Label, signed(r.Diff), f2(r.DiffLow), f2(r.DiffHigh), r.FromCount, s.from.Label, r.ToCount, s.to.Label)
			if !sure {
				txt += "، وتشمل الفترة الصفر فلا يثبت الاتجاه"
			}
			return txt + "."
		}
		verb := "rose"
		if r.Diff < 0 {
			verb = "fell"
		}
		txt := fmt.Sprintf("Mentions of %s %s from %s to %s per 1,000 tokens between %s and %s (change %s, 95%% interval %s to %s; %d mentions in %s, %d in %s)",
			name, verb, f2(r.FromRate), f2(r.ToRate), s.from.Label, s.to.Label, signed(r.Diff), f2(r.DiffLow), f2(r.DiffHigh), r.FromCount, s.from.Label, r.ToCount, s.to.Label)
		if !sure {
			txt += "; the interval includes zero, so the direction is not established"
		}
		return txt + "."
	}
	for i := 0; i < len(rows) && i < 3 && rows[i].Diff > 0; i++ {
		out = append(out, describe(rows[i]))
	}
	for i := len(rows) - 1; i >= 0 && i >= len(rows)-3 && rows[i].Diff < 0; i-- {
		out = append(out, describe(rows[i]))
	}
	if ar {
		out = append(out, fmt.Sprintf("تستند المقارنة إلى عدد قليل من المقالات (%d في %s و%d في %s)، فتُقرأ الأرقام مع التحذيرات المدرجة في data/shift.csv.",
			len(s.fromDocs), s.from.Label, len(s.toDocs), s.to.Label))
	} else {
		out = append(out, fmt.Sprintf("The comparison rests on %d article(s) in %s and %d in %s; with so few, read each number with the warnings listed in data/shift.csv.",
			len(s.fromDocs), s.from.Label, len(s.toDocs), s.to.Label))
	}
	// who emphasised what
	for i, th := range s.themes {
		if i >= 3 {
			break
		}
		total, best, bestN := 0, "", 0
		for _, r := range s.bySpk {
			if r.Theme != th {
				continue
			}
			total += r.Count
			if r.Key.Speaker != "none" && r.Count > bestN {
				best, bestN = r.Key.Speaker, r.Count
			}
		}
		if total == 0 || best == "" {
			continue
		}
		if ar {
			out = append(out, fmt.Sprintf("«%s» في المدونة كلها: نُسب %d من %d مرة ذكر (%.0f%%) إلى %s.", s.themeLabel(th), bestN, total, 100*float64(bestN)/float64(total), s.speakerLabel(best)))
		} else {
			out = append(out, fmt.Sprintf("Across the corpus, %d of the %d mentions of %s (%.0f%%) are attributed to %s.", bestN, total, s.themeLabel(th), 100*float64(bestN)/float64(total), s.speakerLabel(best)))
		}
	}
	if len(s.forms) > 0 {
		f := s.forms[0]
		first, lastV := f.Variants[0].Unit, f.Variants[len(f.Variants)-1].Unit
		if ar {
			out = append(out, fmt.Sprintf("عدد الصيغ المتكررة بين المقالات: %d؛ أوسعها انتشارا يظهر في %d من المقالات، من %s (%s) إلى %s (%s).",
				len(s.forms), f.Docs(), first.Doc, s.speakerLabel(first.Speaker), lastV.Doc, s.speakerLabel(lastV.Speaker)))
		} else {
			out = append(out, fmt.Sprintf("%d formulations recur across articles; the most widespread appears in %d articles, from %s (%s) to %s (%s).",
				len(s.forms), f.Docs(), first.Doc, s.speakerLabel(first.Speaker), lastV.Doc, s.speakerLabel(lastV.Speaker)))
		}
	}
	var top []string
	significant := 0
	for i, k := range s.keyness {
		if k.G2 <= 0 {
			break
		}
		if i < 5 {
			top = append(top, fmt.Sprintf("%s (G² %s)", keyLabel(k), f2(k.G2)))
		}
		if k.PAdjusted < 0.05 {
			significant++
		}
	}
	if len(top) > 0 {
		if ar {
			txt := fmt.Sprintf("أكثر الكلمات تمييزا لـ%s مقارنة بـ%s: %s؛", s.to.Label, s.from.Label, strings.Join(top, "، "))
			if significant == 0 {
				txt += " ولا تبقى أي منها دالة إحصائيا بعد تصحيح بونفيروني، كما يُتوقع مع مدونة صغيرة."
			} else {
				txt += fmt.Sprintf(" منها %d دالة بعد تصحيح بونفيروني.", significant)
			}
			out = append(out, txt)
		} else {
			txt := fmt.Sprintf("The words that most set %s apart from %s: %s;", s.to.Label, s.from.Label, strings.Join(top, ", "))
			if significant == 0 {
				txt += " none remains significant after Bonferroni correction, as expected on a corpus this small."
			} else {
				txt += fmt.Sprintf(" %d remain significant after Bonferroni correction.", significant)
			}
			out = append(out, txt)
		}
	}
	return out
}

func (s *study) methods() []string {
	if s.lang == "ar" {
		return []string{
			"المحاور: تُطابق مصطلحات المعجم على كلمات مطبّعة (توحيد الهمزات والتاء المربوطة والألف المقصورة وحذف التشكيل والتطويل)، مع السوابق (و ف ب ك ل ال لل) على الكلمة الأولى واللواحق الضميرية، ويُحسب المعدل لكل 1000 كلمة. المعرّفات: theme.count، theme.per_1k.",
			"المتحدث: تُنسب كل جملة إلى متحدث من فعل القول وفاعله (قال، أكد، أشار …)، أو تستمر نسبتها إلى المتحدث السابق (وأضاف، مضيفا)، وإلا فهي سرد. المعرّف: text.speakers.",
			"التغير بين الفترتين: الفرق في المعدل مع فترة ثقة 95% من إعادة المعاينة (bootstrap) ببذرة ثابتة، ونسبة اللوغاريتم (الأساس 2، والصفر يُستبدل بـ0.5)، وإحصاء الأرجحية G² ذو الخانات الأربع وقيمته الاحتمالية. المعرّفات: shift.*.",
			"الكلمات المفتاحية: جذوع الكلمات (Snowball بعد حذف أداة التعريف وما يسبقها)، G² وLRC مع تصحيح بونفيروني. التشابه: جيب التمام على أوزان tf-idf المنعّمة. الصيغ المتكررة: محاذاة الوحدات بمعامل دايس الموزون عند 0.25 فأكثر، وفروق كلمة بكلمة مصنفة.",
			"الصيغ الكاملة ومصادرها في docs/METHODS.md، وكل رقم في هذا التقرير في ملفات data/.",
		}
	}
	return []string{
		"Themes: lexicon terms are matched on normalized words (hamza forms, ta marbuta, alef maqsura, diacritics and tatweel folded), with proclitics (و ف ب ك ل ال لل) on the first word and pronoun suffixes; rates are per 1,000 tokens. Ids: theme.count, theme.per_1k.",
		"Speakers: each sentence is attributed from its reporting verb and subject (قال، أكد، أشار …), continues the previous speaker (وأضاف، مضيفا), or is narration. Id: text.speakers.",
		"Change between periods: the difference in rate with a 95% seeded bootstrap interval, the base-2 log ratio (zero counts as 0.5), and the signed 4-cell log-likelihood G² with its p-value. Ids: shift.*.",
		"Keyness: word stems (Snowball, after the article and its clitics are removed), G² and LRC with Bonferroni correction. Similarity: cosine over smoothed tf-idf. Recurring formulations: units aligned by weighted Dice at 0.25 or above, with classified word diffs.",
		"Every formula and its sources are in docs/METHODS.md; every number of this report is in data/.",
	}
}

type dataSet struct {
	name string
	rows output.Rows
}

// dataSets are the numbers behind the report, one file each.
func (s *study) dataSets() []dataSet {
	var out []dataSet
	docs := output.Rows{Columns: []string{"id", "date", "title", "tokens"}}
	for _, d := range s.docs {
		docs.Add(d.Doc.ID, dateString(d.Doc), d.Doc.Title, len(d.A.Tokens))
	}
	out = append(out, dataSet{"documents", docs})
	byDoc := output.Rows{Columns: []string{"doc", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}}
	for _, r := range s.byDoc {
		byDoc.Add(r.Key.Doc, s.lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
	}
	out = append(out, dataSet{"themes_by_doc", byDoc})
	bySpk := output.Rows{Columns: []string{"speaker", "theme", "count", "sentences", "per_1k", "share", "tokens", "total_sentences"}}
	for _, r := range s.bySpk {
		bySpk.Add(r.Key.Speaker, s.lx.Themes[r.Theme].ID, r.Count, r.Sentences, r.Per1k, r.Share, r.Tokens, r.TotalSentences)
	}
	out = append(out, dataSet{"themes_by_speaker", bySpk})
	shiftCols := []string{"theme", "speaker", "from_count", "to_count", "from_tokens", "to_tokens", "from_rate", "to_rate", "diff", "diff_ci_low", "diff_ci_high", "log_ratio", "g2", "p", "warnings", "from_docs", "to_docs", "bootstrap"}
	shift := output.Rows{Columns: shiftCols}
	for _, r := range append(append([]metrics.ShiftRow{}, s.shift...), s.spkShift...) {
		shift.Add(s.lx.Themes[r.Theme].ID, r.Speaker, r.FromCount, r.ToCount, r.FromTokens, r.ToTokens, r.FromRate, r.ToRate, r.Diff, r.DiffLow, r.DiffHigh, r.LogRatio, r.G2, r.P, r.Warnings, r.FromDocs, r.ToDocs, r.Bootstrap)
	}
	out = append(out, dataSet{"shift", shift})
	trend := output.Rows{Columns: []string{"theme", "doc", "date", "count", "tokens", "per_1k"}}
	for _, r := range metrics.Trend(s.tallies, s.themes, false, 0.95) {
		for _, p := range r.Points {
			trend.Add(s.lx.Themes[r.Theme].ID, p.Label, s.dateOf(p.Label), p.Count, p.Tokens, p.Rate)
		}
	}
	out = append(out, dataSet{"rates_over_time", trend})
	key := output.Rows{Columns: []string{"term", "target_count", "reference_count", "target_tokens", "reference_tokens", "g2", "chi2", "log_ratio", "lrc", "p", "p_adjusted", "surface"}}
	for _, k := range s.keyness {
		key.Add(k.Term, k.A, k.B, k.Nt, k.Nr, k.G2, k.Chi2, k.LogRatio, k.LRC, k.P, k.PAdjusted, k.Surface)
	}
	out = append(out, dataSet{"keyness", key})
	simCols := []string{"doc"}
	for _, d := range s.docs {
		simCols = append(simCols, d.Doc.ID)
	}
	sim := output.Rows{Columns: simCols}
	for i, d := range s.docs {
		vals := []any{d.Doc.ID}
		for _, v := range s.sim[i] {
			vals = append(vals, v)
		}
		sim.Add(vals...)
	}
	out = append(out, dataSet{"similarity", sim})
	forms := output.Rows{Columns: []string{"formulation", "docs", "doc", "date", "index", "speaker", "themes", "text", "similarity"}}
	for k, f := range s.forms {
		for _, v := range f.Variants {
			var sim any
			if v.Ops != nil {
				sim = v.Similarity
			}
			forms.Add(k+1, f.Docs(), v.Unit.Doc, v.Unit.Date.Format("2006-01-02"), v.Unit.Index, v.Unit.Speaker, v.Unit.Themes, v.Unit.Text, sim)
		}
	}
	out = append(out, dataSet{"formulations", forms})
	return out
}
