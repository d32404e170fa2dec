package crashlog

// CPython. An uncaught exception ends with "<Type>: <message>" after
// "Traceback (most recent call last):" (Python/pythonrun.c); os.environ
// raises KeyError(key) from Lib/os.py's __getitem__, so the traceback's
// last frame is in os.py or names os.environ; OSError subclasses print
// "[Errno N] <strerror>: '<filename>'" (Objects/exceptions.c). The import
// system: "ModuleNotFoundError: No module named 'x'" (Lib/importlib/
// _bootstrap.py). libpq, through psycopg2: "could not connect to server:
// Connection refused\n\tIs the server running on host "db" (10.0.0.5) and
// accepting\n\tTCP/IP connections on port 5432?" (PostgreSQL ≤ 13,
// src/interfaces/libpq/fe-connect.c) and "connection to server at "db"
// (10.0.0.5), port 5432 failed: Connection refused" (14+); "could not
// translate host name "db" to address: Name or service not known".
var python = []Signature{
	sig("python.module", MissingModule, `(?:ModuleNotFoundError|ImportError): No module named '?(?P<module>[\w.]+)'?`),
	sig("python.environ", MissingEnv, `(?s)(?:os\.environ\[['"](?P<env>\w+)['"]\]|File "[^"\n]*/os\.py", line \d+, in __getitem__)[^\n]*(?:\n[^\n]*){0,8}?\nKeyError: '(?P<env2>\w+)'`),
	sig("python.perm", Permission, `PermissionError: \[Errno 13\] Permission denied: '(?P<path>[^']+)'`),
	sig("python.rofs", ReadOnlyFS, `OSError: \[Errno 30\] Read-only file system: '(?P<path>[^']+)'`),
	sig("python.notfound", MissingFile, `FileNotFoundError: \[Errno 2\] No such file or directory: '(?P<path>/[^']+)'`),
	sig("python.inuse", Port, `(?:OSError: )?\[Errno 98\] (?:error while attempting to bind on address \('(?P<host>[^']*)', (?P<port>\d+)\): )?[Aa]ddress already in use`),
	sig("python.bind.perm", PrivilegedPort, `(?:PermissionError: )?\[Errno 13\] error while attempting to bind on address \('[^']*', (?P<port>\d+)[^)]*\)`),
	sig("libpq.refused.old", Dependency, `could not connect to server: Connection refused\s+Is the server running on host "(?P<host>[^"]+)" \((?P<ip>[^)]+)\) and accepting\s+TCP/IP connections on port (?P<port>\d+)`, "kind", "refused"),
	sig("libpq.refused", Dependency, `connection to server at "(?P<host>[^"]+)" \((?P<ip>[^)]+)\), port (?P<port>\d+) failed: (?:Connection refused|timeout expired|No route to host)`, "kind", "refused"),
	sig("libpq.nohost", Dependency, `could not translate host name "(?P<host>[^"]+)" to address`, "kind", "nohost"),
	sig("python.refused", Dependency, `ConnectionRefusedError: \[Errno 111\] Connect(?:ion refused|[^\n]*?\('(?P<host>[^']+)', (?P<port>\d+)\))`, "kind", "refused"),
	sig("python.gaierror", Dependency, `socket\.gaierror: \[Errno -[23]\] (?:Name or service not known|Temporary failure in name resolution)`, "kind", "nohost"),
	sig("python.traceback", Panic, `(?m)^Traceback \(most recent call last\):(?:\n[^\n]*)*?\n(?P<detail>[A-Z]\w*(?:Error|Exception)\b[^\n]*)`),
}
