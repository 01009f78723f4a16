using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Model;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Stack.Program;

/// <summary>
/// Predicts offline the plan that going from one program to another makes, from the generated Pulumi YAML alone: new
/// resources are creates, missing ones deletes, changed properties updates, or replaces when <see cref="ReplacementRules"/>
/// says so; a property reading an output of a replaced resource counts as changed, as the engine sees it unknown. The
/// cloud's state is not consulted, so drift and provider-side diffs are not seen: the operator's preview is authoritative.
/// </summary>
public static class ProgramDiff
{
    public static PlanReport Report(StackProgram before, StackProgram after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Resources(before);
        var next = Resources(after);
        var steps = new List<StepMetadata>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, (type, properties)) in next)
        {
            var urn = $"urn:pulumi:{after.StackName}::{after.Name}::{type}::{name}";
            if (!old.TryGetValue(name, out var previous) || previous.Type != type)
            {
                steps.Add(new StepMetadata("create", urn, type));
                continue;
            }

            var diffs = properties.Keys.Union(previous.Properties.Keys).Order(StringComparer.Ordinal)
                .Where(p => properties.GetValueOrDefault(p) != previous.Properties.GetValueOrDefault(p)
                    || (properties.GetValueOrDefault(p) is { } text && replaced.Any(r => text.Contains("${" + r + ".", StringComparison.Ordinal))))
                .ToList();
            if (diffs.Count == 0)
            {
                continue;
            }

            var keys = ReplacementRules.Keys(type, diffs);
            if (keys.Count > 0)
            {
                replaced.Add(name);
            }

            steps.Add(new StepMetadata(keys.Count > 0 ? "replace" : "update", urn, type) { Keys = keys, Diffs = diffs });
        }

        steps.AddRange(old.Where(o => !next.TryGetValue(o.Key, out var n) || n.Type != o.Value.Type)
            .Select(o => new StepMetadata("delete", $"urn:pulumi:{before.StackName}::{before.Name}::{o.Value.Type}::{o.Key}", o.Value.Type)));
        return PlanReport.From(new PreviewPlan("offline", steps), ComponentMap.From(after), ComponentMap.From(before));
    }

    private static Dictionary<string, (string Type, Dictionary<string, string> Properties)> Resources(StackProgram program)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(PulumiYamlWriter.Project(program)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var result = new Dictionary<string, (string, Dictionary<string, string>)>(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode("resources"), out var node) || node is not YamlMappingNode resources)
        {
            return result;
        }

        foreach (var (key, value) in resources.Children)
        {
            var body = (YamlMappingNode)value;
            var type = ((YamlScalarNode)body.Children[new YamlScalarNode("type")]).Value ?? "";
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (body.Children.TryGetValue(new YamlScalarNode("properties"), out var p) && p is YamlMappingNode map)
            {
                foreach (var (property, content) in map.Children)
                {
                    properties[((YamlScalarNode)property).Value!] = Text(content);
                }
            }

            result[((YamlScalarNode)key).Value!] = (type, properties);
        }

        return result;
    }

    private static string Text(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
