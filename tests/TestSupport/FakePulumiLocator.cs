namespace DataPlatform.TestSupport;

/// <summary>Where the fake pulumi executable (tests/Doubles/FakePulumi) was built, for the configuration under test.</summary>
internal static class FakePulumiLocator
{
    public static string Path
    {
        get
        {
            var separator = System.IO.Path.DirectorySeparatorChar;
            var configuration = AppContext.BaseDirectory.Contains($"{separator}Release{separator}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = RepoPaths.InRepo("tests", "Doubles", "FakePulumi", "bin", configuration, "net10.0", "pulumi");
            return File.Exists(path) ? path : throw new FileNotFoundException("The fake pulumi is not built; build tests/Doubles/FakePulumi.", path);
        }
    }
}
