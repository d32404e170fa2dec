package fieldcheck

import "testing"

func FuzzCheck(f *testing.F) {
	f.Add("Pod", []byte(`{"spec":{"command":["x"],"containers":[{"name":"a"}]}}`))
	f.Add("Deployment", []byte(`{"spec":{"template":{"spec":{"args":1}}}}`))
	f.Fuzz(func(t *testing.T, kind string, data []byte) {
		for _, is := range Check(kind, data) {
			if is.Path == "" {
				t.Fatal("issue without a path")
			}
		}
	})
}
