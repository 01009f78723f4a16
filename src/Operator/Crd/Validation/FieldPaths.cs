using System.Globalization;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>Field paths written the way k8s.io/apimachinery's <c>field.Path</c> prints them.</summary>
internal static class FieldPaths
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Key(string path, string key) => $"{path}[{key}]";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>A rule's <c>fieldPath</c> (<c>.x.y</c> or <c>.x['y']</c>) appended to the node's path.</summary>
    public static string Append(string path, string relative)
    {
        var trimmed = relative.TrimStart('.');
        return trimmed.Length == 0 ? path : trimmed.StartsWith('[') ? path + trimmed : Child(path, trimmed);
    }
}
