package fieldcheck

import "testing"

func TestCheck(t *testing.T) {
	cases := []struct {
		name, kind, manifest string
		want                 []Issue
	}{
		{
			name: "command at pod spec level",
			kind: "Pod",
			manifest: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"mypod"},
			 "spec":{"command":["sleep","3600"],"containers":[{"name":"app","image":"busybox"}]}}`,
			want: []Issue{{Path: "spec.command", Suggestion: "spec.containers[0].command"}},
		},
		{
			name: "deployment template",
			kind: "Deployment",
			manifest: `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
			 "spec":{"template":{"spec":{"args":["--port=80"],"containers":[{"name":"web","image":"nginx"}]}}}}`,
			want: []Issue{{Path: "spec.template.spec.args", Suggestion: "spec.template.spec.containers[0].args"}},
		},
		{
			name:     "typo with no home",
			kind:     "Pod",
			manifest: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"b","imagePullPolcy":"Always"}]}}`,
			want:     []Issue{{Path: "spec.containers[0].imagePullPolcy"}},
		},
		{
			name:     "clean",
			kind:     "Pod",
			manifest: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"b","command":["x"]}]}}`,
		},
		{name: "unknown kind", kind: "Widget", manifest: `{"x":1}`},
		{name: "garbage", kind: "Pod", manifest: `{"spec":`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Check(tc.kind, []byte(tc.manifest))
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("issue %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
