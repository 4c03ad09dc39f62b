package netxml_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibvirtXML2XML runs libvirt's networkxml2xmltest cases
// (cases.tsv, suite xml2xml): each ok case reads in/NAME.xml and writes
// out/NAME.xml byte for byte (inactive form where the case's flags say
// INACTIVE); each parse-error case fails to read, with a positioned
// *Error.
func TestLibvirtXML2XML(t *testing.T) {
	dir := libvirtData(t)
	ok, bad := 0, 0
	for _, c := range cases(t, "xml2xml") {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.input))
			require.NoError(t, err)
			n, err := netxml.Parse(data, filepath.Base(c.input))
			if c.expect == "parse-error" {
				var e *netxml.Error
				require.ErrorAs(t, err, &e, "libvirt refuses it: %s", c.note)
				assert.Positive(t, e.Line)
				t.Logf("%s (libvirt: %s)", err, c.note)
				bad++
				return
			}
			require.Equal(t, "ok", c.expect)
			require.NoError(t, err)
			out, err := n.MarshalWith(netxml.WriteOptions{Inactive: strings.Contains(c.flags, "INACTIVE")})
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join(dir, c.expected))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(out))
			back, err := netxml.Parse(out, "written.xml")
			require.NoError(t, err)
			assert.Equal(t, n, back, "the canonical form reads back to the same model")
			ok++
		})
	}
	t.Logf("xml2xml: %d ok cases write libvirt's output, %d parse-error cases fail", ok, bad)
}

// TestLibvirtUpdate runs libvirt's networkxml2xmlupdatetest cases
// (suite update): each reads in/NET.xml, applies the fragment with the
// case's command and section, and must write update-out/OUT.xml, or
// fail where libvirt fails.
func TestLibvirtUpdate(t *testing.T) {
	dir := libvirtData(t)
	ok, fail := 0, 0
	for _, c := range cases(t, "update") {
		t.Run(c.name+"/"+c.expect, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.input))
			require.NoError(t, err)
			n, err := netxml.Parse(data, filepath.Base(c.input))
			require.NoError(t, err)
			frag, err := os.ReadFile(filepath.Join(dir, c.fragment))
			require.NoError(t, err)
			section := strings.ReplaceAll(strings.ToLower(c.section), "_", "-")
			command := strings.ReplaceAll(strings.ToLower(c.command), "_", "-")
			// libvirt's test runs every case with parent index 0 (see
			// the README: an initialiser swaps two fields)
			err = n.Update(section, command, 0, frag)
			if c.expect == "fail" {
				var e *netxml.Error
				require.ErrorAs(t, err, &e)
				t.Log(err)
				fail++
				return
			}
			require.NoError(t, err)
			out, err := n.MarshalWith(netxml.WriteOptions{Inactive: strings.Contains(c.flags, "INACTIVE")})
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join(dir, c.expected))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(out))
			ok++
		})
	}
	t.Logf("update: %d ok cases give libvirt's output, %d fail cases fail", ok, fail)
}

// TestLibvirtOutputsValidate writes every ok case of both suites and
// runs xmllint over what this package wrote, in one run. The installed
// schema is libvirt 9.0's: hostdev-pf-driver-model's <driver model> is
// newer, as libvirt's own copy of that file fails it too.
func TestLibvirtOutputsValidate(t *testing.T) {
	dir := libvirtData(t)
	tmp := t.TempDir()
	var files []string
	for _, suite := range []string{"xml2xml", "update"} {
		for i, c := range cases(t, suite) {
			if c.expect != "ok" || c.name == "hostdev-pf-driver-model" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, c.input))
			require.NoError(t, err)
			n, err := netxml.Parse(data, c.input)
			require.NoError(t, err)
			if suite == "update" {
				frag, err := os.ReadFile(filepath.Join(dir, c.fragment))
				require.NoError(t, err)
				require.NoError(t, n.Update(strings.ReplaceAll(strings.ToLower(c.section), "_", "-"), strings.ReplaceAll(strings.ToLower(c.command), "_", "-"), 0, frag))
			}
			out, err := n.Marshal()
			require.NoError(t, err)
			f := filepath.Join(tmp, fmt.Sprintf("%s-%02d-%s.xml", suite, i, c.name))
			require.NoError(t, os.WriteFile(f, out, 0o644))
			files = append(files, f)
		}
	}
	assert.Len(t, files, 42+23)
	xmllint(t, files)
}
