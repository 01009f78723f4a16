using System.Collections.Concurrent;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>Counts every request by verb and resource ("PUT dataplatformenvironments/status"), for tests and benchmarks.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public int Count(string verb, string resource) => _counts.GetValueOrDefault($"{verb} {resource}");

    public int Writes => _counts.Where(c => c.Key.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE").Sum(c => c.Value);

    internal void Record(string verb, string resource) => _counts.AddOrUpdate($"{verb} {resource}", 1, (_, n) => n + 1);

    public void Clear() => _counts.Clear();
}
