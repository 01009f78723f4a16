using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakePulumi;

// A fake `pulumi` executable for tests; see SEMANTICS.md beside this file.
Log(args);
try
{
    return Commands.Run(Cli.Parse(args));
}
catch (CliException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 255;
}

static void Log(string[] args)
{
    if (Environment.GetEnvironmentVariable("FAKE_PULUMI_CALL_LOG") is not { } path)
    {
        return;
    }

    string[] names = ["PULUMI_BACKEND_URL", "PULUMI_HOME", "PULUMI_PARALLEL", "PULUMI_SKIP_UPDATE_CHECK", "PULUMI_AUTOMATION_API", "PULUMI_DEBUG_COMMANDS", "AWS_ACCESS_KEY_ID"];
    var environment = new JsonObject();
    foreach (var name in names)
    {
        environment[name] = Environment.GetEnvironmentVariable(name) is { } value ? (name.StartsWith("AWS_", StringComparison.Ordinal) ? "[set]" : value) : null;
    }

    environment["PULUMI_CONFIG_PASSPHRASE"] = Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE") is null ? null : "[set]";
    environment["PULUMI_CONFIG_PASSPHRASE_FILE"] = Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE_FILE") is null ? null : "[set]";
    var line = new JsonObject { ["args"] = new JsonArray(args.Select(a => (JsonNode?)a).ToArray()), ["cwd"] = Directory.GetCurrentDirectory(), ["env"] = environment };
    using (MachineLock.Take("fake-pulumi-call-log"))
    {
        File.AppendAllText(path, line.ToJsonString() + "\n");
    }
}
