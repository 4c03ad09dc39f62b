package tmpfstest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

const (
	envDir = "LENSNET_TMPFS_DIR"       // the directory the child mounts on
	envNS  = "LENSNET_TMPFS_PARENT_NS" // the parent's mount namespace
)

// Dir returns a directory on a tmpfs of size bytes, mounted for this
// test only. Called in the test's own process, it runs the test again
// in a child process inside a private mount namespace, fails or skips
// the test as the child did, checks that the host sees neither the
// mount nor anything in the directory, and returns "": the caller must
// then return at once. Called in the child, it mounts the tmpfs and
// returns where. The test is skipped unless run as root with unshare.
func Dir(t *testing.T, size int) string {
	t.Helper()
	if dir := os.Getenv(envDir); dir != "" {
		return mount(t, dir, size)
	}
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skipf("no unshare to make a private mount namespace: %v", err)
	}
	ns, err := os.Readlink("/proc/self/ns/mnt")
	if err != nil {
		t.Skipf("no mount namespaces: %v", err)
	}
	dir := t.TempDir()
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(unshare, "--mount", "--propagation", "private", "--",
		os.Args[0], "-test.run", strings.Join(pattern, "/"), "-test.count", "1", "-test.v", "-test.timeout", "5m")
	cmd.Env = append(os.Environ(), envDir+"="+dir, envNS+"="+ns)
	out, err := cmd.CombinedOutput()
	switch {
	case strings.Contains(string(out), "--- SKIP: "+t.Name()):
		t.Skipf("skipped in the private mount namespace:\n%s", out)
	case err != nil:
		t.Fatalf("in the private mount namespace: %v\n%s", err, out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("the test did not run in the private mount namespace:\n%s", out)
	}
	t.Logf("in a private mount namespace:\n%s", out)
	// nothing of it outside
	info, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(info), " "+dir+" ") {
		t.Errorf("the tmpfs on %s is seen outside its mount namespace", dir)
	}
	if left, err := os.ReadDir(dir); err != nil || len(left) > 0 {
		t.Errorf("left in %s outside the mount namespace: %v %v", dir, left, err)
	}
	return ""
}

// mount mounts the tmpfs in the child, after checking that it runs in
// a mount namespace of its own.
func mount(t *testing.T, dir string, size int) string {
	t.Helper()
	ns, err := os.Readlink("/proc/self/ns/mnt")
	if err != nil || ns == os.Getenv(envNS) {
		t.Fatalf("not in a mount namespace of its own (%s, %v): not mounting anything", ns, err)
	}
	if !filepath.IsAbs(dir) {
		t.Fatalf("%s: not an absolute path", dir)
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, fmt.Sprintf("size=%d,mode=0755", size)); err != nil {
		t.Skipf("mount tmpfs: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount: %v", err)
		}
	})
	return dir
}

// Fill fills the file system of dir with a file named name in dir until
// about room bytes are left: the room for a file of room bytes, rounded
// up to whole blocks. It returns the bytes left.
func Fill(t *testing.T, dir, name string, room int) int {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	size := 0
	for {
		n, err := f.Write(chunk)
		size += n
		if errors.Is(err, syscall.ENOSPC) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	bs := int(st.Bsize)
	free := int(st.Bavail) * bs
	if need := (room + bs - 1) / bs * bs; need > free {
		if err := f.Truncate(int64(max(0, size-(need-free)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int(st.Bavail) * int(st.Bsize)
}
