package dnsmasq

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

const (
	// startTimeout bounds how long Start waits for dnsmasq to
	// detach: the daemonising parent exits once the daemon has
	// written its pid file and bound its sockets.
	startTimeout = 10 * time.Second
	// termTimeout is how long Stop waits after SIGTERM before
	// SIGKILL, and killTimeout how long after SIGKILL.
	termTimeout = 5 * time.Second
	killTimeout = 2 * time.Second
)

// Start runs dnsmasq --conf-file=CONF --pid-file=PIDFILE (both made
// absolute) inside o.NetNS through `ip netns exec`, and returns the
// daemon's pid once it runs.
//
// dnsmasq daemonises itself: the process Start runs forks the daemon
// and exits only when the daemon has read its config, written its pid
// file and bound its sockets, with status 0, or with dnsmasq's error
// message on standard error when any of that failed. That exit is
// Start's signal that start-up is over, so no polling decides success,
// and the daemon is a child of init, not of the caller, in a session
// of its own. Start then reads the pid from the pid file and checks
// that it is that dnsmasq.
//
// A dnsmasq of the same pid file and config that already runs makes
// Start fail with ErrRunning (and its pid); a stale pid file is
// removed first.
func Start(o Options) (int, error) {
	const op = "start dnsmasq"
	conf, pidFile, err := paths(o.ConfFile, o.PidFile)
	if err != nil {
		return 0, &Error{Op: op, Err: err}
	}
	bin := o.Binary
	if bin == "" {
		bin = "dnsmasq"
	}
	if bin, err = exec.LookPath(bin); err != nil {
		return 0, &Error{Op: op, Err: err}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return 0, &Error{Op: op, Err: err}
	}
	text, err := os.ReadFile(conf)
	if err != nil {
		return 0, &Error{Op: op, Err: err}
	}
	if err := checkConf(string(text)); err != nil {
		return 0, &Error{Op: op, Err: fmt.Errorf("%s: %w", conf, err)}
	}
	argv := []string{bin, "--conf-file=" + conf, "--pid-file=" + pidFile}
	if o.NetNS != "" {
		if !validNetNS(o.NetNS) {
			return 0, &Error{Op: op, Err: fmt.Errorf("invalid network namespace name %q", o.NetNS)}
		}
		argv = append([]string{"ip", "netns", "exec", o.NetNS}, argv...)
	}
	if pid, ok := running(pidFile, conf); ok {
		return pid, &Error{Op: op, Err: fmt.Errorf("%w as pid %d (%s)", ErrRunning, pid, pidFile)}
	}
	if err := os.Remove(pidFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, &Error{Op: op, Err: err}
	}

	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// the daemon points its standard files at /dev/null; WaitDelay
	// only guards against a dnsmasq that would not
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	if ctx.Err() != nil {
		return 0, &Error{Op: op, Err: fmt.Errorf("dnsmasq did not detach within %v", startTimeout)}
	}
	if err != nil {
		msg := message(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return 0, &Error{Op: op, Err: &exitError{msg: msg, err: err}}
	}
	// the pid file is written before the parent exits; a short wait
	// covers a file system that shows it late
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if pid, ok := running(pidFile, conf); ok {
			return pid, nil
		}
		if time.Now().After(deadline) {
			return 0, &Error{Op: op, Err: fmt.Errorf("dnsmasq exited without a running daemon in %s (see its log)", pidFile)}
		}
	}
}

// exitError is dnsmasq's (or ip's) message with the *exec.ExitError
// beneath.
type exitError struct {
	msg string
	err error
}

func (e *exitError) Error() string { return e.msg }
func (e *exitError) Unwrap() error { return e.err }

// Stop ends the dnsmasq of pidFile and confFile: it reads the pid and
// checks that the process is dnsmasq run with exactly that config and
// pid file (/proc/PID/cmdline, through a pidfd, so a pid reused in
// between cannot be signalled). If it is not (a stale pid file naming
// some other process, or nothing), nothing is killed and the pid file
// is removed. Otherwise Stop sends SIGTERM, waits for the process to
// end (SIGKILL after five seconds) and removes the pid file. Stop is
// idempotent: no pid file is no error.
func Stop(pidFile, confFile string) error { return stop(pidFile, confFile, nil) }

