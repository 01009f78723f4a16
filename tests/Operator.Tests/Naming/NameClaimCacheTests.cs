using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Metrics;
using DataPlatform.Operator.Naming;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Naming;

/// <summary>The claims cache admission and the reconcile-time check share: kept across status writes, rebuilt for a new spec or naming scheme, emptied when idle.</summary>
public sealed class NameClaimCacheTests
{
    private static V1Alpha1DataPlatformEnvironment Environment(long generation, string resourceVersion, string suffix = "prod") => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team", Uid = "u1", Generation = generation, ResourceVersion = resourceVersion },
        Spec = { Region = "eu-west-1", EnvironmentSuffix = suffix },
    };

    [Fact]
    public void A_status_write_keeps_the_claims_and_a_new_generation_or_naming_scheme_rebuilds_them()
    {
        using var cache = new NameClaimCache(new FakeTimeProvider());
        var first = cache.ClaimsOf(Environment(1, "10"));

        Assert.Same(first, cache.ClaimsOf(Environment(1, "11"))); // only the status changed

        var renamed = cache.ClaimsOf(Environment(2, "12", suffix: "staging"));
        Assert.NotSame(first, renamed);
        Assert.Contains(renamed, c => c.Name.Contains("staging", StringComparison.Ordinal));

        var legacy = Environment(2, "13", suffix: "staging");
        legacy.Status = new DataPlatformEnvironmentStatus { NamingScheme = NamingScheme.Legacy };
        Assert.NotSame(renamed, cache.ClaimsOf(legacy));
    }

    [Fact]
    public void Claims_not_used_for_the_idle_period_are_forgotten_and_use_keeps_them()
    {
        var time = new FakeTimeProvider();
        using var cache = new NameClaimCache(time);
        cache.ClaimsOf(Environment(1, "10"));

        time.Advance(NameClaimCache.IdleAfter - TimeSpan.FromMinutes(1));
        cache.ClaimsOf(Environment(1, "11"));
        time.Advance(TimeSpan.FromMinutes(1)); // the sweep runs, but the cache was used a minute ago
        Assert.Equal(1, cache.Count);

        time.Advance(NameClaimCache.IdleAfter);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Emptying_tells_the_memory_trimmer_once_and_an_empty_cache_going_idle_does_not()
    {
        var time = new FakeTimeProvider();
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        using var cache = new NameClaimCache(time, metrics);

        time.Advance(NameClaimCache.IdleAfter); // idle, but it holds nothing
        Assert.Equal(0, metrics.CachesReleased);

        cache.ClaimsOf(Environment(1, "10"));
        time.Advance(NameClaimCache.IdleAfter);
        Assert.Equal(0, cache.Count);
        Assert.Equal(1, metrics.CachesReleased);

        time.Advance(NameClaimCache.IdleAfter * 3);
        Assert.Equal(1, metrics.CachesReleased);
    }

    [Fact]
    public void The_operators_registration_gives_the_cache_its_clock_and_the_metrics_the_trimmer_reads()
    {
        // Both are optional constructor parameters: a registration that left them out would build a cache whose
        // release no trim ever followed.
        var time = new FakeTimeProvider();
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(metrics);
        services.AddDataPlatformOperator(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var cache = provider.GetRequiredService<NameClaimCache>();

        cache.ClaimsOf(Environment(1, "10"));
        time.Advance(NameClaimCache.IdleAfter + NameClaimCache.SweepEvery);

        Assert.Equal(0, cache.Count);
        Assert.Equal(1, metrics.CachesReleased);
    }
}
