package backends

import (
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/xform"
)

// VLANFunc is the rule function
//
//	vlan TAGPATH DEVPATH DEVKEY [FLAG=VALUE] [tag=TAGKEY]
//
// a VLAN's tag and parent device, which its name (the element's @name)
// holds as DEV.TAG; DEVKEY names the device in the files when the name
// does not (vlan42 over eth0), TAGKEY the tag when the name's digits
// are not it, and FLAG=VALUE (VLAN=yes) is written for every VLAN.
type VLANFunc struct{}

type vlanData struct {
	tag, dev *xform.Path
}

// Compile implements xform.Func.
func (VLANFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	if len(r.Args) < 3 || len(r.Args) > 4 {
		return r.Errorf("wants TAGPATH DEVPATH DEVKEY [FLAG=VALUE]")
	}
	tag, err := r.Path(r.Args[0])
	if err != nil {
		return r.Errorf("%v", err)
	}
	dev, err := r.Path(r.Args[1])
	if err != nil {
		return r.Errorf("%v", err)
	}
	r.Own(r.Args[2])
	if k, ok := r.Opts["tag"]; ok {
		r.Own(k)
	}
	if len(r.Args) == 4 {
		k, _, ok := strings.Cut(r.Args[3], "=")
		if !ok {
			return r.Errorf("%q is not FLAG=VALUE", r.Args[3])
		}
		r.Own(k)
	}
	r.Data = vlanData{tag, dev}
	return nil
}

// Get implements xform.Func.
func (VLANFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	d := r.Data.(vlanData)
	name := el.SelectAttrValue("name", "")
	device, _ := rec.Value(r.Args[2])
	dev, tag, ok := VLANFromName(name, device)
	if k, has := r.Opts["tag"]; has {
		if v, set := rec.Value(k); set {
			tag, ok = v, true
		}
	}
	if dev != "" {
		d.dev.Set(el, dev)
	}
	if ok {
		d.tag.Set(el, tag)
	}
	return nil
}

// Put implements xform.Func.
func (VLANFunc) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	d := r.Data.(vlanData)
	tag, ok := d.tag.Get(el)
	if !ok {
		return nil, nil
	}
	dev, _ := d.dev.Get(el)
	var out []xform.Entry
	name := el.SelectAttrValue("name", "")
	if VLANNeedsDevice(name, dev, tag) {
		out = append(out, xform.Entry{Key: r.Args[2], Value: dev})
	}
	if k, has := r.Opts["tag"]; has {
		if _, t, ok := VLANFromName(name, dev); !ok || t != tag {
			out = append(out, xform.Entry{Key: k, Value: tag})
		}
	}
	if len(r.Args) == 4 {
		k, v, _ := strings.Cut(r.Args[3], "=")
		out = append(out, xform.Entry{Key: k, Value: v})
	}
	return out, nil
}