// Stop is the package's Stop that also requires the process to run
// in o.NetNS; one that runs elsewhere is left alone with its pid
// file, and the error wraps ErrOtherNamespace.
func (o Options) Stop() error {
	ns, err := nsID(o.NetNS)
	if err != nil {
		return &Error{Op: "stop dnsmasq", Err: err}
	}
	return stop(o.PidFile, o.ConfFile, &ns)
}

// Running returns the pid of the dnsmasq of pidFile and confFile and
// true if one runs.
func Running(pidFile, confFile string) (pid int, ok bool) {
	conf, pidFile, err := paths(confFile, pidFile)
	if err != nil {
		return 0, false
	}
	return running(pidFile, conf)
}

// Running is the package's Running that also requires the process to
// run in o.NetNS.
func (o Options) Running() (pid int, ok bool) {
	pid, ok = Running(o.PidFile, o.ConfFile)
	if !ok {
		return 0, false
	}
	ns, err := nsID(o.NetNS)
	if err != nil || !inNS(pid, ns) {
		return 0, false
	}
	return pid, true
}

// Reload sends SIGHUP to the dnsmasq of pidFile and confFile, which
// makes it re-read its --dhcp-hostsfile and --addn-hosts files (and
// /etc/hosts and /etc/ethers where it reads them) and clear its
// cache: DHCP hosts and DNS hosts change without a restart. It does
// not re-read the config file itself.
func Reload(pidFile, confFile string) error { return reload(pidFile, confFile, nil) }

// Reload is the package's Reload that also requires the process to
// run in o.NetNS.
func (o Options) Reload() error {
	ns, err := nsID(o.NetNS)
	if err != nil {
		return &Error{Op: "reload dnsmasq", Err: err}
	}
	return reload(o.PidFile, o.ConfFile, &ns)
}

func reload(pidFile, confFile string, ns *[2]uint64) error {
	const op = "reload dnsmasq"
	conf, pidFile, err := paths(confFile, pidFile)
	if err != nil {
		return &Error{Op: op, Err: err}
	}
	p, err := openOurs(pidFile, conf)
	if err != nil {
		return &Error{Op: op, Err: err}
	}
	if p == nil {
		return &Error{Op: op, Err: fmt.Errorf("%w (%s)", ErrNotRunning, pidFile)}
	}
	defer p.close()
	if ns != nil && !inNS(p.pid, *ns) {
		return &Error{Op: op, Err: fmt.Errorf("pid %d %w", p.pid, ErrOtherNamespace)}
	}
	if err := p.signal(unix.SIGHUP); err != nil {
		return &Error{Op: op, Err: err}
	}
	return nil
}

func stop(pidFile, confFile string, ns *[2]uint64) error {
	const op = "stop dnsmasq"
	conf, pidFile, err := paths(confFile, pidFile)
	if err != nil {
		return &Error{Op: op, Err: err}
	}
	p, err := openOurs(pidFile, conf)
	if err != nil {
		return &Error{Op: op, Err: err}
	}
	if p == nil { // nothing of ours runs: the pid file, if any, is stale
		if err := os.Remove(pidFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return &Error{Op: op, Err: err}
		}
		return nil
	}
	defer p.close()
	if ns != nil && !inNS(p.pid, *ns) {
		return &Error{Op: op, Err: fmt.Errorf("pid %d %w", p.pid, ErrOtherNamespace)}
	}
	if err := p.signal(unix.SIGTERM); err != nil {
		return &Error{Op: op, Err: err}
	}
	if !p.wait(termTimeout) {
		if err := p.signal(unix.SIGKILL); err != nil {
			return &Error{Op: op, Err: err}
		}
		if !p.wait(killTimeout) {
			return &Error{Op: op, Err: fmt.Errorf("pid %d did not end after SIGKILL", p.pid)}
		}
	}
	if err := os.Remove(pidFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &Error{Op: op, Err: err}
	}
	return nil
}

// process is a dnsmasq held by a pidfd: signals reach that process
// and no other, even when its pid is reused.
type process struct {
	pid int
	fd  int
}

func (p *process) close() { unix.Close(p.fd) }

