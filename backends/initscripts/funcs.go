package initscripts

import (
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/xform"
)

// startMode is the rule function
//
//	startmode PATH ONBOOT HOTPLUG
//
// start modes as initscripts keys: HOTPLUG=yes is hotplug, ONBOOT=yes
// (in any case) onboot, any other ONBOOT none; no key, no start mode.
// Put writes onboot as ONBOOT=yes, none as ONBOOT=no and hotplug as
// ONBOOT=no HOTPLUG=yes.
type startMode struct{}

func (startMode) Compile(r *xform.Rule, _ *xform.Rules) error {
	if len(r.Args) != 3 {
		return r.Errorf("wants PATH ONBOOT HOTPLUG")
	}
	p, err := r.Path(r.Args[0])
	if err != nil {
		return r.Errorf("%v", err)
	}
	r.Data = p
	r.Own(r.Args[1])
	r.Own(r.Args[2])
	return nil
}

func (startMode) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	onboot, hasOn := rec.Value(r.Args[1])
	hotplug, hasHot := rec.Value(r.Args[2])
	mode := ""
	switch {
	case yes(hotplug):
		mode = "hotplug"
	case yes(onboot):
		mode = "onboot"
	case hasOn || hasHot:
		mode = "none"
	default:
		return nil
	}
	r.Data.(*xform.Path).Set(el, mode)
	return nil
}

func (startMode) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	mode, _ := r.Data.(*xform.Path).Get(el)
	switch mode {
	case "onboot":
		return []xform.Entry{{Key: r.Args[1], Value: "yes"}}, nil
	case "none":
		return []xform.Entry{{Key: r.Args[1], Value: "no"}}, nil
	case "hotplug":
		return []xform.Entry{{Key: r.Args[1], Value: "no"}, {Key: r.Args[2], Value: "yes"}}, nil
	}
	return nil, nil
}

// yes is initscripts' truth: yes, in any case (also y, true, 1).
func yes(v string) bool {
	switch strings.ToLower(v) {
	case "yes", "y", "true", "1":
		return true
	}
	return false
}
