package redact

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	cases := []struct{ in, secret string }{
		{`{"auths":{"registry.example.com":{"username":"bob","password":"hunter2hunter2","auth":"Ym9iOmh1bnRlcjI="}}}`, "hunter2hunter2"},
		{`{"auths":{"registry.example.com":{"auth":"Ym9iOmh1bnRlcjI="}}}`, "Ym9iOmh1bnRlcjI="},
		{`kubectl create secret docker-registry regcred --docker-server=r.io --docker-username=bob --docker-password=s3cr3t-Pa55`, "s3cr3t-Pa55"},
		{`kubectl create secret docker-registry regcred --docker-password s3cr3t-Pa55`, "s3cr3t-Pa55"},
		{`docker login -u bob -p s3cr3t-Pa55 registry.example.com`, "s3cr3t-Pa55"},
		{`Authorization: Basic Ym9iOmh1bnRlcjI=`, "Ym9iOmh1bnRlcjI="},
		{`Authorization: Bearer abc.def.ghi-token`, "abc.def.ghi-token"},
		{`      DB_PASSWORD:  hunter2`, "hunter2"},
		{`POSTGRES_PASSWORD=hunter2`, "hunter2"},
		{`failed to fetch https://bob:hunter2@registry.example.com/v2/`, "hunter2"},
		{`token eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlc2lnbmF0dXJl`, "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ"},
		{`aws_access_key_id = AKIAIOSFODNN7EXAMPLE`, "AKIAIOSFODNN7EXAMPLE"},
		{`API_KEY: "sk-live-1234567890"`, "sk-live-1234567890"},
	}
	for _, c := range cases {
		out := Text(c.in)
		if strings.Contains(out, c.secret) {
			t.Errorf("%q: secret kept: %q", c.in, out)
		}
		if !strings.Contains(out, "<redacted: ") {
			t.Errorf("%q: no redaction mark: %q", c.in, out)
		}
	}
	// Messages without credentials stay as they are.
	for _, s := range []string{
		`Failed to pull image "registry.example.com/shop/web:v2.1": rpc error: code = NotFound desc = failed to pull and unpack image`,
		`MountVolume.SetUp failed for volume "tls" : secret "shop-tls" not found`,
		`Error: couldn't find key password in Secret shop/db`,
		`Back-off restarting failed container app in pod web-1_shop(0f72d100)`,
		`pull access denied for private/app, repository does not exist or may require 'docker login'`,
	} {
		if got := Text(s); got != s {
			t.Errorf("changed %q to %q", s, got)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add(`password: x`)
	f.Add(`Authorization: Basic Zm9v`)
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if Text(out) != out {
			t.Errorf("not idempotent: %q -> %q -> %q", s, out, Text(out))
		}
	})
}
