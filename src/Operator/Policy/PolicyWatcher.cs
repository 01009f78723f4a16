using System.Net;
using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using k8s;
using k8s.Autorest;

namespace DataPlatform.Operator.Policy;

/// <summary>
/// Lists then watches the cluster's DataPlatformPolicies into <see cref="PolicySource"/> on every replica (the webhook
/// serves on all of them), and after every change queues every environment for a reconcile, so a policy change is
/// judged at once, not at the next resync (a relist that finds nothing new queues nothing). Without the policy CRD installed (404) there are no policies (today's
/// behaviour) and the list is tried again later. Errors back off and relist, as client-go's reflector does.
/// </summary>
internal sealed partial class PolicyWatcher(
    IKubernetesClient client,
    PolicySource source,
    IEntityResync<V1Alpha1DataPlatformEnvironment> environments,
    TimeProvider time,
    ILogger<PolicyWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MissingCrdRecheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (items, resourceVersion) = await client.ListAsync<V1Alpha1DataPlatformPolicy>(null, null, stoppingToken);
                if (source.Replace(items))
                {
                    environments.ResyncAll();
                }

                backoff = TimeSpan.FromMilliseconds(200);
                await foreach (var (type, policy) in client.WatchAsync<V1Alpha1DataPlatformPolicy>(null, resourceVersion, stoppingToken))
                {
                    if (type is WatchEventType.Bookmark or WatchEventType.Error)
                    {
                        continue;
                    }

                    source.Apply(policy, deleted: type == WatchEventType.Deleted);
                    Log.Changed(logger, policy.Metadata.Name, type);
                    environments.ResyncAll();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                if (source.Replace([]))
                {
                    environments.ResyncAll();
                }

                await Task.Delay(MissingCrdRecheck, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.WatchFailed(logger, e.Message);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "DataPlatformPolicy {Name} {Change}; every environment is judged again")]
        public static partial void Changed(ILogger logger, string name, WatchEventType change);

        [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Watching DataPlatformPolicies failed ({Error}); relisting after a backoff")]
        public static partial void WatchFailed(ILogger logger, string error);
    }
}
