using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>config/rbac/expected-calls.yaml: every call the operator makes, as RBAC rules.</summary>
internal static class ExpectedCalls
{
    /// <summary>The calls as "group/resource:verb", from expected-calls.yaml.</summary>
    public static SortedSet<string> Of(string section) => new(
        YamlJson.ParseAll(File.ReadAllText(RepoPaths.InRepo("config", "rbac", "expected-calls.yaml"))).Single()![section]!.AsArray()
            .SelectMany(r => r!["verbs"]!.AsArray().Select(v => $"{(string?)r["apiGroup"]}/{(string?)r["resource"]}:{v}")),
        StringComparer.Ordinal);
}
