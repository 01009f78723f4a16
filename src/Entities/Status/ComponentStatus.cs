using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>One component of the platform (a part of the stack program) and whether it blocks Ready.</summary>
public sealed class ComponentStatus
{
    /// <summary>
    /// The component: network, encryption, streaming, secrets, database, cache, artifacts, pipeline or observability.
    /// Only components the program has are listed (no pipeline when spec.pipeline.enabled is false).
    /// </summary>
    [JsonPropertyName("name")]
    [Required]
    [StringLength(63, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Name { get; set; } = "";

    /// <summary>
    /// Ready (every resource deployed), InProgress (the engine is working on it), Failed (failedResource, failureClass
    /// and message say why) or Pending (not reached yet, or the run stopped before it; message says why).
    /// </summary>
    [JsonPropertyName("state")]
    [Required]
    public ComponentState State { get; set; } = ComponentState.Pending;

    /// <summary>Resources of the component the engine has finished with in the last run.</summary>
    [JsonPropertyName("resourcesDone")]
    public int ResourcesDone { get; set; }

    /// <summary>Resources of the component in the program.</summary>
    [JsonPropertyName("resourcesTotal")]
    public int ResourcesTotal { get; set; }

    /// <summary>The operations in flight while InProgress, such as "create database-cluster (2m05s)", with how long each has run.</summary>
    [JsonPropertyName("inFlight")]
    public List<string>? InFlight { get; set; }

    /// <summary>When Failed: the logical name of the resource that failed, as in the program and the stack's URNs.</summary>
    [JsonPropertyName("failedResource")]
    public string? FailedResource { get; set; }

    /// <summary>When Failed: the failure class, such as Throttling, InsufficientCapacity or InvalidParameter.</summary>
    [JsonPropertyName("failureClass")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? FailureClass { get; set; }

    /// <summary>What a user needs to know: the AWS error (secrets removed) when Failed, what it waits for otherwise.</summary>
    [JsonPropertyName("message")]
    [MaxLength(2048)]
    public string? Message { get; set; }
}
