namespace DataPlatform.Operator.Controllers;

/// <summary>The two outcomes of <see cref="ReconcilePlanner"/>.</summary>
internal enum ReconcileDecisionKind
{
    /// <summary>Run the engine.</summary>
    Update,

    /// <summary>Nothing is owed: no engine run and no API write.</summary>
    Idle,
}
