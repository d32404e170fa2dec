package main

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// uid is the unprivileged user the image runs as (distroless's nonroot).
const uid = 65532

// WriteImage writes the container image of the Linux release binaries as
// an OCI image layout at dir: an index with one image per architecture,
// each one layer holding /podwhy (the very binary of the archive) and
// /etc/passwd for the nonroot user, no shell and no package manager. It
// runs podwhy serve on :8080 as 65532:65532, as deploy/ and the chart
// expect.
func WriteImage(dir, version, commit string, linux []Archive) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	for _, a := range linux {
		img, err := image(version, commit, a)
		if err != nil {
			return fmt.Errorf("%s/%s: %w", a.OS, a.Arch, err)
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{
			Platform: &v1.Platform{OS: a.OS, Architecture: a.Arch},
		}})
	}
	// The layout's one entry is the multi-arch index, named as crane,
	// skopeo and containerd's ctr import read a name.
	lp, err := layout.Write(dir, empty.Index)
	if err != nil {
		return err
	}
	return lp.AppendIndex(idx, layout.WithAnnotations(map[string]string{
		"org.opencontainers.image.ref.name": "v" + version,
		"io.containerd.image.name":          ImageRepository + ":v" + version,
	}))
}

// ImageRepository is where the release image is published; deploy/ and
// the chart run it.
const ImageRepository = "ghcr.io/podwhy/podwhy"

// TarLayout packs an OCI image layout folder into one tar (what ctr
// images import and skopeo's oci-archive read).
func TarLayout(dir, out string) error {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(data)), ModTime: epoch}); err != nil {
			return err
		}
		_, err = tw.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func image(version, commit string, a Archive) (v1.Image, error) {
	bin, err := os.ReadFile(a.Binary)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	passwd := []byte(fmt.Sprintf("root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%d:%d:nonroot:/home/nonroot:/sbin/nologin\n", uid, uid))
	for _, f := range []struct {
		name string
		mode int64
		data []byte
		uid  int
	}{
		{"etc/", 0o755, nil, 0},
		{"etc/passwd", 0o644, passwd, 0},
		{"podwhy", 0o755, bin, 0},
		{"tmp/", 0o1777, nil, 0},
	} {
		h := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: epoch, Uid: f.uid, Gid: f.uid, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if f.data == nil {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	img, err := mutate.AppendLayers(mutate.MediaType(empty.Image, types.OCIManifestSchema1), layer)
	if err != nil {
		return nil, err
	}
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture = a.OS, a.Arch
	cf.Created = v1.Time{Time: epoch}
	cf.Config.User = fmt.Sprintf("%d:%d", uid, uid)
	cf.Config.Entrypoint = []string{"/podwhy"}
	cf.Config.Cmd = []string{"serve", "--addr=:8080"}
	cf.Config.ExposedPorts = map[string]struct{}{"8080/tcp": {}}
	cf.Config.WorkingDir = "/"
	cf.Config.Labels = map[string]string{
		"org.opencontainers.image.title":    "podwhy",
		"org.opencontainers.image.version":  "v" + version,
		"org.opencontainers.image.revision": commit,
		"org.opencontainers.image.source":   "https://github.com/podwhy/podwhy",
		"org.opencontainers.image.licenses": "Apache-2.0",
	}
	return mutate.ConfigFile(img, cf)
}
