namespace DataPlatform.TestSupport;

/// <summary>Where the repository and the shared reference data are, from any test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding Operator.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared folder beside the repository (DATAPLATFORM_SHARED_DIR overrides it).</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("DATAPLATFORM_SHARED_DIR") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Reference(params string[] parts) => Path.Combine([Shared, "reference", .. parts]);

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Operator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Operator.sln not found above " + AppContext.BaseDirectory);
    }
}
