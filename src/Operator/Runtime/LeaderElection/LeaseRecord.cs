using k8s.Models;

namespace DataPlatform.Operator.Runtime.LeaderElection;

/// <summary>The parts of a Lease that say who holds it and since when; a candidate notes when they last changed.</summary>
internal readonly record struct LeaseRecord(string? Holder, DateTime? RenewTime, DateTime? AcquireTime, int? Duration, int? Transitions)
{
    public static LeaseRecord Of(V1LeaseSpec spec) =>
        new(spec.HolderIdentity, spec.RenewTime, spec.AcquireTime, spec.LeaseDurationSeconds, spec.LeaseTransitions);
}
