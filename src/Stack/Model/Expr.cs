namespace DataPlatform.Stack.Model;

/// <summary>Builds <c>${...}</c> interpolations.</summary>
public static class Expr
{
    /// <summary><c>${name}</c> or <c>${name.path}</c>.</summary>
    public static string Ref(string name, string? path = null) => path is null ? $"${{{name}}}" : $"${{{name}.{path}}}";
}
