using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>Lifecycle phase for humans; tools read the conditions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnvironmentPhase>))]
public enum EnvironmentPhase
{
    /// <summary>Seen, not yet worked on.</summary>
    Pending,

    /// <summary>An engine run is under way or a retry is pending.</summary>
    Provisioning,

    /// <summary>The current generation is deployed.</summary>
    Ready,

    /// <summary>Cannot progress without a human.</summary>
    Failed,

    /// <summary>The stack is being destroyed or released.</summary>
    Deleting,

    /// <summary>Paused by spec.paused or the dataplatform.io/paused annotation.</summary>
    Paused,

    /// <summary>A previewed plan waits for approval (the dataplatform.io/approve-plan annotation); see status.plan.</summary>
    AwaitingApproval,
}
