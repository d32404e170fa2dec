package report

// chainOrder puts each finding of a cause chain right after the finding
// that causes it, root first, so the text reads from the cause to its
// effects. Findings outside chains keep their order; a cycle (two
// services waiting on each other) keeps the first-listed as its root.
func chainOrder(fs []Finding) ([]Finding, map[string]bool) {
	at := make(map[string]int, len(fs))
	for i, f := range fs {
		at[f.ID] = i
	}
	// parent is the first listed cause present in the report.
	parent := map[string]string{}
	for _, f := range fs {
		for _, id := range f.CausedBy {
			if _, ok := at[id]; ok && id != f.ID {
				parent[f.ID] = id
				break
			}
		}
	}
	out := make([]Finding, 0, len(fs))
	placed := make(map[string]bool, len(fs))
	effect := map[string]bool{}
	var place func(i int)
	place = func(i int) {
		f := fs[i]
		if placed[f.ID] {
			return
		}
		placed[f.ID] = true
		out = append(out, f)
		for _, id := range f.Causes {
			if j, ok := at[id]; ok && parent[id] == f.ID && !placed[id] {
				effect[id] = true
				place(j)
			}
		}
	}
	for i, f := range fs {
		if _, child := parent[f.ID]; !child {
			place(i)
		}
	}
	for i := range fs {
		place(i)
	}
	return out, effect
}

// chainLine names the other end of a link: "[id] Kind ns/name: headline".
func chainLine(fs []Finding, id string) string {
	for _, f := range fs {
		if f.ID == id {
			s := "[" + id + "] " + f.Subject.Kind + " " + f.Namespace + "/" + f.Subject.Name
			if f.Namespace == "" {
				s = "[" + id + "] " + f.Subject.Kind + " " + f.Subject.Name
			}
			return s + ": " + f.Headline
		}
	}
	return "[" + id + "]"
}
