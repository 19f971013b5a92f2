package reports

import (
	"math"

	"gonum.org/v1/plot/vg"
)

func sinCos(r float64) (vg.Length, vg.Length) {
	s, c := math.Sincos(r)
	return vg.Length(s), vg.Length(c)
}
