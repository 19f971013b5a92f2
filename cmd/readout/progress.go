package main

import (
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/readout/readout/study"
)

// progressBars draw a progress bar on stderr for each phase of work that lasts more than a
// second, when stderr is a terminal and --quiet is off; otherwise they do nothing. They are
// safe for concurrent use.
type progressBars struct {
	mu    sync.Mutex
	a     *app
	phase string
	start time.Time
	bar   *progressbar.ProgressBar
}

// progress returns the study's progress callback (nil when no bar can be shown).
func (a *app) progress() study.Progress {
	if a.global.Quiet || !isTerminal(a.Err) || os.Getenv("TERM") == "dumb" { // a dumb terminal cannot redraw a line
		return nil
	}
	return a.bars.update
}

func (p *progressBars) update(phase string, done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if phase != p.phase {
		p.finishLocked()
		p.phase, p.start = phase, time.Now()
	}
	if p.bar == nil {
		if time.Since(p.start) < time.Second || done >= total {
			return
		}
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(rawWriter(p.a.Err)), progressbar.OptionSetDescription(phase),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	p.bar.Set(done)
}

func (p *progressBars) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finishLocked()
}

func (p *progressBars) finishLocked() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
	p.phase = ""
}
