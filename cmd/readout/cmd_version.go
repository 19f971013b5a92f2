package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	readout "github.com/readout/readout"
)

func newCmdVersion(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print readout's version",
		Example: "  readout version",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(a.Out, versionLine())
			return err
		},
	}
}

// versionLine is what both `readout version` and `readout --version` print.
func versionLine() string {
	return fmt.Sprintf("readout %s (%s, %s/%s)", readout.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// noArgs refuses positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}
