namespace DataPlatform.Stack.Validation;

/// <summary>How bad a finding is: an error stops the deployment, a warning is reported and deployment goes on.</summary>
public enum Severity
{
    Error,
    Warning,
}
