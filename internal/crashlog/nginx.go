package crashlog

// nginx (src/http/ngx_http_upstream.c, src/core/ngx_connection.c,
// src/core/ngx_file.c): "[emerg] host not found in upstream "backend:8080"
// in /etc/nginx/conf.d/default.conf:10"; "[emerg] bind() to 0.0.0.0:80
// failed (13: Permission denied)" / "(98: Address already in use)";
// "[emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission
// denied)" / "(30: Read-only file system)"; "open() "/etc/nginx/x" failed
// (2: No such file or directory)".
var nginx = []Signature{
	sig("nginx.upstream", Dependency, `\[emerg\][^\n]*host not found in (?:upstream|resolver) "(?P<addr>[^"]+)"`, "kind", "nohost"),
	sig("nginx.bind.perm", PrivilegedPort, `bind\(\) to (?P<addr>\S+) failed \(13: Permission denied\)`),
	sig("nginx.bind.inuse", Port, `bind\(\) to (?P<addr>\S+) failed \(98: Address already in use\)`),
	sig("nginx.rofs", ReadOnlyFS, `(?:mkdir|open)\(\) "(?P<path>[^"]+)" failed \(30: Read-only file system\)`),
	sig("nginx.perm", Permission, `(?:mkdir|open|chown)\(\) "(?P<path>[^"]+)" failed \(13: Permission denied\)`),
	sig("nginx.notfound", MissingFile, `open\(\) "(?P<path>[^"]+)" failed \(2: No such file or directory\)`),
}
