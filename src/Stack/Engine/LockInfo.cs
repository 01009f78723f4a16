using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// One lock named in the DIY backend's "currently locked" error (FACTS.md section 5):
/// <c>&lt;url&gt;: created by &lt;user&gt;@&lt;host&gt; (pid &lt;n&gt;) at &lt;time&gt;</c>.
/// </summary>
internal sealed partial record LockInfo(string Host, int Pid, DateTimeOffset Created)
{
    public static IReadOnlyList<LockInfo> Parse(string text) => LockLine().Matches(text).Select(m => new LockInfo(
        m.Groups["host"].Value,
        int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture),
        DateTimeOffset.TryParse(m.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue)).ToList();

    /// <summary>
    /// A lock is stale when its process is gone from this machine (a crashed run of this pod, whose host name
    /// survives a container restart), when its host is one the caller knows is gone (an engine Job's pod whose Job
    /// no longer runs), or when it is older than the longest run could be.
    /// </summary>
    public bool IsStale(DateTimeOffset now, TimeSpan longestRun, IReadOnlyList<string>? goneHosts = null)
    {
        if (goneHosts?.Any(prefix => prefix.Length > 0 && Host.StartsWith(prefix, StringComparison.Ordinal)) == true)
        {
            return true;
        }

        if (string.Equals(Host, Environment.MachineName, StringComparison.Ordinal) && !ProcessAlive(Pid))
        {
            return true;
        }

        return now - Created > longestRun;
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"created by (?<user>[^@\s]*)@(?<host>\S+) \(pid (?<pid>\d+)\) at (?<at>\S+)")]
    private static partial Regex LockLine();
}
