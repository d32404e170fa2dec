package crashlog

// .NET. The host's fatal errors ("Unhandled exception. <Type>: <message>",
// src/coreclr/vm/excep.cpp), the assembly loader's "Could not load file
// or assembly 'X, Version=…'", the muxer's "The application to execute
// does not exist: '…'" and "You must install or update .NET to run this
// application." (src/native/corehost), Kestrel's "Failed to bind to
// address http://[::]:80: address already in use." (AddressBinder.cs),
// SocketException with the errno ("(111): Connection refused",
// "(13): Permission denied", "Name or service not known").
var dotnet = []Signature{
	sig("dotnet.assembly", MissingModule, `Could not load file or assembly '(?P<module>[^',]+)`),
	sig("dotnet.noapp", MissingModule, `The application to execute does not exist: '(?P<module>[^']+)'|You must install or update \.NET to run this application`),
	sig("dotnet.bind", Port, `Failed to bind to address https?://(?P<addr>\S+?): address already in use`),
	sig("dotnet.bind.perm", PrivilegedPort, `Failed to bind to address (?:https?://)?(?P<addr>\S+?)\.?\n?[^\n]*SocketException \(13\): Permission denied|SocketException \(13\): Permission denied`),
	sig("dotnet.refused", Dependency, `SocketException \((?:111|10061)\): Connection refused(?: \(?(?P<addr>[\w.-]+:\d+)\)?)?`, "kind", "refused"),
	sig("dotnet.nohost", Dependency, `SocketException \([^)]*\): (?:Name or service not known|No such host is known|Resource temporarily unavailable) \(?(?P<addr>[\w.-]+(?::\d+)?)\)?`, "kind", "nohost"),
	sig("dotnet.oom", Heap, `System\.OutOfMemoryException`),
	sig("dotnet.unhandled", Panic, `Unhandled exception\. (?P<detail>System\.[\w.]+[^\n]*)`),
}
