package driver

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The official SARIF 2.1.0 schema, as shipped by a pinned module (gosec
// validates its own SARIF output against it).
const (
	schemaModule = "github.com/securego/gosec/v2@v2.29.0"
	schemaFile   = "report/sarif/testdata/sarif-schema-2.1.0.json"
)

func sarifSchemaValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", schemaModule)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
	out, err := cmd.Output()
	if err != nil {
		msg := "cannot download " + schemaModule + " (the SARIF schema) from the module proxy: " + err.Error()
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(mod.Dir, schemaFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// sarifOutput is the part of the log the test checks.
type sarifOutput struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID      string
					HelpURI string
					Help    struct{ Text string }
				}
			}
		}
		Results []struct {
			RuleID    string
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string
					}
					Region struct{ StartLine, StartColumn int }
				}
			}
			Fixes        []json.RawMessage
			Suppressions []struct{ Kind, Justification string }
		}
	}
}

func TestSARIF(t *testing.T) {
	schema := sarifSchemaValidator(t)
	dir := sampleModule(t)
	r := tool(t, dir, "-sarif", "./app")
	if r.code != 0 {
		t.Errorf("-sarif: exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(r.stdout)))
	if err != nil {
		t.Fatalf("-sarif output is not JSON: %v\n%s", err, r.stdout)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("-sarif output is not valid SARIF 2.1.0: %v", err)
	}

	var log sarifOutput
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("-sarif: %v, %d runs", err, len(log.Runs))
	}
	run := log.Runs[0]
	rules := make(map[string]bool)
	for _, rule := range run.Tool.Driver.Rules {
		rules[rule.ID] = true
		if rule.Help.Text == "" || rule.HelpURI == "" {
			t.Errorf("rule %s lacks help text or URI", rule.ID)
		}
	}
	// The test analyzer's result type is redistlslint's, so its rules are
	// redistlslint's categories plus its own.
	for _, id := range []string{"missing-tls", "insecure-skip-verify", "weak-tls", "bad-directive", "helper", "skip-verify"} {
		if !rules[id] {
			t.Errorf("no rule %s", id)
		}
	}

	var got []string
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("location %+v is not relative to %%SRCROOT%%", loc.ArtifactLocation)
		}
		s := res.RuleID + " " + loc.ArtifactLocation.URI + ":" + itoa(loc.Region.StartLine) + ":" + itoa(loc.Region.StartColumn)
		if len(res.Fixes) > 0 {
			s += " fix"
		}
		for _, sup := range res.Suppressions {
			s += " suppressed(" + sup.Kind + ": " + sup.Justification + ")"
		}
		got = append(got, s)
	}
	want := []string{
		"helper app/app.go:12:41",
		"skip-verify app/app.go:20:53 fix",
		"skip-verify app/app.go:24:53 suppressed(inSource: the test server's certificate is self-signed)",
		"skip-verify app/app_test.go:9:18 fix",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
