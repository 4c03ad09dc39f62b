package backends

import "strings"

// VLANFromName returns a VLAN interface's parent device and tag as its
// name says them: DEV.TAG (split at the last dot), or, for a name
// without a dot (vlan42), the digits at its end with an explicit
// parent device. ok is false when the name gives no tag.
func VLANFromName(name, device string) (dev, tag string, ok bool) {
	if device == "" {
		i := strings.LastIndexByte(name, '.')
		if i <= 0 || !digits(name[i+1:]) {
			return "", "", false
		}
		return name[:i], name[i+1:], true
	}
	j := len(name)
	for j > 0 && name[j-1] >= '0' && name[j-1] <= '9' {
		j--
	}
	if j == len(name) {
		return device, "", false
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 && name[:i] == device {
		return device, name[i+1:], true
	}
	return device, strings.TrimLeft(name[j:], "0") + zero(name[j:]), true
}

func zero(s string) string {
	if strings.Trim(s, "0") == "" {
		return "0"
	}
	return ""
}

// VLANNeedsDevice reports whether a VLAN's name does not say its parent
// device (so the files must name it: PHYSDEV, vlan-raw-device).
func VLANNeedsDevice(name, dev, tag string) bool {
	return name != dev+"."+tag
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
