namespace DataPlatform.Operator.Webhooks;

/// <summary>One finding of the pre-flight validator as the webhook reports it.</summary>
internal sealed record AdmissionFinding(string Field, string Rule, bool IsError, string Message)
{
    public override string ToString() => $"{Field}: {Rule}: {Message}";
}
