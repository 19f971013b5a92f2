package corpus

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// monthNames maps month names, as they are written after light normalization (hamzated alefs
// to bare alef, Arabic-Indic digits to ASCII, lower case), to month numbers. Arabic has three
// naming systems in news use: the transliterated names of Egypt and the Gulf, the Syriac names
// of the Levant and Iraq, and the French-derived names of the Maghreb.
var monthNames = map[string]time.Month{
	// Egypt and the Gulf.
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	// The Levant and Iraq.
	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
	"اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
	// The Maghreb.
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "اوت": 8,
	// English, full and abbreviated.
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var (
	reISO      = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reDMY      = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)
	reFileDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})[-_]?(\d{2})[-_]?(\d{2})(?:[^0-9]|$)`)
)

// reDayMonth matches "5 فبراير 2022", "5 Feb 2022" and "5 شباط/فبراير 2022"; reMonthDay
// matches "February 5, 2022".
var reDayMonth, reMonthDay = monthRegexps()

func monthRegexps() (dayMonth, monthDay *regexp.Regexp) {
	names := make([]string, 0, len(monthNames))
	for n := range monthNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	// Longest first, so "كانون الثاني" wins over a shorter prefix.
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	alt := strings.Join(names, "|")
	month := `(` + alt + `)\.?(?:\s*/\s*(?:` + alt + `))?`
	dayMonth = regexp.MustCompile(`(?i)(?:^|[^0-9\pL])(\d{1,2})\s+` + month + `[\s،,]+(\d{4})(?:[^0-9]|$)`)
	monthDay = regexp.MustCompile(`(?i)(?:^|[^\pL])` + month + `\s+(\d{1,2}),?\s+(\d{4})(?:[^0-9]|$)`)
	return dayMonth, monthDay
}

// dateFold prepares text for date search: Arabic-Indic and Persian digits become ASCII, hamzated
// and madda alefs become bare alef, tatweel and harakat go, and Latin letters are lower-cased.
func dateFold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			b.WriteRune('ا')
		case r == 'ـ' || (r >= 0x064B && r <= 0x0652) || r == 0x0670:
		case r == '\u00a0':
			b.WriteRune(' ')
		default:
			b.WriteString(strings.ToLower(string(r)))
		}
	}
	return b.String()
}

// The years readout takes a date in: a date outside them is a typo or a placeholder
// (9999-12-31), not a publication date.
const (
	MinYear = 1900
	MaxYear = 2100
)

func makeDate(y, m, d int) (time.Time, bool) {
	t, fault := checkDate(y, m, d)
	return t, fault == ""
}

// checkDate makes a date, or says why there is none: a year out of range, no such month, no
// such day in that month.
func checkDate(y, m, d int) (time.Time, string) {
	switch {
	case y < MinYear || y > MaxYear:
		return time.Time{}, fmt.Sprintf("the year %d is out of range (readout takes dates from %d to %d)", y, MinYear, MaxYear)
	case m < 1 || m > 12:
		return time.Time{}, fmt.Sprintf("there is no month %d", m)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Day() != d { // 31 February and the like
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return time.Time{}, fmt.Sprintf("there is no day %d in %s %d (it has %d days)", d, time.Month(m), y, last)
	}
	return t, ""
}

// findDate returns the first date written in text, in reading order, in any of the formats
// readout knows: yyyy-mm-dd, dd/mm/yyyy (also with - or .), "5 فبراير 2022" (with Egyptian,
// Levantine or Maghrebi month names), "February 5, 2022" and "5 Feb 2022".
//
// It reads the text in growing prefixes (4 KB, then four times as much, …) and stops at the
// first that holds a date starting inside it: the date of an article is near its top, and
// searching a 45 MB file whole for its first date took a second and a half.
func findDate(text string) (time.Time, bool) {
	const slack = 64 // longer than any date: a date starting inside a prefix ends inside it
	for n := 4096; ; n *= 4 {
		end := min(len(text), n+slack)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		t, pos, ok := firstDate(dateFold(text[:end]))
		if ok && (pos < n || end == len(text)) {
			return t, true
		}
		if end == len(text) {
			return time.Time{}, false
		}
	}
}

// firstDate returns the first date in s, already folded, and where it starts.
func firstDate(s string) (time.Time, int, bool) {
	best := -1
	var found time.Time
	try := func(pos int, t time.Time, ok bool) {
		if ok && (best < 0 || pos < best) {
			best, found = pos, t
		}
	}
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		y, mo, d := atoi(s, m, 1), atoi(s, m, 2), atoi(s, m, 3)
		t, ok := makeDate(y, mo, d)
		try(m[0], t, ok)
	}
	for _, m := range reDMY.FindAllStringSubmatchIndex(s, -1) {
		d, mo, y := atoi(s, m, 1), atoi(s, m, 2), atoi(s, m, 3)
		t, ok := makeDate(y, mo, d)
		try(m[0], t, ok)
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(s, -1) {
		d, y := atoi(s, m, 1), atoi(s, m, 3)
		mo := monthNames[strings.ToLower(s[m[4]:m[5]])]
		t, ok := makeDate(y, int(mo), d)
		try(m[0], t, ok)
	}
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(s, -1) {
		mo := monthNames[strings.ToLower(s[m[2]:m[3]])]
		d, y := atoi(s, m, 2), atoi(s, m, 3)
		t, ok := makeDate(y, int(mo), d)
		try(m[0], t, ok)
	}
	return found, best, best >= 0
}

func atoi(s string, m []int, group int) int {
	n, _ := strconv.Atoi(s[m[2*group]:m[2*group+1]])
	return n
}

// dateFromFilename finds yyyy-mm-dd, yyyy_mm_dd or yyyymmdd in a file name.
func dateFromFilename(name string) (time.Time, bool) {
	m := reFileDate.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return makeDate(y, mo, d)
}

// ParseDate parses a date as written in a manifest or JSONL record: yyyy-mm-dd, dd/mm/yyyy, or an
// RFC 3339 timestamp (whose date part is kept).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	checked := func(t time.Time, fault string) (time.Time, error) {
		if fault != "" {
			return time.Time{}, fmt.Errorf("date %q: %s", s, fault)
		}
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return checked(checkDate(t.Year(), int(t.Month()), t.Day()))
	}
	f := dateFold(s)
	if m := reISO.FindStringSubmatchIndex(f); m != nil && m[0] == 0 && m[1] == len(f) {
		return checked(checkDate(atoi(f, m, 1), atoi(f, m, 2), atoi(f, m, 3)))
	}
	if m := reDMY.FindStringSubmatchIndex(f); m != nil && m[0] == 0 && m[1] == len(f) {
		return checked(checkDate(atoi(f, m, 3), atoi(f, m, 2), atoi(f, m, 1)))
	}
	return time.Time{}, fmt.Errorf("unparseable date %q: write it as yyyy-mm-dd, e.g. 2022-02-04", s)
}
