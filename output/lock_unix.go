//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the directory path, or fails at once if another process
// holds it. The lock goes with the process: a killed run leaves none, and no file is made.
func lockDir(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errors.New("another readout is writing to this directory; wait for it to finish, or choose another output")
		}
		return nil, err
	}
	return f, nil
}
