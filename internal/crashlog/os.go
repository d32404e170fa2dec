package crashlog

// The runtime and the shell that start the entrypoint. runc writes "exec
// <path>: exec format error" (1.1+, libcontainer/standard_init_linux.go
// via os/exec's wording) or, older, "standard_init_linux.go:228: exec
// user process caused: exec format error" when the kernel refuses the
// binary (ENOEXEC: another architecture, or a script without #!), and
// "…: no such file or directory" when the file exists but its
// interpreter (the #! line, the ELF's dynamic loader) does not. A
// shebang saved with Windows line endings names "sh\r" as the
// interpreter: GNU env prints "/usr/bin/env: 'bash\r': No such file or
// directory", busybox "env: can't execute 'bash\r'". Writes under a
// readOnlyRootFilesystem fail with EROFS, which coreutils and busybox
// print as "Read-only file system".
var osRuntime = []Signature{
	sig("runc.execformat", Arch, `(?:exec (?P<path>\S+): exec format error|exec user process caused:? "?exec format error)`),
	sig("shell.crlf", Interpreter, `env: '(?P<path>[\w./-]+)\\r': No such file or directory|env: can't execute '(?P<path2>[\w./-]+)\r'|(?P<path3>/[\w./-]+)(?:\r|\^M): bad interpreter`, "crlf", "true"),
	sig("runc.interpreter", Interpreter, `(?:exec user process caused:? "?no such file or directory|exec (?P<path>/\S+): no such file or directory)`),
	sig("os.rofs", ReadOnlyFS, `(?:can't create (?:directory )?'?|cannot (?:create|touch|open) (?:directory )?'?|mkdir: |touch: |: )(?P<path>/[^\s:']+)'?:? Read-only file system`),
}
