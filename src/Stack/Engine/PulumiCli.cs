using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// Launches the pulumi CLI as LocalWorkspace does (FACTS.md sections 1 and 3): --non-interactive first, the
/// workspace as working directory, the backend, passphrase, PULUMI_HOME, PULUMI_SKIP_UPDATE_CHECK and
/// PULUMI_AUTOMATION_API in the environment, plus PULUMI_DEBUG_COMMANDS for stack operations. An interrupted run
/// gets SIGINT, then a grace period, then is killed.
/// </summary>
internal sealed partial class PulumiCli(StackEngineOptions options, ILogger logger)
{
    public async Task<CliRun> RunAsync(
        IReadOnlyList<string> args,
        string workingDirectory,
        StackRequest? request,
        bool stackOperation,
        CancellationToken interrupt)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var kill = new CancellationTokenSource();
        await using var escalate = interrupt.Register(() => kill.CancelAfter(options.CancelGracePeriod));
        var command = Cli.Wrap(options.CliPath)
            .WithArguments(["--non-interactive", .. args])
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Environment(request, stackOperation))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
        Log.Running(logger, args.Count > 0 ? args[0] : "", request?.StackName ?? "");
        try
        {
            var result = await command.ExecuteAsync(kill.Token, interrupt);
            return new CliRun(result.ExitCode, stdout.ToString(), stderr.ToString(), Interrupted: false);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return new CliRun(-1, stdout.ToString(), stderr.ToString(), Interrupted: true);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new EngineConfigurationException($"The Pulumi CLI '{options.CliPath}' cannot be started ({e.Message}); install it or set Engine:CliPath.");
        }
    }

    public async Task<Version> CheckVersionAsync(CancellationToken cancellationToken)
    {
        CliRun run;
        try
        {
            run = await RunAsync(["version"], System.Environment.CurrentDirectory, null, false, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw new EngineConfigurationException($"The Pulumi CLI '{options.CliPath}' cannot be started ({e.Message}); install it or set Engine:CliPath.");
        }

        var match = VersionText().Match(run.Stdout);
        if (!run.Ok || !match.Success)
        {
            throw new EngineConfigurationException($"'{options.CliPath} version' did not print a version (exit {run.ExitCode}): {run.Stderr.Trim()}");
        }

        var version = new Version(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        if (version < options.MinimumVersion)
        {
            throw new EngineConfigurationException($"The Pulumi CLI is {version}; the operator needs {options.MinimumVersion} or newer.");
        }

        return version;
    }

    private Dictionary<string, string?> Environment(StackRequest? request, bool stackOperation)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
            ["PULUMI_AUTOMATION_API"] = "true",
        };
        foreach (var (key, value) in options.Environment)
        {
            environment[key] = value;
        }

        if (options.PulumiHome is not null)
        {
            environment["PULUMI_HOME"] = options.PulumiHome;
        }

        if ((request?.Size?.Parallel ?? options.Parallel) is { } parallel)
        {
            environment["PULUMI_PARALLEL"] = parallel.ToString(CultureInfo.InvariantCulture);
        }

        if (stackOperation)
        {
            environment["PULUMI_DEBUG_COMMANDS"] = "true";
        }

        if ((request?.BackendUrl ?? options.DefaultBackendUrl) is { } backend)
        {
            environment["PULUMI_BACKEND_URL"] = backend;
        }

        if (options.Passphrase is not null)
        {
            environment["PULUMI_CONFIG_PASSPHRASE"] = options.Passphrase;
        }
        else if (options.PassphraseFile is not null)
        {
            environment["PULUMI_CONFIG_PASSPHRASE_FILE"] = options.PassphraseFile;
        }

        foreach (var (key, value) in request?.Environment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    [GeneratedRegex(@"v?(\d+)\.(\d+)\.(\d+)")]
    private static partial Regex VersionText();

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Running pulumi {Command} for stack {Stack}")]
        public static partial void Running(ILogger logger, string command, string stack);
    }
}
