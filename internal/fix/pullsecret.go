package fix

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/imageref"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// planPullSecret: create a kubernetes.io/dockerconfigjson Secret with the
// given credentials for the image's registry only, attach it to the pods'
// ServiceAccount (and restart the workload, since a ServiceAccount's
// secrets reach only pods created after it changed) or to the workload's
// pod template.
func planPullSecret(p *Plan, s *snapshot.Snapshot, o Options) {
	f := p.Finding
	if len(f.Pods) == 0 {
		p.Note = i18n.T("fix.pullsecret.nopods")
		return
	}
	pod := s.Pod(f.Pods[0].Namespace, f.Pods[0].Name)
	if pod == nil {
		p.Note = i18n.T("fix.pullsecret.nopods")
		return
	}
	image := ""
	for _, c := range append(append([]corev1.Container{}, pod.Spec.InitContainers...), pod.Spec.Containers...) {
		if c.Name == f.Container {
			image = c.Image
		}
	}
	host := snapshot.NormalizeRegistryHost(imageref.Parse(image).Registry)
	ns := pod.Namespace
	if len(o.DockerConfig) == 0 {
		p.Refused = append(p.Refused, Refusal{Object: f.Subject, Why: i18n.T("fix.pullsecret.need-config", host)})
		return
	}
	data, err := registryOnly(o.DockerConfig, host)
	if err != nil {
		p.Refused = append(p.Refused, Refusal{Object: f.Subject, Why: i18n.T("fix.pullsecret.bad-config", err.Error())})
		return
	}
	if existing := s.Secret(ns, o.SecretName); existing != nil {
		p.Refused = append(p.Refused, Refusal{Object: snapshot.ObjectRef{Kind: "Secret", Namespace: ns, Name: o.SecretName}, Why: i18n.T("fix.pullsecret.exists", o.SecretName)})
		return
	}
	secretRef := snapshot.ObjectRef{Kind: "Secret", Namespace: ns, Name: o.SecretName}
	secret := &corev1.Secret{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Secret"},
		ObjectMeta: metav1.ObjectMeta{Name: o.SecretName, Namespace: ns, Labels: map[string]string{"app.kubernetes.io/managed-by": "podwhy"}},
		Type:       corev1.SecretTypeDockerConfigJson,
		Data:       map[string][]byte{corev1.DockerConfigJsonKey: data},
	}
	p.Changes = append(p.Changes, Change{
		Verb: "create", Object: secretRef, What: i18n.T("fix.pullsecret.create", host),
		Undo: fmt.Sprintf("kubectl -n %s delete secret %s", ns, o.SecretName),
		run: func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
			got, err := cs.CoreV1().Secrets(ns).Create(ctx, secret.DeepCopy(), metav1.CreateOptions{DryRun: dryRun(dry), FieldManager: "podwhy"})
			if err != nil {
				return "", "", err
			}
			return "", toYAML(got), nil
		},
	})

	top := f.Subject
	if o.AttachTo == "workload" {
		switch top.Kind {
		case "Deployment", "StatefulSet", "DaemonSet":
		default:
			p.Refused = append(p.Refused, Refusal{Object: top, Why: i18n.T("fix.pullsecret.no-template", top.Kind)})
			return
		}
		patch := fmt.Sprintf(`{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":%q}]}}}}`, o.SecretName)
		p.Changes = append(p.Changes, Change{
			Verb: "patch", Object: top, What: i18n.T("fix.pullsecret.attach-workload", o.SecretName),
			Undo: fmt.Sprintf("kubectl -n %s rollout undo %s/%s", ns, strings.ToLower(top.Kind), top.Name),
			run:  patchWorkload(top, types.StrategicMergePatchType, []byte(patch)),
		})
		return
	}
	sa := pod.Spec.ServiceAccountName
	if sa == "" {
		sa = "default"
	}
	saRef := snapshot.ObjectRef{Kind: "ServiceAccount", Namespace: ns, Name: sa}
	p.Changes = append(p.Changes, Change{
		Verb: "patch", Object: saRef, What: i18n.T("fix.pullsecret.attach-sa", o.SecretName),
		Undo: fmt.Sprintf("kubectl -n %s edit serviceaccount %s  # remove %s from imagePullSecrets", ns, sa, o.SecretName),
		run: func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
			cur, err := cs.CoreV1().ServiceAccounts(ns).Get(ctx, sa, metav1.GetOptions{})
			if err != nil {
				return "", "", err
			}
			for _, r := range cur.ImagePullSecrets {
				if r.Name == o.SecretName {
					return toYAML(cur), toYAML(cur), nil
				}
			}
			// The test op makes the patch fail rather than clobber a list
			// someone changed since it was read.
			var ops []map[string]any
			if len(cur.ImagePullSecrets) == 0 {
				ops = []map[string]any{{"op": "add", "path": "/imagePullSecrets", "value": []map[string]string{{"name": o.SecretName}}}}
			} else {
				ops = []map[string]any{
					{"op": "test", "path": "/metadata/resourceVersion", "value": cur.ResourceVersion},
					{"op": "add", "path": "/imagePullSecrets/-", "value": map[string]string{"name": o.SecretName}},
				}
			}
			body, _ := json.Marshal(ops)
			got, err := cs.CoreV1().ServiceAccounts(ns).Patch(ctx, sa, types.JSONPatchType, body, metav1.PatchOptions{DryRun: dryRun(dry), FieldManager: "podwhy"})
			if err != nil {
				return "", "", err
			}
			return toYAML(cur), toYAML(got), nil
		},
	})
	// Pods get their ServiceAccount's pull secrets when they are created:
	// the workload's pods must be replaced.
	switch top.Kind {
	case "Deployment", "StatefulSet", "DaemonSet":
		patch := fmt.Sprintf(`{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":%q}}}}}`, o.Now.UTC().Format(time.RFC3339))
		p.Changes = append(p.Changes, Change{
			Verb: "patch", Object: top, What: i18n.T("fix.pullsecret.restart"),
			Undo: fmt.Sprintf("kubectl -n %s rollout undo %s/%s", ns, strings.ToLower(top.Kind), top.Name),
			run:  patchWorkload(top, types.StrategicMergePatchType, []byte(patch)),
		})
	default:
		p.Refused = append(p.Refused, Refusal{Object: top, Why: i18n.T("fix.pullsecret.recreate", top.Name)})
	}
}

