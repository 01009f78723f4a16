using DataPlatform.Operator.Runtime.Client;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection does: take the lease when it
/// is free or expired, renew it every retry period, and count leadership as lost when no renewal succeeded within
/// the renew deadline. Writes carry the resourceVersion, so two candidates never both win.
/// </summary>
internal sealed partial class LeaseLeaderElector(IKubernetesClient client, LeaderElectionOptions options, TimeProvider time, ILogger<LeaseLeaderElector> logger)
{
    public string Identity { get; } = options.Identity ?? Environment.MachineName;

    public string Namespace { get; } = options.LeaseNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";

    /// <summary>Returns once this instance holds the lease.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (!await TryAcquireOrRenewAsync(cancellationToken))
        {
            await Task.Delay(options.RetryPeriod, time, cancellationToken);
        }

        Log.Acquired(logger, Identity, options.LeaseName);
    }

    /// <summary>Renews until leadership is lost (returns) or the token fires (throws).</summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        var lastRenewal = time.GetUtcNow();
        while (true)
        {
            await Task.Delay(options.RetryPeriod, time, cancellationToken);
            bool renewed;
            try
            {
                renewed = await TryAcquireOrRenewAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException)
            {
                renewed = false;
            }

            if (renewed)
            {
                lastRenewal = time.GetUtcNow();
            }
            else if (time.GetUtcNow() - lastRenewal > options.RenewDeadline)
            {
                Log.Lost(logger, Identity, options.LeaseName);
                return;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lease = await client.GetAsync<V1Lease>(options.LeaseName, Namespace, cancellationToken);
        try
        {
            if (lease is null)
            {
                await client.CreateAsync(
                    new V1Lease
                    {
                        ApiVersion = "coordination.k8s.io/v1",
                        Kind = "Lease",
                        Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = Namespace },
                        Spec = new V1LeaseSpec
                        {
                            HolderIdentity = Identity,
                            LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
                            AcquireTime = now,
                            RenewTime = now,
                            LeaseTransitions = 0,
                        },
                    },
                    cancellationToken);
                return true;
            }

            var spec = lease.Spec ??= new V1LeaseSpec();
            var held = spec.HolderIdentity is { Length: > 0 } && spec.HolderIdentity != Identity;
            var expired = spec.RenewTime is not { } renewed || renewed.AddSeconds(spec.LeaseDurationSeconds ?? 0) < now;
            if (held && !expired)
            {
                return false;
            }

            if (spec.HolderIdentity != Identity)
            {
                spec.HolderIdentity = Identity;
                spec.AcquireTime = now;
                spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
            }

            spec.RenewTime = now;
            spec.LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds;
            await client.UpdateAsync(lease, cancellationToken);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Identity} became the leader (lease {Lease})")]
        public static partial void Acquired(ILogger logger, string identity, string lease);

        [LoggerMessage(EventId = 401, Level = LogLevel.Critical, Message = "{Identity} lost the lease {Lease}; stopping")]
        public static partial void Lost(ILogger logger, string identity, string lease);
    }
}
