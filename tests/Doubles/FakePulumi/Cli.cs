namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// Parses a command line the way the real CLI's flag parser does for the commands the driver issues:
/// positional words, `--flag value`, `--flag=value` and boolean flags. Anything else is refused with the real
/// CLI's wording (SEMANTICS.md, "Command lines").
/// </summary>
internal sealed class Cli
{
    private static readonly HashSet<string> Booleans = ["--non-interactive", "--yes", "--skip-preview", "--json", "--show-secrets", "--force", "--preserve-config", "--refresh", "--all"];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["version"] = [],
        ["stack select"] = ["--stack"],
        ["stack init"] = ["--secrets-provider", "--stack"],
        ["stack ls"] = ["--json", "--all"],
        ["stack rm"] = ["--yes", "--force", "--preserve-config", "--stack"],
        ["stack output"] = ["--json", "--show-secrets", "--stack"],
        ["stack history"] = ["--json", "--show-secrets", "--page-size", "--page", "--stack"],
        ["stack export"] = ["--show-secrets", "--stack", "--file"],
        ["stack import"] = ["--file", "--stack"],
        ["up"] = ["--yes", "--skip-preview", "--exec-kind", "--event-log", "--stack", "--refresh", "--message"],
        ["preview"] = ["--exec-kind", "--event-log", "--stack", "--refresh"],
        ["refresh"] = ["--yes", "--skip-preview", "--exec-kind", "--event-log", "--stack", "--clear-pending-creates"],
        ["destroy"] = ["--yes", "--skip-preview", "--exec-kind", "--event-log", "--stack"],
        ["cancel"] = ["--yes", "--stack"],
        ["state unprotect"] = ["--all", "--yes", "--stack"],
    };

    private readonly Dictionary<string, string> _flags = new(StringComparer.Ordinal);

    private Cli(string command, List<string> positional)
    {
        Command = command;
        Positional = positional;
    }

    public string Command { get; }

    public List<string> Positional { get; }

    public string? Flag(string name) => _flags.GetValueOrDefault(name);

    public bool Has(string name) => _flags.ContainsKey(name);

    public static Cli Parse(string[] args)
    {
        var words = new List<string>();
        var flags = new List<(string Name, string Value)>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    flags.Add((arg[..eq], arg[(eq + 1)..]));
                }
                else if (Booleans.Contains(arg))
                {
                    flags.Add((arg, "true"));
                }
                else if (i + 1 < args.Length)
                {
                    flags.Add((arg, args[++i]));
                }
                else
                {
                    throw new CliException($"flag needs an argument: {arg}");
                }
            }
            else
            {
                words.Add(arg);
            }
        }

        if (words.Count == 0)
        {
            throw new CliException("no command given");
        }

        var command = words[0] is "stack" or "state" && words.Count > 1 ? $"{words[0]} {words[1]}" : words[0];
        var positional = words.Skip(command.Contains(' ', StringComparison.Ordinal) ? 2 : 1).ToList();
        if (!Allowed.TryGetValue(command, out var allowed))
        {
            throw new CliException($"unknown command \"{words[^1]}\" for \"pulumi\"");
        }

        var cli = new Cli(command, positional);
        foreach (var (name, value) in flags)
        {
            if (name != "--non-interactive" && !allowed.Contains(name))
            {
                throw new CliException($"unknown flag: {name}");
            }

            cli._flags[name] = value;
        }

        return cli;
    }
}
