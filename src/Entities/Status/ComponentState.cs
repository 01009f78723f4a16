using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>Where one component of the platform stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComponentState>))]
public enum ComponentState
{
    /// <summary>None of its resources has been worked on in the current run, or the run stopped before reaching it.</summary>
    Pending,

    /// <summary>The engine is creating, updating or deleting some of its resources.</summary>
    InProgress,

    /// <summary>Every one of its resources is deployed as the current generation asks.</summary>
    Ready,

    /// <summary>One of its resources failed; failedResource, failureClass and message say which and why.</summary>
    Failed,
}
