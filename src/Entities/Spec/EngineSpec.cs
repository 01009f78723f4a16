using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>
/// How big this environment's engine runs are: the resources of its engine Jobs and how many resource operations a
/// run does at once. Each field is optional and takes the operator's default when unset; the operator's settings
/// (Engine:Job:MaxCpu, MaxMemory, MaxParallel) and the governing DataPlatformPolicy (spec.limits) bound what may be
/// asked for, at admission and at reconcile.
/// </summary>
public sealed class EngineSpec
{
    /// <summary>Requests and limits of the engine Job's container (Job mode only: in InProcess mode the run shares the operator's memory budget and these are ignored).</summary>
    [JsonPropertyName("resources")]
    public EngineResourcesSpec? Resources { get; set; }

    /// <summary>Most resource operations one engine run does at once (PULUMI_PARALLEL, the CLI's --parallel); memory grows with it. Applies in both engine modes. Defaults to the operator's setting (Engine:Job:Parallel in Job mode).</summary>
    [JsonPropertyName("parallel")]
    [Range(1, 256)]
    public int? Parallel { get; set; }
}
