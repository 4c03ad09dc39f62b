package netxml

import (
	"fmt"
	"strings"
)

func (rd *reader) dns(el *element) (*DNS, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	d := &DNS{}
	var err error
	if d.Enable, err = el.yesNo("enable", "yes", "no"); err != nil {
		return nil, err
	}
	if d.ForwardPlainNames, err = el.yesNo("forwardPlainNames", "yes", "no"); err != nil {
		return nil, err
	}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		switch c.Tag {
		case "forwarder":
			ce, err := rd.open(c, el.path, "addr", "domain")
			if err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			f := Forwarder{}
			if f.Addr, err = ce.addr("addr", 0); err != nil {
				return nil, err
			}
			if s, ok := ce.get("domain"); ok {
				if msg := checkDNSName(s); msg != "" {
					return nil, ce.attrErr("domain", msg)
				}
				f.Domain = s
			}
			if f.Domain == "" && !f.Addr.IsValid() {
				return nil, ce.errorf("a forwarder needs an addr, a domain or both")
			}
			d.Forwarders = append(d.Forwarders, f)
		case "txt":
			ce, err := rd.open(c, el.path, "name", "value")
			if err != nil {
				return nil, err
			}
			t, err := rd.txt(ce, false)
			if err != nil {
				return nil, err
			}
			d.TXTs = append(d.TXTs, *t)
		case "srv":
			ce, err := rd.open(c, el.path, "service", "protocol", "domain", "target", "port", "priority", "weight")
			if err != nil {
				return nil, err
			}
			s, err := rd.srv(ce, false)
			if err != nil {
				return nil, err
			}
			d.SRVs = append(d.SRVs, *s)
		case "host":
			ce, err := rd.open(c, el.path, "ip")
			if err != nil {
				return nil, err
			}
			h, err := rd.dnsHost(ce, false)
			if err != nil {
				return nil, err
			}
			d.Hosts = append(d.Hosts, *h)
		default:
			return nil, rd.unknown(c, el.path)
		}
	}
	if d.Enable != nil && !*d.Enable && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) > 0 {
		return nil, el.errorf("DNS is disabled (enable='no'): it cannot hold forwarders, txt, srv or host records")
	}
	if d.Enable == nil && d.ForwardPlainNames == nil && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) == 0 {
		return nil, nil // libvirt drops an empty <dns/>
	}
	return d, nil
}

// txt reads a <txt>; partial (net-update's delete and modify) lets the
// value out.
func (rd *reader) txt(el *element, partial bool) (*TXT, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	t := &TXT{}
	var err error
	if t.Name, err = el.need("name"); err != nil {
		return nil, err
	}
	if msg := checkDNSName(t.Name); msg != "" {
		return nil, el.attrErr("name", msg)
	}
	v, ok := el.get("value")
	if !ok && !partial {
		return nil, el.errorf("attribute value is missing")
	}
	t.Value = v
	return t, nil
}

// srv reads an <srv>; partial (net-update's delete) lets service and
// protocol out.
func (rd *reader) srv(el *element, partial bool) (*SRV, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	s := &SRV{}
	var ok bool
	if s.Service, ok = el.get("service"); ok {
		if s.Service == "" || len(s.Service) > 63 || strings.Trim(s.Service, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*") != "" {
			return nil, el.attrErr("service", fmt.Sprintf("%q is not a service name (letters, digits and _ - + / *, at most 63)", s.Service))
		}
	} else if !partial {
		return nil, el.errorf("attribute service is missing")
	}
	if s.Protocol, ok = el.get("protocol"); ok {
		if s.Protocol != "tcp" && s.Protocol != "udp" {
			return nil, el.attrErr("protocol", fmt.Sprintf("%q is not tcp or udp", s.Protocol))
		}
	} else if !partial {
		return nil, el.errorf("attribute protocol is missing")
	}
	if d, ok := el.get("domain"); ok {
		if msg := checkDNSName(d); msg != "" {
			return nil, el.attrErr("domain", msg)
		}
		s.Domain = d
	}
	if t, ok := el.get("target"); ok {
		if t == "" || strings.ContainsAny(t, " \t\r\n,") {
			return nil, el.attrErr("target", fmt.Sprintf("%q is not a target host name", t))
		}
		s.Target = t
	}
	for _, f := range []struct {
		key string
		min uint64
		dst *uint16
	}{{"port", 1, &s.Port}, {"priority", 0, &s.Priority}, {"weight", 0, &s.Weight}} {
		v, err := el.uint(f.key, f.min, 65535)
		if err != nil {
			return nil, err
		}
		if v == nil {
			continue
		}
		if s.Target == "" {
			return nil, el.attrErr(f.key, fmt.Sprintf("%s needs a target", f.key))
		}
		*f.dst = uint16(*v)
	}
	return s, nil
}

// dnsHost reads a <host> of <dns>; partial (net-update's delete and
// modify) lets either the ip or the hostnames out.
func (rd *reader) dnsHost(el *element, partial bool) (*DNSHost, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	h := &DNSHost{}
	var err error
	if h.IP, err = el.addr("ip", 0); err != nil {
		return nil, err
	}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "hostname" {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path)
		if err != nil {
			return nil, err
		}
		s, err := ce.text()
		if err != nil {
			return nil, err
		}
		if msg := checkDNSName(s); msg != "" {
			return nil, ce.errorf("%s", msg)
		}
		h.Hostnames = append(h.Hostnames, s)
	}
	switch {
	case partial && !h.IP.IsValid() && len(h.Hostnames) == 0:
		return nil, el.errorf("a host needs an ip or a <hostname>")
	case !partial && !h.IP.IsValid():
		return nil, el.errorf("attribute ip is missing")
	case !partial && len(h.Hostnames) == 0:
		return nil, el.errorf("a host needs at least one <hostname>")
	}
	return h, nil
}
