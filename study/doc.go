// Package study is the analysis of a corpus, between the packages that do one thing each
// (corpus, textproc, metrics, compare, reports) and the command line: it reads a corpus once
// through one bounded, ordered, cancellable worker pool, keeps per document only what the
// sections asked for need (tallies, stem vectors, statement units), resolves periods, and
// computes each table, chart and report section on demand and once.
//
// A Go program uses it as the readout command does:
//
//	s, err := study.Open(ctx, []string{"corpus/"}, study.Options{})
//	rows, err := s.Themes(ctx, study.ThemesOptions{By: metrics.GroupBy{Year: true}})
//
// Every method returns values and errors and never prints; an *OptionError is a bad option
// value (a period that selects nothing, an unknown theme), which a command reports as a usage
// error.
package study
