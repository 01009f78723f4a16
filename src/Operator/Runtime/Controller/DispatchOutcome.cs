namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>What a dispatch asks of the queue: its result, when to look again, and a failure's reason.</summary>
internal sealed record DispatchOutcome(DispatchResult Result, TimeSpan? RequeueAfter = null, string? Reason = null);
