namespace DataPlatform.Stack.Engine;

/// <summary>Settings of the Pulumi CLI driver (configuration section "Engine").</summary>
public sealed class StackEngineOptions
{
    public const string Section = "Engine";

    /// <summary>The pulumi executable: a path, or a name looked up on PATH.</summary>
    public string CliPath { get; set; } = "pulumi";

    /// <summary>Where each stack's workspace (program files, event logs) is written.</summary>
    public string WorkspaceRoot { get; set; } = Path.Combine(Path.GetTempPath(), "dataplatform-workspaces");

    /// <summary>PULUMI_HOME for the CLI (plugins, credentials); null leaves the CLI's default.</summary>
    public string? PulumiHome { get; set; }

    /// <summary>Backend URL when the environment names none.</summary>
    public string? DefaultBackendUrl { get; set; }

    /// <summary>The passphrase for the passphrase secrets provider, or null to use <see cref="PassphraseFile"/>.</summary>
    public string? Passphrase { get; set; }

    /// <summary>A file holding the passphrase (PULUMI_CONFIG_PASSPHRASE_FILE), as mounted from the operator's Secret.</summary>
    public string? PassphraseFile { get; set; }

    /// <summary>The longest one run may take before it is interrupted.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an interrupted CLI gets to stop before it is killed.</summary>
    public TimeSpan CancelGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra environment for every CLI run, such as HTTPS_PROXY or AWS_STS_REGIONAL_ENDPOINTS.</summary>
    public Dictionary<string, string> Environment { get; set; } = [];

    /// <summary>The engine's parallelism (PULUMI_PARALLEL, the bound on concurrent resource operations); null leaves the CLI's default of 4 x CPUs.</summary>
    public int? Parallel { get; set; }

    /// <summary>The oldest CLI the driver works with (file event logs, the commands of FACTS.md).</summary>
    public Version MinimumVersion { get; set; } = new(3, 100, 0);
}
