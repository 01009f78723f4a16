using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Validation;

/// <summary>Parses RDS windows into minutes of the week: daily backup windows and weekly maintenance windows, both UTC.</summary>
internal static partial class MaintenanceWindows
{
    public const int MinutesPerDay = 24 * 60;
    public const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Start minute of the day and length in minutes of a daily window such as 23:45-00:15 (crossing midnight is fine).</summary>
    public static (int Start, int Length)? Daily(string window)
    {
        var match = DailyPattern().Match(window);
        if (!match.Success)
        {
            return null;
        }

        var start = Minutes(match.Groups[1].Value, match.Groups[2].Value);
        var end = Minutes(match.Groups[3].Value, match.Groups[4].Value);
        return (start, (end - start + MinutesPerDay) % MinutesPerDay);
    }

    /// <summary>Start minute of the week (Monday 00:00 = 0) and length of a weekly window such as sun:23:00-mon:01:00.</summary>
    public static (int Start, int Length)? Weekly(string window)
    {
        var match = WeeklyPattern().Match(window.ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }

        var start = (Array.IndexOf(Days, match.Groups[1].Value) * MinutesPerDay) + Minutes(match.Groups[2].Value, match.Groups[3].Value);
        var end = (Array.IndexOf(Days, match.Groups[4].Value) * MinutesPerDay) + Minutes(match.Groups[5].Value, match.Groups[6].Value);
        return (start, (end - start + MinutesPerWeek) % MinutesPerWeek);
    }

    /// <summary>Whether a daily window, repeated every day, meets the weekly window anywhere in the week.</summary>
    public static bool Overlap((int Start, int Length) daily, (int Start, int Length) weekly)
    {
        for (var day = 0; day < 7; day++)
        {
            var start = (day * MinutesPerDay) + daily.Start;
            for (var offset = 0; offset < daily.Length; offset++)
            {
                var minute = (start + offset) % MinutesPerWeek;
                if ((minute - weekly.Start + MinutesPerWeek) % MinutesPerWeek < weekly.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Minutes(string hours, string minutes) =>
        (int.Parse(hours, CultureInfo.InvariantCulture) * 60) + int.Parse(minutes, CultureInfo.InvariantCulture);

    [GeneratedRegex("^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$")]
    private static partial Regex DailyPattern();

    [GeneratedRegex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])$")]
    private static partial Regex WeeklyPattern();
}
