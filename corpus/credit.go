package corpus

import (
	"strings"
	"unicode"

	"github.com/readout/readout/textproc"
)

// agencies maps how texts name news agencies (normalized) to readout's keys for them.
var agencies = map[string]string{}

func init() {
	for key, names := range map[string][]string{
		"xinhua":     {"شينخوا", "وكالة شينخوا", "وكالة أنباء شينخوا", "xinhua", "xinhua news agency"},
		"tass":       {"تاس", "وكالة تاس", "إيتار تاس", "tass", "itar-tass"},
		"ria":        {"نوفوستي", "ريا نوفوستي", "وكالة نوفوستي", "ria", "ria novosti"},
		"sputnik":    {"سبوتنيك", "sputnik"},
		"afp":        {"أ ف ب", "أ.ف.ب", "فرانس برس", "وكالة فرانس برس", "afp"},
		"reuters":    {"رويترز", "reuters"},
		"ap":         {"أ ب", "أسوشيتد برس", "ap", "associated press"},
		"cctv":       {"سي سي تي في", "cctv"},
		"prnewswire": {"prnewswire", "pr newswire"},
		"agencies":   {"وكالات", "المصادر", "agencies"},
	} {
		for _, n := range names {
			agencies[textproc.Normalize(n)] = key
		}
	}
}

// AgencyKey returns readout's key for an agency as a text names it (شينخوا → xinhua); a name it
// does not know becomes its own key, lower-cased.
func AgencyKey(name string) string {
	n := textproc.Normalize(strings.Trim(strings.TrimSpace(name), "()[]/"))
	if k, ok := agencies[n]; ok {
		return k
	}
	return strings.ReplaceAll(n, " ", "-")
}

// creditOf reads, from what the boilerplate rules removed, the wire dateline and the agency the
// report is credited to: the dateline's, else a credit line's (المصدر: شينخوا، وكالات).
func creditOf(removed []Removal) (dateline, credit string) {
	for _, r := range removed {
		if r.Rule == "dateline" && dateline == "" {
			dateline = r.Text
			if _, _, agency, ok := ParseDateline(r.Text); ok {
				credit = AgencyKey(agency)
			}
		}
	}
	if credit != "" {
		return dateline, credit
	}
	for _, r := range removed {
		if r.Rule != "credit-line" {
			continue
		}
		t := strings.Trim(r.Text, "()[] ")
		if _, rest, ok := strings.Cut(t, ":"); ok {
			t = rest
		}
		names := strings.FieldsFunc(t, func(r rune) bool { return r == '،' || r == ',' || r == '/' || r == '+' })
		if len(names) > 0 {
			return dateline, AgencyKey(names[0])
		}
	}
	// a known agency named in a short line of the page's head or byline that the rules took out
	// («الشارقة 24- أ.ف.ب:»، «/مصدر: شينخوا/ 2019:06:06», "Source:Xinhua", "By Reuters March 20")
	for _, r := range removed {
		if r.Rule != "page-edges" && r.Rule != "byline" {
			continue
		}
		if k := knownAgencyIn(r.Text); k != "" {
			return dateline, k
		}
	}
	return dateline, ""
}

// knownAgencyIn returns the key of the first agency readout knows that a line of at most
// twelve words names as whole words ("" if none): أ.ف.ب, not تاس in تاسع.
func knownAgencyIn(line string) string {
	n := " " + strings.Join(strings.FieldsFunc(textproc.Normalize(line), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-'
	}), " ") + " "
	if strings.Count(n, " ") > 13 {
		return ""
	}
	best, at := "", len(n)
	for name, key := range agencies {
		if key == "agencies" || len(name) < 3 {
			continue // "المصادر", "ap": too common alone
		}
		w := " " + strings.Join(strings.FieldsFunc(name, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-'
		}), " ") + " "
		if i := strings.Index(n, w); i >= 0 && (i < at || i == at && key < best) {
			best, at = key, i
		}
	}
	return best
}
