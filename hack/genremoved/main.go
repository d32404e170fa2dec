// Command genremoved writes internal/lint/removed_gen.go: every built-in
// API version that Kubernetes stopped serving, per kind, with the release
// that removed it and the version to use instead. The data is the API's
// own: the APILifecycleRemoved and APILifecycleReplacement methods that
// prerelease-lifecycle-gen writes into k8s.io/api (and the CRD and
// APIService types' modules) from the types' lifecycle tags. A type is
// deleted from k8s.io/api some releases after it stops being served, so
// several releases of the modules are read and the newest word on each
// kind wins. The modules come from the Go module proxy (go mod download).
//
//	go run ./hack/genremoved          # rewrite the file
//	go run ./hack/genremoved -check   # fail if the file is not what it would write
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/podwhy/podwhy/internal/gomod"
)

// modules are read oldest first; a later release's data replaces an
// earlier one's for the same kind. v0.19 is the first with lifecycle data.
var modules = []string{
	"k8s.io/api@v0.19.0",
	"k8s.io/api@v0.22.0",
	"k8s.io/api@v0.25.0",
	"k8s.io/api@v0.28.0",
	"k8s.io/api@v0.31.0",
	"k8s.io/api@v0.34.0",
	"k8s.io/api@v0.37.2",
	"k8s.io/apiextensions-apiserver@v0.21.0",
	"k8s.io/kube-aggregator@v0.21.0",
}

const out = "internal/lint/removed_gen.go"

type removal struct {
	Removed string // "1.16"
	Use     string // apiVersion to use, "" when the kind has no successor
}

func main() {
	check := flag.Bool("check", false, "compare with the committed file instead of writing it")
	flag.Parse()
	src, err := generate()
	if err != nil {
		fail(err)
	}
	if *check {
		have, err := os.ReadFile(out)
		if err != nil {
			fail(err)
		}
		if !bytes.Equal(have, src) {
			fail(fmt.Errorf("%s is not what the lifecycle data says: run go run ./hack/genremoved", out))
		}
		return
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		fail(err)
	}
	fmt.Printf("%d removed apiVersion/kind pairs → %s\n", bytes.Count(src, []byte("\n\t\"")), out)
}

// generate reads the lifecycle data of every module and renders the file.
func generate() ([]byte, error) {
	table := map[string]removal{}
	for _, m := range modules {
		dir, err := gomod.Dir(m)
		if err != nil {
			return nil, err
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*", "zz_generated.prerelease-lifecycle.go"))
		more, _ := filepath.Glob(filepath.Join(dir, "pkg", "apis", "*", "*", "zz_generated.prerelease-lifecycle.go"))
		files = append(files, more...)
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no prerelease-lifecycle files in %s", m, dir)
		}
		for _, f := range files {
			if err := read(f, table); err != nil {
				return nil, err
			}
		}
	}
	return render(table), nil
}

// read adds the removed kinds of one group/version package. Its group is
// the package's GroupName constant (register.go).
func read(file string, table map[string]removal) error {
	dir := filepath.Dir(file)
	group, err := groupName(filepath.Join(dir, "register.go"))
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	gv := group + "/" + filepath.Base(dir)
	if group == "" {
		gv = filepath.Base(dir)
	}
	removed := map[string]string{}
	use := map[string]string{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 || fn.Body == nil || len(fn.Body.List) != 1 {
			continue
		}
		star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		kind := star.X.(*ast.Ident).Name
		ret, ok := fn.Body.List[0].(*ast.ReturnStmt)
		if !ok {
			continue
		}
		switch fn.Name.Name {
		case "APILifecycleRemoved":
			if len(ret.Results) == 2 {
				removed[kind] = lit(ret.Results[0]) + "." + lit(ret.Results[1])
			}
		case "APILifecycleReplacement":
			if cl, ok := ret.Results[0].(*ast.CompositeLit); ok {
				fields := map[string]string{}
				for _, e := range cl.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						fields[kv.Key.(*ast.Ident).Name] = lit(kv.Value)
					}
				}
				use[kind] = fields["Version"]
				if fields["Group"] != "" {
					use[kind] = fields["Group"] + "/" + fields["Version"]
				}
			}
		}
	}
	for kind, rel := range removed {
		if strings.HasSuffix(kind, "List") {
			continue
		}
		table[gv+" "+kind] = removal{Removed: rel, Use: use[kind]}
	}
	return nil
}

func groupName(register string) (string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, register, nil, 0)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", register, err)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if n.Name == "GroupName" && i < len(vs.Values) {
					return lit(vs.Values[i]), nil
				}
			}
		}
	}
	return "", fmt.Errorf("%s: no GroupName", register)
}

func lit(e ast.Expr) string {
	if b, ok := e.(*ast.BasicLit); ok {
		if s, err := strconv.Unquote(b.Value); err == nil {
			return s
		}
		return b.Value
	}
	return ""
}

func render(table map[string]removal) []byte {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("// Code generated by hack/genremoved from the APILifecycleRemoved and\n// APILifecycleReplacement data of ")
	b.WriteString(strings.Join(modules, ", "))
	b.WriteString("; DO NOT EDIT.\n\npackage lint\n\n")
	b.WriteString("// removedVersions are the built-in API versions no longer served, per\n// \"apiVersion Kind\": the release that removed it and the apiVersion to\n// use instead (\"\" when the kind has no successor).\nvar removedVersions = map[string]removal{\n")
	for _, k := range keys {
		r := table[k]
		fmt.Fprintf(&b, "\t%q: {%q, %q},\n", k, r.Removed, r.Use)
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		panic(err) // the template above is Go; a failure is a bug here
	}
	return src
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genremoved: "+err.Error())
	os.Exit(1)
}
