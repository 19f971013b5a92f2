package study

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/readout/readout/compare"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/pool"
	"github.com/readout/readout/metrics"
	"github.com/readout/readout/textproc"
)

// Comparison is what a new document shows against the corpus.
type Comparison struct {
	Doc      Analysed
	Themes   []compare.ThemeStanding // most telling first (|z|; present here and absent from the corpus first of all)
	Nearest  []Near                  // corpus documents by tf-idf cosine, most similar first
	Repeats  []compare.Repeat        // corpus formulations it restates, most similar first
	Copied   []Copied                // its statements found word for word in the corpus
	Fresh    []*compare.Unit         // its statements with no counterpart, themed ones first
	Speakers []SpeakerShare
}

// Copied is a statement of the new document that a corpus statement has word for word (the
// first in corpus order), punctuation aside: a counterpart, though it may have no content word
// to align (compare.Verbatim).
type Copied struct {
	Unit  *compare.Unit
	Doc   string // the corpus document
	Index int    // the corpus statement's index among its document's units
}

// Near is a corpus document and its similarity to the new one.
type Near struct {
	ID     string
	Cosine float64
}

// SpeakerShare is a speaker's share of the tokens of the new document and of the corpus.
type SpeakerShare struct {
	Speaker       string
	Share, Corpus float64
}

// CompareOptions choose a comparison of new documents with the corpus.
type CompareOptions struct {
	MinSimilarity float64 // 0: compare.DefaultMinSimilarity
}

