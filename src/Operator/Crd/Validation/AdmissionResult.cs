using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// What the API server's custom-resource write path made of an object: the pruned and defaulted object, the
/// validation causes (a non-empty list is a 422 Invalid) and the pruned unknown field paths (a 400 BadRequest
/// under <c>fieldValidation=Strict</c>, a warning otherwise).
/// </summary>
internal sealed record AdmissionResult(JsonObject Object, IReadOnlyList<FieldCause> Causes, IReadOnlyList<string> UnknownFields, bool Strict)
{
    /// <summary>True when the strict decoder refuses the object (checked before validation on the real server).</summary>
    public bool StrictDecodingFailed => Strict && UnknownFields.Count > 0;

    public bool Allowed => !StrictDecodingFailed && Causes.Count == 0;

    /// <summary>The 400 message: <c>strict decoding error: unknown field "spec.foo", unknown field "spec.bar"</c>.</summary>
    public string StrictDecodingMessage =>
        "strict decoding error: " + string.Join(", ", UnknownFields.Select(f => $"unknown field \"{f}\""));

    /// <summary>
    /// The 422 message as the API server writes it: <c>Kind.group "name" is invalid: cause</c>, with several
    /// causes in brackets.
    /// </summary>
    public string InvalidMessage(string kindAndGroup, string name) => Causes.Count == 1
        ? $"{kindAndGroup} \"{name}\" is invalid: {Causes[0]}"
        : $"{kindAndGroup} \"{name}\" is invalid: [{string.Join(", ", Causes)}]";
}
