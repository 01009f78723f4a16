using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DataPlatform.TestSupport;

/// <summary>What a test or the benchmark needs to start the operator binary on this machine: ports, a kubeconfig, metrics.</summary>
internal static class Loopback
{
    /// <summary>A loopback port nothing listens on (free now; a later bind may still lose a race).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Writes a one-cluster kubeconfig for <paramref name="server"/>; <paramref name="user"/> is the user's YAML flow mapping.</summary>
    public static void WriteKubeconfig(string path, Uri server, string user = "{token: test-token}") => File.WriteAllLines(path,
    [
        "apiVersion: v1",
        "kind: Config",
        $"clusters: [{{name: c, cluster: {{server: \"{server.ToString().TrimEnd('/')}\"}}}}]",
        $"users: [{{name: u, user: {user}}}]",
        "contexts: [{name: x, context: {cluster: c, user: u}}]",
        "current-context: x",
    ]);

    /// <summary>
    /// The sum of the samples of a metric in Prometheus text exposition: every label set for a bare name, one series
    /// for a name with its labels (<c>name{label="value"}</c>); null when there is none.
    /// </summary>
    public static double? MetricSum(string exposition, string metric)
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is ' ' or '{')
            {
                sum = (sum ?? 0) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
