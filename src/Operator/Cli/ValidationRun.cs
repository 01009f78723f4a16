using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// Validates what <c>validate</c> was given: files, directories searched recursively for *.yaml, *.yml and *.json
/// (hidden entries skipped), and <c>-</c> for standard input. Each file may hold many documents; those that are
/// not DataPlatformEnvironments are skipped and counted, so kustomize output can be piped in.
/// </summary>
internal sealed class ValidationRun
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public List<ValidationRecord> Records { get; } = [];

    public List<(string File, string Message)> Unreadable { get; } = [];

    public int Files { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>DataPlatformEnvironment documents found (files that did not parse are records but not environments).</summary>
    public int Environments { get; private set; }

    public int Valid => Records.Count(r => r.Valid);

    public int Invalid => Records.Count(r => !r.Valid);

    /// <summary>0 when everything read is valid (warnings allowed), 1 when anything is invalid, 2 when a path could not be read.</summary>
    public int ExitCode => Unreadable.Count > 0 ? Verbs.Usage : Invalid > 0 ? Verbs.Invalid : Verbs.Ok;

    public static async Task<ValidationRun> ExecuteAsync(IReadOnlyList<string> paths, TextReader stdin, CancellationToken cancellationToken)
    {
        var run = new ValidationRun();
        foreach (var path in paths)
        {
            if (path != InputFile.StdinName && Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint })
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    await run.ValidateFileAsync(file, stdin, named: false, cancellationToken);
                }
            }
            else
            {
                await run.ValidateFileAsync(path, stdin, named: true, cancellationToken);
            }
        }

        return run;
    }

    /// <summary>One file; a file named on the command line (or stdin) that holds no document at all is invalid.</summary>
    private async Task ValidateFileAsync(string path, TextReader stdin, bool named, CancellationToken cancellationToken)
    {
        Files++;
        var name = InputFile.Name(path);
        var (text, failure) = await InputFile.ReadAsync(path, stdin, cancellationToken);
        if (failure is { Unreadable: true })
        {
            Unreadable.Add((name, failure.Message));
            return;
        }

        if (text is null)
        {
            Records.Add(new ValidationRecord(name, null, null, [Violation.Error("(file)", "input.size", failure!.Message)], null, 1));
            return;
        }

        IReadOnlyList<ManifestDocument> documents;
        try
        {
            documents = EnvironmentReader.ReadStream(text);
        }
        catch (InputException e)
        {
            Records.Add(new ValidationRecord(name, null, null, [Violation.Error("(document)", "input.yaml", e.Describe())], null, Math.Max(1, e.Line)));
            return;
        }

        if (documents.Count == 0 && named)
        {
            Records.Add(new ValidationRecord(name, null, null, [Violation.Error("(document)", "input.empty", "the file is empty; expected DataPlatformEnvironment documents.")], null, 1));
            return;
        }

        var numbered = documents.Count > 1;
        foreach (var document in documents)
        {
            if (document.Result is not { } result)
            {
                Skipped++;
                continue;
            }

            Environments++;
            Records.Add(new ValidationRecord(name, numbered ? document.Index + 1 : null, document.Name, OfflineValidation.Check(result), document.Source, document.Source.Line));
        }
    }
}
