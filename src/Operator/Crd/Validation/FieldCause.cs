using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// One validation error as the API server reports it in a 422 <c>Status</c>'s <c>details.causes[]</c>: the field
/// path (<c>spec.database.masterUsername</c>, <c>spec.tags[env]</c>, <c>spec.x[0]</c>), the error body
/// (<c>Invalid value: "x": ...</c>) and the reason (<c>FieldValueInvalid</c>, <c>FieldValueRequired</c>, ...).
/// The wording follows k8s.io/apimachinery's <c>field.Error.ErrorBody()</c>.
/// </summary>
internal sealed record FieldCause(string Field, string Message, string Reason)
{
    public const string Invalid = "FieldValueInvalid";
    public const string Required = "FieldValueRequired";
    public const string Forbidden = "FieldValueForbidden";
    public const string NotSupported = "FieldValueNotSupported";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string TypeInvalid = "FieldValueTypeInvalid";
    public const string Duplicate = "FieldValueDuplicate";

    /// <summary><c>field: message</c>, the form the API server joins into its top-level message.</summary>
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";

    public static FieldCause InvalidValue(string field, string shownValue, string detail) =>
        new(field, $"Invalid value: {shownValue}: {detail}", Invalid);

    public static FieldCause RequiredValue(string field, string? detail = null) =>
        new(field, detail is null ? "Required value" : $"Required value: {detail}", Required);

    public static FieldCause ForbiddenValue(string field, string detail) =>
        new(field, $"Forbidden: {detail}", Forbidden);

    public static FieldCause Unsupported(string field, JsonNode? value, IEnumerable<JsonNode?> allowed) =>
        new(field, $"Unsupported value: {Show(value)}: supported values: {string.Join(", ", allowed.Select(Show))}", NotSupported);

    public static FieldCause TooLongValue(string field, long max) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"Too long: may not be more than {max} bytes"), TooLong);

    public static FieldCause TooManyItems(string field, int actual, long max) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"Too many: {actual}: must have at most {max} items"), TooMany);

    public static FieldCause WrongType(string field, JsonNode? value, string detail) =>
        new(field, $"Invalid value: {Quote(JsonKind(value))}: {detail}", TypeInvalid);

    public static FieldCause DuplicateValue(string field, JsonNode? value) =>
        new(field, $"Duplicate value: {Show(value)}", Duplicate);

    /// <summary>A value as Go's <c>%#v</c> prints it in field errors: strings quoted, numbers and booleans bare.</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v => v.ToJsonString(),
        _ => Quote(JsonKind(value)),
    };

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string JsonKind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "null",
    };
}
