using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>
/// Hostile and malformed manifests generated in the test, by kind: YAML structure attacks, numbers, wrong types at
/// every field of the full sample, unknown fields at every level, control characters, enum values, names, streams
/// and binary garbage. Each kind yields one or more cases (a name and the file's bytes).
/// </summary>
internal static class HostileInputs
{
    private const string Header = "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: env, namespace: team}\n";

    public static IEnumerable<(string Kind, string Case, byte[] Bytes)> All()
    {
        foreach (var (kind, text) in Structure().Concat(Numbers()).Concat(Names()).Concat(Streams()).Concat(Strings()))
        {
            yield return (kind, kind, Encoding.UTF8.GetBytes(text));
        }

        foreach (var (kind, bytes) in Binary())
        {
            yield return (kind, kind, bytes);
        }

        var sample = (JsonObject)YamlJson.ParseAll(File.ReadAllText(RepoPaths.InRepo("config", "samples", "full.yaml"))).Single()!;
        var leaves = Leaves(sample, "").ToList();
        JsonNode?[] wrong = [new JsonObject { ["x"] = 1 }, new JsonArray(1, 2), "not-a-value", true, 123456789012, -1.5, null];
        foreach (var (path, _) in leaves)
        {
            var index = 0;
            foreach (var value in wrong)
            {
                var copy = (JsonObject)sample.DeepClone();
                Set(copy, path, value?.DeepClone());
                yield return ($"wrong type at {path}", $"wrong type at {path} #{index++}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            }
        }

        foreach (var path in Objects(sample, "").Where(p => p.Length > 0))
        {
            var copy = (JsonObject)sample.DeepClone();
            var target = (JsonObject)At(copy, path)!;
            var first = target.Select(p => p.Key).FirstOrDefault() ?? "field";
            target[first.Length > 2 ? first[1..] + first[0] : "zz"] = "x";
            yield return ($"unknown field in {path}", $"unknown field in {path}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
        }
    }

    private static IEnumerable<(string, string)> Structure()
    {
        foreach (var depth in new[] { 63, 64, 65, 200, 100_000 })
        {
            yield return ($"flow nesting {depth}", new string('[', depth) + new string(']', depth));
        }

        yield return ("block nesting 1000", string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i) + "a:\n")));
        yield return ("deep nesting inside spec", Header + "spec: {region: eu-west-1, tags: " + new string('{', 70) + new string('}', 70) + "}");
        yield return ("alias bomb lists", Bomb("[", "]"));
        yield return ("alias bomb maps", Bomb("{k0: ", "}"));
        yield return ("self-referencing alias list", "a: &a [1, *a]");
        yield return ("self-referencing alias map", Header + "spec: &s {region: eu-west-1, tags: *s}");
        yield return ("alias to nothing", Header + "spec: *missing");
        yield return ("alias as key", Header + "k: &k key\nspec: {region: eu-west-1, *k : v}");
        yield return ("merge key", Header + "base: &b {region: eu-west-1}\nspec: {<<: *b}");
        yield return ("anchor redefined", Header + "a: &x 1\nb: &x 2\nspec: {region: eu-west-1, tags: {t: *x}}");
        yield return ("200k element list", Header + "spec: {region: eu-west-1, tags: [" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]}");
        yield return ("300k values", Header + "x: [" + string.Join(",", Enumerable.Repeat("1", 300_000)) + "]\nspec: {region: eu-west-1}");
        yield return ("over the size cap", Header + "spec: {region: eu-west-1}\n#" + new string('x', (int)InputLimits.MaxBytes));
        yield return ("just under the size cap", Header + "spec: {region: eu-west-1}\n#" + new string('x', (int)InputLimits.MaxBytes - 1024));
        yield return ("long key", Header + "spec: {region: eu-west-1, " + new string('k', 1_000_000) + ": 1}");
        yield return ("long value", Header + "spec: {region: eu-west-1, pipeline: {build: {buildspec: \"" + new string('v', 5_000_000) + "\"}}}");
        yield return ("5000 documents", string.Concat(Enumerable.Repeat("---\na: 1\n", 5000)));
        yield return ("tag binary", Header + "spec: !!binary aGVsbG8=");
        yield return ("tag custom", Header + "spec: !thing {region: eu-west-1}");
        yield return ("tag python object", Header + "spec: !!python/object:os.system {region: eu-west-1}");
        yield return ("tag int on text", Header + "spec: {region: !!int abc}");
        yield return ("tag str on number", Header + "spec: {region: eu-west-1, network: {azCount: !!str 3}}");
        yield return ("tag set", Header + "spec: !!set {a, b}");
        yield return ("complex key", Header + "spec: {region: eu-west-1, ? [a, b] : c}");
        yield return ("null key", Header + "spec: {region: eu-west-1, null: c}");
        yield return ("duplicate key", Header + "spec: {region: eu-west-1, region: eu-west-2}");
        yield return ("bom", "\uFEFF" + Header + "spec: {region: eu-west-1}");
        yield return ("crlf", (Header + "spec:\n  region: eu-west-1\n").Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return ("tab indentation", Header + "spec:\n\tregion: eu-west-1\n");
        yield return ("unclosed flow", Header + "spec: {region: [eu-west-1");
        yield return ("unclosed quote", Header + "spec: {region: \"eu-west-1}");
        yield return ("only separator", "---\n");
        yield return ("only document end", "...\n");
        yield return ("empty", "");
        yield return ("whitespace", "   \n\t\n");
        yield return ("scalar root", "hello");
        yield return ("list root", "- a\n- b\n");
        yield return ("json object", "{\"apiVersion\": \"dataplatform.io/v1alpha1\", \"kind\": \"DataPlatformEnvironment\", \"metadata\": {\"name\": \"j\"}, \"spec\": {\"region\": \"eu-west-1\"}}");
        yield return ("json truncated", "{\"apiVersion\": \"dataplatform.io/v1alpha1\", \"kind\": ");
        yield return ("directive", "%YAML 1.1\n---\n" + Header + "spec: {region: eu-west-1}");
        yield return ("bad directive", "%YAML 9.9\n---\n" + Header + "spec: {region: eu-west-1}");
        yield return ("spec null", Header + "spec: null");
        yield return ("spec list", Header + "spec: [1, 2]");
        yield return ("spec string", Header + "spec: region");
        yield return ("status only", Header + "status: {phase: Ready}");
        yield return ("status wrong", Header + "spec: {region: eu-west-1}\nstatus: {phase: 42, conditions: x}");
        yield return ("metadata list", "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: [a]\nspec: {region: eu-west-1}");
        yield return ("metadata missing", "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nspec: {region: eu-west-1}");
        yield return ("annotations not strings", Header.Replace("namespace: team}", "namespace: team, annotations: {a: 1, b: [x]}}", StringComparison.Ordinal) + "spec: {region: eu-west-1}");
    }

