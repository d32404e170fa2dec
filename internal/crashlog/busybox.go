package crashlog

// busybox, the userland of Alpine-based images: libbb/xconnect.c
// xconnect() dies with "can't connect to remote host (<ip>): <strerror>"
// and str2sockaddr() with "bad address '<host>'" when the name does not
// resolve; nc, wget, telnet and the rest share them, prefixed with the
// applet's name.
var busybox = []Signature{
	sig("busybox.refused", Dependency, `can't connect to remote host \((?P<ip>[^)]+)\): Connection refused`, "kind", "refused"),
	sig("busybox.timeout", Dependency, `can't connect to remote host \((?P<ip>[^)]+)\): Connection timed out`, "kind", "timeout"),
	sig("busybox.unreachable", Dependency, `can't connect to remote host \((?P<ip>[^)]+)\): (?:No route to host|Network is unreachable)`, "kind", "unreachable"),
	sig("busybox.badaddress", Dependency, `(?:\w+: )?bad address '(?P<addr>[^']+)'`, "kind", "nohost"),
}
