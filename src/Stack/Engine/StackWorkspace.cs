using YamlDotNet.RepresentationModel;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// A stack's workspace directory: the program files, written so that what `stack init` stored in the stack file
/// (secretsprovider, encryptionsalt, encryptedkey) survives every rewrite, as LocalWorkspace's config handling does.
/// </summary>
internal static class StackWorkspace
{
    private static readonly string[] PreservedKeys = ["secretsprovider", "encryptionsalt", "encryptedkey"];

    public static string DirectoryFor(string root, string stackName) =>
        Path.Combine(root, string.Concat(stackName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')));

    public static string Write(string root, StackRequest request)
    {
        var directory = DirectoryFor(root, request.StackName);
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in request.Files)
        {
            var path = Path.Combine(directory, name);
            var text = name.StartsWith("Pulumi.", StringComparison.Ordinal) && name != "Pulumi.yaml" && File.Exists(path)
                ? Preserve(File.ReadAllText(path), content)
                : content;
            File.WriteAllText(path, text);
        }

        return directory;
    }

    private static string Preserve(string existing, string generated)
    {
        var kept = Parse(existing);
        var lines = PreservedKeys
            .Where(key => kept?.Children.ContainsKey(new YamlScalarNode(key)) == true)
            .Select(key => $"{key}: {((YamlScalarNode)kept!.Children[new YamlScalarNode(key)]).Value}")
            .ToList();
        return lines.Count == 0 ? generated : string.Join("\n", lines) + "\n" + generated;
    }

    private static YamlMappingNode? Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }
}
