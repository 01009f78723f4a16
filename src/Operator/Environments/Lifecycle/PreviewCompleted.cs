using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The preview (after a refresh for a drift check) succeeded; its plan, summarised per component.</summary>
internal sealed record PreviewCompleted(UpdateReason Reason, PlanReport Plan, DateTimeOffset Started, IReadOnlyList<string> Recoveries) : Observation;
