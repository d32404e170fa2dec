package lint

import (
	rbacv1 "k8s.io/api/rbac/v1"

	"github.com/podwhy/podwhy/internal/i18n"
)

// checkBinding holds a RoleBinding or ClusterRoleBinding to the API
// server's own validation of subjects and roleRef
// (pkg/apis/rbac/validation): values the schema alone allows but the
// server refuses.
func (c *checker) checkBinding(o *object) {
	var subjects []rbacv1.Subject
	var ref rbacv1.RoleRef
	namespaced := false
	switch x := o.typed.(type) {
	case *rbacv1.RoleBinding:
		subjects, ref, namespaced = x.Subjects, x.RoleRef, true
	case *rbacv1.ClusterRoleBinding:
		subjects, ref = x.Subjects, x.RoleRef
	default:
		return
	}
	refPath := Path{{Key: "roleRef"}}
	if ref.APIGroup != "" && ref.APIGroup != rbacv1.GroupName {
		c.add(o, refPath.Field("apiGroup"), RuleInvalidValue, i18n.T("lint.enum", refPath.Field("apiGroup").String(), ref.APIGroup, rbacv1.GroupName))
	}
	kinds := "Role, ClusterRole"
	if !namespaced {
		kinds = "ClusterRole"
	}
	if ref.Kind != "" && !(ref.Kind == "ClusterRole" || namespaced && ref.Kind == "Role") {
		c.add(o, refPath.Field("kind"), RuleInvalidValue, i18n.T("lint.enum", refPath.Field("kind").String(), ref.Kind, kinds))
	}
	for i, s := range subjects {
		p := Path{{Key: "subjects"}}.Index(i)
		switch s.Kind {
		case rbacv1.ServiceAccountKind:
			if s.APIGroup != "" {
				c.add(o, p.Field("apiGroup"), RuleInvalidValue, i18n.T("lint.enum", p.Field("apiGroup").String(), s.APIGroup, `""`))
			}
			// A RoleBinding's service account defaults to the binding's
			// namespace; a ClusterRoleBinding has none to lend.
			if !namespaced && s.Namespace == "" {
				c.add(o, p, RuleRequired, i18n.T("lint.required.sa-namespace", p.Field("namespace").String()))
			}
		case rbacv1.UserKind, rbacv1.GroupKind:
			if s.APIGroup != "" && s.APIGroup != rbacv1.GroupName { // "" defaults to it
				c.add(o, p.Field("apiGroup"), RuleInvalidValue, i18n.T("lint.enum", p.Field("apiGroup").String(), s.APIGroup, rbacv1.GroupName))
			}
		case "":
		default:
			c.add(o, p.Field("kind"), RuleInvalidValue, i18n.T("lint.enum", p.Field("kind").String(), s.Kind, "Group, ServiceAccount, User"))
		}
	}
}
