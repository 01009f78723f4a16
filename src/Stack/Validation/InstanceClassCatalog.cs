using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Validation;

/// <summary>The embedded db-instance-classes.json: PostgreSQL families by major, Serverless v2 minimums, regional gaps.</summary>
internal static class InstanceClassCatalog
{
    private static readonly Lazy<CatalogFile> LazyFile = new(Load);

    public static IReadOnlyList<string> Sizes => LazyFile.Value.Sizes;

    public static IReadOnlyDictionary<string, FamilyLimits> PostgresFamilies => LazyFile.Value.Postgres;

    /// <summary>The first minor of each Aurora PostgreSQL major that offers db.serverless ("13" -> "13.6").</summary>
    public static IReadOnlyDictionary<string, string> AuroraServerlessMinimum => LazyFile.Value.AuroraServerlessMinimum;

    /// <summary>Regions that opened after a major's first Serverless v2 minor start higher ("eu-south-2" -> "13" -> "13.9").</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> AuroraServerlessRegionalMinimum => LazyFile.Value.AuroraServerlessRegionalMinimum;

    public static IReadOnlyList<RegionalGap> RegionalGaps => LazyFile.Value.RegionalGaps;

    private static CatalogFile Load()
    {
        using var stream = typeof(InstanceClassCatalog).Assembly.GetManifestResourceStream("DataPlatform.Stack.Validation.db-instance-classes.json")
            ?? throw new InvalidOperationException("The embedded instance class catalog is missing from the build.");
        return JsonSerializer.Deserialize<CatalogFile>(stream) ?? throw new InvalidOperationException("The instance class catalog is empty.");
    }

    internal sealed record FamilyLimits([property: JsonPropertyName("maxMajor")] int? MaxMajor);

    internal sealed record RegionalGap(
        [property: JsonPropertyName("region")] string Region,
        [property: JsonPropertyName("classPrefix")] string ClassPrefix,
        [property: JsonPropertyName("note")] string Note);

    private sealed record CatalogFile(
        [property: JsonPropertyName("sizes")] List<string> Sizes,
        [property: JsonPropertyName("postgres")] Dictionary<string, FamilyLimits> Postgres,
        [property: JsonPropertyName("auroraServerlessMinimum")] Dictionary<string, string> AuroraServerlessMinimum,
        [property: JsonPropertyName("auroraServerlessRegionalMinimum")] Dictionary<string, Dictionary<string, string>> AuroraServerlessRegionalMinimum,
        [property: JsonPropertyName("regionalGaps")] List<RegionalGap> RegionalGaps);
}
