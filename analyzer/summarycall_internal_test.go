package analyzer

import (
	"go/types"
	"testing"
)

// TestValueAtWithoutCall: a constructor's own value (no call) gives no
// parameter. Judging a whole-options client of a helper that returns a
// type with lazy clients (rueidislock's tests: newLocker(t, noLoop, ...))
// once read the arguments of a nil call.
func TestValueAtWithoutCall(t *testing.T) {
	fn := types.NewFunc(0, nil, "New", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	s := callRule{&summarizer{}}
	for _, in := range []SummaryInput{{Param: 0}, {Param: 1, Path: []string{"NoLoop"}}, {Param: ParamRecv}, {Param: 0, Field: "Addr", Option: "p.WithAddr"}} {
		if k, e, _ := s.valueAt(nil, fn, in, nil); k != argUnknown || e != nil {
			t.Errorf("valueAt(nil call, %v) = %v, %v; want unknown", in, k, e)
		}
	}
}