// Compare sets each new document against the corpus: its theme rates among the corpus
// documents' (z-score, percentile), the nearest corpus documents, the corpus statements it
// repeats and those it does not, and its speaker balance. The corpus is read once for its
// tallies, stem vectors, the weights of its statements' stems and, packed, the statements that
// could restate a new one (compare.Sieve) — once in all when the study was opened with these
// documents as Options.Against and NeedCandidates, else in another pass; those statements are
// then aligned with the new ones, keeping the best matches of each, and the few documents whose
// statements are kept are read again for their text. Memory holds the new documents, the
// tallies, the stem vectors and the packed statements, not the corpus's text.
func (s *Study) Compare(ctx context.Context, news []Analysed, o CompareOptions) ([]Comparison, error) {
	if o.MinSimilarity == 0 {
		o.MinSimilarity = compare.DefaultMinSimilarity
	}
	if err := CheckMinSimilarity(o.MinSimilarity); err != nil {
		return nil, err
	}
	lx := s.lx
	if !s.isAgainst(news) {
		s.Release(NeedCandidates)
		s.setAgainst(news)
	}
	newUnits := s.againstUnits // the sieve's: matched against the candidates it kept
	// the reading (when Open prepared it): tallies, vectors, statement stems, candidates
	if err := s.prepare(ctx, NeedTallies|NeedVectors|NeedUnitWeights|NeedCandidates); err != nil {
		return nil, err
	}
	counter := compare.NewWeightCounter()
	counter.Merge(s.unitDF)
	for _, us := range newUnits {
		counter.Add(us)
	}
	w := counter.Weights()
	tallies, err := s.Tallies(ctx) // date order
	if err != nil {
		return nil, err
	}
	vecs, nTerms, err := s.rankedVectors(ctx)
	if err != nil {
		return nil, err
	}

	// corpus rates per theme and speaker token shares
	corpusRates := make([][]float64, len(lx.Themes))
	spkTokens := map[string]float64{}
	var allTokens float64
	for _, d := range tallies {
		n := d.Tokens()
		counts := make([]int, len(lx.Themes))
		for si, st := range d.Sentences {
			spkTokens[st.Speaker] += float64(st.Tokens)
			allTokens += float64(st.Tokens)
			for _, tc := range d.SentenceThemes(si) {
				counts[tc.Theme] += int(tc.N)
			}
		}
		for t := range lx.Themes {
			r := 0.0
			if n > 0 {
				r = 1000 * float64(counts[t]) / float64(n)
			}
			corpusRates[t] = append(corpusRates[t], r)
		}
	}
	// the new documents' weighted stem vectors in the corpus's numbering; stems the corpus
	// lacks count in a new document's norm, not in any dot product
	newW := make([]metrics.Weighted, len(news))
	idfs := make([][]float64, len(news))
	for k, nd := range news {
		newW[k], idfs[k] = s.weighNew(nd.A, vecs, nTerms)
	}
	results := make([]Comparison, len(news))
	for k, nd := range news {
		res := &results[k]
		res.Doc = nd
		t := metrics.Tally(nd.Doc.ID, nd.Doc.Date, nd.A, lx)
		n := t.Tokens()
		counts := make([]int, len(lx.Themes))
		spk := map[string]float64{}
		for si, st := range t.Sentences {
			spk[st.Speaker] += float64(st.Tokens)
			for _, tc := range t.SentenceThemes(si) {
				counts[tc.Theme] += int(tc.N)
			}
		}
		for ti, th := range lx.Themes {
			r := 0.0
			if n > 0 {
				r = 1000 * float64(counts[ti]) / float64(n)
			}
			st := compare.Standing(th.ID, counts[ti], r, corpusRates[ti])
			if counts[ti] > 0 || st.Mean > 0 {
				res.Themes = append(res.Themes, st)
			}
		}
		sort.SliceStable(res.Themes, func(i, j int) bool { return absZ(res.Themes[i]) > absZ(res.Themes[j]) })
		for i, d := range s.c.Docs {
			res.Nearest = append(res.Nearest, Near{d.ID, metrics.CosineWeighted(newW[k], metrics.Weigh(vecs[i], idfs[k]))})
		}
		sort.SliceStable(res.Nearest, func(i, j int) bool { return res.Nearest[i].Cosine > res.Nearest[j].Cosine })
		for _, sp := range lx.SpeakerIDs() {
			sh := SpeakerShare{Speaker: sp}
			if n > 0 {
				sh.Share = spk[sp] / float64(n)
			}
			if allTokens > 0 {
				sh.Corpus = spkTokens[sp] / allTokens
			}
			res.Speakers = append(res.Speakers, sh)
		}
	}
	// the candidates aligned with the new statements; each new passage keeps its most similar
	// corpus passages (ties: the earlier corpus document)
	kept, err := s.matchKept(ctx, newUnits, w, o.MinSimilarity)
	if err != nil {
		return nil, err
	}
	diff := s.differ()
	for k := range results {
		// the new passages in text order, each with its corpus passages in corpus order
		news := make([]compare.Passage, 0, len(kept[k]))
		for p := range kept[k] {
			news = append(news, p)
		}
		sort.Slice(news, func(i, j int) bool {
			a, b := news[i], news[j]
			if a.Unit.Index != b.Unit.Index {
				return a.Unit.Index < b.Unit.Index
			}
			if a.W1 != b.W1 {
				return a.W1 < b.W1
			}
			return a.W2 < b.W2
		})
		var pairs []compare.PassagePair
		for _, p := range news {
			pairs = append(pairs, kept[k][p]...)
		}
		res := &results[k]
		res.Repeats, res.Fresh = compare.Repeats(newUnits[k], pairs, w, o.MinSimilarity, diff)
		res.Copied, res.Fresh = s.copied(k, newUnits[k], res.Fresh)
		sort.SliceStable(res.Fresh, func(i, j int) bool { return len(res.Fresh[i].Themes) > 0 && len(res.Fresh[j].Themes) == 0 })
	}
	return results, nil
}

// copied takes out of fresh the statements of new document k that a corpus statement has word
// for word (Kept.Copies), and returns them with the first such corpus statement of each.
func (s *Study) copied(k int, units []compare.Unit, fresh []*compare.Unit) ([]Copied, []*compare.Unit) {
	hashes := s.againstCopy[k]
	first := map[uint64]Copied{}
	for i := range s.kept {
		for _, c := range s.kept[i].Copies {
			if _, ok := first[c.Hash]; !ok {
				first[c.Hash] = Copied{Doc: s.c.Docs[i].ID, Index: c.Index}
			}
		}
	}
	if len(first) == 0 || len(hashes) != len(units) {
		return nil, fresh
	}
	var out []Copied
	var rest []*compare.Unit
	for _, u := range fresh {
		if c, ok := first[hashes[u.Index]]; ok && hashes[u.Index] != 0 {
			c.Unit = u
			out = append(out, c)
		} else {
			rest = append(rest, u)
		}
	}
	return out, rest
}

