package crashlog

// Go's standard library. net.OpError.Error() is
// "<op> <net> <source->addr>: <err>" (src/net/net.go), so a failed dial
// reads "dial tcp 10.96.0.12:5432: connect: connection refused"; the
// syscall texts are the errno strings of src/syscall/zerrors_linux_*.go
// ("connection refused", "no route to host", "address already in use",
// "permission denied", "read-only file system"); net.DNSError.Error() is
// "lookup <name>[ on <server>]: <err>" with errNoSuchHost "no such host"
// (src/net/net.go, dnsclient_unix.go); timeouts are "i/o timeout"
// (os.ErrDeadlineExceeded). os.PathError is "<op> <path>: <err>"
// (src/io/fs/fs.go). A panic prints "panic: <value>" then
// "goroutine N [running]:" (src/runtime/panic.go, traceback.go).
var golang = []Signature{
	sig("go.dial.refused", Dependency, `dial (?:tcp|tcp4|tcp6|udp) (?P<addr>\S+): connect: connection refused`, "kind", "refused"),
	sig("go.dial.unreachable", Dependency, `dial (?:tcp|tcp4|tcp6) (?P<addr>\S+): connect: (?:no route to host|network is unreachable)`, "kind", "unreachable"),
	sig("go.dial.timeout", Dependency, `dial (?:tcp|tcp4|tcp6) (?P<addr>\S+): (?:i/o timeout|connect: connection timed out)`, "kind", "timeout"),
	sig("go.lookup", Dependency, `lookup (?P<host>[A-Za-z0-9.-]+)(?: on \S+)?: (?:no such host|server misbehaving)`, "kind", "nohost"),
	sig("go.listen.inuse", Port, `listen (?:tcp|tcp4|tcp6) (?P<addr>\S+): bind: address already in use`),
	sig("go.listen.perm", PrivilegedPort, `listen (?:tcp|tcp4|tcp6) (?P<addr>\S+): bind: permission denied`),
	sig("go.open.notexist", MissingFile, `(?:open|stat|lstat|readlink) (?P<path>/[^\s:]+): no such file or directory`),
	sig("go.open.perm", Permission, `(?:open|mkdir|create|stat|remove|chmod) (?P<path>/[^\s:]+): permission denied`),
	sig("go.open.rofs", ReadOnlyFS, `(?:open|mkdir|create|remove|rename|chmod) (?P<path>/[^\s:]+): read-only file system`),
	sig("go.x509", TLS, `x509: (?:certificate signed by unknown authority|certificate has expired or is not yet valid|certificate is valid for [^\n]+|certificate relies on legacy Common Name field)`),
	sig("go.panic", Panic, `(?m)^panic: (?P<detail>[^\n]+)(?:\n\n?(?:\[signal [^\n]*\n\n?)?goroutine \d+ \[)`),
}
