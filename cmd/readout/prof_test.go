package main

import (
	"os"
	"testing"
)

func TestProfThemes(t *testing.T) {
	if os.Getenv("READOUT_PROF_CORPUS") == "" {
		t.Skip()
	}
	runCmd(t, "themes", os.Getenv("READOUT_PROF_CORPUS"), "--by", "year", "-q")
}
