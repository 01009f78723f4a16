using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.TestSupport;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// Job mode (Engine:Mode=Job): the fake API server runs engine Jobs through a <see cref="FakeKubelet"/> whose one
/// image is the operator binary of this build, so each engine run is the real <c>engine</c> verb in its own process
/// running the fake pulumi, as a pod of the operator's image would.
/// </summary>
internal sealed partial class OperatorHarness
{
    public const string EngineNamespace = "dataplatform-system";
    public const string EngineImage = "ghcr.io/dataplatform-io/dataplatform-operator:e2e";

    /// <summary>The fake kubelet when the harness runs in Job mode, else null.</summary>
    public FakeKubelet? Kubelet { get; private set; }

    public void RunEngineAsJobs()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => (string)e.Key is "PATH" or "DOTNET_ROOT" or "HOME" or "DOTNET_CLI_HOME" or "TMPDIR")
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        var image = new ContainerImage(Path.Combine(AppContext.BaseDirectory, "DataPlatform.Operator"), [], environment);
        Kubelet = new FakeKubelet(Server, new Dictionary<string, ContainerImage>(StringComparer.Ordinal) { [EngineImage] = image });
    }

    /// <summary>Every Job and pod the server stored, in every version (the history), for checks across a whole run.</summary>
    public IReadOnlyList<JsonObject> EngineObjectHistory()
    {
        var (backlog, _, unsubscribe) = Server.Store.Watch(0);
        unsubscribe();
        return [.. backlog.Where(e => e.Key.Plural is "jobs" or "pods" || (e.Key.Plural == "secrets" && e.Key.Namespace == EngineNamespace)).Select(e => e.Body)];
    }

    private Dictionary<string, string?> WithJobSettings(Dictionary<string, string?> settings)
    {
        if (Kubelet is not null)
        {
            settings["Engine:Mode"] = "Job";
            settings["Engine:Job:Namespace"] = EngineNamespace;
            settings["Engine:Job:Image"] = EngineImage;
            settings["Engine:Job:CliPath"] = FakePulumiLocator.Path;
            settings["Engine:Job:PollInterval"] = "00:00:00.200";
        }

        return settings;
    }
}
