package crashlog

// The JVM and the JDK. OutOfMemoryError's details are HotSpot's
// ("Java heap space", "Metaspace", "GC overhead limit exceeded":
// src/hotspot/share/memory/universe.cpp); the launcher prints
// "Error: Could not find or load main class X"
// (src/java.base/share/classes/sun/launcher/resources/launcher.properties);
// java.net exceptions carry the errno text ("Connection refused",
// "Address already in use") and UnknownHostException the host name
// (src/java.base/unix/native/libnet). A thread that dies prints
// "Exception in thread "main" <class>: <message>" (ThreadGroup
// .uncaughtException), a wrapped cause "Caused by: <class>: <message>".
// Spring's PropertyPlaceholderHelper: "Could not resolve placeholder 'X'
// in value "${X}"". JSSE: "PKIX path building failed".
var java = []Signature{
	sig("java.heap", JavaHeap, `java\.lang\.OutOfMemoryError: (?P<detail>Java heap space|GC overhead limit exceeded|Requested array size exceeds VM limit)`),
	sig("java.metaspace", JavaHeap, `java\.lang\.OutOfMemoryError: (?P<detail>Metaspace|Compressed class space)`),
	sig("java.classnotfound", MissingModule, `java\.lang\.(?:ClassNotFoundException|NoClassDefFoundError): (?P<module>[\w.$/]+)`),
	sig("java.mainclass", MissingModule, `Error: Could not find or load main class (?P<module>[\w.$/]+)`),
	sig("java.bind", Port, `java\.net\.BindException: Address already in use`),
	sig("java.bind.perm", PrivilegedPort, `java\.net\.(?:BindException|SocketException): Permission denied`),
	sig("java.connect", Dependency, `java\.net\.ConnectException: Connection refused(?:[^\n]*?(?:to|connect to) (?P<addr>[\w.-]+:\d+))?`, "kind", "refused"),
	// pgjdbc (org/postgresql/core/v3/ConnectionFactoryImpl.java,
	// messages "Connection to {0} refused. Check that the hostname and
	// port are correct…").
	sig("pgjdbc.refused", Dependency, `PSQLException: Connection to (?P<addr>\S+) refused`, "kind", "refused"),
	sig("java.connect.timeout", Dependency, `java\.net\.(?:SocketTimeoutException|ConnectException): [Cc]onnect(?:ion)? timed out`, "kind", "timeout"),
	sig("java.unknownhost", Dependency, `java\.net\.UnknownHostException: (?P<host>[A-Za-z0-9.-]+)`, "kind", "nohost"),
	sig("java.placeholder", MissingEnv, `Could not resolve placeholder '(?P<env>[^':]+)(?::[^']*)?' in value`),
	sig("java.pkix", TLS, `PKIX path building failed|unable to find valid certification path to requested target`),
	sig("java.filenotfound", MissingFile, `java\.io\.FileNotFoundException: (?P<path>/\S+) \(No such file or directory\)`),
	sig("java.accessdenied", Permission, `java\.(?:io\.FileNotFoundException: (?P<path>/\S+) \(Permission denied\)|nio\.file\.AccessDeniedException: (?P<path2>/\S+))`),
	sig("java.rofs", ReadOnlyFS, `java\.(?:io\.FileNotFoundException: (?P<path>/\S+) \(Read-only file system\)|nio\.file\.FileSystemException: (?P<path2>/\S+): Read-only file system)`),
	sig("java.uncaught", Panic, `Exception in thread "[^"]+" (?P<detail>[\w.$]+(?:Exception|Error)[^\n]*)`),
}
