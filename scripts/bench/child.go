package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// measureChild is the first argument that makes this program a helper:
// it runs the command that follows and writes the command's wall time and
// peak RSS to file descriptor 3.
//
// A process's peak RSS as Linux reports it (ru_maxrss) includes the
// memory of the process that started it: Go starts a child sharing the
// parent's memory until exec (vfork), and the kernel carries that
// high-water mark across exec. Started directly from this bench, which by
// then holds a whole index in memory, every cold process would report at
// least the bench's own size (that is how the store's cold process once
// seemed to take three times the data directory's memory). The helper is
// small, so what it reports is the command's own.
const measureChild = "-measure-child"

// runChild is the helper's main: it returns the exit code to leave with.
func runChild(args []string) int {
	report := os.NewFile(3, "report")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	dur := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "bench helper:", err)
		return 1
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	fmt.Fprintf(report, "%d %d\n", dur.Nanoseconds(), rss)
	return cmd.ProcessState.ExitCode()
}

// timed runs the binary through the helper and returns its wall time and
// peak RSS in KB.
func timed(bin string, args ...string) (time.Duration, int64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	cmd := exec.Command(self, append([]string{measureChild, bin}, args...)...)
	cmd.Env = append(os.Environ(), "CROSSCHECK_CORPUS=")
	cmd.ExtraFiles = []*os.File{w}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Start()
	w.Close()
	if err != nil {
		return 0, 0, err
	}
	var ns, rss int64
	_, scanErr := fmt.Fscan(r, &ns, &rss)
	if err := cmd.Wait(); err != nil {
		return 0, 0, fmt.Errorf("crosscheck %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	if scanErr != nil {
		return 0, 0, fmt.Errorf("crosscheck %s: no measurement from the helper: %v", strings.Join(args, " "), scanErr)
	}
	return time.Duration(ns), rss, nil
}
