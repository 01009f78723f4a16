using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Hosting;

/// <summary>
/// Log output: one line per entry, as text (default) or JSON (<c>Logging:Format=json</c>, Helm <c>logging.format</c>)
/// for log pipelines, UTC timestamps. Requests (probes, scrapes, webhook calls) are not logged at Information: the
/// ASP.NET Core categories default to Warning, which <c>Logging:LogLevel:Microsoft.AspNetCore</c> can lower.
/// </summary>
internal static class OperatorLogging
{
    public const string FormatKey = "Logging:Format";

    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ ";

    public static void Configure(WebApplicationBuilder builder)
    {
        // Lowest precedence, so any configuration source can override it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        var format = builder.Configuration[FormatKey] ?? "text";
        builder.Logging.ClearProviders();
        switch (format.ToLowerInvariant())
        {
            case "text":
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = Timestamp;
                });
                break;
            case "json":
                builder.Logging.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = Timestamp.TrimEnd();
                    o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
                break;
            default:
                throw new OptionsValidationException(FormatKey, typeof(string), [$"{FormatKey} must be text or json, not '{format}'."]);
        }
    }
}
