using DataPlatform.Entities;
using k8s;

namespace DataPlatform.Bench;

/// <summary>
/// What one Ready environment costs the operator's cache: the managed heap held by many copies read from the same
/// JSON (a Ready environment from the end-to-end harness, tests/Entities.Tests/Fixtures), the way the informer reads
/// each watch event and relist.
/// </summary>
internal static class CachedObjectSize
{
    private const int Copies = 4000;

    public static (long BytesPerObject, int JsonChars) Measure()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ready-environment.json"));
        _ = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(json); // the serializer's own metadata and the shared texts, once
        var held = new V1Alpha1DataPlatformEnvironment[Copies];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Copies; i++)
        {
            held[i] = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(json);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return ((after - before) / Copies, json.Length);
    }
}
