using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.LeaderElection;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection does: take the lease when it
/// is free or expired, renew it every retry period, count leadership as lost when no renewal succeeded within the
/// renew deadline, and release it on a clean shutdown (holder cleared) so a standby takes over at once. Expiry is
/// judged from this instance's own clock: the time it last saw the lease record change plus the lease duration,
/// never the holder's renewTime against the local clock, so clock skew between nodes cannot make two leaders.
/// Writes carry the resourceVersion, so two candidates never both win.
/// </summary>
internal sealed partial class LeaseLeaderElector(
    IKubernetesClient client, LeaderElectionOptions options, TimeProvider time, IControllerObserver observer, ILogger<LeaseLeaderElector> logger)
{
    private LeaseRecord? _observed;
    private DateTimeOffset _observedAt;

    public string Identity { get; } = options.Identity ?? Environment.MachineName;

    public string Namespace { get; } = options.LeaseNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";

    public string LeaseName => options.LeaseName;

    /// <summary>Returns once this instance holds the lease.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        observer.LeadershipChanged(options.LeaseName, leading: false);
        while (!await TryAcquireOrRenewAsync(cancellationToken))
        {
            await Task.Delay(options.RetryPeriod, time, cancellationToken);
        }

        observer.LeadershipChanged(options.LeaseName, leading: true);
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
                observer.LeadershipChanged(options.LeaseName, leading: false);
                Log.Lost(logger, Identity, options.LeaseName);
                return;
            }
        }
    }

    /// <summary>
    /// Gives the lease up if this instance still holds it (client-go's ReleaseOnCancel): holder cleared, duration
    /// one second, so a standby takes it on its next try instead of waiting for it to expire. False when the lease
    /// was not ours any more or the write failed; the lease then expires as usual.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken)
    {
        observer.LeadershipChanged(options.LeaseName, leading: false);
        try
        {
            var lease = await client.GetAsync<V1Lease>(options.LeaseName, Namespace, cancellationToken);
            if (lease?.Spec?.HolderIdentity != Identity)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            lease.Spec.HolderIdentity = null;
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.AcquireTime = now;
            lease.Spec.RenewTime = now;
            await client.UpdateAsync(lease, cancellationToken);
            Log.Released(logger, Identity, options.LeaseName);
            return true;
        }
        catch (Exception e) when (e is ConflictException or HttpRequestException or k8s.Autorest.HttpOperationException or OperationCanceledException)
        {
            Log.NotReleased(logger, Identity, options.LeaseName, e.Message);
            return false;
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = await client.GetAsync<V1Lease>(options.LeaseName, Namespace, cancellationToken);
        try
        {
            if (lease is null)
            {
                var created = await client.CreateAsync(
                    new V1Lease
                    {
                        ApiVersion = "coordination.k8s.io/v1",
                        Kind = "Lease",
                        Metadata = new V1ObjectMeta { Name = options.LeaseName, NamespaceProperty = Namespace },
                        Spec = new V1LeaseSpec
                        {
                            HolderIdentity = Identity,
                            LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
                            AcquireTime = now.UtcDateTime,
                            RenewTime = now.UtcDateTime,
                            LeaseTransitions = 0,
                        },
                    },
                    cancellationToken);
                Observe(created.Spec, now);
                return true;
            }

            var spec = lease.Spec ??= new V1LeaseSpec();
            var record = LeaseRecord.Of(spec);
            if (record != _observed)
            {
                // The record changed since we last looked: the holder is alive as of now, by our clock.
                Observe(spec, now);
            }

            var held = spec.HolderIdentity is { Length: > 0 } && spec.HolderIdentity != Identity;
            var expired = _observedAt + TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? 0) <= now;
            if (held && !expired)
            {
                return false;
            }

            if (spec.HolderIdentity != Identity)
            {
                spec.HolderIdentity = Identity;
                spec.AcquireTime = now.UtcDateTime;
                spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
            }

            spec.RenewTime = now.UtcDateTime;
            spec.LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds;
            var updated = await client.UpdateAsync(lease, cancellationToken);
            Observe(updated.Spec, now);
            return true;
        }
        catch (ConflictException)
        {
            return false;
        }
    }

    private void Observe(V1LeaseSpec? spec, DateTimeOffset now)
    {
        _observed = spec is null ? null : LeaseRecord.Of(spec);
        _observedAt = now;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Identity} became the leader (lease {Lease})")]
        public static partial void Acquired(ILogger logger, string identity, string lease);

        [LoggerMessage(EventId = 401, Level = LogLevel.Critical, Message = "{Identity} lost the lease {Lease}; stopping")]
        public static partial void Lost(ILogger logger, string identity, string lease);

        [LoggerMessage(EventId = 402, Level = LogLevel.Information, Message = "{Identity} released the lease {Lease}")]
        public static partial void Released(ILogger logger, string identity, string lease);

        [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "{Identity} could not release the lease {Lease}; it expires by itself: {Reason}")]
        public static partial void NotReleased(ILogger logger, string identity, string lease, string reason);
    }
}
