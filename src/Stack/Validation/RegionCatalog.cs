using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Validation;

/// <summary>Known AWS regions with their catalog AZ count and whether the account must opt in (embedded data).</summary>
public static class RegionCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, RegionInfo>> LazyRegions = new(Load);

    public static IReadOnlyDictionary<string, RegionInfo> Regions => LazyRegions.Value;

    private static Dictionary<string, RegionInfo> Load()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream("DataPlatform.Stack.Validation.regions.json")
            ?? throw new InvalidOperationException("The embedded region catalog is missing from the build.");
        var file = JsonSerializer.Deserialize<RegionFile>(stream) ?? throw new InvalidOperationException("The region catalog is empty.");
        return file.Regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    private sealed record RegionFile([property: JsonPropertyName("regions")] List<RegionInfo> Regions);
}
