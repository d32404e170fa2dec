package testcluster

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// certSpec is one certificate the cluster needs.
type certSpec struct {
	name   string // file base name
	cn     string
	orgs   []string
	dns    []string
	ips    []net.IP
	server bool
	client bool
}

type ca struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

func writePEM(path, typ string, der []byte) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600)
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	return n
}

// newCA makes the cluster CA, valid for a year.
func newCA(dir string) (*ca, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: "podwhy-test-ca"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	cert, _ := x509.ParseCertificate(der)
	kder, _ := x509.MarshalECPrivateKey(key)
	if err := writePEM(filepath.Join(dir, "ca.crt"), "CERTIFICATE", der); err != nil {
		return nil, err
	}
	if err := writePEM(filepath.Join(dir, "ca.key"), "EC PRIVATE KEY", kder); err != nil {
		return nil, err
	}
	return &ca{cert: cert, key: key}, nil
}

// issue signs a certificate and writes NAME.crt and NAME.key.
func (c *ca) issue(dir string, s certSpec) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: s.cn, Organization: s.orgs},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		DNSNames:     s.dns,
		IPAddresses:  s.ips,
	}
	if s.server {
		tmpl.ExtKeyUsage = append(tmpl.ExtKeyUsage, x509.ExtKeyUsageServerAuth)
	}
	if s.client {
		tmpl.ExtKeyUsage = append(tmpl.ExtKeyUsage, x509.ExtKeyUsageClientAuth)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, c.cert, &key.PublicKey, c.key)
	if err != nil {
		return fmt.Errorf("sign %s: %w", s.name, err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	if err := writePEM(filepath.Join(dir, s.name+".crt"), "CERTIFICATE", der); err != nil {
		return err
	}
	return writePEM(filepath.Join(dir, s.name+".key"), "EC PRIVATE KEY", kder)
}

// writeSAKeys makes the service account signing key pair.
func writeSAKeys(dir string) error {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return err
	}
	if err := writePEM(filepath.Join(dir, "sa.key"), "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(key)); err != nil {
		return err
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return err
	}
	return writePEM(filepath.Join(dir, "sa.pub"), "PUBLIC KEY", pub)
}

// makePKI writes every certificate of the cluster into dir.
func makePKI(dir, nodeName string, nodeIP net.IP) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	c, err := newCA(dir)
	if err != nil {
		return err
	}
	loop := []net.IP{net.ParseIP("127.0.0.1")}
	specs := []certSpec{
		{name: "apiserver", cn: "kube-apiserver", server: true, ips: append(loop, net.ParseIP("10.96.0.1")),
			dns: []string{"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"}},
		{name: "apiserver-kubelet-client", cn: "kube-apiserver-kubelet-client", orgs: []string{"system:masters"}, client: true},
		{name: "admin", cn: "podwhy-admin", orgs: []string{"system:masters"}, client: true},
		{name: "controller-manager", cn: "system:kube-controller-manager", client: true},
		{name: "scheduler", cn: "system:kube-scheduler", client: true},
		{name: "kubelet-client", cn: "system:node:" + nodeName, orgs: []string{"system:nodes"}, client: true},
		{name: "kubelet-serving", cn: nodeName, server: true, ips: []net.IP{nodeIP}, dns: []string{nodeName}},
		{name: "kwok", cn: "kwok-controller", orgs: []string{"system:masters"}, client: true},
		// A user with no RBAC binding but the ones the e2e test gives it.
		{name: "limited", cn: "podwhy-limited", client: true},
		{name: "registry", cn: "127.0.0.1", server: true, ips: loop, dns: []string{"localhost"}},
	}
	for _, s := range specs {
		if err := c.issue(dir, s); err != nil {
			return err
		}
	}
	return writeSAKeys(dir)
}

// kubeconfig writes a kubeconfig for a client certificate.
func kubeconfig(path, server, pki, user string) error {
	cfg := fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: podwhy-test
  cluster:
    server: %[1]s
    certificate-authority: %[2]s/ca.crt
users:
- name: %[3]s
  user:
    client-certificate: %[2]s/%[3]s.crt
    client-key: %[2]s/%[3]s.key
contexts:
- name: podwhy-test
  context:
    cluster: podwhy-test
    user: %[3]s
current-context: podwhy-test
`, server, pki, user)
	return os.WriteFile(path, []byte(cfg), 0o600)
}
