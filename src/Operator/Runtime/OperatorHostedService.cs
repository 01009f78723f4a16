using DataPlatform.Operator.Runtime.Controller;
using DataPlatform.Operator.Runtime.LeaderElection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Runtime;

/// <summary>
/// Runs the controllers, only while this instance leads when leader election is on. Losing the lease is
/// unrecoverable: the host stops with exit code 1 so Kubernetes restarts the pod as a follower.
/// Shutdown (SIGTERM) happens in <see cref="StoppingAsync"/>, before the web server stops, so probes and the
/// webhook keep answering meanwhile: a standby stops waiting for the lease and is done at once; the leader stops
/// taking work, lets reconciles in flight finish for Operator:ShutdownTimeout, interrupts the engine runs still
/// going (each clears its stack lock), and then releases the lease so a standby takes over without waiting.
/// </summary>
internal sealed partial class OperatorHostedService(
    IEnumerable<IControllerRunner> runners,
    LeaseLeaderElector elector,
    IOptions<OperatorOptions> options,
    IHostApplicationLifetime lifetime,
    OperatorReadiness readiness,
    ILogger<OperatorHostedService> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly CancellationTokenSource _shutdown = new();

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var controllers = runners.ToList();
        readiness.Require("controllers", () => readiness.Leading && !controllers.All(r => r.Synced) ? "leading, but the caches are not synced yet" : null);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.Stopping();
        Log.ShuttingDown(logger, readiness.Leading);
        await _shutdown.CancelAsync();
        if (ExecuteTask is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.ShutdownTimedOut(logger);
            }
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Dispose()
    {
        _shutdown.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _shutdown.Token);
        var stop = stopping.Token;
        var electing = options.Value.LeaderElection.Enabled;
        try
        {
            using var controllers = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Task? holding = null;
            if (electing)
            {
                await elector.AcquireAsync(stop);
                holding = elector.HoldAsync(controllers.Token);
            }

            readiness.Leading = true;
            var running = runners.Select(r => r.RunAsync(controllers.Token)).ToList();
            var first = await Task.WhenAny([.. running, holding ?? Task.Delay(Timeout.Infinite, stop)]);
            if (first == holding && !stop.IsCancellationRequested)
            {
                Environment.ExitCode = 1;
                await controllers.CancelAsync();
                lifetime.StopApplication();
                await Task.WhenAll(running);
                return;
            }

            // Shutdown: the runners stop taking work, drain, interrupt what is left and return; then the lease goes.
            await controllers.CancelAsync();
            try
            {
                await Task.WhenAll(running);
            }
            catch (OperationCanceledException)
            {
                // A runner stopped before its caches synced; it holds nothing to hand over.
            }

            if (holding is not null)
            {
                await holding.ContinueWith(_ => { }, TaskScheduler.Default);
                using var release = new CancellationTokenSource(options.Value.LeaderElection.RenewDeadline);
                await elector.ReleaseAsync(release.Token);
            }

            readiness.Leading = false;
            Log.Stopped(logger);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A standby stopped waiting for the lease: nothing to hand over.
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

        [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Shutting down (leading: {Leading})")]
        public static partial void ShuttingDown(ILogger logger, bool leading);

        [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Controllers stopped and the lease released")]
        public static partial void Stopped(ILogger logger);

        [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Shutdown did not finish within the host's shutdown timeout; engine runs may be killed with the pod")]
        public static partial void ShutdownTimedOut(ILogger logger);
    }
}
