using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// The DIY file backend (FACTS.md section 6): stack state under .pulumi/stacks/&lt;project&gt;/&lt;stack&gt;.json
/// and lock files under .pulumi/locks/organization/&lt;project&gt;/&lt;stack&gt;/&lt;id&gt;.json. The passphrase
/// provider is honoured: the state keeps a salted hash of the passphrase, and every command that touches state
/// needs the same passphrase from PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE.
/// </summary>
internal sealed class Backend(string root, string project, string stack)
{
    public string RootPath => root;

    public string StatePath => Path.Combine(root, ".pulumi", "stacks", project, stack + ".json");

    public string LockDirectory => Path.Combine(root, ".pulumi", "locks", "organization", project, stack);

    public static Backend FromEnvironment(string project, string stack)
    {
        var url = Environment.GetEnvironmentVariable("PULUMI_BACKEND_URL")
            ?? throw new CliException("PULUMI_BACKEND_URL is not set and this fake has no Pulumi Cloud login");
        if (!url.StartsWith("file://", StringComparison.Ordinal))
        {
            throw new CliException($"the fake pulumi supports only file:// backends, not {url}");
        }

        return new Backend(url["file://".Length..], project, stack);
    }

    public bool Exists => File.Exists(StatePath);

    /// <summary>Every stack in the backend (of one project, or all), with its state.</summary>
    public static IEnumerable<(string Project, string Stack, JsonObject State)> List(string? project)
    {
        var root = FromEnvironment(project ?? "", "").RootPath;
        var stacks = Path.Combine(root, ".pulumi", "stacks");
        if (!Directory.Exists(stacks))
        {
            yield break;
        }

        foreach (var folder in Directory.GetDirectories(stacks).Where(d => project is null || Path.GetFileName(d) == project))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json"))
            {
                yield return (Path.GetFileName(folder), Path.GetFileNameWithoutExtension(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject());
            }
        }
    }

    public JsonObject Load()
    {
        if (!Exists)
        {
            throw new CliException($"no stack named '{stack}' found");
        }

        return JsonNode.Parse(File.ReadAllText(StatePath))!.AsObject();
    }

    public void Save(JsonObject state)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        File.WriteAllText(StatePath + ".tmp", state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(StatePath + ".tmp", StatePath, overwrite: true);
    }

    public void Init(string secretsProvider)
    {
        if (Exists)
        {
            throw new CliException($"stack '{stack}' already exists");
        }

        var state = new JsonObject
        {
            ["stack"] = stack,
            ["project"] = project,
            ["secretsProvider"] = secretsProvider,
            ["resources"] = new JsonObject(),
            ["outputs"] = new JsonObject(),
            ["pendingOperations"] = new JsonArray(),
            ["history"] = new JsonArray(),
        };
        if (secretsProvider == "passphrase")
        {
            var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            state["passphraseSalt"] = salt;
            state["passphraseHash"] = Hash(salt, RequirePassphrase());
        }

        Save(state);
    }

    /// <summary>The passphrase check every state-touching command makes (passphrase provider only).</summary>
    public static void Unlock(JsonObject state)
    {
        if ((string?)state["secretsProvider"] != "passphrase")
        {
            return;
        }

        if (Hash((string)state["passphraseSalt"]!, RequirePassphrase()) != (string?)state["passphraseHash"])
        {
            throw new CliException("failed to decrypt: incorrect passphrase, please set PULUMI_CONFIG_PASSPHRASE to the correct passphrase or set PULUMI_CONFIG_PASSPHRASE_FILE to a file containing the passphrase");
        }
    }

    public IReadOnlyList<string> Locks() =>
        Directory.Exists(LockDirectory) ? Directory.GetFiles(LockDirectory, "*.json").Order(StringComparer.Ordinal).ToList() : [];

    public string Lock()
    {
        var held = Locks();
        if (held.Count > 0)
        {
            var lines = held.Select(f =>
            {
                var l = JsonNode.Parse(File.ReadAllText(f))!;
                return $"  file://{f}: created by {l["user"]}@{l["host"]} (pid {l["pid"]}) at {l["timestamp"]}";
            });
            throw new CliException($"the stack is currently locked by {held.Count} lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n{string.Join("\n", lines)}");
        }

        Directory.CreateDirectory(LockDirectory);
        var path = Path.Combine(LockDirectory, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, new JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["user"] = Environment.UserName,
            ["host"] = Environment.GetEnvironmentVariable("HOSTNAME") is { Length: > 0 } hostname ? hostname : Environment.MachineName,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        }.ToJsonString());
        return path;
    }

    public void ClearLocks()
    {
        if (Directory.Exists(LockDirectory))
        {
            Directory.Delete(LockDirectory, recursive: true);
        }
    }

    private static string RequirePassphrase()
    {
        if (Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE") is { } passphrase)
        {
            return passphrase;
        }

        if (Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE_FILE") is { } file)
        {
            try
            {
                return File.ReadAllText(file).TrimEnd('\n', '\r');
            }
            catch (IOException e)
            {
                throw new CliException($"unable to read PULUMI_CONFIG_PASSPHRASE_FILE: {e.Message}");
            }
        }

        throw new CliException("passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables");
    }

    private static string Hash(string salt, string passphrase) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + passphrase)));
}
