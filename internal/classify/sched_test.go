package classify

import "testing"

// TestOldFitError: the FitError of schedulers before 1.6 names each node's
// failing predicates; each predicate gives the reason the text of a newer
// scheduler gives for the same failure.
func TestOldFitError(t *testing.T) {
	for _, tc := range []struct {
		predicate string
		// modern is how a scheduler of 1.20 or later says the same.
		modern string
	}{
		{"PodToleratesNodeTaints", "1 node(s) had untolerated taint(s)"},
		{"PodFitsHostPorts", "1 node(s) didn't have free ports for the requested pod ports"},
		{"PodFitsPorts", "1 node(s) didn't have free ports for the requested pod ports"},
		{"MatchNodeSelector", "1 node(s) didn't match Pod's node affinity/selector"},
		{"MatchInterPodAffinity", "1 node(s) didn't match pod affinity/anti-affinity"},
		{"CheckServiceAffinity", "1 node(s) didn't match service affinity"},
		{"HostName", "1 node(s) didn't match the requested node name"},
		{"PodFitsResources", "1 Insufficient cpu"},
		{"Insufficient cpu", "1 Insufficient cpu"},
		{"Insufficient CPU", "1 Insufficient cpu"},
		{"Insufficient Memory", "1 Insufficient memory"},
		{"Insufficient PodCount", "1 Too many pods"},
		{"NoDiskConflict", "1 node(s) had no available disk"},
		{"NoVolumeZoneConflict", "1 node(s) had volume node affinity conflict"},
		{"MaxEBSVolumeCount", "1 node(s) exceed max volume count"},
		{"MaxVolumeCount", "1 node(s) exceed max volume count"},
		{"CheckNodeMemoryPressure", "1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }"},
		{"NodeUnderMemoryPressure", "1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }"},
		{"CheckNodeDiskPressure", "1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }"},
		{"NodeUnderDiskPressure", "1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }"},
		{"NodeNotReady", "1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }"},
		{"NodeOutOfDisk", "1 node(s) had untolerated taint {node.kubernetes.io/out-of-disk: }"},
		{"NodeNetworkUnavailable", "1 node(s) had untolerated taint {node.kubernetes.io/network-unavailable: }"},
		{"NodeUnschedulable", "1 node(s) were unschedulable"},
		{"CheckNodeLabelPresence", "1 node(s) didn't have the requested labels"},
	} {
		t.Run(tc.predicate, func(t *testing.T) {
			old := ParseSched("pod (web-7d4b9-x2kq) failed to fit in any node\nfit failure on node (node-1): " + tc.predicate + "\n")
			now := ParseSched("0/1 nodes are available: " + tc.modern + ".")
			if len(old.Reasons) != 1 || len(now.Reasons) != 1 {
				t.Fatalf("reasons: old %+v, modern %+v", old.Reasons, now.Reasons)
			}
			o, n := old.Reasons[0], now.Reasons[0]
			if old.Code != now.Code || o.Code != n.Code {
				t.Errorf("code %s, modern text gives %s", old.Code, now.Code)
			}
			// PodFitsResources does not say which resource ran short.
			if tc.predicate != "PodFitsResources" && o.Resource != n.Resource || o.TaintKey != n.TaintKey || o.VolumeNodeConflict != n.VolumeNodeConflict {
				t.Errorf("old %+v, modern %+v", o, n)
			}
			if old.Total != 1 || o.Count != 1 {
				t.Errorf("total %d, count %d; want 1 node", old.Total, o.Count)
			}
		})
	}
}

// TestOldFitErrorNodes: reasons are counted by node, as "0/N nodes are
// available" counts them, also when a paste joined the lines with spaces
// or added prose after the last one.
func TestOldFitErrorNodes(t *testing.T) {
	for _, tc := range []struct {
		msg   string
		total int
		code  string
		want  map[string]int
	}{
		{"pod (java110-registry-520578653-d8n7i) failed to fit in any node\nfit failure on node (home-server): PodToleratesNodeTaints\n",
			1, UnschedTaints, map[string]int{"PodToleratesNodeTaints": 1}},
		{"pod (java110-registry-520578653-d8n7i) failed to fit in any node fit failure on node (home-server): PodToleratesNodeTaints",
			1, UnschedTaints, map[string]int{"PodToleratesNodeTaints": 1}},
		{"pod (web-1) failed to fit in any node\nfit failure on node (a): Insufficient cpu, MatchNodeSelector\nfit failure on node (b): Insufficient cpu\nfit failure on node (c): PodToleratesNodeTaints\n",
			3, UnschedResources, map[string]int{"Insufficient cpu": 2, "MatchNodeSelector": 1, "PodToleratesNodeTaints": 1}},
		{"pod (web-1) failed to fit in any node fit failure on node (a): PodFitsHostPorts fit failure on node (b): PodFitsHostPorts, NoDiskConflict",
			2, UnschedHostPort, map[string]int{"PodFitsHostPorts": 2, "NoDiskConflict": 1}},
		{"pod (web-1) failed to fit in any node fit failure on node (a): Insufficient Memory. Any idea why? The node has 8 GB.",
			1, UnschedResources, map[string]int{"Insufficient Memory": 1}},
	} {
		s := ParseSched(tc.msg)
		got := map[string]int{}
		for _, r := range s.Reasons {
			got[r.Text] = r.Count
		}
		if s.Total != tc.total || s.Code != tc.code || len(got) != len(tc.want) {
			t.Errorf("%q: total %d code %s reasons %v; want %d %s %v", tc.msg, s.Total, s.Code, got, tc.total, tc.code, tc.want)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%q: %s counted %d, want %d", tc.msg, k, got[k], v)
			}
		}
	}
	// The head line alone names no reason.
	if s := ParseSched("pod (web-1) failed to fit in any node"); s.Code != UnschedOther || len(s.Reasons) != 0 {
		t.Errorf("head alone: %+v", s)
	}
}