    private static IEnumerable<(string, string)> Numbers()
    {
        string[] values = ["1e400", "-1e400", "1e-400", "1e308", "99999999999999999999999", "-9223372036854775809", "2147483648", "-1", "0", "3.5", ".inf", ".nan", "0x10", "0o17", "1_000", "+5", "\"5\"", "1e3", "-0"];
        foreach (var value in values)
        {
            yield return ($"azCount {value}", Header + $"spec: {{region: eu-west-1, network: {{azCount: {value}}}}}");
            yield return ($"minCapacity {value}", Header + $"spec: {{region: eu-west-1, database: {{serverless: {{minCapacity: {value}}}}}}}");
        }
    }

    private static IEnumerable<(string, string)> Names()
    {
        string[] names = ["../../escape", "a/b", "UPPER", "a..b", "-lead", new string('n', 300), "with space", "tab\tname", "\"quoted\"", ""];
        foreach (var name in names)
        {
            yield return ($"metadata.name {Short(name)}", $"apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {{name: \"{name.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\", namespace: team}}\nspec: {{region: eu-west-1}}");
            yield return ($"metadata.namespace {Short(name)}", $"apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {{name: ok, namespace: \"{name.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}\nspec: {{region: eu-west-1}}");
        }

        yield return ("apiVersion v2", Header.Replace("v1alpha1", "v2", StringComparison.Ordinal) + "spec: {region: eu-west-1}");
        yield return ("kind lowercase", Header.Replace("kind: DataPlatformEnvironment", "kind: dataplatformenvironment", StringComparison.Ordinal) + "spec: {region: eu-west-1}");
        yield return ("kind number", Header.Replace("kind: DataPlatformEnvironment", "kind: 5", StringComparison.Ordinal) + "spec: {region: eu-west-1}");
        foreach (var engine in new[] { "mysql", "AURORA-POSTGRESQL", "\"\"", "[a]", "1" })
        {
            yield return ($"engine {engine}", Header + $"spec: {{region: eu-west-1, database: {{engine: {engine}}}}}");
        }
    }

