package corpus

import (
	"strings"

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
	return dateline, ""
}
