package corpus

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/readout/readout/textproc"
)

// RuleScope says how much a matching boilerplate rule removes.
type RuleScope string

const (
	ScopeLine  RuleScope = "line"   // the matching line only
	ScopeToEnd RuleScope = "to-end" // the matching line and everything after it
)

// RuleWhere limits where in a document a rule looks.
type RuleWhere string

const (
	WhereAny  RuleWhere = "any"  // every line
	WhereHead RuleWhere = "head" // the first HeadLines non-blank lines
)

// maxRuleLine is the longest line, in bytes, that can be a listed boilerplate line; a longer
// line past the head is a paragraph, tested against rule patterns only, as written.
const maxRuleLine = 120

// HeadLines is how many non-blank lines count as a document's head.
const HeadLines = 6

// Rule is one boilerplate rule. A line matches when, with white space collapsed, it equals one
// of Lines or matches Pattern. The special rule kind "repeated-headline" (Repeated true) matches
// a head line equal to an earlier head line.
type Rule struct {
	ID          string    `yaml:"id"`
	Description string    `yaml:"description"`
	Lines       []string  `yaml:"lines"`
	Pattern     string    `yaml:"pattern"`
	Where       RuleWhere `yaml:"where"`
	Scope       RuleScope `yaml:"scope"`
	Repeated    bool      `yaml:"repeated"`
	// Contains, when set, are words one of which a line must hold (in any case) before the
	// pattern is tried on it: a cheap test that spares most lines a costly pattern.
	Contains []string `yaml:"contains"`
	// Ends, when set, are the characters one of which a line must end with before the pattern
	// is tried on it (the digits of a date, the parenthesis of a credit).
	Ends string `yaml:"ends"`
	// Short makes the rule pass over the story's paragraphs (lines of twenty words or more
	// that end a sentence): what it removes is never one, and most lines of a story are.
	Short bool `yaml:"short"`
	// Dateline makes the rule cut a wire dateline from the start of a head line: the place,
	// date and agency before the story («بكين، 18 أكتوبر (شينخوا) --», "MOSCOW, Oct 18
	// (Reuters) -"), which become the document's metadata (Document.Dateline).
	Dateline bool `yaml:"dateline"`
	// Edges makes the rule remove, before the story's first paragraph, every line but the
	// headline, and after its last paragraph the short lines that are not sentences (menus,
	// clocks, counters, tags, footers): a paragraph is a line of eight words or more that ends
	// a sentence.
	Edges bool `yaml:"edges"`

	re      *regexp.Regexp
	longest int           // the longest text, in bytes, the pattern can match whole; -1: no bound
	first   map[rune]bool // the runes a text the pattern matches can begin with; nil: any
}

