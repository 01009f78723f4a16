using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Stack.Naming;
using k8s.Models;

namespace DataPlatform.Stack.Tests.Naming;

/// <summary>Who keeps a name two environments claim: the firmer holder, then the older, then the smaller uid; exactly one of two goes on.</summary>
public sealed class NamePrecedenceTests
{
    private static readonly DateTime Earlier = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Earlier.AddSeconds(1);

    private static V1Alpha1DataPlatformEnvironment Environment(string name, DateTime created, string uid, long generation = 1, DataPlatformEnvironmentStatus? status = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team", CreationTimestamp = created, Uid = uid, Generation = generation },
        Spec = { Region = "eu-west-1" },
        Status = status,
    };

    private static DataPlatformEnvironmentStatus Deployed(long generation) =>
        new() { NamingScheme = NamingScheme.Namespaced, LastUpdate = new LastUpdate { Generation = generation, Result = "Succeeded" } };

    private static bool Yields(V1Alpha1DataPlatformEnvironment a, V1Alpha1DataPlatformEnvironment b) =>
        NamePrecedence.Yields(a, NamePrecedence.HoldingOf(a), b, NamePrecedence.HoldingOf(b));

    [Fact]
    public void Holding_reads_the_status_deployed_only_when_the_current_generation_succeeded()
    {
        Assert.Equal(NameHolding.None, NamePrecedence.HoldingOf(Environment("a", Earlier, "1")));
        Assert.Equal(NameHolding.Started, NamePrecedence.HoldingOf(Environment("a", Earlier, "1", status: new() { NamingScheme = NamingScheme.Namespaced })));
        Assert.Equal(NameHolding.Started, NamePrecedence.HoldingOf(Environment("a", Earlier, "1", status: new() { LastUpdate = new() { Generation = 1, Result = "Failed" } })));
        Assert.Equal(NameHolding.Started, NamePrecedence.HoldingOf(Environment("a", Earlier, "1", generation: 2, status: Deployed(1))));
        Assert.Equal(NameHolding.Deployed, NamePrecedence.HoldingOf(Environment("a", Earlier, "1", generation: 2, status: Deployed(2))));
    }

    [Fact]
    public void Between_two_that_never_ran_the_older_keeps_the_names()
    {
        var older = Environment("zzz", Earlier, "ffff");
        var younger = Environment("aaa", Later, "0000");

        Assert.True(Yields(younger, older));
        Assert.False(Yields(older, younger));
    }

    [Fact]
    public void Created_in_the_same_second_the_smaller_uid_keeps_the_names()
    {
        var small = Environment("b", Earlier, "1a");
        var large = Environment("a", Earlier, "9f");

        Assert.True(Yields(large, small));
        Assert.False(Yields(small, large));
    }

    [Fact]
    public void One_with_a_stack_keeps_its_names_against_an_older_one_without()
    {
        var olderNew = Environment("old", Earlier, "1");
        var started = Environment("started", Later, "2", status: new() { NamingScheme = NamingScheme.Namespaced });
        var deployed = Environment("deployed", Later, "3", status: Deployed(1));

        Assert.True(Yields(olderNew, started));
        Assert.False(Yields(started, olderNew));
        Assert.True(Yields(olderNew, deployed));
        Assert.True(Yields(started, deployed));
        Assert.False(Yields(deployed, started));
    }

    [Fact]
    public void A_deployed_environment_never_gives_way_even_to_an_older_deployed_one()
    {
        var first = Environment("first", Earlier, "1", status: Deployed(1));
        var second = Environment("second", Later, "2", status: Deployed(1));

        Assert.False(Yields(second, first));
        Assert.False(Yields(first, second));
    }

    [Fact]
    public void A_held_in_memory_start_counts_like_a_recorded_one()
    {
        var olderNew = Environment("old", Earlier, "1");
        var letGo = Environment("let-go", Later, "2");

        Assert.True(NamePrecedence.Yields(olderNew, NameHolding.None, letGo, NameHolding.Started));
        Assert.False(NamePrecedence.Yields(letGo, NameHolding.Started, olderNew, NameHolding.None));
    }

    [Fact]
    public void An_environment_being_deleted_that_holds_nothing_keeps_nothing_back()
    {
        var deleting = Environment("deleting", Earlier, "1");
        deleting.Metadata.DeletionTimestamp = Later;
        var younger = Environment("younger", Later, "2");

        Assert.False(Yields(younger, deleting));

        deleting.Status = new() { NamingScheme = NamingScheme.Namespaced };
        Assert.True(Yields(younger, deleting));
    }
}
