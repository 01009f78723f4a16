using System.CommandLine;
using DataPlatform.Operator.Hosting;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Engine;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>run [--kubeconfig PATH]</c>: runs the operator. Before starting it checks, with one clear line each and exit
/// code 1, that the settings are valid, the Kubernetes API server answers and the Pulumi CLI is usable.
/// </summary>
internal static class RunCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The verb; settings other than --kubeconfig (--Section:Key=value) pass through to the host's configuration.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Kubeconfig file (default: KUBECONFIG, ~/.kube/config or in-cluster).", HelpName = "PATH" };
        var command = new Command("run", "Run the operator (settings: appsettings.json, DATAPLATFORM_* variables, --Section:Key=value).") { kubeconfig };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) =>
        {
            var args = new List<string>();
            if (result.GetValue(kubeconfig) is { } path)
            {
                args.AddRange(["--kubeconfig", path]);
            }

            args.AddRange(result.UnmatchedTokens);
            return RunAsync(args, stdout, stderr, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        WebApplication? app = null;
        IKubernetesClient kubernetes;
        try
        {
            app = OperatorHost.Build(args);
            _ = app.Services.GetRequiredService<IOptions<Runtime.OperatorOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<StackEngineOptions>>().Value;

            // The client is built lazily from the kubeconfig; build it here so a bad one is this one line.
            kubernetes = app.Services.GetRequiredService<IKubernetesClient>();
        }
        catch (OptionsValidationException e)
        {
            await DisposeAsync(app);
            await stderr.WriteLineAsync($"run: invalid settings: {string.Join(" ", e.Failures)}");
            return 1;
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or FileNotFoundException or InvalidOperationException)
        {
            await DisposeAsync(app);
            await stderr.WriteLineAsync($"run: no usable Kubernetes configuration: {e.Message} (use --kubeconfig PATH, KUBECONFIG, or run in a cluster).");
            return 1;
        }

        await using (app)
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            probe.CancelAfter(ProbeTimeout);
            var host = kubernetes.Server;
            try
            {
                var version = await kubernetes.GetServerVersionAsync(probe.Token);
                await stdout.WriteLineAsync($"run: connected to Kubernetes {version} at {host}");
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
            {
                await stderr.WriteLineAsync($"run: cannot reach the Kubernetes API server at {host}: {(e is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s" : e.Message)}");
                return 1;
            }

            try
            {
                var pulumi = await app.Services.GetRequiredService<IStackEngine>().CheckCliAsync(probe.Token);
                await stdout.WriteLineAsync($"run: using the Pulumi CLI {pulumi}");
            }
            catch (EngineConfigurationException e)
            {
                await stderr.WriteLineAsync($"run: {e.Message}");
                return 1;
            }

            await app.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
    }

    private static async ValueTask DisposeAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
