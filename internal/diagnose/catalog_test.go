package diagnose

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogComplete: every reason code the rules, the message grammars
// and the crash signatures can give is explained in docs/catalog.md, the
// page the README, podwhy explain and the web page send readers to.
func TestCatalogComplete(t *testing.T) {
	doc, err := os.ReadFile("../../docs/catalog.md")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile(`^[A-Z][A-Za-z]+/[A-Z][A-Za-z]+$`)
	seen := 0
	for _, dir := range []string{".", "../classify", "../crashlog"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !code.MatchString(s) {
					return true
				}
				seen++
				if !strings.Contains(string(doc), "`"+s+"`") {
					t.Errorf("%s: reason %s is not in docs/catalog.md", f, s)
				}
				return true
			})
		}
	}
	if seen < 60 {
		t.Errorf("only %d reason codes found in the sources", seen)
	}
}
