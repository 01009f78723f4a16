using DataPlatform.Entities.Policy;

namespace DataPlatform.Operator.Crd;

/// <summary>The cluster-scoped DataPlatformPolicy CRD: where it is checked in and how it is generated.</summary>
internal static class PolicyCrd
{
    public const string RelativePath = "config/crd/bases/dataplatform.io_dataplatformpolicies.yaml";

    /// <summary>The chart's copy, byte for byte the same as <see cref="RelativePath"/>.</summary>
    public const string ChartRelativePath = "charts/dataplatform-operator/files/policy-crd.yaml";

    public static CrdShape Shape { get; } = new(
        typeof(V1Alpha1DataPlatformPolicy), typeof(DataPlatformPolicySpec), null, V1Alpha1DataPlatformPolicy.KindName,
        V1Alpha1DataPlatformPolicy.Plural, V1Alpha1DataPlatformPolicy.Singular, V1Alpha1DataPlatformPolicy.ShortName, "Cluster");
}