// isAgainst reports whether the study's candidates are those of the documents news.
func (s *Study) isAgainst(news []Analysed) bool {
	if s.sieve == nil || len(news) != len(s.against) {
		return false
	}
	for k := range news {
		if news[k].Doc != s.against[k].Doc || news[k].A != s.against[k].A {
			return false
		}
	}
	return true
}

// setAgainst makes the sieve of new documents, for NeedCandidates.
func (s *Study) setAgainst(news []Analysed) {
	s.against, s.sieve, s.againstUnits, s.againstCopy = news, nil, nil, nil
	if len(news) == 0 {
		return
	}
	s.againstUnits = make([][]compare.Unit, len(news))
	s.againstCopy = make([][]uint64, len(news))
	for k, nd := range news {
		s.againstUnits[k] = nd.Units(s.lx)
		s.againstCopy[k] = compare.Verbatim(nd.A)
	}
	s.sieve = compare.NewSieve(s.againstUnits...)
	for _, hs := range s.againstCopy {
		s.sieve.AddVerbatim(hs)
	}
}

// matchKept aligns the corpus's candidate statements with each new document's, on the study's
// workers in corpus order, and returns, for each new document, its passages with their most
// similar corpus passages (at most 2 × compare.MaxHistory, the most similar first, ties in
// corpus order), the corpus passages' units made again from their documents.
func (s *Study) matchKept(ctx context.Context, newUnits [][]compare.Unit, w *compare.Weights, minSim float64) ([]map[compare.Passage][]compare.PassagePair, error) {
	matchers := make([]*compare.Matcher, len(newUnits))
	for k := range newUnits {
		matchers[k] = compare.NewMatcher(newUnits[k], w)
	}
	kept := make([]map[compare.Passage][]compare.PassagePair, len(newUnits))
	for k := range kept {
		kept[k] = map[compare.Passage][]compare.PassagePair{}
	}
	var docs []int
	for i := range s.kept {
		if s.kept[i].Len() > 0 {
			docs = append(docs, i)
		}
	}
	prog := s.progress("matching statements")
	err := pool.Ordered(ctx, len(docs), s.opt.Jobs, func(_, j int) ([][]compare.PassagePair, error) {
		out := make([][]compare.PassagePair, len(matchers))
		for k, m := range matchers {
			out[k] = m.MatchKept(&s.kept[docs[j]], minSim)
		}
		return out, nil
	}, func(j int, found [][]compare.PassagePair) error {
		if prog != nil {
			prog(j+1, len(docs))
		}
		d := s.c.Docs[docs[j]]
		for k, ps := range found {
			for _, p := range ps {
				p.B.Unit.Doc = d.ID // of a stub unit, made again below
				list := append(kept[k][p.A], p)
				if len(list) > 2*compare.MaxHistory { // keep the most similar, earlier first
					sort.SliceStable(list, func(i, j int) bool { return list[i].Similarity > list[j].Similarity })
					list = list[:compare.MaxHistory]
				}
				kept[k][p.A] = list
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// the units of the corpus passages kept, made again from their documents
	index := map[string]int{}
	for i, d := range s.c.Docs {
		index[d.ID] = i
	}
	want := map[int]map[int]bool{}
	for _, m := range kept {
		for _, list := range m {
			for _, p := range list {
				i := index[p.B.Unit.Doc]
				if want[i] == nil {
					want[i] = map[int]bool{}
				}
				want[i][p.B.Unit.Index] = true
			}
		}
	}
	again := make([]int, 0, len(want))
	for i := range want {
		again = append(again, i)
	}
	sort.Ints(again)
	made := map[int]map[int]*compare.Unit{}
	err = eachOf(ctx, s, again, true, "reading the matched documents again", func(d *corpus.Document, an *textproc.Doc) []compare.Unit {
		return compare.Units(d.ID, d.Date, an, s.lx)
	}, func(i int, units []compare.Unit) error {
		made[i] = map[int]*compare.Unit{}
		for x := range want[i] {
			if x >= len(units) {
				return fmt.Errorf("%s: the document changed while it was compared", s.c.Docs[i].Path)
			}
			made[i][x] = &units[x]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, m := range kept {
		for _, list := range m {
			for n := range list {
				b := &list[n].B
				b.Unit = made[index[b.Unit.Doc]][b.Unit.Index]
			}
		}
	}
	return kept, nil
}

// weighNew returns a new document's tf-idf vector against the corpus (the idf of metrics.TFIDF
// over the corpus documents and this one) and the idf of the corpus's stems. Its norm is summed
// in stem order over all its stems, as Cosine of the Bags would.
func (s *Study) weighNew(a *textproc.Doc, corpus []metrics.Vector, nTerms int) (metrics.Weighted, []float64) {
	bag := StemBag(a)
	df := make([]float64, nTerms)
	for _, d := range corpus {
		for _, t := range d.Terms {
			df[t]++
		}
	}
	var ids []uint32
	for st := range bag {
		if id, ok := s.vocab.Lookup(st); ok {
			ids = append(ids, s.rank[id])
		}
	}
	for _, t := range ids {
		df[t]++
	}
	n := float64(len(corpus) + 1)
	idf := make([]float64, nTerms)
	for t := range idf {
		idf[t] = math.Log((1+n)/(1+df[t])) + 1
	}
	stems := make([]string, 0, len(bag))
	for st := range bag {
		stems = append(stems, st)
	}
	sort.Strings(stems)
	var ss float64
	type tw struct {
		t uint32
		w float64
	}
	var shared []tw
	for _, st := range stems {
		x := bag[st] * (math.Log((1+n)/(1+1)) + 1) // a stem of this document only: df 1
		if id, ok := s.vocab.Lookup(st); ok {
			x = bag[st] * idf[s.rank[id]]
			shared = append(shared, tw{s.rank[id], x})
		}
		ss += x * x
	}
	sort.Slice(shared, func(i, j int) bool { return shared[i].t < shared[j].t })
	w := metrics.Weighted{Norm: math.Sqrt(ss)}
	for _, x := range shared {
		w.Terms = append(w.Terms, x.t)
		w.Weights = append(w.Weights, x.w)
	}
	return w, idf
}

func absZ(s compare.ThemeStanding) float64 {
	if math.IsNaN(s.Z) {
		if s.Count > 0 && s.Mean == 0 {
			return math.Inf(1) // present here, absent from the whole corpus: most telling
		}
		return -1
	}
	return math.Abs(s.Z)
}

// LanguageWarnings says, for each new document in another language than most of the corpus,
// what a comparison across languages can and cannot show: theme rates compare (a lexicon's
// terms are in both languages), statements do not (a translation is not a repeat).
func (s *Study) LanguageWarnings(news []Analysed) []string {
	count := map[corpus.Language]int{}
	for _, d := range s.c.Docs {
		count[d.Language]++
	}
	var major corpus.Language
	for _, l := range []corpus.Language{corpus.Arabic, corpus.English} {
		if count[l] > count[major] {
			major = l
		}
	}
	var out []string
	for _, nd := range news {
		l := nd.Doc.Language
		if major == "" || l == major {
			continue
		}
		w := fmt.Sprintf("%s is in %s and %d of the corpus's %d documents are in %s: theme rates compare across languages, "+
			"statements do not (they share no words with the corpus's)", nd.Doc.ID, l, count[major], len(s.c.Docs), major)
		if same := count[l]; same > 0 {
			w += fmt.Sprintf(", so its repeated formulations can come only from the %d in %s", same, l)
		} else {
			w += ", so expect no repeated formulations"
		}
		out = append(out, w)
	}
	return out
}

// AlreadyIn names the new documents whose file is one of the corpus's, byte for byte: compared
// with itself, such a document is its own nearest article and repeats all its formulations.
func (s *Study) AlreadyIn(news []Analysed) []string {
	byDigest := map[[32]byte]string{}
	for _, d := range s.c.Docs {
		byDigest[d.Digest] = d.ID
	}
	left := map[[32]byte]string{}
	for _, d := range s.excluded {
		left[d.Digest] = d.ID
	}
	var out []string
	for _, nd := range news {
		if id, ok := left[nd.Doc.Digest]; ok {
			out = append(out, fmt.Sprintf("%s is the corpus's %s, byte for byte: it is compared with the other %d documents", nd.Doc.Path, id, len(s.c.Docs)))
		} else if id, ok := byDigest[nd.Doc.Digest]; ok {
			out = append(out, fmt.Sprintf("%s is the corpus's %s, byte for byte: it is compared with itself too", nd.Doc.Path, id))
		}
	}
	return out
}
