package testcluster

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// file is one entry of an image layer.
type file struct {
	name string
	mode int64
	data []byte
	link string // symlink target
	dir  bool
}

func layerTar(files []file) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	mt := time.Unix(0, 0)
	for _, f := range files {
		h := &tar.Header{Name: f.name, Mode: f.mode, ModTime: mt, Format: tar.FormatPAX}
		switch {
		case f.dir:
			h.Typeflag, h.Name = tar.TypeDir, f.name+"/"
		case f.link != "":
			h.Typeflag, h.Linkname = tar.TypeSymlink, f.link
		default:
			h.Typeflag, h.Size = tar.TypeReg, int64(len(f.data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write(f.data); err != nil {
				return nil, err
			}
		}
	}
	err := tw.Close()
	return buf.Bytes(), err
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

// ociImage returns the config and manifest of a single-layer image.
func ociImage(layer []byte, cmd []string, user string) (cfg, man []byte) {
	cfg, _ = json.Marshal(map[string]any{
		"architecture": "amd64", "os": "linux",
		"config": map[string]any{"Cmd": cmd, "User": user, "Env": []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}},
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{digest(layer)}},
	})
	man, _ = json.Marshal(map[string]any{
		"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
		"config": map[string]any{"mediaType": "application/vnd.oci.image.config.v1+json", "digest": digest(cfg), "size": len(cfg)},
		"layers": []any{map[string]any{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest(layer), "size": len(layer)}},
	})
	return cfg, man
}

// ociArchive writes an OCI image layout tar holding one single-layer
// image, named for ctr import by the io.containerd.image.name annotation.
func ociArchive(path, name string, layer []byte, cmd []string, user string) error {
	cfg, man := ociImage(layer, cmd, user)
	tag := name[strings.LastIndex(name, ":")+1:]
	idx, _ := json.Marshal(map[string]any{
		"schemaVersion": 2,
		"manifests": []any{map[string]any{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": digest(man), "size": len(man),
			"annotations": map[string]string{"io.containerd.image.name": name, "org.opencontainers.image.ref.name": tag}}},
	})
	var out bytes.Buffer
	tw := tar.NewWriter(&out)
	add := func(n string, b []byte) error {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(b)), ModTime: time.Unix(0, 0)}); err != nil {
			return err
		}
		_, err := tw.Write(b)
		return err
	}
	for _, e := range []struct {
		n string
		b []byte
	}{
		{"oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`)},
		{"index.json", idx},
		{"blobs/sha256/" + strings.TrimPrefix(digest(cfg), "sha256:"), cfg},
		{"blobs/sha256/" + strings.TrimPrefix(digest(man), "sha256:"), man},
		{"blobs/sha256/" + strings.TrimPrefix(digest(layer), "sha256:"), layer},
	} {
		if err := add(e.n, e.b); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// Test images. busybox comes from Debian's busybox-static; pause is built
// from internal/testcluster/pause.
const (
	ImageBusybox = "docker.io/library/busybox:1.36"
	ImagePause   = "registry.k8s.io/pause:3.10"
	// ImageKubectl is busybox with the test cluster's own kubectl: a real
	// API client inside a pod (the RBAC chain scenario).
	ImageKubectl = "podwhy.test/kubectl:" + KubeVersion
)

// buildImages writes the image archives into dir.
func buildImages(repo, dir, binDir string) (map[string]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	bb, err := os.ReadFile("/bin/busybox")
	if err != nil {
		return nil, fmt.Errorf("busybox-static: %w", err)
	}
	list, err := exec.Command("/bin/busybox", "--list").Output()
	if err != nil {
		return nil, fmt.Errorf("busybox --list: %w", err)
	}
	files := []file{{name: "bin", dir: true, mode: 0o755}, {name: "etc", dir: true, mode: 0o755}, {name: "tmp", dir: true, mode: 0o1777},
		{name: "bin/busybox", mode: 0o755, data: bb},
		{name: "etc/passwd", mode: 0o644, data: []byte("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n")},
		{name: "etc/group", mode: 0o644, data: []byte("root:x:0:\nnogroup:x:65534:\n")},
		// A non-ELF file without #! for the exec format error scenario.
		{name: "app", dir: true, mode: 0o755},
		{name: "app/start", mode: 0o755, data: []byte("this is not a program\n")},
	}
	// A real program built for the other architecture: the kernel
	// refuses it as a node of that architecture would (arch scenario).
	other := "arm64"
	if runtime.GOARCH == "arm64" {
		other = "amd64"
	}
	foreign := filepath.Join(dir, "server-"+other)
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", foreign, "./internal/testcluster/pause")
	build.Dir = repo
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOARCH="+other)
	if b, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build %s program: %v: %s", other, err, b)
	}
	fb, err := os.ReadFile(foreign)
	if err != nil {
		return nil, err
	}
	files = append(files, file{name: "app/server", mode: 0o755, data: fb})
	for _, a := range strings.Fields(string(list)) {
		if a != "busybox" {
			files = append(files, file{name: "bin/" + a, link: "busybox", mode: 0o777})
		}
	}
	layer, err := layerTar(files)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	if err := os.WriteFile(filepath.Join(dir, "busybox.layer"), layer, 0o644); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "busybox.tar")
	if err := ociArchive(p, ImageBusybox, layer, []string{"sh"}, ""); err != nil {
		return nil, err
	}
	out[ImageBusybox] = p

	kc, err := os.ReadFile(filepath.Join(binDir, "kubectl-static"))
	if err != nil {
		return nil, fmt.Errorf("kubectl for the kubectl image: %w", err)
	}
	kfiles := append(append([]file{}, files...), file{name: "usr", dir: true, mode: 0o755}, file{name: "usr/bin", dir: true, mode: 0o755}, file{name: "usr/bin/kubectl", mode: 0o755, data: kc})
	klayer, err := layerTar(kfiles)
	if err != nil {
		return nil, err
	}
	p = filepath.Join(dir, "kubectl.tar")
	if err := ociArchive(p, ImageKubectl, klayer, []string{"kubectl"}, ""); err != nil {
		return nil, err
	}
	out[ImageKubectl] = p

	pauseBin := filepath.Join(dir, "pause")
	build = exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", pauseBin, "./internal/testcluster/pause")
	build.Dir = repo
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("build pause: %v: %s", err, b)
	}
	pb, err := os.ReadFile(pauseBin)
	if err != nil {
		return nil, err
	}
	layer, err = layerTar([]file{{name: "pause", mode: 0o755, data: pb}})
	if err != nil {
		return nil, err
	}
	p = filepath.Join(dir, "pause.tar")
	if err := ociArchive(p, ImagePause, layer, []string{"/pause"}, "65535:65535"); err != nil {
		return nil, err
	}
	out[ImagePause] = p
	return out, nil
}
