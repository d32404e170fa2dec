package crashlog

// Node.js. System errors print "Error: <syscall> <CODE>: <message>
// <address>:<port>" or, for listen, "listen EADDRINUSE: address already
// in use :::3000" (lib/internal/errors.js, uvExceptionWithHostPort);
// getaddrinfo failures "getaddrinfo ENOTFOUND <host>"; the module loader
// "Error: Cannot find module 'x'" (lib/internal/modules/cjs/loader.js);
// V8's heap limit "FATAL ERROR: … Allocation failed - JavaScript heap out
// of memory" (src/node_errors.cc / v8 heap.cc); fs errors
// "ENOENT: no such file or directory, open '/x'".
var node = []Signature{
	sig("node.heap", Heap, `FATAL ERROR: (?P<detail>[^\n]*)Allocation failed - JavaScript heap out of memory`),
	sig("node.module", MissingModule, `Error: Cannot find module '(?P<module>[^']+)'`),
	sig("node.inuse", Port, `listen EADDRINUSE:? (?:address already in use )?(?P<addr>\S+)`),
	sig("node.listen.perm", PrivilegedPort, `listen EACCES:? (?:permission denied )?(?P<addr>\S+)`),
	sig("node.refused", Dependency, `connect ECONNREFUSED (?P<addr>\S+)`, "kind", "refused"),
	sig("node.timeout", Dependency, `connect ETIMEDOUT (?P<addr>\S+)`, "kind", "timeout"),
	sig("node.notfound", Dependency, `getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?P<host>[A-Za-z0-9.-]+)`, "kind", "nohost"),
	sig("node.enoent", MissingFile, `ENOENT: no such file or directory, (?:open|stat|scandir|lstat) '(?P<path>/[^']+)'`),
	sig("node.eacces", Permission, `EACCES: permission denied, (?:open|mkdir|scandir|unlink|rename) '(?P<path>/[^']+)'`),
	sig("node.erofs", ReadOnlyFS, `EROFS: read-only file system, (?:open|mkdir|unlink|rename) '(?P<path>/[^']+)'`),
	sig("node.tls", TLS, `(?:UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED|unable to verify the first certificate|self[- ]signed certificate in certificate chain)`),
	sig("node.env", MissingEnv, `(?:[Ee]nvironment variable|env var(?:iable)?) (?P<env>[A-Z][A-Z0-9_]+) (?:is )?(?:not set|missing|required|undefined)`),
}
