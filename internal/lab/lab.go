// Package lab holds the failure lab: manifests that reproduce each class of
// the failure catalog on a real cluster, one labelled namespace per
// scenario, safe to delete. Each manifest's header says the reason code
// podwhy must find and which component produces the failure.
package lab

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
)

//go:embed scenarios/*.yaml
var files embed.FS

// Label marks every lab namespace; its value is the scenario name.
const Label = "podwhy.dev/lab"

// Scenario is one reproducible failure.
type Scenario struct {
	Name   string
	Reason string // the reason code podwhy must report ("-": none)
	Source string // the component that produces the failure
	// NamespaceLabels are set on the scenario's namespace.
	NamespaceLabels map[string]string
	// AfterApply are actions run once the objects exist, e.g.
	// "delete pod/x --wait=false --grace-period=1".
	AfterApply []string
	Objects    []runtime.Object
}

// Namespace is where a scenario's objects live.
func (s Scenario) Namespace() string { return "podwhy-lab-" + s.Name }

// All returns the scenarios, sorted by name.
func All() ([]Scenario, error) {
	entries, err := files.ReadDir("scenarios")
	if err != nil {
		return nil, err
	}
	var out []Scenario
	for _, e := range entries {
		data, err := files.ReadFile("scenarios/" + e.Name())
		if err != nil {
			return nil, err
		}
		s, err := parse(strings.TrimSuffix(e.Name(), ".yaml"), data)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: %w", e.Name(), err)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns one scenario by name.
func Get(name string) (Scenario, error) {
	all, err := All()
	if err != nil {
		return Scenario{}, err
	}
	for _, s := range all {
		if s.Name == name {
			return s, nil
		}
	}
	var names []string
	for _, s := range all {
		names = append(names, s.Name)
	}
	return Scenario{}, fmt.Errorf("no lab scenario %q (have: %s)", name, strings.Join(names, ", "))
}

func parse(name string, data []byte) (Scenario, error) {
	s := Scenario{Name: name, NamespaceLabels: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "reason":
			s.Reason = v
		case "source":
			s.Source = v
		case "namespace-labels":
			for _, kv := range strings.Split(v, ",") {
				if a, b, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
					s.NamespaceLabels[a] = b
				}
			}
		case "after-apply":
			s.AfterApply = append(s.AfterApply, v)
		}
	}
	rd := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	for {
		doc, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, err
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			continue
		}
		obj, _, err := scheme.Codecs.UniversalDeserializer().Decode(doc, nil, nil)
		if err != nil {
			return s, err
		}
		s.Objects = append(s.Objects, obj)
	}
	if s.Reason == "" {
		return s, fmt.Errorf("no '# reason:' header")
	}
	return s, nil
}

