package shell_test

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/shell/shelltest"
)

func TestString(t *testing.T) {
	for _, tc := range []struct {
		cmd  shell.Cmd
		want string
	}{
		{shell.Kubectl("shop", "logs", "web-1", "-c", "app", "--previous"), "kubectl -n shop logs web-1 -c app --previous"},
		{shell.Kubectl("", "get", "nodes", "-o", "wide"), "kubectl get nodes -o wide"},
		{shell.Kubectl("shop", "set", "resources", "deploy/web", "-c", "web", "--limits=memory=512Mi"), "kubectl -n shop set resources deploy/web -c web --limits=memory=512Mi"},
		// The probe that ran: its ; belongs to the sh -c argument, not to
		// the reader's shell.
		{shell.Kubectl("shop", "exec", "probe-exec", "-c", "app", "--", "sh", "-c", "cat /tmp/healthy; touch /tmp/x"),
			"kubectl -n shop exec probe-exec -c app -- sh -c 'cat /tmp/healthy; touch /tmp/x'"},
		{shell.Kubectl("a", "get", "cm", "x", "-o", "jsonpath={.data}").Pipe("jq", "keys"), "kubectl -n a get cm x -o 'jsonpath={.data}' | jq keys"},
		{shell.Kubectl("a", "logs", "<pod>"), "kubectl -n a logs '<pod>'"},
		{shell.New("journalctl", "-u", "kubelet", "--since", "-30m").Pipe("grep", "-i", "it's"), `journalctl -u kubelet --since -30m | grep -i 'it'\''s'`},
		{shell.New("systemctl", "status", "kubelet").Seq("journalctl", "-u", "kubelet"), "systemctl status kubelet; journalctl -u kubelet"},
		{shell.New("echo", ""), "echo ''"},
		{shell.New("a=b", "c"), "'a=b' c"},
		{shell.Kubectl("a", "get", "pod", "x", "-o", "yaml").To("x.yaml"), "kubectl -n a get pod x -o yaml > x.yaml"},
	} {
		if got := tc.cmd.String(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
		back, err := shelltest.Parse(tc.cmd.String())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, tc.cmd) {
			t.Errorf("%s read back as %#v", tc.cmd, back)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	c := shell.Kubectl("a", "logs", "<pod>", "-c", "<container>").Pipe("grep", "<pod>")
	if got := c.Placeholders(); !reflect.DeepEqual(got, []string{"pod", "container"}) {
		t.Errorf("placeholders %v", got)
	}
	c = shell.Kubectl("a", "set", "resources", "deploy/x", "--limits=memory=<actual use>")
	if got := c.Placeholders(); !reflect.DeepEqual(got, []string{"actual use"}) {
		t.Errorf("placeholders %v", got)
	}
	if got := c.Fill(map[string]string{"actual use": "1Gi"}).String(); got != "kubectl -n a set resources deploy/x --limits=memory=1Gi" {
		t.Errorf("filled: %s", got)
	}
	if p := shell.Kubectl("a", "get", "pods").Placeholders(); p != nil {
		t.Errorf("no placeholder expected: %v", p)
	}
}

// hostile are values cluster objects and pastes can carry.
var hostile = []string{
	"", " ", "'", `"`, `\`, "$(id)", "`id`", "${HOME}", "$HOME", "a;b", "a&&b", "a|b", "a&", "x\ny", "\t",
	"*", "?", "[a]", "{a,b}", "~", "~root", "#x", "a#b", "<pod>", ">out", "2>&1", "!x", "(x)", "a=b", "-c",
	"héllo", "名字", "\u202etxt", "\x1b[31mred", "it's", `"a" 'b'`, "'\\''", "--", "%s", "a\\nb",
}

func check(t *testing.T, c shell.Cmd) {
	t.Helper()
	printed := c.String()
	back, err := shelltest.Parse(printed)
	if err != nil {
		t.Fatalf("%#v printed as %s: %v", c, printed, err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("%#v\nprinted %s\nread back %#v", c, printed, back)
	}
}

// A printed command, split by a POSIX shell parser, gives back exactly the
// argument lists podwhy built, whatever the values.
func TestQuoteRoundTrip(t *testing.T) {
	for _, v := range hostile {
		check(t, shell.Kubectl(v, "get", "pod", v, "-o", "jsonpath="+v))
		check(t, shell.New("grep", v).Pipe("grep", "-v", v).And("echo", v))
		if v != "" {
			check(t, shell.New("cat", v).To(v))
		}
	}
	r := rand.New(rand.NewSource(1))
	alphabet := []rune("ab =;|&$`'\"\\\n\t*?[]{}~#<>()!%-_.,/:@+é名\u202e\x1b")
	for i := 0; i < 5000; i++ {
		var argv []string
		for n := r.Intn(5) + 1; n > 0; n-- {
			var b strings.Builder
			for k := r.Intn(8); k > 0; k-- {
				b.WriteRune(alphabet[r.Intn(len(alphabet))])
			}
			argv = append(argv, b.String())
		}
		check(t, shell.New(append([]string{"kubectl"}, argv...)...).Pipe("grep", argv[0]))
	}
}

func FuzzQuote(f *testing.F) {
	for _, v := range hostile {
		f.Add(v, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		// A shell argument cannot hold a NUL byte or invalid UTF-8 that the
		// parser reads as text; exec would refuse such an argv anyway.
		if strings.ContainsRune(a+b, 0) || !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip()
		}
		check(t, shell.Kubectl(a, "exec", b, "--", "sh", "-c", a).Pipe("grep", b))
		check(t, shell.New(a, b))
	})
}
