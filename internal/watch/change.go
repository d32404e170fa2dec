package watch

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// changeKind grades an update by what it can do to the findings.
type changeKind int

const (
	hardChange changeKind = iota // may open or resolve a finding: diagnose soon
	softChange                   // can only move evidence: may wait SoftDelay
	noChange                     // nothing a rule reads
)

// hardness grades an update. Most updates on a quiet big cluster are of two
// kinds: an event repeating (count and last time move) and a node's status
// heartbeat. Neither opens nor resolves a finding before the next periodic
// diagnosis would see it, so neither should cost a diagnosis of everything
// within the debounce.
func hardness(kind string, old, cur any) changeKind {
	switch kind {
	case snapshot.KindEvent:
		return softChange
	case snapshot.KindNode:
		o, ok1 := old.(*corev1.Node)
		n, ok2 := cur.(*corev1.Node)
		if ok1 && ok2 && equality.Semantic.DeepEqual(withoutHeartbeats(o), withoutHeartbeats(n)) {
			return noChange
		}
	}
	return hardChange
}

// withoutHeartbeats is a node without what changes at every status report:
// condition heartbeat times and the resourceVersion. A heartbeat that
// stops is seen by the periodic diagnosis (the node controller then sets
// Ready=Unknown, a real change anyway).
func withoutHeartbeats(n *corev1.Node) *corev1.Node {
	c := *n
	c.ResourceVersion = ""
	c.Status.Conditions = make([]corev1.NodeCondition, len(n.Status.Conditions))
	for i, cond := range n.Status.Conditions {
		cond.LastHeartbeatTime = metav1.Time{}
		c.Status.Conditions[i] = cond
	}
	return &c
}
