package diagnose_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestZZDump prints what the text parser gave (debug only).
func TestZZDump(t *testing.T) {
	path := os.Getenv("DUMPCASE")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	b := snapshot.NewBuilder()
	if _, err := kubetext.Load(b, data, kubetext.Options{}); err != nil {
		t.Fatal(err)
	}
	kubetext.ImplyPods(b)
	s := b.Build(time.Time{})
	for _, p := range s.Pods {
		fmt.Printf("POD %s/%s node=%q phase=%s del=%v hidden=%b uid=%s owner=%v\n", p.Namespace, p.Name, p.Spec.NodeName, p.Status.Phase, p.DeletionTimestamp, s.Hidden[p.Namespace+"/"+p.Name], p.UID, p.OwnerReferences)
		for _, c := range p.Spec.Containers {
			fmt.Printf("  spec %s image=%q cmd=%q args=%q wd=%q\n", c.Name, c.Image, c.Command, c.Args, c.WorkingDir)
		}
		for _, v := range p.Spec.Volumes {
			fmt.Printf("  vol %s %+v\n", v.Name, v.PersistentVolumeClaim)
		}
		for _, cs := range append(p.Status.InitContainerStatuses, p.Status.ContainerStatuses...) {
			fmt.Printf("  cs %s image=%q restarts=%d state=%+v last=%+v\n", cs.Name, cs.Image, cs.RestartCount, cs.State, cs.LastTerminationState)
		}
		for _, c := range p.Status.Conditions {
			fmt.Printf("  cond %s=%s %s %s\n", c.Type, c.Status, c.Reason, c.Message)
		}
	}
	for _, n := range s.Nodes {
		fmt.Printf("NODE %s conds=%v taints=%v\n", n.Name, n.Status.Conditions, n.Spec.Taints)
	}
	for _, e := range s.Events {
		fmt.Printf("EVENT %v %s %s fp=%q x%d: %q\n", e.Regarding, e.Type, e.Reason, e.FieldPath, e.Count, e.Message)
	}
	for k, v := range s.Logs {
		fmt.Printf("LOG %v: %q\n", k, v)
	}
}
