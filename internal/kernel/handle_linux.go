package kernel

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netlink/nl"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// socketTimeout bounds every netlink exchange, so that a kernel that
// never answers cannot hang a caller.
const socketTimeout = 30 * time.Second

// Handle talks to one network namespace. Its sockets are made inside
// that namespace when it is opened, so every request reaches that
// namespace only, whichever thread sends it. A Handle is safe for
// concurrent use.
type Handle struct {
	ns string
	// nsfd is the namespace itself, kept open from Open on, so that
	// what a thread moved into it does (sysctls) reaches the same
	// namespace as the sockets even if its name is removed; it is
	// netns.None() for the namespace of the calling process.
	nsfd netns.NsHandle
	nh   *netlink.Handle
	// route holds the one raw rtnetlink socket, with extended acks on
	// so the kernel's own messages ("Unknown device type") come back,
	// keyed as netlink's requests want it. Raw requests go through
	// route only: a request whose family is missing from its map
	// would open a socket in the calling thread's namespace.
	route map[int]*nl.SocketHandle

	mu       sync.Mutex
	supports map[string]error
}

// Open returns a Handle on the network namespace ns: "" for the
// namespace of the calling process, a name as `ip netns add` makes
// them (under /run/netns), or a path to a namespace file
// (/proc/PID/ns/net).
func Open(ns string) (*Handle, error) {
	target := netns.None()
	if ns != "" {
		path := ns
		if !strings.Contains(ns, "/") {
			if ns == "." || ns == ".." {
				return nil, fmt.Errorf("open network namespace %q: not a namespace name", ns)
			}
			path = filepath.Join("/run/netns", ns)
		}
		fd, err := netns.GetFromPath(path)
		if err != nil {
			return nil, fmt.Errorf("open network namespace %s: %w", ns, err)
		}
		target = fd
	}
	h, err := open(ns, target)
	if err != nil {
		if target.IsOpen() {
			target.Close()
		}
		return nil, err
	}
	return h, nil
}

func open(ns string, target netns.NsHandle) (*Handle, error) {
	nh, err := netlink.NewHandleAt(target)
	if err != nil {
		return nil, fmt.Errorf("open network namespace %s: %w", nsLabel(ns), err)
	}
	if err := nh.SetSocketTimeout(socketTimeout); err != nil {
		nh.Close()
		return nil, fmt.Errorf("open network namespace %s: %w", nsLabel(ns), err)
	}
	s, err := nl.GetNetlinkSocketAt(target, netns.None(), unix.NETLINK_ROUTE)
	if err == nil {
		tv := unix.NsecToTimeval(socketTimeout.Nanoseconds())
		err = errors.Join(s.SetSendTimeout(&tv), s.SetReceiveTimeout(&tv), s.SetExtAck(true))
		if err != nil {
			s.Close()
		}
	}
	if err != nil {
		nh.Close()
		return nil, fmt.Errorf("open network namespace %s: %w", nsLabel(ns), err)
	}
	return &Handle{
		ns:       ns,
		nsfd:     target,
		nh:       nh,
		route:    map[int]*nl.SocketHandle{unix.NETLINK_ROUTE: {Socket: s}},
		supports: map[string]error{},
	}, nil
}

func nsLabel(ns string) string {
	if ns == "" {
		return "(current)"
	}
	return ns
}

// Close releases the handle's sockets. It changes nothing in the
// namespace.
func (h *Handle) Close() error {
	h.nh.Close()
	for _, s := range h.route {
		s.Close()
	}
	if h.nsfd.IsOpen() {
		h.nsfd.Close()
	}
	return nil
}

// request sends one raw rtnetlink request on the handle's own socket
// and returns the payloads of the answers of type resType (0 when the
// request only wants its acknowledgement).
func (h *Handle) request(typ uint16, flags int, resType uint16, data ...nl.NetlinkRequestData) ([][]byte, error) {
	req := &nl.NetlinkRequest{
		NlMsghdr: unix.NlMsghdr{Len: unix.SizeofNlMsghdr, Type: typ, Flags: unix.NLM_F_REQUEST | uint16(flags)},
		Sockets:  h.route,
	}
	for _, d := range data {
		req.AddData(d)
	}
	for try := 0; ; try++ {
		msgs, err := req.Execute(unix.NETLINK_ROUTE, resType)
		if errors.Is(err, nl.ErrDumpInterrupted) && try < 5 {
			continue // the table changed during the dump: read it again
		}
		return msgs, err
	}
}
