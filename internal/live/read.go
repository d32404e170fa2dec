package live

import (
	"strconv"
	"strings"

	"k8s.io/client-go/kubernetes"
)

// ReadMode is how a collection's LISTs are read.
type ReadMode int

const (
	// ReadAuto reads consistently where the API server serves such a
	// read, pages and all, from its watch cache (Kubernetes 1.34 and
	// later), and from the cache at resourceVersion "0" before that.
	ReadAuto ReadMode = iota
	// ReadCache sends resourceVersion "0": whatever the watch cache
	// holds. The cache then ignores the limit (Kubernetes 1.37 still
	// does) and answers in one page, so the whole list of a kind is in
	// memory at once, podwhy's and the API server's; before 1.31 it was
	// the only read that spared etcd.
	ReadCache
	// ReadConsistent sends no resourceVersion: the state as of the
	// latest write, in pages of the limit. Since Kubernetes 1.31
	// (ConsistentListFromCache) the cache serves the first page once
	// etcd has named its current revision, and since 1.34
	// (ListFromCacheSnapshot) the following pages too; before, etcd
	// served every page (a quorum read). Kinds the API server does not
	// cache (Events, by default) come from etcd, page by page, either way.
	ReadConsistent
)

// cacheSnapshots is the first minor version of Kubernetes 1 whose watch
// cache serves every page of a consistent LIST.
const cacheSnapshots = 34

// readFor picks the read of ReadAuto from the server's version (GET
// /version, which every identity may read). A version podwhy cannot read
// or parse keeps the read that spares etcd on any server.
func readFor(cs kubernetes.Interface) ReadMode {
	v, err := cs.Discovery().ServerVersion()
	if err != nil {
		return ReadCache
	}
	if major, minor, ok := parseVersion(v.Major, v.Minor); ok && (major > 1 || minor >= cacheSnapshots) {
		return ReadConsistent
	}
	return ReadCache
}

// parseVersion reads /version's major and minor, which managed clusters
// decorate ("1", "34+").
func parseVersion(major, minor string) (int, int, bool) {
	ma, err1 := strconv.Atoi(strings.TrimRight(major, "+"))
	mi, err2 := strconv.Atoi(strings.TrimRight(minor, "+"))
	return ma, mi, err1 == nil && err2 == nil
}
