using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Naming;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Queue;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Naming;

/// <summary>
/// The reconcile-time judgement over the controller's cache: the same claims as admission, the precedence rule, an
/// environment let go counting as holding its names before its status says so, and the waits that wake the one held back.
/// </summary>
public sealed class NameClashJudgeTests
{
    private static readonly DateTime Second = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    private sealed class Cache : IEntityCache<V1Alpha1DataPlatformEnvironment>
    {
        public List<V1Alpha1DataPlatformEnvironment> Items { get; } = [];

        public IReadOnlyList<V1Alpha1DataPlatformEnvironment> Cached() => [.. Items];
    }

    private static V1Alpha1DataPlatformEnvironment Environment(string name, string uid, DateTime created, string suffix = "prod", string ns = "team") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = uid, CreationTimestamp = created, Generation = 1, ResourceVersion = "1" },
        Spec = { Region = "eu-west-1", EnvironmentSuffix = suffix },
    };

    private static (NameClashJudge Judge, Cache Cache, NameClashWaits Waits) Start()
    {
        var cache = new Cache();
        var waits = new NameClashWaits();
        return (new NameClashJudge(cache, new NameClaimCache(), waits), cache, waits);
    }

    [Fact]
    public void The_younger_of_two_new_environments_is_held_back_naming_the_older_whichever_is_judged_first()
    {
        var (judge, cache, _) = Start();
        var older = Environment("analytics", "b", Second);
        var younger = Environment("reporting", "a", Second.AddSeconds(1));
        cache.Items.AddRange([older, younger]);

        var held = judge.Judge(younger);
        var free = judge.Judge(older);

        Assert.Empty(free);
        Assert.NotEmpty(held);
        Assert.All(held, c => Assert.Equal(("team", "analytics"), (c.OtherNamespace, c.OtherName)));
        Assert.Contains(held, c => c.Claim.Kind == "Role" && c.Claim.Name.EndsWith("-pipeline-role", StringComparison.Ordinal));
    }

    [Fact]
    public void One_let_go_holds_its_names_before_its_status_records_it_so_a_later_arrival_of_the_same_second_waits()
    {
        var (judge, cache, _) = Start();
        var first = Environment("analytics", "9f", Second);
        cache.Items.Add(first);
        Assert.Empty(judge.Judge(first));

        // Created in the same second with a smaller uid, it would win on age; but the first already went on.
        var second = Environment("reporting", "1a", Second);
        cache.Items.Add(second);

        Assert.NotEmpty(judge.Judge(second));
        Assert.Empty(judge.Judge(first));
    }

    [Fact]
    public void A_deployed_environment_keeps_its_names_against_an_older_new_one()
    {
        var (judge, cache, _) = Start();
        var older = Environment("analytics", "a", Second);
        var deployed = Environment("reporting", "b", Second.AddMinutes(1));
        deployed.Status = new DataPlatformEnvironmentStatus { NamingScheme = NamingScheme.Namespaced, LastUpdate = new LastUpdate { Generation = 1, Result = "Succeeded" } };
        cache.Items.AddRange([older, deployed]);

        Assert.All(judge.Judge(older), c => Assert.Equal("reporting", c.OtherName));
        Assert.NotEmpty(judge.Judge(older));
    }

    [Fact]
    public void Other_namespaces_and_suffixes_do_not_clash()
    {
        var (judge, cache, _) = Start();
        var older = Environment("analytics", "a", Second);
        cache.Items.AddRange([older, Environment("analytics", "b", Second, ns: "team-b"), Environment("reporting", "c", Second, suffix: "staging")]);

        Assert.Empty(judge.Judge(cache.Items[1]));
        Assert.Empty(judge.Judge(cache.Items[2]));
    }

    [Fact]
    public void The_one_held_back_is_queued_when_the_holder_changes_and_waits_no_more_once_it_is_gone()
    {
        var (judge, cache, waits) = Start();
        var older = Environment("analytics", "a", Second);
        var younger = Environment("reporting", "b", Second.AddSeconds(1));
        cache.Items.AddRange([older, younger]);
        judge.Judge(younger);

        Assert.Equal([new EntityKey("team", "reporting")], waits.DependentsOf(new EntityKey("team", "analytics")));
        Assert.Empty(waits.DependentsOf(new EntityKey("team", "reporting")));

        cache.Items.Remove(older);
        Assert.Empty(judge.Judge(younger));
        Assert.Empty(waits.DependentsOf(new EntityKey("team", "analytics")));
    }
}