    private static IEnumerable<(string, string)> Streams()
    {
        const string Good = Header + "spec: {region: eu-west-1}\n";
        yield return ("two environments", Good + "---\n" + Good.Replace("name: env", "name: env2", StringComparison.Ordinal));
        yield return ("environment and configmap", Good + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        yield return ("environment and garbage document", Good + "---\n- just\n- a list\n");
        yield return ("yaml error in third document", Good + "---\na: 1\n---\nb: [\n");
        yield return ("only other kinds", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
        yield return ("empty documents between", "---\n---\n" + Good + "---\n---\n");
    }

    private static IEnumerable<(string, string)> Strings()
    {
        string[] payloads = ["\\u0000", "\\e[2J\\e[H", "\\r\\nforged: line", "\\u202Eevil", "${database-password.result}", "$${x} fn::readFile", new string('z', 100_000)];
        string[] fields = ["pipeline: {build: {buildspec: \"P\"}}", "tags: {\"P\": v}", "tags: {t: \"P\"}", "database: {parameters: {\"P\": \"P\"}}", "region: \"P\""];
        foreach (var (payload, i) in payloads.Select((p, i) => (p, i)))
        {
            foreach (var (field, j) in fields.Select((f, j) => (f, j)))
            {
                yield return ($"string payload {i} in field {j}", Header + "spec: {region: eu-west-1, " + field.Replace("P", payload, StringComparison.Ordinal) + "}");
            }
        }
    }

    private static IEnumerable<(string, byte[])> Binary()
    {
        var random = new Random(1234);
        foreach (var size in new[] { 16, 1024, 65_536 })
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            yield return ($"random bytes {size}", bytes);
        }

        yield return ("nul bytes", new byte[4096]);
        yield return ("invalid utf-8 in a value", [.. Encoding.UTF8.GetBytes(Header + "spec: {region: \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")]);
        yield return ("utf-16 file", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "spec: {region: eu-west-1}")).ToArray());
        yield return ("gzip magic", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
    }

    private static string Bomb(string open, string close)
    {
        var yaml = new StringBuilder("a0: &a0 " + open + string.Join(", ", Enumerable.Repeat("lol", 10)) + close + "\n");
        for (var i = 1; i < 10; i++)
        {
            var items = Enumerable.Range(0, 10).Select(k => open == "[" ? $"*a{i - 1}" : $"k{k}: *a{i - 1}");
            Append(yaml, i, open == "[" ? "[" : "{", open == "[" ? "]" : "}", items);
        }

        return yaml.ToString();

        static void Append(StringBuilder yaml, int i, string o, string c, IEnumerable<string> items) =>
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} {o}{string.Join(", ", items)}{c}\n");
    }

    private static IEnumerable<(string Path, JsonNode Value)> Leaves(JsonNode node, string path) => node switch
    {
        JsonObject obj => obj.Where(p => p.Value is not null && !p.Key.Contains('.', StringComparison.Ordinal)).SelectMany(p => Leaves(p.Value!, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray list => list.Select((v, i) => (v, i)).Where(x => x.v is not null).SelectMany(x => Leaves(x.v!, $"{path}[{x.i}]")),
        _ => [(path, node)],
    };

    private static IEnumerable<string> Objects(JsonNode node, string path) => node switch
    {
        JsonObject obj => new[] { path }.Concat(obj.Where(p => p.Value is not null && !p.Key.Contains('.', StringComparison.Ordinal)).SelectMany(p => Objects(p.Value!, path.Length == 0 ? p.Key : $"{path}.{p.Key}"))),
        JsonArray list => list.Select((v, i) => (v, i)).Where(x => x.v is not null).SelectMany(x => Objects(x.v!, $"{path}[{x.i}]")),
        _ => [],
    };

    private static JsonNode? At(JsonNode root, string path) => Steps(path).Aggregate((JsonNode?)root, (n, s) => s.Index is { } i ? n?[i] : n?[s.Key!]);

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var steps = Steps(path).ToList();
        var parent = steps.SkipLast(1).Aggregate((JsonNode?)root, (n, s) => s.Index is { } i ? n?[i] : n?[s.Key!])!;
        var last = steps[^1];
        if (last.Index is { } index)
        {
            parent[index] = value;
        }
        else
        {
            parent[last.Key!] = value;
        }
    }

    private static IEnumerable<(string? Key, int? Index)> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            yield return (bracket < 0 ? part : part[..bracket], null);
            if (bracket >= 0)
            {
                yield return (null, int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture));
            }
        }
    }

    private static string Short(string name) => name.Length > 12 ? $"{name[..8]}...({name.Length})" : name;
}
