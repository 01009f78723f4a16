using DataPlatform.Operator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Tests.Hosting;

/// <summary>How the real host logs: the format chosen by Logging:Format, one line per entry, and no request logs at Information.</summary>
public sealed class OperatorLoggingTests
{
    [Fact]
    public async Task Json_is_one_object_per_line_when_asked()
    {
        await using var app = OperatorHost.Build(["--Logging:Format=json"]);

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.False(app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.JsonWriterOptions.Indented);
    }

    [Fact]
    public async Task Text_is_one_line_per_entry_by_default()
    {
        await using var app = OperatorHost.Build([]);

        Assert.Equal(ConsoleFormatterNames.Simple, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(app.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue.SingleLine);
    }

    [Fact]
    public async Task Probes_and_scrapes_are_not_logged_at_information_unless_asked()
    {
        await using var quiet = OperatorHost.Build([]);
        await using var chatty = OperatorHost.Build(["--Logging:LogLevel:Microsoft.AspNetCore=Information"]);

        var requests = quiet.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        var routing = quiet.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware");
        var operatorLog = quiet.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DataPlatform.Operator.Runtime.OperatorHostedService");

        Assert.False(requests.IsEnabled(LogLevel.Information));
        Assert.False(routing.IsEnabled(LogLevel.Information));
        Assert.True(operatorLog.IsEnabled(LogLevel.Information));
        Assert.True(chatty.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_setting_and_the_allowed_values()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => OperatorHost.Build(["--Logging:Format=xml"]));

        Assert.Equal("Logging:Format must be text or json, not 'xml'.", Assert.Single(refused.Failures));
    }
}
