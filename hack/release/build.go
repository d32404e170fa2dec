package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultTargets are the platforms of a release.
var DefaultTargets = []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}

// Options of a release build.
type Options struct {
	Root    string // the podwhy checkout
	Version string // 0.15.0 (no v)
	Commit  string
	Targets []string
	Out     string
	NoImage bool
}

// Archive is one target's archive.
type Archive struct {
	OS, Arch   string
	Path       string
	SHA256     string
	Binary     string // the binary as built (kept beside the archives)
	BinarySize int64
}

// Result is what a build wrote.
type Result struct {
	Archives []Archive
	Sums     string // SHA256SUMS
	Krew     string // why.yaml
	Image    string // OCI image layout folder, "" without Linux targets
	ImageTar string // the same as one tar (ctr images import, skopeo oci-archive:)
}

// epoch is every file's time in the archives: a release is the same
// bytes whenever it is built from the same commit.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Build cross-builds the targets and writes the release.
func Build(o Options) (*Result, error) {
	if o.Version == "" {
		return nil, fmt.Errorf("no version: VERSION is empty and -version was not given")
	}
	o.Version = strings.TrimPrefix(o.Version, "v")
	if o.Commit == "" {
		out, err := exec.Command("git", "-C", o.Root, "rev-parse", "HEAD").Output()
		if err != nil {
			return nil, fmt.Errorf("git rev-parse HEAD: %w (give -commit)", err)
		}
		o.Commit = strings.TrimSpace(string(out))
	}
	if err := os.MkdirAll(filepath.Join(o.Out, "bin"), 0o755); err != nil {
		return nil, err
	}
	r := &Result{}
	for _, t := range o.Targets {
		goos, goarch, ok := strings.Cut(strings.TrimSpace(t), "/")
		if !ok || goos == "" || goarch == "" {
			return nil, fmt.Errorf("target %q: want GOOS/GOARCH", t)
		}
		a, err := buildTarget(o, goos, goarch)
		if err != nil {
			return nil, err
		}
		r.Archives = append(r.Archives, a)
	}
	sort.Slice(r.Archives, func(i, j int) bool { return r.Archives[i].Path < r.Archives[j].Path })
	var sums strings.Builder
	for _, a := range r.Archives {
		fmt.Fprintf(&sums, "%s  %s\n", a.SHA256, filepath.Base(a.Path))
	}
	r.Sums = filepath.Join(o.Out, "SHA256SUMS")
	if err := os.WriteFile(r.Sums, []byte(sums.String()), 0o644); err != nil {
		return nil, err
	}
	manifest, err := KrewManifest(o.Version, r.Archives)
	if err != nil {
		return nil, err
	}
	r.Krew = filepath.Join(o.Out, "why.yaml")
	if err := os.WriteFile(r.Krew, manifest, 0o644); err != nil {
		return nil, err
	}
	if !o.NoImage {
		var linux []Archive
		for _, a := range r.Archives {
			if a.OS == "linux" {
				linux = append(linux, a)
			}
		}
		if len(linux) > 0 {
			r.Image = filepath.Join(o.Out, "image")
			if err := WriteImage(r.Image, o.Version, o.Commit, linux); err != nil {
				return nil, fmt.Errorf("image: %w", err)
			}
			r.ImageTar = filepath.Join(o.Out, fmt.Sprintf("podwhy_v%s_image.oci.tar", o.Version))
			if err := TarLayout(r.Image, r.ImageTar); err != nil {
				return nil, fmt.Errorf("image: %w", err)
			}
		}
	}
	return r, nil
}

func buildTarget(o Options, goos, goarch string) (Archive, error) {
	a := Archive{OS: goos, Arch: goarch}
	exe := "podwhy"
	if goos == "windows" {
		exe += ".exe"
	}
	a.Binary = filepath.Join(o.Out, "bin", goos+"_"+goarch, exe)
	ldflags := fmt.Sprintf("-s -w -buildid= -X github.com/podwhy/podwhy/internal/cli.Version=v%s -X github.com/podwhy/podwhy/internal/cli.Commit=%s", o.Version, o.Commit)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", a.Binary, "./cmd/podwhy")
	cmd.Dir = o.Root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		return a, fmt.Errorf("go build %s/%s: %v\n%s", goos, goarch, err, out)
	}
	bin, err := os.ReadFile(a.Binary)
	if err != nil {
		return a, err
	}
	a.BinarySize = int64(len(bin))
	files := []archiveFile{{exe, bin, 0o755}}
	for _, f := range []string{"LICENSE", "README.md"} {
		b, err := os.ReadFile(filepath.Join(o.Root, f))
		if err != nil {
			return a, err
		}
		files = append(files, archiveFile{f, b, 0o644})
	}
	var buf bytes.Buffer
	name := fmt.Sprintf("podwhy_v%s_%s_%s", o.Version, goos, goarch)
	if goos == "windows" {
		name += ".zip"
		err = writeZip(&buf, files)
	} else {
		name += ".tar.gz"
		err = writeTarGz(&buf, files)
	}
	if err != nil {
		return a, err
	}
	a.Path = filepath.Join(o.Out, name)
	sum := sha256.Sum256(buf.Bytes())
	a.SHA256 = hex.EncodeToString(sum[:])
	return a, os.WriteFile(a.Path, buf.Bytes(), 0o644)
}

type archiveFile struct {
	name string
	data []byte
	mode int64
}

func writeTarGz(w io.Writer, files []archiveFile) error {
	gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	gz.ModTime = epoch
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: epoch, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, files []archiveFile) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: epoch}
		h.SetMode(os.FileMode(f.mode))
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
