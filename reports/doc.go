// Package reports draws readout's charts and writes its reports: PNG, SVG and PDF charts with
// gonum/plot, a multi-page PDF report, self-contained HTML, Markdown and CSV/JSON data. Arabic
// is shaped (joined, right to left, mixed correctly with Latin letters and digits) by a text
// handler built on go-text/typesetting that draws glyph outlines as vector paths, so the same
// text is right in PNG, SVG and PDF alike. The Amiri font is embedded (OFL, fonts/LICENSE).
package reports
