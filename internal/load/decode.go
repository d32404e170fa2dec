package load

import (
	"unsafe"

	jsoniter "github.com/json-iterator/go"
	"github.com/modern-go/reflect2"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// itemJSON decodes List items. It behaves like encoding/json (same field
// matching, the types' own UnmarshalJSON methods) but decodes several
// times faster, and it skips metadata.managedFields — often the largest
// part of kubectl get -o json output and never read by a rule — instead
// of building it.
var itemJSON = func() jsoniter.API {
	// A config of our own, so the extension does not leak into the shared
	// ConfigCompatibleWithStandardLibrary other packages may use.
	api := jsoniter.Config{EscapeHTML: true, SortMapKeys: true, ValidateJsonRawMessage: true}.Froze()
	api.RegisterExtension(&skipManagedFields{})
	return api
}()

type skipManagedFields struct{ jsoniter.DummyExtension }

var managedFieldsType = reflect2.TypeOf([]metav1.ManagedFieldsEntry{})

func (e *skipManagedFields) CreateDecoder(typ reflect2.Type) jsoniter.ValDecoder {
	if typ == managedFieldsType {
		return skipDecoder{}
	}
	return nil
}

type skipDecoder struct{}

func (skipDecoder) Decode(_ unsafe.Pointer, iter *jsoniter.Iterator) { iter.Skip() }
