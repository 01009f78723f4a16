using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>The outcome for one environment document (or one file that could not be read as YAML).</summary>
/// <param name="File">The file as named on the command line or found in a directory; (stdin) for <c>-</c>.</param>
/// <param name="Document">1-based position of the document in a multi-document file, or null when the file holds one.</param>
/// <param name="Name">metadata.name, when there is one.</param>
/// <param name="Violations">Schema problems or pre-flight findings.</param>
/// <param name="Source">The parsed document, for the line of each field; null when the file did not parse.</param>
/// <param name="Line">The line to point at when a violation has no field line.</param>
internal sealed record ValidationRecord(string File, int? Document, string? Name, IReadOnlyList<Violation> Violations, YamlJsonDocument? Source, long Line)
{
    public bool Valid => Violations.All(v => v.Severity != Severity.Error);

    public string Label => Document is null ? File : $"{File} document {Document}{(Name is null ? "" : $" ({MessageText.Escape(Name, 63)})")}";

    public long LineOf(Violation violation) => Source?.LineOf(violation.Field) ?? Line;
}
