package crashlog

// A Kubernetes client inside the pod refused by RBAC. The API server's
// Forbidden status message is built by
// k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go
// forbiddenMessage: `User "%s" cannot %s resource "%s" in API group "%s"
// in the namespace "%s"` (or `at the cluster scope`), behind
// `<resource> is forbidden: ` (apierrors.NewForbidden); client-go's
// reflector prefixes "failed to list *v1.Pod: ".
var kube = []Signature{
	sig("kube.forbidden", RBAC, `forbidden: User "system:serviceaccount:(?P<ns>[^:"]+):(?P<sa>[^"]+)" cannot (?P<verb>\w+) resource "(?P<resource>[^"]+)"(?: in API group "(?P<group>[^"]*)")?(?: in the namespace "(?P<inns>[^"]+)"| at the cluster scope)?`),
}
