using System.Globalization;

namespace DataPlatform.Operator.Engine.InProcess;

/// <summary>The memory limit of the operator's container (cgroup v2 <c>memory.max</c>, else v1), when it runs in Kubernetes.</summary>
internal static class PodMemoryLimit
{
    private static readonly string[] Files = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"];

    public static long? Read()
    {
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is null)
        {
            return null;
        }

        foreach (var file in Files.Where(File.Exists))
        {
            var text = File.ReadAllText(file).Trim();
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes is > 0 and < long.MaxValue / 2)
            {
                return bytes;
            }
        }

        return null;
    }
}