func (p *process) signal(sig unix.Signal) error {
	err := unix.PidfdSendSignal(p.fd, sig, nil, 0)
	if errors.Is(err, unix.ESRCH) && sig != unix.SIGHUP {
		return nil // ended already
	}
	if err != nil {
		return fmt.Errorf("signal pid %d: %w", p.pid, err)
	}
	return nil
}

// wait reports whether the process ended within d: a pidfd becomes
// readable when its process ends, child of ours or not.
func (p *process) wait(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		left := time.Until(deadline)
		if left < 0 {
			left = 0
		}
		fds := []unix.PollFd{{Fd: int32(p.fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(left.Milliseconds()))
		if err == nil && n > 0 {
			return true
		}
		if err != nil && !errors.Is(err, unix.EINTR) || left == 0 {
			return false
		}
	}
}

// openOurs opens a pidfd on the process pidFile names, if it is the
// dnsmasq of conf and pidFile and has not ended; nil if not. Only a
// pid file that cannot be read (other than missing) is an error.
func openOurs(pidFile, conf string) (*process, error) {
	b, err := os.ReadFile(pidFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 1 {
		return nil, nil // not a pid: stale
	}
	fd, err := unix.PidfdOpen(pid, 0)
	if err != nil {
		return nil, nil // no such process
	}
	// checked after the pidfd is open: if the pid was reused
	// before, the check sees the new process, and the pidfd holds it
	if !isOurs(pid, pidFile, conf) {
		unix.Close(fd)
		return nil, nil
	}
	return &process{pid: pid, fd: fd}, nil
}

func running(pidFile, conf string) (int, bool) {
	p, err := openOurs(pidFile, conf)
	if err != nil || p == nil {
		return 0, false
	}
	p.close()
	return p.pid, true
}

// isOurs reports whether pid is a live (not zombie) dnsmasq whose
// command line has exactly our --conf-file and --pid-file arguments.
func isOurs(pid int, pidFile, conf string) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// the state follows the command name in parentheses, which may
	// itself hold ')'
	if i := bytes.LastIndexByte(stat, ')'); i < 0 || i+2 >= len(stat) || stat[i+2] == 'Z' || stat[i+2] == 'X' {
		return false
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return false
	}
	args := strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
	return len(args) > 0 && strings.HasPrefix(filepath.Base(args[0]), "dnsmasq") &&
		slices.Contains(args[1:], "--conf-file="+conf) && slices.Contains(args[1:], "--pid-file="+pidFile)
}

// nsID is the identity (device and inode) of the network namespace
// ns: a name under /run/netns, or "" for the calling process's.
func nsID(ns string) ([2]uint64, error) {
	path := "/proc/self/ns/net"
	if ns != "" {
		if !validNetNS(ns) {
			return [2]uint64{}, fmt.Errorf("invalid network namespace name %q", ns)
		}
		path = filepath.Join("/run/netns", ns)
	}
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return [2]uint64{}, fmt.Errorf("network namespace %s: %w", ns, err)
	}
	return [2]uint64{st.Dev, st.Ino}, nil
}

// inNS reports whether pid runs in the network namespace ns.
func inNS(pid int, ns [2]uint64) bool {
	var st syscall.Stat_t
	if err := syscall.Stat(fmt.Sprintf("/proc/%d/ns/net", pid), &st); err != nil {
		return false
	}
	return [2]uint64{st.Dev, st.Ino} == ns
}

// paths makes the config and pid file names absolute, as Start gives
// them to dnsmasq (which runs from /) and as its command line shows
// them.
func paths(conf, pidFile string) (string, string, error) {
	if conf == "" || pidFile == "" {
		return "", "", errors.New("a config file and a pid file are needed")
	}
	c, err := filepath.Abs(conf)
	if err != nil {
		return "", "", err
	}
	p, err := filepath.Abs(pidFile)
	if err != nil {
		return "", "", err
	}
	if strings.ContainsAny(c+p, "\x00\n") {
		return "", "", errors.New("file names with NUL or newline")
	}
	return c, p, nil
}

// validNetNS reports whether ns can name a namespace for `ip netns
// exec` without being taken for an option or a path.
func validNetNS(ns string) bool {
	return ns != "." && ns != ".." && !strings.HasPrefix(ns, "-") &&
		!strings.ContainsFunc(ns, func(r rune) bool { return r == '/' || r <= ' ' || r == 0x7f })
}