func stripComments(doc []byte) []byte {
	var out bytes.Buffer
	for _, l := range bytes.Split(doc, []byte("\n")) {
		if t := bytes.TrimSpace(l); len(t) > 0 && t[0] != '#' && string(t) != "---" {
			out.Write(l)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

// Apply creates a scenario's namespace and objects, then runs its
// after-apply actions.
func Apply(ctx context.Context, cs kubernetes.Interface, s Scenario) error {
	// A namespace still being deleted from an earlier run refuses new
	// objects: wait for it to be gone.
	for i := 0; i < 240; i++ {
		old, err := cs.CoreV1().Namespaces().Get(ctx, s.Namespace(), metav1.GetOptions{})
		if err != nil || old.DeletionTimestamp == nil {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	ns := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: s.Namespace(), Labels: map[string]string{Label: s.Name}}}
	for k, v := range s.NamespaceLabels {
		ns.Labels[k] = v
	}
	if _, err := cs.CoreV1().Namespaces().Create(ctx, ns, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		return fmt.Errorf("create namespace %s: %w", ns.Name, err)
	}
	// The namespace's default ServiceAccount appears a moment after the
	// namespace; pods created before it are refused.
	for i := 0; i < 50; i++ {
		if _, err := cs.CoreV1().ServiceAccounts(ns.Name).Get(ctx, "default", metav1.GetOptions{}); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, obj := range s.Objects {
		if err := create(ctx, cs, ns.Name, obj); err != nil && !apierrors.IsAlreadyExists(err) {
			return err
		}
	}
	for _, a := range s.AfterApply {
		if err := after(ctx, cs, ns.Name, a); err != nil {
			return fmt.Errorf("after-apply %q: %w", a, err)
		}
	}
	return nil
}

func create(ctx context.Context, cs kubernetes.Interface, ns string, obj runtime.Object) error {
	var err error
	switch o := obj.(type) {
	case *appsv1.Deployment:
		_, err = cs.AppsV1().Deployments(ns).Create(ctx, o, metav1.CreateOptions{})
	case *appsv1.StatefulSet:
		_, err = cs.AppsV1().StatefulSets(ns).Create(ctx, o, metav1.CreateOptions{})
	case *appsv1.DaemonSet:
		_, err = cs.AppsV1().DaemonSets(ns).Create(ctx, o, metav1.CreateOptions{})
	case *batchv1.Job:
		_, err = cs.BatchV1().Jobs(ns).Create(ctx, o, metav1.CreateOptions{})
	case *batchv1.CronJob:
		_, err = cs.BatchV1().CronJobs(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.Pod:
		_, err = cs.CoreV1().Pods(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.ConfigMap:
		_, err = cs.CoreV1().ConfigMaps(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.Secret:
		_, err = cs.CoreV1().Secrets(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.Service:
		_, err = cs.CoreV1().Services(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.ServiceAccount:
		_, err = cs.CoreV1().ServiceAccounts(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.ResourceQuota:
		_, err = cs.CoreV1().ResourceQuotas(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.LimitRange:
		_, err = cs.CoreV1().LimitRanges(ns).Create(ctx, o, metav1.CreateOptions{})
	case *corev1.PersistentVolumeClaim:
		_, err = cs.CoreV1().PersistentVolumeClaims(ns).Create(ctx, o, metav1.CreateOptions{})
	case *rbacv1.Role:
		_, err = cs.RbacV1().Roles(ns).Create(ctx, o, metav1.CreateOptions{})
	case *rbacv1.RoleBinding:
		_, err = cs.RbacV1().RoleBindings(ns).Create(ctx, o, metav1.CreateOptions{})
	default:
		return fmt.Errorf("lab: cannot create %T", obj)
	}
	if err != nil {
		return fmt.Errorf("create %T in %s: %w", obj, ns, err)
	}
	return nil
}

// after runs "delete pod/NAME [--grace-period=N]" (the only action needed
// so far), without waiting for the deletion to finish.
func after(ctx context.Context, cs kubernetes.Interface, ns, action string) error {
	f := strings.Fields(action)
	if len(f) < 2 || f[0] != "delete" || !strings.HasPrefix(f[1], "pod/") {
		return fmt.Errorf("unsupported action")
	}
	opts := metav1.DeleteOptions{}
	for _, a := range f[2:] {
		if v, ok := strings.CutPrefix(a, "--grace-period="); ok {
			var g int64
			fmt.Sscan(v, &g)
			opts.GracePeriodSeconds = &g
		}
	}
	return cs.CoreV1().Pods(ns).Delete(ctx, strings.TrimPrefix(f[1], "pod/"), opts)
}

// Delete removes lab namespaces (all when name is empty), first stripping
// the finalizers the lab itself set so nothing stays Terminating.
func Delete(ctx context.Context, cs kubernetes.Interface, name string) error {
	sel := Label
	if name != "" {
		sel = Label + "=" + name
	}
	nss, err := cs.CoreV1().Namespaces().List(ctx, metav1.ListOptions{LabelSelector: sel})
	if err != nil {
		return fmt.Errorf("list lab namespaces: %w", err)
	}
	for _, ns := range nss.Items {
		pods, err := cs.CoreV1().Pods(ns.Name).List(ctx, metav1.ListOptions{})
		if err == nil {
			for _, p := range pods.Items {
				if len(p.Finalizers) > 0 {
					p.Finalizers = nil
					_, _ = cs.CoreV1().Pods(ns.Name).Update(ctx, &p, metav1.UpdateOptions{})
				}
			}
		}
		if err := cs.CoreV1().Namespaces().Delete(ctx, ns.Name, metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
			return fmt.Errorf("delete namespace %s: %w", ns.Name, err)
		}
	}
	return nil
}

// Bare is the scenario with its controller's pod template created as a
// Pod of its own: the same failure with no controller to change, which is
// where a step must re-create the pod instead of editing it. Scenarios
// whose failure is the controller's (admission refusing the pods it
// creates, rollout and Job conditions) have no bare variant.
func Bare(s Scenario) (Scenario, bool) {
	for _, prefix := range []string{"Create/", "DaemonSet/", "Deployment/", "Job/", "StatefulSet/", "-"} {
		if strings.HasPrefix(s.Reason, prefix) {
			return Scenario{}, false
		}
	}
	out := Scenario{Name: s.Name + "-bare", Reason: s.Reason, Source: s.Source, NamespaceLabels: s.NamespaceLabels}
	found := false
	for _, obj := range s.Objects {
		var meta metav1.ObjectMeta
		var tpl *corev1.PodTemplateSpec
		switch o := obj.(type) {
		case *appsv1.Deployment:
			meta, tpl = o.ObjectMeta, &o.Spec.Template
		case *appsv1.StatefulSet:
			meta, tpl = o.ObjectMeta, &o.Spec.Template
		case *appsv1.DaemonSet:
			meta, tpl = o.ObjectMeta, &o.Spec.Template
		case *appsv1.ReplicaSet:
			meta, tpl = o.ObjectMeta, &o.Spec.Template
		case *batchv1.Job:
			meta, tpl = o.ObjectMeta, &o.Spec.Template
		default:
			out.Objects = append(out.Objects, obj.DeepCopyObject())
			continue
		}
		if found || len(tpl.Spec.TopologySpreadConstraints) > 0 || (tpl.Spec.Affinity != nil && (tpl.Spec.Affinity.PodAntiAffinity != nil || tpl.Spec.Affinity.PodAffinity != nil)) {
			// Two controllers: which pod is the scenario's is not clear.
			// Spread and pod (anti-)affinity fail only between replicas.
			return Scenario{}, false
		}
		found = true
		pod := &corev1.Pod{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
			ObjectMeta: metav1.ObjectMeta{Name: meta.Name, Labels: tpl.Labels, Annotations: tpl.Annotations},
			Spec:       *tpl.Spec.DeepCopy()}
		if pod.Spec.RestartPolicy == "" {
			pod.Spec.RestartPolicy = corev1.RestartPolicyAlways
		}
		out.Objects = append(out.Objects, pod)
	}
	return out, found
}
