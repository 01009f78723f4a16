using System.Globalization;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>Durations as people read them in status: "45s", "3m20s", "1h05m".</summary>
public static class Durations
{
    public static string Brief(TimeSpan duration)
    {
        var seconds = (long)Math.Max(0, duration.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h{seconds % 3600 / 60:00}m"),
        };
    }
}
