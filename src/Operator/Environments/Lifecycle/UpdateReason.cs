namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Why an engine run is owed.</summary>
internal enum UpdateReason
{
    /// <summary>The spec changed (or was never deployed).</summary>
    NewGeneration,

    /// <summary>A failure's backoff has elapsed.</summary>
    RetryDue,

    /// <summary>The drift interval elapsed since the last successful run.</summary>
    DriftCheck,

    /// <summary>The user set a new dataplatform.io/reconcile-request value.</summary>
    ReconcileRequested,

    /// <summary>The dataplatform.io/approve-plan annotation names the plan that waits for approval.</summary>
    PlanApproved,
}
