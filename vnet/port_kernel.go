package vnet

import (
	"errors"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/vnet/netxml"
)

// PlugPort implements PortActivator in the activator's namespace.
func (a *kernelActivator) PlugPort(n *netxml.Network, p *netxml.Port, dev string, _ RunDir) (PlugRecord, error) {
	h, err := a.handle()
	if err != nil {
		return PlugRecord{}, err
	}
	r := PlugRecord{Dev: dev}
	// the traffic towards the guest (inbound) leaves the host side
	// of a tap or veth; a macvtap's host side is the guest's own, so
	// the directions swap
	var egress, ingress *netxml.Rate
	if b := p.Bandwidth; b != nil {
		egress, ingress = b.Inbound, b.Outbound
	}
	switch p.Plug.Type {
	case netxml.PlugDirect:
		if err := h.CreateMacvtap(dev, p.Plug.Dev, p.Plug.Mode.String(), p.MAC); err != nil {
			return r, err
		}
		r.Created = true
		if err := h.SetUp(p.Plug.Dev, true); err != nil {
			return r, errors.Join(err, a.UnplugPort(r, RunDir{}))
		}
		egress, ingress = ingress, egress
	case netxml.PlugNetwork, netxml.PlugBridge:
		if err := h.SetMaster(dev, p.Plug.Bridge); err != nil {
			return r, err
		}
		r.Bridge = p.Plug.Bridge
	}
	if err := h.SetUp(dev, true); err != nil {
		return r, errors.Join(err, a.UnplugPort(r, RunDir{}))
	}
	if egress != nil && egress.Average != 0 {
		if err := h.SetEgressRate(dev, kernel.Rate{Average: egress.Average, Peak: egress.Peak, Burst: egress.Burst}); err != nil {
			return r, errors.Join(err, a.UnplugPort(r, RunDir{}))
		}
		r.Egress = true
	}
	if ingress != nil && ingress.Average != 0 {
		if err := h.SetIngressRate(dev, kernel.Rate{Average: ingress.Average, Peak: ingress.Peak, Burst: ingress.Burst}); err != nil {
			return r, errors.Join(err, a.UnplugPort(r, RunDir{}))
		}
		r.Ingress = true
	}
	return r, nil
}

// UnplugPort implements PortActivator.
func (a *kernelActivator) UnplugPort(r PlugRecord, _ RunDir) error {
	h, err := a.handle()
	if err != nil {
		return err
	}
	if r.Created {
		if err := h.Delete(r.Dev); err != nil && !errors.Is(err, kernel.ErrNoLink) {
			return err
		}
		return nil
	}
	if r.Egress || r.Ingress {
		if err := h.ClearRates(r.Dev); err != nil && !errors.Is(err, kernel.ErrNoLink) {
			return err
		}
	}
	if r.Bridge != "" {
		if err := h.SetMaster(r.Dev, ""); err != nil && !errors.Is(err, kernel.ErrNoLink) {
			return err
		}
	}
	return nil
}