// DefaultRules is readout's built-in boilerplate rule set. Each rule is documented in the
// README; `--verbose` lists every line a rule removed.
func DefaultRules() []Rule {
	return []Rule{
		{ID: "comment-form", Description: "a comment form and everything after it",
			Lines: []string{"اترك رد", "اترك ردا", "اترك تعليقا", "اترك تعليقاً", "أضف تعليق", "أضف تعليقك", "التعليقات", "Leave a Reply", "Leave a comment", "Comments"},
			Where: WhereAny, Scope: ScopeToEnd},
		{ID: "section-label", Short: true, Description: "a page-section label standing on its own line",
			Lines: []string{"تفاصيل الخبر", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "مواضيع ذات صلة", "أخبار ذات صلة", "إعلان", "Read more", "Read also", "Related", "Related articles", "Advertisement"},
			Where: WhereAny, Scope: ScopeLine},
		{ID: "share", Short: true, Description: "a share or print line",
			Pattern: `^(?i)(شارك|شاركها|مشاركة|طباعة|share|tweet|print|email)( (على|عبر|هذا|on|via|this)( .{0,40})?)?$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "site-tagline", Short: true, Description: "a site's tagline at the top of the page",
			Pattern: `^(موقع|بوابة|صحيفة|جريدة) (إخباري|اخباري|متخصص|عربي|الكتروني|إلكتروني).{0,40}$`,
			Where:   WhereHead, Scope: ScopeLine},
		{ID: "counter", Short: true, Description: "a bare number near the top (a comment or view counter)",
			Pattern: `^[0-9٠-٩]{1,6}$`, Where: WhereHead, Scope: ScopeLine},
		{ID: "date-line", Short: true, Description: "a line that is only a date (the date is read first)",
			Pattern: `^[0-9٠-٩]{1,4}[/.\-][0-9٠-٩]{1,2}[/.\-][0-9٠-٩]{1,4}$`, Where: WhereHead, Scope: ScopeLine},
		{ID: "repeated-headline", Description: "a head line repeating an earlier one (the headline printed twice)",
			Repeated: true, Where: WhereHead, Scope: ScopeLine},
		{ID: "dateline", Description: "a wire dateline opening the story: «بكين، 18 أكتوبر (شينخوا) --», \"MOSCOW, Oct 18 (Reuters) -\" (cut from the line; place, date and agency kept as metadata)",
			Dateline: true, Where: WhereHead, Scope: ScopeLine},
		{ID: "cookie", Description: "a cookie or privacy notice and its buttons",
			Pattern:  `^(?i).{0,200}(ملفات تعريف الارتباط|الكوكيز|ملفات الكوكي|cookies|cookie policy|privacy statement|سياسة الخصوصية|we value your privacy).{0,300}$`,
			Contains: []string{"الارتباط", "الكوكي", "cookie", "privacy", "الخصوصية"},
			Where:    WhereHead, Scope: ScopeLine}, // a banner at the foot is a short line after the story: page-edges'
		{ID: "promo", Short: true, Description: "a subscription, newsletter or follow-us line",
			Pattern: `^(?i)(subscribe|sign up|sign in|download our app|already a subscriber|you have [0-9]{1,2} free articles?|get the .{1,40} (briefing|newsletter)|cancel anytime|ad-free|unlimited (digital )?access|اشترك|اشتركوا|اشترك الآن|تابع آخر الأخبار|تابعوا آخر الأخبار|تابعونا|حمّل تطبيق|حمل تطبيق|انضم إلى قناتنا|النشرة البريدية|النشرة الإخبارية).{0,200}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "promo-end", Short: true, Description: "a line ending in a call to subscribe (\"… every weekday. Sign up\")",
			Pattern: `^(?i).{0,200}(sign up|subscribe|اشترك الآن)\.?$`, Ends: "pPeE.ن", Contains: []string{"sign up", "subscribe", "اشترك"},
			Where: WhereAny, Scope: ScopeLine},
		{ID: "page-edges", Description: "before the story's first paragraph every line but the headline, after its last paragraph every line that is not one",
			Edges: true, Where: WhereAny, Scope: ScopeLine},
		{ID: "debug-output", Short: true, Description: "a web page's error or debug output (Warning: … on line 42, NULL, array(…)",
			Pattern: `^(?i)((warning|notice|deprecated|fatal error|parse error): .{1,300} on line [0-9]{1,6}|null|undefined|array\([0-9]{1,4}\) \{.{0,400})$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "page-ui", Short: true, Description: "a page's controls and counters: back to top, loading, gallery and video labels, comment and view counts, a bare clock",
			Pattern: `^(?i)(back to top|العودة إلى الأعلى|العودة للأعلى|loading…?|loading\.\.\.|جار[يٍ] التحميل\.{0,3}|جار[يٍ] تحويلك.{0,40}|redirecting.{0,40}|continue reading.{0,40}|play icon|placeholder image|صورة رمزية|sort by:.{0,40}|reply · like.{0,20}|post a comment|أضف تعليقا?|(photo|صورة) [0-9٠-٩]{1,3} (of|من) [0-9٠-٩]{1,3}|[0-9٠-٩]{1,3} / [0-9٠-٩]{1,3}|[0-9٠-٩.,٬]{1,9} ?(ألف |k )?(comments?|تعليقا?|تعليقات|مشاهدة|مشاهدات|views?|shares?)|(comments?|تعليقات|مشاهدات|views?) ?[:(]? ?[0-9٠-٩.,٬]{1,9}\)?|[0-9٠-٩]{1,2}:[0-9٠-٩]{2})$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "comment-meta", Short: true, Description: "a comment's author and age (\"reader_name · 3h\")",
			Pattern: `^\S{2,30} · [0-9]{1,2} ?(h|m|d|min|hours?|days?)$`, Contains: []string{"·"}, Where: WhereAny, Scope: ScopeLine},
		{ID: "icon-text", Short: true, Description: "icon names copied as text (\"Search icon Menu icon Close icon\")",
			Pattern: `^(?i)(\S{1,20} icon ?){2,6}$`, Contains: []string{"icon"}, Where: WhereAny, Scope: ScopeLine},
		{ID: "copyright", Short: true, Description: "a copyright or comment-form notice: «جميع الحقوق محفوظة …», \"Your email address will not be published\"",
			Pattern:  `^(?i)(©|copyright|جميع الحقوق|حقوق النشر|حقوق الطبع|your email address will not be published|لن يتم نشر عنوان بريدك).{0,160}$`,
			Contains: []string{"©", "copyright", "الحقوق", "حقوق", "email address", "بريدك"},
			Where:    WhereAny, Scope: ScopeLine},
		{ID: "embed-signature", Short: true, Description: "a social-media post's signature under its embedded text: \"— Name (@handle) May 16, 2024\"",
			Pattern:  `^— .{1,80}\(@[A-Za-z0-9_]{1,30}\) .{0,30}$`,
			Contains: []string{"(@"},
			Where:    WhereAny, Scope: ScopeLine},
		{ID: "tags", Short: true, Description: "a tags or topics line: «الوسوم: …», \"Topics: …\"",
			Pattern: `^(?i)(الوسوم|وسوم|كلمات مفتاحية|الكلمات المفتاحية|الكلمات الدالة|tags|topics|keywords)\s{0,2}[:：].{0,300}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "published-line", Short: true, Description: "a publication or update line: «نشر في 8 تموز 2020 - 18:40», \"Published 16 May 2024 · Updated …\"",
			Pattern: `^(?i)(published|updated|last updated|last modified|posted on|posted|first published|نشر في|نُشر في|نشر بتاريخ|آخر تحديث|تاريخ النشر|تم النشر|تاريخ الإضافة)\s{0,2}[:：]?\s{0,2}[^.!?]{0,80}[0-9٠-٩][^.!?]{0,80}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "related-item", Short: true, Description: "a related story's headline followed by its date (… 2023-10-17)",
			Pattern: `^[^.!?]{10,200} [0-9]{4}-[0-9]{2}-[0-9]{2}$`,
			Ends:    "0123456789",
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "ad-label", Short: true, Description: "an advertisement's or a sponsored block's label",
			Lines: []string{"إعلان", "- إعلان -", "إعلانات", "مساحة إعلانية", "لا يتوفر إعلان حالياً", "لا يتوفر إعلان حاليا", "محتوى مقترح", "محتوى ممول", "محتوى برعاية",
				"Advertisement", "ADVERTISEMENT", "Advertisement — story continues below", "Advertisement - story continues below", "Sponsored", "Sponsored content", "Recommended"},
			Where: WhereAny, Scope: ScopeLine},
		{ID: "disclaimer", Description: "a press release's or a site's disclaimer: «المحتوى أعلاه مقدم من …», \"How we report …\"",
			Pattern: `^(?i)((المحتوى|هذا المحتوى|هذا البيان)( أعلاه)? (مقد\p{Mn}{0,3}م|منشور)|the content above is|this content was (provided|produced)|how we report|our (editorial )?standards|the trust principles)( |:).{0,300}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "photo-caption", Short: true, Description: "a wire photo's caption: «… يوم 18 أكتوبر 2023. (شينخوا)», \"… (Xinhua/Name)\", \"… at the airport. (Reuters)\"",
			Pattern:  `^(?i)(.{10,700}يوم [0-9٠-٩]{1,2} [\p{Arabic}]{3,12} [0-9٠-٩]{4}\.? {0,2}\((شينخوا|رويترز|أ ف ب|تاس|سبوتنيك)(/[^()]{1,40})?\)|.{10,700}\((xinhua|reuters|afp|tass|ap|sputnik)/[^()]{1,40}\)|[^"“”]{10,300}[a-z)]\. {0,2}\((xinhua|reuters|afp|tass|ap|sputnik|ap photo|getty images|epa)\))$`,
			Ends:     ")",
			Contains: []string{"(شينخوا", "(رويترز", "(أ ف ب", "(تاس", "(سبوتنيك", "(xinhua", "(reuters", "(afp", "(tass", "(ap", "(sputnik", "(getty", "(epa"},
			Where:    WhereAny, Scope: ScopeLine},
		{ID: "photo-label", Short: true, Description: "a photo's label and caption: «صورة: …», \"Photo: …\"",
			Pattern: `^(?i)(صورة|الصورة|تصوير|photo|file photo)\s{0,2}[:：].{1,200}$`, Where: WhereAny, Scope: ScopeLine},
		{ID: "read-also", Short: true, Description: "a link to another article: «اقرأ أيضا: …», \"Read more: …\"",
			Pattern: `^(?i)((اقرأ|إقرأ|اقرا|طالع|شاهد) (أيضا|أيضاً|ايضا|ايضاً|المزيد)|read also|also read|read more|see also|related)\s{0,3}[:：|\-–—]\s{0,3}\S.{0,200}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "credit-line", Short: true, Description: "a line crediting the report to an agency: «المصدر: شينخوا», «وكالات», \"Source: Reuters\"",
			Pattern: `^(?i)[(\[]?((المصدر|مصدر الخبر|source)\s{0,3}[:：]\s{0,3}[^.!?]{1,60}|وكالات|المصادر|agencies|(أ ف ب|أ\.ف\.ب|رويترز|شينخوا|تاس|سبوتنيك|نوفوستي|xinhua|reuters|afp|tass|ria novosti|sputnik|ap)(\s{0,3}[,،/+و]\s{0,3}(أ ف ب|رويترز|شينخوا|تاس|سبوتنيك|نوفوستي|وكالات|xinhua|reuters|afp|tass|ap)){0,3})[)\]]?(\s{0,3}[|·•])?$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "editor-line", Short: true, Description: "an editor's or translator's line: «(المحرر: …)», \"(Editor: …)\"",
			Pattern: `^(?i)[(\[]?(المحرر|محرر|تحرير|ترجمة|editor|edited by|translated by)\s{0,3}[:：]\s{0,3}[^.!?]{1,60}[)\]]?$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "sign-off", Short: true, Description: "a wire story's sign-off: \"Reporting by …; Editing by …\"",
			Pattern: `^(?i)[(\[]?(additional reporting by|reporting by|writing by|editing by|compiled by|reported by|إعداد|تقرير)\s{0,3}[:：]?\s{0,3}\S.{0,250}$`,
			Where:   WhereAny, Scope: ScopeLine},
		{ID: "byline", Short: true, Description: "a byline near the top: «بقلم: …», «كتب: …», \"By …\" (six words at most)",
			Pattern: `^(?i)((by|بقلم)\s{0,3}[:：\-–]?|(كتب|كتبت)\s{0,3}[:：\-–])\s{0,3}[^\s.!?،,]{1,30}(\s{1,3}[^\s.!?،,]{1,30}){0,5}$`,
			Where:   WhereHead, Scope: ScopeLine},
	}
}

// Rules is a compiled boilerplate rule set.
type Rules struct {
	rules         []Rule
	repeatedLines bool // a repeated-line rule applies past the head
}

// CompileRules checks and compiles rules.
func CompileRules(rules []Rule) (*Rules, error) {
	seen := map[string]bool{}
	out := make([]Rule, len(rules))
	for i, r := range rules {
		if r.ID == "" {
			return nil, fmt.Errorf("rule %d has no id", i+1)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rule %q is defined twice", r.ID)
		}
		seen[r.ID] = true
		c, err := compileRule(r)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %v", r.ID, err)
		}
		out[i] = c
	}
	rs := &Rules{rules: out}
	for _, r := range out {
		rs.repeatedLines = rs.repeatedLines || (r.Repeated && r.Where == WhereAny)
	}
	return rs, nil
}

// compileRule checks one rule, fills its defaults and compiles its pattern. Every problem of
// the rule is in the error, joined by "; ".
func compileRule(r Rule) (Rule, error) {
	if r.Where == "" {
		r.Where = WhereAny
	}
	if r.Scope == "" {
		r.Scope = ScopeLine
	}
	var probs []string
	if r.Where != WhereAny && r.Where != WhereHead {
		probs = append(probs, fmt.Sprintf("where must be any or head, not %q", r.Where))
	}
	if r.Scope != ScopeLine && r.Scope != ScopeToEnd {
		probs = append(probs, fmt.Sprintf("scope must be line or to-end, not %q", r.Scope))
	}
	if len(r.Lines) == 0 && r.Pattern == "" && !r.Repeated && !r.Dateline && !r.Edges {
		probs = append(probs, "matches nothing: give lines, a pattern or repeated: true")
	}
	if r.Pattern != "" {
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			probs = append(probs, fmt.Sprintf("bad pattern: %v", err))
		} else {
			r.re, r.longest = re, longestWholeMatch(r.Pattern)
			r.first = firstRunes(r.Pattern)
		}
	}
	if len(probs) > 0 {
		return r, errors.New(strings.Join(probs, "; "))
	}
	lines := make([]string, len(r.Lines))
	for j, l := range r.Lines {
		lines[j] = textproc.Normalize(Collapse(l))
	}
	r.Lines = lines
	return r, nil
}

// RulesFile is the YAML form of a --boilerplate file: rules to add, and built-in rule ids to
// switch off.
type RulesFile struct {
	Disable []string `yaml:"disable"`
	Rules   []Rule   `yaml:"rules"`
}

// LoadRules reads a --boilerplate file and combines it with the built-in rules. Every problem
// in the file is reported at once, each with its line (a *RulesError).
func LoadRules(path string) (*Rules, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, probs := parseRulesFile(b, path)
	if len(probs) > 0 {
		return nil, &RulesError{Problems: probs}
	}
	off := map[string]bool{}
	for _, id := range f.Disable {
		off[id] = true
	}
	var rules []Rule
	for _, r := range DefaultRules() {
		if !off[r.ID] {
			rules = append(rules, r)
		}
	}
	rs, err := CompileRules(append(rules, f.Rules...))
	if err != nil { // parseRulesFile checked each rule: this does not happen
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return rs, nil
}

// RulesError lists the problems of a --boilerplate file.
type RulesError struct {
	Problems []Problem
}

func (e *RulesError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(e.Problems))
	listProblems(&b, e.Problems, "")
	return b.String()
}

// ruleKeys are the keys of a rule in a --boilerplate file, by the kind of value each takes.
var ruleKeys = map[string]yaml.Kind{
	"id": yaml.ScalarNode, "description": yaml.ScalarNode, "pattern": yaml.ScalarNode,
	"where": yaml.ScalarNode, "scope": yaml.ScalarNode, "ends": yaml.ScalarNode,
	"lines": yaml.SequenceNode, "contains": yaml.SequenceNode,
	"repeated": yaml.ScalarNode, "short": yaml.ScalarNode, "dateline": yaml.ScalarNode, "edges": yaml.ScalarNode,
}

var ruleFlags = map[string]bool{"repeated": true, "short": true, "dateline": true, "edges": true}

// parseRulesFile reads a --boilerplate file's YAML node by node, so that every problem is found
// with its line, in words a user knows (a list, some text, true or false), not Go's types.
func parseRulesFile(b []byte, path string) (RulesFile, []Problem) {
	var f RulesFile
	var probs []Problem
	problem := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Path: path, Line: line, Err: fmt.Sprintf(format, a...)})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.TrimPrefix(msg, m[0])
		}
		return f, []Problem{{Path: path, Line: line, Err: "invalid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return f, []Problem{{Path: path, Err: "the file is empty", Hint: "give rules: (a list of rules) or disable: (built-in rule ids)"}}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return f, []Problem{{Path: path, Line: top.Line, Err: "the file must be a mapping with rules: and disable:"}}
	}
	builtin := map[string]bool{}
	for _, r := range DefaultRules() {
		builtin[r.ID] = true
	}
	strList := func(n *yaml.Node, what string) []string {
		if n.Kind != yaml.SequenceNode {
			problem(n.Line, "%s must be a list", what)
			return nil
		}
		var out []string
		for _, it := range n.Content {
			if it.Kind != yaml.ScalarNode {
				problem(it.Line, "each item of %s must be some text, not a list or mapping", what)
				continue
			}
			out = append(out, it.Value)
		}
		return out
	}
	var rulesNode *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "disable":
			for j, id := range strList(v, "disable") {
				if !builtin[id] {
					problem(v.Content[j].Line, "disable: no built-in rule %q (readout text --verbose names the rules that removed each line)", id)
				}
				f.Disable = append(f.Disable, id)
			}
		case "rules":
			rulesNode = v
		default:
			problem(k.Line, "unknown key %q (known: rules, disable)", k.Value)
		}
	}
	off := map[string]bool{}
	for _, id := range f.Disable {
		off[id] = true
	}
	if rulesNode != nil && rulesNode.Kind != yaml.SequenceNode {
		problem(rulesNode.Line, "rules must be a list of rules, each starting with - id: …")
		rulesNode = nil
	}
	seen := map[string]int{}
	for n, item := range rulesNode.Content {
		if item.Kind != yaml.MappingNode {
			problem(item.Line, "rule %d must be a mapping of keys (id, lines or pattern, where, scope …)", n+1)
			continue
		}
		var r Rule
		bad := false
		for i := 0; i+1 < len(item.Content); i += 2 {
			k, v := item.Content[i], item.Content[i+1]
			kind, ok := ruleKeys[k.Value]
			if !ok {
				problem(k.Line, "unknown key %q in a rule (known: id, description, lines, pattern, contains, ends, where, scope, repeated, short, dateline, edges)", k.Value)
				bad = true
				continue
			}
			if v.Kind != kind {
				want := "some text"
				if kind == yaml.SequenceNode {
					want = "a list"
				} else if ruleFlags[k.Value] {
					want = "true or false"
				}
				problem(v.Line, "%s must be %s", k.Value, want)
				bad = true
				continue
			}
			if ruleFlags[k.Value] {
				flag := map[string]*bool{"repeated": &r.Repeated, "short": &r.Short, "dateline": &r.Dateline, "edges": &r.Edges}[k.Value]
				if err := v.Decode(flag); err != nil {
					problem(v.Line, "%s must be true or false, not %q", k.Value, v.Value)
					bad = true
				}
				continue
			}
			switch k.Value {
			case "id":
				r.ID = v.Value
			case "description":
				r.Description = v.Value
			case "pattern":
				r.Pattern = v.Value
			case "where":
				r.Where = RuleWhere(v.Value)
			case "scope":
				r.Scope = RuleScope(v.Value)
			case "ends":
				r.Ends = v.Value
			case "lines":
				r.Lines = strList(v, "lines")
			case "contains":
				r.Contains = strList(v, "contains")
			}
		}
		switch {
		case r.ID == "":
			problem(item.Line, "rule %d has no id", n+1)
			continue
		case builtin[r.ID] && !off[r.ID]:
			problem(item.Line, "rule %q has a built-in rule's id: choose another, or disable the built-in one", r.ID)
			continue
		case seen[r.ID] > 0:
			problem(item.Line, "rule %q is defined twice (first on line %d)", r.ID, seen[r.ID])
			continue
		}
		seen[r.ID] = item.Line
		badID := !ruleID.MatchString(r.ID)
		if badID {
			problem(item.Line, "rule %q: an id is lower-case letters, digits, - and _ (%s, say), as --verbose shows it", r.ID, suggestID(r.ID))
		}
		if bad {
			continue
		}
		if _, err := compileRule(r); err != nil {
			problem(item.Line, "rule %q: %v", r.ID, err)
			continue
		}
		if !badID {
			f.Rules = append(f.Rules, r)
		}
	}
	return f, probs
}

var yamlLine = regexp.MustCompile(`^line (\d+): `)

// ruleID is the form of a boilerplate rule's id.
var ruleID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// suggestID makes an id of the rule id form from one that is not.
func suggestID(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	if s := strings.Trim(b.String(), "-"); s != "" {
		return s
	}
	return "my-rule"
}

// spaceByte marks the bytes that may begin a white-space rune in UTF-8 (ASCII and lead bytes
// never occur inside another rune's encoding).
var spaceByte = func() (t [256]bool) {
	for r := range rune(0x10000) { // white space is all in the Basic Multilingual Plane
		if unicode.IsSpace(r) {
			t[utf8.AppendRune(nil, r)[0]] = true
		}
	}
	return t
}()

// Collapse trims a line and turns each run of white space (no-break spaces included) into one
// space; a line that is already so is returned as it is, without a copy.
func Collapse(s string) string {
	tidy := true
	prevSpace := true // a leading space is not tidy
	for i := 0; i < len(s); {
		b := s[i]
		if !spaceByte[b] { // not the first byte of a space: skip it (a letter's other bytes too)
			prevSpace = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		sp := unicode.IsSpace(r) // no-break spaces included
		if sp && (prevSpace || r != ' ') {
			tidy = false
			break
		}
		prevSpace = sp
	}
	if tidy && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// removal records a removed line. Its text is a copy, never a window on the document's text,
// which a lazy load releases (a window would keep the whole text in memory).
func removal(rule string, line int, text string) Removal {
	return Removal{Rule: rule, Line: line, Text: strings.Clone(text)}
}

// Clean removes boilerplate from text and returns the cleaned text, its spans back to text, and
// what was removed. Only whole lines are removed; blank lines stay.
func (rs *Rules) Clean(text string) (string, []Span, []Removal) {
	var lines []textLine
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start + 1
		}
		lines = append(lines, textLine{start, end})
		start = end
	}
	drop := make([]string, len(lines)) // rule id per dropped line
	cut := make([]int, len(lines))     // bytes cut from the start of a kept line (a dateline)
	stats := make([]lineStats, len(lines))
	datelineRule := ""
	for _, r := range rs.rules {
		if r.Dateline {
			datelineRule = r.ID
		}
	}
	var removed []Removal
	var heads []headLine // the head's lines so far, white space collapsed
	nonBlank := 0
	toEnd := false
	for i, l := range lines {
		if toEnd {
			drop[i] = drop[i-1]
			if t := Collapse(text[l.start:l.end]); t != "" {
				removed = append(removed, removal(drop[i], i+1, t))
			}
			continue
		}
		raw := strings.TrimSpace(text[l.start:l.end])
		if raw == "" || strings.Trim(raw, "\u00a0 \t\r") == "" {
			continue
		}
		nonBlank++
		inHead := nonBlank <= HeadLines
		li := lineInfo{runes: -1} // counted once, when a rule's length bound needs it
		if !inHead && len(raw) > maxRuleLine {
			// A paragraph: no listed line or headline can be this long; only patterns apply.
			stats[i] = statsOf(raw)
			para := stats[i].long()
			for _, r := range rs.rules {
				if r.Where == WhereAny && !(r.Short && para) && r.matchesPattern(raw, &li) {
					drop[i] = r.ID
					removed = append(removed, removal(r.ID, i+1, raw))
					toEnd = r.Scope == ScopeToEnd
					break
				}
			}
			continue
		}
		t := Collapse(raw)
		if len(t) != len(raw) {
			li = lineInfo{runes: -1} // white space collapsed: counted again if a rule needs it
		}
		key := t
		if len(t) <= maxRuleLine {
			key = textproc.Normalize(t)
		}
		var cur *headLine // the line, ready to compare with the head's lines
		if inHead || rs.repeatedLines {
			cur = &headLine{raw: t, key: textproc.NewNormKey(t)}
		}
		stats[i] = statsOf(t)
		para := stats[i].long()
		for _, r := range rs.rules {
			if r.Where == WhereHead && !inHead || r.Short && para {
				continue
			}
			if r.matches(t, key, cur, heads, &li) {
				drop[i] = r.ID
				removed = append(removed, removal(r.ID, i+1, t))
				toEnd = r.Scope == ScopeToEnd
				break
			}
		}
		if inHead {
			heads = append(heads, *cur)
		}
		if drop[i] == "" && inHead && datelineRule != "" {
			if n := datelineLen(text[l.start:l.end]); n > 0 {
				removed = append(removed, removal(datelineRule, i+1, strings.TrimSpace(text[l.start:l.start+n])))
				cut[i], datelineRule = n, "" // the first dateline only
				stats[i] = statsOf(strings.TrimSpace(text[l.start+n : l.end]))
			}
		}
	}
	for _, r := range rs.rules {
		if r.Edges {
			removed = trimEdges(text, lines, drop, cut, stats, r.ID, removed)
		}
	}
	if len(removed) == 0 { // nothing removed: the cleaned text is the text itself, not a copy
		return text, []Span{{CleanStart: 0, OrigStart: 0, Len: len(text)}}, nil
	}
	var spans []Span
	n := 0 // length of the cleaned text
	for i, l := range lines {
		if drop[i] != "" {
			continue
		}
		l.start += cut[i]
		if k := len(spans); k > 0 && spans[k-1].OrigStart+spans[k-1].Len == l.start {
			spans[k-1].Len += l.end - l.start
		} else {
			spans = append(spans, Span{CleanStart: n, OrigStart: l.start, Len: l.end - l.start})
		}
		n += l.end - l.start
	}
	switch len(spans) {
	case 0:
		return "", spans, removed
	case 1: // lines removed only before and after what is kept: a part of the text, not a copy
		return text[spans[0].OrigStart : spans[0].OrigStart+spans[0].Len], spans, removed
	}
	var clean strings.Builder
	clean.Grow(n)
	for _, sp := range spans {
		clean.WriteString(text[sp.OrigStart : sp.OrigStart+sp.Len])
	}
	return clean.String(), spans, removed
}

// matchesPattern reports whether the rule's pattern matches s. A pattern anchored at both ends
// with a bounded length cannot match a longer line, and is not run on one.
// lineInfo is what the rules need of a line, worked out once: its length in runes (-1 until
// counted) and its ASCII letters lowered (for Contains).
type lineInfo struct {
	runes     int
	lower     string
	haveLower bool
}

func (r *Rule) matchesPattern(s string, li *lineInfo) bool {
	if r.re == nil || (r.longest >= 0 && len(s) > r.longest) {
		return false
	}
	// the bound counts every rune as UTFMax bytes: a line of more runes than it allows cannot
	// match either (the runes of Arabic are two bytes, of English one)
	if r.first != nil {
		if c, _ := utf8.DecodeRuneInString(s); !r.first[c] {
			return false // the pattern cannot begin with the line's first letter
		}
	}
	if r.Ends != "" {
		if c, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(r.Ends, c) {
			return false
		}
	}
	if li == nil {
		li = &lineInfo{runes: -1}
	}
	if bound := r.longest / utf8.UTFMax; r.longest >= 0 && len(s) > bound {
		if li.runes < 0 {
			li.runes = utf8.RuneCountInString(s)
		}
		if li.runes > bound {
			return false
		}
	}
	if len(r.Contains) > 0 {
		if !li.haveLower {
			li.lower, li.haveLower = asciiLower(s), true
		}
		if !slices.ContainsFunc(r.Contains, func(w string) bool { return strings.Contains(li.lower, w) }) {
			return false
		}
	}
	return r.re.MatchString(s)
}

// longestWholeMatch returns the length in bytes of the longest text a pattern anchored at the
// start and end of the text (^...$) can match, or -1 when it is not so anchored or has no bound
// (* or +). Each rune counts for the longest UTF-8 encoding, since case folding may match a
// longer one.
func longestWholeMatch(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return -1
	}
	first, last := re.Sub[0].Op, re.Sub[len(re.Sub)-1].Op
	if first != syntax.OpBeginText || last != syntax.OpEndText {
		return -1
	}
	return longestMatch(re)
}

func longestMatch(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpNoMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return len(re.Rune) * utf8.UTFMax
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return longestMatch(re.Sub[0])
	case syntax.OpRepeat:
		n := longestMatch(re.Sub[0])
		if re.Max < 0 || n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := longestMatch(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1 // star, plus, and anything new
}

// headLine is a line of a document's head, white space collapsed, ready for comparing
// normalized with the lines after it.
type headLine struct {
	raw string
	key *textproc.NormKey
}

// repeats reports whether line equals an earlier head line in normalized form. Lines of very
// different lengths cannot be equal, so only lines of about the same length are compared.
func repeats(line headLine, heads []headLine) bool {
	for _, h := range heads {
		d := len(h.raw) - len(line.raw)
		if d < 0 {
			d = -d
		}
		if d > len(line.raw)/4+8 {
			continue
		}
		if h.raw == line.raw || h.key.Equal(line.key) {
			return true
		}
	}
	return false
}

// matches tests a line (white space collapsed) and its normalized form: Lines and repeated
// head lines compare normalized (so harakat, tatweel and hamza spellings do not matter), a
// pattern may match either.
func (r *Rule) matches(line, key string, cur *headLine, heads []headLine, li *lineInfo) bool {
	if r.Repeated && repeats(*cur, heads) {
		return true
	}
	for _, l := range r.Lines {
		if key == l {
			return true
		}
	}
	return r.matchesPattern(line, li) || (key != line && r.matchesPattern(key, nil))
}

// Wire datelines: a place (one to four words), a comma, a date, the agency in parentheses or
// slashes, and a dash; Arabic («بكين، 18 أكتوبر (شينخوا) --»، «موسكو، 5 فبراير 2022 /PRNewswire/ —»)
// or English ("MOSCOW, Oct 18 (Reuters) -", "BEIJING, March 21 (Xinhua) --",
// "MOSCOW, March 14. /TASS/."). An Arabic dateline may go without its comma or its dash («بكين 16
// مايو 2024 (شينخوا)», as Xinhua's Arabic copy is often republished) when the name in parentheses
// is an agency readout knows (not «في 16 مايو (أيار)»), and Xinhua's Arabic copy also ends a
// dateline with a full date by a slash alone («موسكو 5 يونيو 2019 /وصل …»).
var fourDigits = regexp.MustCompile(`[0-9٠-٩]{4}`)

var datelineRes = []*regexp.Regexp{
	regexp.MustCompile(`^\s{0,3}(?P<place>[\p{Arabic}\p{Mn}]{2,30}(?: [\p{Arabic}\p{Mn}]{2,30}){0,3})\s{0,2}(?P<comma>[،,])?\s{0,2}(?P<date>[0-9٠-٩]{1,2}\s{1,2}[\p{Arabic}\p{Mn}]{3,20}(?:\s{1,2}[0-9٠-٩]{4})?)\s{0,2}(?:\((?P<agency>[^()]{2,40})\)|/(?P<agency2>[^/]{2,40})/|(?P<slash>/))\s{0,2}(?P<dash>--|—|–|-|:)?\s{0,2}`),
	regexp.MustCompile(`^\s{0,3}(?P<place>[A-Z][A-Za-z.'\-]{1,20}(?: [A-Z][A-Za-z.'\-]{1,20}){0,3})\s{0,2},\s{0,2}(?P<date>(?:[A-Z][a-z]{2,8}\.?\s{1,2}[0-9]{1,2}|[0-9]{1,2}\s{1,2}[A-Z][a-z]{2,8})(?:,?\s{1,2}[0-9]{4})?)\.?\s{0,2}(?:\((?P<agency>[^()]{2,40})\)|/(?P<agency2>[^/]{2,40})/)\.?\s{0,2}(?:--|—|–|-)?\s{0,2}`),
}

// matchDateline finds the dateline that opens s: its place, date (as written) and agency, and
// the byte where it ends.
func matchDateline(s string) (place, date, agency string, end int, ok bool) {
	for _, re := range datelineRes {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		group := func(name string) string {
			if k := re.SubexpIndex(name); k > 0 && m[2*k] >= 0 {
				return s[m[2*k]:m[2*k+1]]
			}
			return ""
		}
		agency = strings.TrimSpace(group("agency") + group("agency2"))
		if group("slash") != "" {
			if !fourDigits.MatchString(group("date")) {
				continue // «موسكو 5 يونيو 2019 /وصل …»: Xinhua's Arabic dateline, a slash after a full date
			}
		} else if re.SubexpIndex("comma") > 0 && (group("comma") == "" || group("dash") == "") {
			if _, known := agencies[textproc.Normalize(agency)]; !known {
				continue // no comma or no dash: only with an agency readout knows
			}
		}
		return group("place"), group("date"), agency, m[1], true
	}
	return "", "", "", 0, false
}

// datelineLen returns the length of the dateline that opens line, 0 when none does (or when
// nothing follows it).
func datelineLen(line string) int {
	if !strings.ContainsAny(line[:min(len(line), 160)], "(/") {
		return 0 // no agency in parentheses or slashes
	}
	if _, _, _, end, ok := matchDateline(line); ok && end < len(strings.TrimSpace(line)) {
		return end
	}
	return 0
}

// ParseDateline reads a dateline's place, date (as written) and agency.
func ParseDateline(s string) (place, date, agency string, ok bool) {
	place, date, agency, _, ok = matchDateline(s)
	return place, date, agency, ok
}

// trimEdges applies an edges rule: with the story's paragraphs found (lines of eight words or
// more ending a sentence, among those still kept), it drops every kept line before the first
// paragraph but the headline (the line printed twice, else the first that reads like one) and
// the sentences of five words or more right before the paragraph, and
// after the last paragraph every line of fewer than eight words that is not a sentence of five
// or more. A text with no paragraph is left alone.
// textLine is a line of a text by byte offsets; end includes the newline.
type textLine struct{ start, end int }

func trimEdges(text string, lines []textLine, drop []string, cut []int, stats []lineStats, id string, removed []Removal) []Removal {
	texts := make([]string, len(lines)) // each kept line without its edges' white space
	for i := range lines {
		if drop[i] == "" {
			texts[i] = strings.TrimSpace(text[lines[i].start+cut[i] : lines[i].end])
		}
	}
	kept := func(i int) string {
		if drop[i] != "" {
			return ""
		}
		return texts[i]
	}
	first, last := -1, -1
	for i := range lines {
		if drop[i] == "" && stats[i].paragraph() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return removed
	}
	// the headline: the line a repeated-headline rule found printed twice, else the last line
	// before the first paragraph that reads like one
	head := -1
	repeated := map[string]bool{}
	for _, r := range removed {
		if r.Rule == "repeated-headline" {
			repeated[r.Text] = true
		}
	}
	for i := 0; i < first && len(repeated) > 0; i++ {
		if repeated[Collapse(kept(i))] {
			head = i
			break
		}
	}
	for i := 0; i < first && head < 0; i++ { // the first line that reads like a headline
		if readsLikeHeadline(kept(i)) {
			head = i
		}
	}
	drop1 := func(i int) {
		if t := kept(i); t != "" {
			drop[i] = id
			removed = append(removed, removal(id, i+1, Collapse(t)))
		}
	}
	// the story's short opening sentences right before its first paragraph stay (Putin said
	// the talks were good.): sentences of five words or more, up to a line that is not one
	opening := first
	for opening > 0 && opening-1 != head && drop[opening-1] == "" && (texts[opening-1] == "" || stats[opening-1].ends && stats[opening-1].words >= 5) {
		opening--
	}
	for i := 0; i < opening; i++ {
		if i != head {
			drop1(i)
		}
	}
	for i := last + 1; i < len(lines); i++ {
		if t, st := kept(i), stats[i]; t != "" && st.words < 8 && !(st.words >= 5 && st.ends) {
			drop1(i) // a short last sentence of the story and long lines (a list's items) stay
		}
	}
	slices.SortStableFunc(removed, func(a, b Removal) int { return a.Line - b.Line })
	return removed
}

// words counts the words of t separated by spaces or tabs, up to limit.
func words(t string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(t) && n < limit; i++ {
		space := t[i] == ' ' || t[i] == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// endsSentence reports whether a line ends a sentence: a full stop, question or exclamation
// mark, or a closing quotation or parenthesis after one.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, " \"'”»’)")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?؟;؛", r) // a list item ends with a semicolon
}

// readsLikeHeadline reports whether a line may be a headline: five to thirty words, mostly
// letters, no final full stop, no separators of a menu or a path (|, ›, », >, •), no clock.
func readsLikeHeadline(t string) bool {
	t = Collapse(t)
	if site := siteOf(t, ""); site != "" {
		t = stripSite(t, site) // a headline with its site (… | NewsPulse Daily)
	}
	words := strings.Fields(t)
	n := len(words)
	if n == 0 {
		return false
	}
	if k := strings.LastIndex(t, " - "); k >= 0 && len(strings.Fields(t[k:])) <= 4 {
		if len(strings.Fields(t[:k])) < 4 {
			return false // a place or a site and a credit (موسكو - وكالات)
		}
		t, words = t[:k], strings.Fields(t[:k]) // a headline and its source (… - CCTV)
		n = len(words)
	}
	if n < 5 || n > 30 || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "…") || strings.ContainsAny(t, "|›•>©@#") || strings.Contains(t, " » ") {
		return false
	}
	switch strings.ToLower(words[0]) {
	case "الرئيسية", "home", "menu", "القائمة", "عاجل", "breaking":
		return false // a menu, a ticker
	}
	if k := strings.Index(t, ":"); k >= 0 && len(strings.Fields(t[k+1:])) < 4 {
		return false // a label and its value (حجم الخط: كبير متوسط صغير)
	}

	letters, digits := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	return digits*4 < letters && !clockRe.MatchString(t)
}

var clockRe = regexp.MustCompile(`[0-9٠-٩]{1,2}:[0-9٠-٩]{2}`)

// asciiLower lowers the ASCII letters of s (the Contains words are ASCII or Arabic, which has
// no case), copying only when there is an upper-case one.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for k := i; k < len(b); k++ {
		if c := b[k]; c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// firstRunes returns the runes a text matched by a pattern anchored at its start (^…) can begin
// with, case variants included, or nil when they are not few and known (the pattern begins with
// a wildcard, an optional part, or a large class).
func firstRunes(pattern string) map[rune]bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	set := map[rune]bool{}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]}
	if !addFirst(rest, set) || len(set) > 200 {
		return nil // it may begin anywhere, or match nothing at all
	}
	return set
}

// addFirst adds to set the runes a match of re can begin with; false when it cannot tell.
func addFirst(re *syntax.Regexp, set map[rune]bool) bool {
	fold := re.Flags&syntax.FoldCase != 0
	add := func(r rune) {
		set[r] = true
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				set[f] = true
			}
		}
	}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return false
		}
		add(re.Rune[0])
		return true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n > 100 {
			return false
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				add(r)
			}
		}
		return true
	case syntax.OpCapture:
		return addFirst(re.Sub[0], set)
	case syntax.OpConcat:
		for _, sub := range re.Sub { // past the parts that may match nothing: [(]?(المصدر|…)
			if !addFirst(sub, set) {
				return false
			}
			if !canBeEmpty(sub) {
				return true
			}
		}
		return false
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !addFirst(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpRepeat, syntax.OpPlus, syntax.OpQuest, syntax.OpStar:
		return addFirst(re.Sub[0], set) // what may be empty is followed by the rest (OpConcat)
	}
	return false // ., anchors inside: any rune may begin
}

// canBeEmpty reports whether re may match the empty string at the start of a text.
func canBeEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpQuest, syntax.OpStar, syntax.OpEmptyMatch:
		return true
	case syntax.OpRepeat:
		return re.Min == 0 || canBeEmpty(re.Sub[0])
	case syntax.OpCapture, syntax.OpPlus:
		return canBeEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !canBeEmpty(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if canBeEmpty(sub) {
				return true
			}
		}
	}
	return false
}

// lineStats are what the paragraph tests need of a line: its words (up to twenty) and whether
// it ends a sentence, found once.
type lineStats struct {
	words int
	ends  bool
}

func statsOf(t string) lineStats { return lineStats{words: words(t, 20), ends: endsSentence(t)} }

// long reports whether the line is a paragraph as the short rules see it: twenty words or
// more, ending a sentence.
func (st lineStats) long() bool { return st.ends && st.words >= 20 }

// paragraph reports whether the line is a paragraph as page-edges sees it: eight words or
// more, ending a sentence.
func (st lineStats) paragraph() bool { return st.ends && st.words >= 8 }
