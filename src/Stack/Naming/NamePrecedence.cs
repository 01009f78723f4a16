using DataPlatform.Entities;

namespace DataPlatform.Stack.Naming;

/// <summary>
/// Who keeps an AWS name two environments claim when admission did not stop the second (it was raced, bypassed,
/// installed later, or failed open): the one that holds it more firmly (<see cref="NameHolding"/>), then the older
/// creationTimestamp, then the smaller uid, so exactly one of any two goes on. An environment whose current generation
/// is deployed never gives way: its names exist in AWS already, and a second one deployed beside it means AWS did not
/// see a clash (two accounts the operator cannot tell apart). An environment being deleted that holds nothing claims
/// nothing.
/// </summary>
public static class NamePrecedence
{
    /// <summary>What the environment's status shows: <see cref="NameHolding.Deployed"/> when the last update of this generation succeeded.</summary>
    public static NameHolding HoldingOf(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var status = environment.Status;
        if (status?.LastUpdate is { Result: "Succeeded" } last && last.Generation == (environment.Metadata.Generation ?? 0))
        {
            return NameHolding.Deployed;
        }

        return status?.NamingScheme is not null || status?.LastUpdate is not null ? NameHolding.Started : NameHolding.None;
    }

    /// <summary>Whether <paramref name="environment"/> (holding <paramref name="mine"/>) must leave a name it shares with <paramref name="other"/> (holding <paramref name="theirs"/>) to it.</summary>
    public static bool Yields(V1Alpha1DataPlatformEnvironment environment, NameHolding mine, V1Alpha1DataPlatformEnvironment other, NameHolding theirs)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(other);
        if (mine == NameHolding.Deployed || (theirs == NameHolding.None && other.Metadata.DeletionTimestamp is not null))
        {
            return false;
        }

        if (theirs != mine)
        {
            return theirs > mine;
        }

        var created = Nullable.Compare(other.Metadata.CreationTimestamp, environment.Metadata.CreationTimestamp);
        return created != 0 ? created < 0 : string.CompareOrdinal(other.Metadata.Uid, environment.Metadata.Uid) < 0;
    }
}
