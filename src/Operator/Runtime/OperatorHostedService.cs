using DataPlatform.Operator.Runtime.Controller;
using DataPlatform.Operator.Runtime.LeaderElection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Runtime;

/// <summary>
/// Runs the controllers, only while this instance leads when leader election is on. Losing the lease is
/// unrecoverable: the host stops with exit code 1 so Kubernetes restarts the pod as a follower.
/// </summary>
internal sealed partial class OperatorHostedService(
    IEnumerable<IControllerRunner> runners,
    LeaseLeaderElector elector,
    IOptions<OperatorOptions> options,
    IHostApplicationLifetime lifetime,
    OperatorReadiness readiness,
    ILogger<OperatorHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var controllers = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            Task? holding = null;
            if (options.Value.LeaderElection.Enabled)
            {
                await elector.AcquireAsync(stoppingToken);
                holding = elector.HoldAsync(controllers.Token);
            }

            readiness.Leading = true;
            var running = runners.Select(r => r.RunAsync(controllers.Token)).ToList();
            var first = await Task.WhenAny([.. running, holding ?? Task.Delay(Timeout.Infinite, stoppingToken)]);
            if (first == holding && !stoppingToken.IsCancellationRequested)
            {
                Environment.ExitCode = 1;
                await controllers.CancelAsync();
                lifetime.StopApplication();
            }

            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.Crashed(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 500, Level = LogLevel.Critical, Message = "The operator stopped on an unexpected error")]
        public static partial void Crashed(ILogger logger, Exception exception);
    }
}
