namespace DataPlatform.Stack.Validation;

/// <summary>One family of pre-flight rules.</summary>
internal interface IValidationRule
{
    IEnumerable<Violation> Check(ValidationContext context);
}
