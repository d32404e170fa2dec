package testcluster

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// Test registries on 127.0.0.1: one over plain HTTP with basic auth, one
// over HTTPS with a certificate from the cluster CA that containerd is not
// told about — the real causes of 401 and x509 pull failures.
const (
	RegistryVersion  = "v3.1.2"
	RegistryAuthAddr = "127.0.0.1:5001"
	RegistryTLSAddr  = "127.0.0.1:5002"
	// RegistryUser and RegistryPassword are test-only credentials of the
	// auth registry; lab scenarios that pull from it with the right
	// secret carry them.
	RegistryUser     = "podwhy"
	RegistryPassword = "podwhy-lab-password"
)

func (c *Cluster) registryBin() string { return filepath.Join(c.BinDir, "registry") }

// startRegistries starts both registries and pushes busybox:1.35 to each.
func (c *Cluster) startRegistries() error {
	dir := c.path("registry")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(RegistryPassword), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "htpasswd"), []byte(RegistryUser+":"+string(hash)+"\n"), 0o600); err != nil {
		return err
	}
	pki := c.path("pki")
	configs := map[string]string{
		"registry-auth": fmt.Sprintf(`version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: %[1]s/auth-data}}
http: {addr: %[2]s, secret: podwhy-test}
auth: {htpasswd: {realm: podwhy-test, path: %[1]s/htpasswd}}
`, dir, RegistryAuthAddr),
		"registry-tls": fmt.Sprintf(`version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: %[1]s/tls-data}}
http: {addr: %[2]s, secret: podwhy-test, tls: {certificate: %[3]s/registry.crt, key: %[3]s/registry.key}}
`, dir, RegistryTLSAddr, pki),
	}
	for name, cfg := range configs {
		p := filepath.Join(dir, name+".yml")
		if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
			return err
		}
		if err := c.start(name, c.registryBin(), "serve", p); err != nil {
			return err
		}
	}
	layer, err := os.ReadFile(c.path("images", "busybox.layer"))
	if err != nil {
		return err
	}
	// The registries' copy differs from the preloaded busybox in its
	// config, so its image ID does too: the kubelet ties an image ID pulled
	// with a pull secret to that secret (KubeletEnsureSecretPulledImages),
	// and a shared ID would make every later pod of the preloaded image
	// pull it again from Docker Hub, which is unreachable here.
	cfg, man := ociImage(layer, []string{"/bin/sh"}, "")
	ca, err := os.ReadFile(filepath.Join(pki, "ca.crt"))
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	for _, r := range []struct{ url, user string }{{"http://" + RegistryAuthAddr, RegistryUser}, {"https://" + RegistryTLSAddr, ""}} {
		p := &pusher{base: r.url, user: r.user, client: &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}}
		if err := waitFor("registry "+r.url, 30*time.Second, func() error { return p.ping() }); err != nil {
			return err
		}
		if err := p.push("busybox", "1.35", layer, cfg, man); err != nil {
			return fmt.Errorf("push to %s: %w", r.url, err)
		}
	}
	// containerd talks plain HTTP to the auth registry, and HTTPS to the
	// TLS one without being given its CA (containerd would otherwise try
	// plain HTTP first for a loopback address).
	for addr, scheme := range map[string]string{RegistryAuthAddr: "http", RegistryTLSAddr: "https"} {
		hosts := c.path("containerd", "certs.d", addr)
		if err := os.MkdirAll(hosts, 0o755); err != nil {
			return err
		}
		toml := fmt.Sprintf("server = \"%[1]s://%[2]s\"\n\n[host.\"%[1]s://%[2]s\"]\n  capabilities = [\"pull\", \"resolve\"]\n", scheme, addr)
		if err := os.WriteFile(filepath.Join(hosts, "hosts.toml"), []byte(toml), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pusher speaks just enough of the registry API to upload one image.
type pusher struct {
	base, user string
	client     *http.Client
}

func (p *pusher) do(method, url, ctype string, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if p.user != "" {
		req.SetBasicAuth(p.user, RegistryPassword)
	}
	return p.client.Do(req)
}

func (p *pusher) ping() error {
	resp, err := p.do("GET", p.base+"/v2/", "", nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET /v2/: %s", resp.Status)
	}
	return nil
}

func (p *pusher) blob(repo string, data []byte) error {
	resp, err := p.do("POST", p.base+"/v2/"+repo+"/blobs/uploads/", "", nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("start upload: %s", resp.Status)
	}
	loc := resp.Header.Get("Location")
	if strings.HasPrefix(loc, "/") {
		loc = p.base + loc
	}
	sep := "?"
	if strings.Contains(loc, "?") {
		sep = "&"
	}
	resp, err = p.do("PUT", loc+sep+"digest="+digest(data), "application/octet-stream", data)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("upload: %s %s", resp.Status, b)
	}
	return nil
}

func (p *pusher) push(repo, tag string, layer, cfg, man []byte) error {
	for _, b := range [][]byte{layer, cfg} {
		if err := p.blob(repo, b); err != nil {
			return err
		}
	}
	resp, err := p.do("PUT", p.base+"/v2/"+repo+"/manifests/"+tag, "application/vnd.oci.image.manifest.v1+json", man)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("manifest: %s %s", resp.Status, b)
	}
	return nil
}
