namespace DataPlatform.Operator.Cli;

/// <summary>The samples embedded in the operator, so the main job runs with no file at hand.</summary>
internal static class SampleFiles
{
    public const string FullSampleName = "config/samples/full.yaml (embedded)";

    public static string ReadFull()
    {
        using var stream = typeof(SampleFiles).Assembly.GetManifestResourceStream("DataPlatform.Operator.Samples.full.yaml")
            ?? throw new InvalidOperationException("The embedded full sample is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
