namespace DataPlatform.Operator.Cli;

/// <summary>The operator's command-line verbs. Exit codes: 0 success, 1 invalid input, 2 usage or unreadable input.</summary>
internal static class Verbs
{
    public const string Usage = """
        Usage: DataPlatform.Operator <verb> [arguments]

          run [--kubeconfig PATH]   run the operator (settings: appsettings.json, DATAPLATFORM_* variables)
          validate FILE... [--output text|json]  check environments before any AWS call (exit 0 valid, 1 invalid, 2 unreadable)
          plan [FILE] [--out DIR]   show what an environment builds and write its Pulumi project (default: the embedded full sample)
          generate-crd [--out PATH]... write the CustomResourceDefinition generated from the entity types
          help                      show this text
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        return args[0] switch
        {
            "run" => await RunCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "validate" => await ValidateCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "plan" => await PlanCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "generate-crd" => await GenerateCrdCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            _ => await UnknownAsync(args[0], stderr),
        };
    }

    private static async Task<int> UnknownAsync(string verb, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"unknown verb '{verb}'.");
        await stderr.WriteLineAsync(Usage);
        return 2;
    }
}
