using System.Globalization;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// A weekly AWS maintenance window (<c>ddd:hh:mm-ddd:hh:mm</c>, UTC, as RDS and ElastiCache write it) and when it next
/// opens, so status can say when a modification held for the window (applyImmediately false) applies.
/// </summary>
internal static class MaintenanceWindow
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The next start of the window at or after <paramref name="now"/>; null when the text is not a window.</summary>
    public static DateTimeOffset? NextStart(string window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = window.Split('-')[0].Split(':');
        var day = start.Length == 3 ? Array.IndexOf(Days, start[0].ToLowerInvariant()) : -1;
        if (day < 0
            || !int.TryParse(start[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(start[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || hour > 23 || minute > 59)
        {
            return null;
        }

        var utc = now.ToUniversalTime();
        var candidate = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays((day - (int)utc.DayOfWeek + 7) % 7).AddHours(hour).AddMinutes(minute);
        return candidate < utc ? candidate.AddDays(7) : candidate;
    }
}
