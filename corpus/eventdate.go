package corpus

import (
	"strconv"
	"strings"
	"time"
)

// Where an event date came from (Document.EventDateSource).
const (
	EventFromDateline = "dateline" // the day and month of a wire dateline, in the year of the publication date
	EventFromWeekday  = "weekday"  // a weekday named in the story's first lines, the last such day on or before publication (the next on or after it for a future event)
)

// weekdays are the names of the days in Arabic (with and without hamza) and English.
var weekdays = map[string]time.Weekday{
	"الاحد": time.Sunday, "الأحد": time.Sunday, "الاثنين": time.Monday, "الإثنين": time.Monday, "الثلاثاء": time.Tuesday,
	"الاربعاء": time.Wednesday, "الأربعاء": time.Wednesday,
	"الخميس": time.Thursday, "الجمعة": time.Friday, "الجمعه": time.Friday, "السبت": time.Saturday,
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// eventDate resolves the date of the event a story reports, against its publication date: a
// wire dateline's day and month («بكين، 18 أكتوبر»، "MOSCOW, Oct 18"), else a weekday named in
// its first two lines («اليوم (الأربعاء)»، "on Wednesday"), the last such day on or before the
// publication date (within six days), or the next on or after it when the words around it say
// the event is to come (futureAround). The zero time when it cannot be resolved.
func eventDate(published time.Time, dateline, clean string) (time.Time, string) {
	if published.IsZero() {
		return time.Time{}, ""
	}
	if dateline != "" {
		if _, date, _, ok := ParseDateline(dateline); ok {
			if t, withYear, ok := dayMonth(date, published.Year()); ok {
				if !withYear && t.After(published.AddDate(0, 0, 2)) { // a dateline of late December on a January story
					t = t.AddDate(-1, 0, 0)
				}
				return t, EventFromDateline
			}
		}
	}
	if len(clean) > 800 {
		clean = clean[:800] // the first lines are enough (a cut rune is no weekday)
	}
	lines := strings.SplitN(clean, "\n", 4)
	if len(lines) > 3 {
		lines = lines[:3]
	}
	for _, line := range lines {
		words := strings.FieldsFunc(line, func(r rune) bool {
			return r == ' ' || r == '(' || r == ')' || r == '،' || r == ',' || r == '.'
		})
		for k, w := range words {
			if len(w) < 6 || len(w) > 16 { // the names are 6 (Monday) to 16 bytes (والأربعاء)
				continue
			}
			w = strings.TrimPrefix(asciiLower(w), "و")
			if wd, ok := weekdays[w]; ok {
				if futureAround(words, k) { // planned talks on Tuesday; الثلاثاء المقبل
					return published.AddDate(0, 0, (int(wd)-int(published.Weekday())+7)%7), EventFromWeekday
				}
				back := (int(published.Weekday()) - int(wd) + 7) % 7
				return published.AddDate(0, 0, -back), EventFromWeekday
			}
		}
	}
	return time.Time{}, ""
}

// futureWords, within four words before a weekday, or right after it (المقبل), make it the
// next such day on or after publication: "will meet on Friday", "planned talks on Tuesday",
// «سوف يلتقي … يوم الجمعة», «الثلاثاء المقبل».
var (
	futureBefore = map[string]bool{"will": true, "would": true, "shall": true, "plans": true, "planned": true, "plan": true,
		"scheduled": true, "expected": true, "due": true, "next": true, "upcoming": true, "ahead": true,
		"سوف": true, "المقرر": true, "يعتزم": true, "تعتزم": true, "المرتقب": true, "المرتقبة": true, "المزمع": true}
	futureAfter = map[string]bool{"المقبل": true, "القادم": true, "المقبلة": true, "القادمة": true, "next": true}
)

func futureAround(words []string, k int) bool {
	for j := max(0, k-4); j < k; j++ {
		if futureBefore[asciiLower(words[j])] || futureBefore[strings.TrimPrefix(words[j], "و")] {
			return true
		}
	}
	return k+1 < len(words) && futureAfter[asciiLower(words[k+1])]
}

// dayMonth reads "18 أكتوبر", "5 فبراير 2022", "Oct 18", "March 21" or "18 October", in its own
// year when it gives one (withYear), else in year.
func dayMonth(s string, year int) (t time.Time, withYear, ok bool) {
	f := strings.Fields(strings.ToLower(dateFold(strings.NewReplacer(".", " ", ",", " ").Replace(s))))
	if len(f) < 2 {
		return time.Time{}, false, false
	}
	day, mon := f[0], f[1]
	if _, err := strconv.Atoi(day); err != nil {
		day, mon = f[1], f[0]
	}
	d, err := strconv.Atoi(day)
	if err != nil {
		return time.Time{}, false, false
	}
	if len(f) > 2 {
		if y, err := strconv.Atoi(f[2]); err == nil && y > 1900 {
			year, withYear = y, true
		}
	}
	m, found := monthNames[mon]
	if !found {
		for name, mm := range monthNames { // an abbreviation: Oct, Dec
			if len(mon) >= 3 && strings.HasPrefix(name, mon) {
				m, found = mm, true
				break
			}
		}
	}
	if !found {
		return time.Time{}, false, false
	}
	t, ok = makeDate(year, int(m), d)
	return t, withYear, ok
}