// registryOnly keeps the credentials of one registry from a docker
// config, so the secret carries nothing else of the user's.
func registryOnly(cfg []byte, host string) ([]byte, error) {
	var in struct {
		Auths map[string]json.RawMessage `json:"auths"`
	}
	if err := json.Unmarshal(cfg, &in); err != nil {
		return nil, fmt.Errorf("not a docker config.json: %v", err)
	}
	for h, v := range in.Auths {
		if snapshot.NormalizeRegistryHost(h) == host {
			return json.Marshal(map[string]any{"auths": map[string]json.RawMessage{h: v}})
		}
	}
	return nil, fmt.Errorf("no credentials for %s in it", host)
}

func patchWorkload(ref snapshot.ObjectRef, pt types.PatchType, body []byte) func(context.Context, kubernetes.Interface, bool) (string, string, error) {
	return func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
		opts := metav1.PatchOptions{DryRun: dryRun(dry), FieldManager: "podwhy"}
		apps := cs.AppsV1()
		var before, after any
		var err error
		switch ref.Kind {
		case "Deployment":
			if before, err = apps.Deployments(ref.Namespace).Get(ctx, ref.Name, metav1.GetOptions{}); err == nil {
				after, err = apps.Deployments(ref.Namespace).Patch(ctx, ref.Name, pt, body, opts)
			}
		case "StatefulSet":
			if before, err = apps.StatefulSets(ref.Namespace).Get(ctx, ref.Name, metav1.GetOptions{}); err == nil {
				after, err = apps.StatefulSets(ref.Namespace).Patch(ctx, ref.Name, pt, body, opts)
			}
		case "DaemonSet":
			if before, err = apps.DaemonSets(ref.Namespace).Get(ctx, ref.Name, metav1.GetOptions{}); err == nil {
				after, err = apps.DaemonSets(ref.Namespace).Patch(ctx, ref.Name, pt, body, opts)
			}
		default:
			return "", "", fmt.Errorf("cannot patch a %s", ref.Kind)
		}
		if err != nil {
			return "", "", err
		}
		return toYAML(before), toYAML(after), nil
	}
}

func dryRun(dry bool) []string {
	if dry {
		return []string{metav1.DryRunAll}
	}
	return nil
}
