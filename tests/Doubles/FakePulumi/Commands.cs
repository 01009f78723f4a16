using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>The commands the driver issues, with the real CLI's outputs, errors and exit codes (SEMANTICS.md).</summary>
internal static class Commands
{
    public const string Version = "v3.205.0";

    /// <summary>The AWS identity this process's run acts as (one command per process), recorded in its history entry.</summary>
    private static JsonObject? RunIdentity;

    public static int Run(Cli cli)
    {
        if (cli.Command == "version")
        {
            Console.WriteLine(Environment.GetEnvironmentVariable("FAKE_PULUMI_VERSION") ?? Version);
            return 0;
        }

        if (cli.Command == "stack ls")
        {
            return StackList.Run(cli);
        }

        var stack = cli.Flag("--stack") ?? cli.Positional.FirstOrDefault() ?? throw new CliException("no stack selected; please use `pulumi stack select`");
        var directory = Directory.GetCurrentDirectory();
        var project = ProjectProgram.ProjectName(directory) ?? throw new CliException($"no Pulumi.yaml project file found (searching upwards from {directory}). If you have not created a project yet, use `pulumi new` to do so");
        var backend = Backend.FromEnvironment(project, stack);
        switch (cli.Command)
        {
            case "stack init":
                backend.Init(cli.Flag("--secrets-provider") ?? "passphrase");
                Console.WriteLine($"Created stack '{stack}'");
                return 0;
            case "stack select":
                backend.Load();
                return 0;
            case "stack rm":
                return RemoveStack(backend, cli, stack);
            case "cancel":
                backend.Load();
                backend.ClearLocks();
                Console.WriteLine($"The currently running update for '{stack}' has been canceled!");
                return 0;
            case "stack output":
                return Outputs(backend, cli.Has("--show-secrets"));
            case "stack history":
                var history = Unlocked(backend)["history"]!.AsArray();
                var size = int.Parse(cli.Flag("--page-size") ?? "10", CultureInfo.InvariantCulture);
                Console.WriteLine(new JsonArray(history.Reverse().Take(size).Select(h => h!.DeepClone()).ToArray()).ToJsonString());
                return 0;
            case "stack export":
                Console.WriteLine(Export(Unlocked(backend)).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            case "state unprotect":
                return Unprotect(backend, cli);
            case "stack import":
                Import(backend, cli.Flag("--file") ?? throw new CliException("--file is required"));
                Console.WriteLine("Import complete.");
                return 0;
            default:
                return Operation(cli, backend, stack, directory);
        }
    }

    private static int Operation(Cli cli, Backend backend, string stack, string directory)
    {
        var kind = cli.Command;
        if (kind != "preview" && !cli.Has("--yes"))
        {
            throw new CliException("--yes or --skip-preview must be passed in to proceed when running in non-interactive mode");
        }

        var program = ProjectProgram.Load(directory, stack);
        var state = Unlocked(backend);
        var identity = AwsIdentity.From(program.Config);
        var fault = Faults.Take(kind);
        var preview = kind == "preview";
        var lockFile = preview ? null : (fault?["kind"]?.GetValue<string>() == "lock" ? HoldForeignLock(backend) : backend.Lock());
        using var log = new EventLog(cli.Flag("--event-log"), stack, program.Name);
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            interrupted.Cancel();
        });
        var started = DateTimeOffset.UtcNow;
        RunIdentity = identity.ToEnvironment();
        program.Account = identity.Account;
        log.Prelude(program.Region);
        var resources = state["resources"]!.AsObject();
        if (state["pendingOperations"]!.AsArray().Count > 0 && kind == "up")
        {
            var pending = state["pendingOperations"]!.AsArray();
            var lines = string.Join("\n", pending.Select(p => $"  * {p!["urn"]}, interrupted while {p["type"]}"));
            log.Diagnostic("warning", $"Attempting to deploy or update resources with {pending.Count} pending operations from previous deployment.\n{lines}\nThese resources are in an unknown state because the Pulumi CLI was interrupted while waiting for changes to these resources to complete. You should confirm whether or not the operations listed completed successfully by checking the state of the appropriate provider. For example, if you are using AWS, you can confirm using the AWS Console.");
        }

        if (kind is "up" or "preview" && program.ReferenceErrors() is { Count: > 0 } referenceErrors)
        {
            foreach (var error in referenceErrors)
            {
                Console.Error.WriteLine($"error: {error}");
                log.Diagnostic("error", error, log.Urn("pulumi:pulumi:Stack", $"{program.Name}-{stack}"));
            }

            return Finish(log, backend, lockFile, [], preview, "failed", started, state, kind, 255, preview ? "preview failed" : "update failed");
        }

        if (kind == "up" && (string?)fault?["kind"] == "foreign")
        {
            // Between the preview and this update another writer recorded, under a name the program does not declare,
            // a copy of the state of a bucket this program made (a second checkout of the stack, a state edited by
            // hand), with the protect flag that bucket carries in the state: the program's own.
            var bucket = resources.FirstOrDefault(r => (string?)r.Value!["type"] is "aws:s3/bucket:Bucket" or "aws:s3/bucketV2:BucketV2").Value?.DeepClone().AsObject()
                ?? throw new CliException("the fault 'foreign' needs an S3 bucket in the stack's state");
            resources[(string?)fault!["resource"] ?? "foreign-bucket"] = bucket;
            fault = null;
        }

        var steps = Steps(kind, program, resources);
        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        var faultKind = (string?)fault?["kind"];
        var delay = (int?)fault?["delayMs"] ?? 0;
        var target = (string?)fault?["resource"];
        var failAt = target is null ? Math.Min(2, steps.Count - 1) : steps.FindIndex(s => s.Name == target);
        if (target is not null && failAt < 0)
        {
            throw new CliException($"the fault names resource '{target}', which this {kind} does not step");
        }

        var protectionErrors = 0;
        var replacedLater = new List<Step>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var (op, type, name, _) = step;
            if (interrupted.IsCancellationRequested)
            {
                return Finish(log, backend, lockFile, changes, preview, "canceled", started, state, kind, 255, "update canceled");
            }

            if (step.ProtectionError(log.Urn(type, name)) is { } protection)
            {
                // The engine refuses before the provider is called; a preview reports it and goes on so the whole plan is shown.
                log.Diagnostic("error", protection, log.Urn(type, name));
                protectionErrors++;
                if (!preview)
                {
                    log.Failed(op, type, name, step);
                    return Finish(log, backend, lockFile, changes, preview, "failed", started, state, kind, 255, $"{Verb(kind)} failed");
                }
            }

            var first = op == "replace" ? "create-replacement" : op;
            log.Pre(first, type, name, preview, step);
            if (faultKind == "crash" && i == failAt)
            {
                state["pendingOperations"]!.AsArray().Add(new JsonObject { ["urn"] = log.Urn(type, name), ["type"] = "creating" });
                backend.Save(state);
                Environment.Exit(137);
            }

            if (faultKind is "throttle" or "capacity" or "invalid" or "unclassified" && i == failAt)
            {
                log.Diagnostic("error", Faults.Diagnostic(faultKind, type, name), log.Urn(type, name));
                log.Failed(first, type, name, step);
                return Finish(log, backend, lockFile, changes, preview, "failed", started, state, kind, 255, "update failed");
            }

            if (kind == "refresh" && faultKind == "drift" && i == failAt)
            {
                // Someone changed the resource outside Pulumi: refresh reads the cloud's value into the state.
                var property = (string?)fault!["property"] ?? "tags";
                var drifted = resources[name]!.AsObject();
                var properties = drifted["properties"] as JsonObject ?? new JsonObject();
                properties[property] = (string?)fault["value"] ?? "changed-outside-pulumi";
                drifted["properties"] = properties;
                drifted["inputs"] = "drifted-" + (string?)drifted["inputs"];
                op = "update";
            }

            if (kind == "destroy" && type == "aws:rds/cluster:Cluster" && program.Input(name, "deletionProtection") == "true")
            {
                log.Diagnostic("error", $"deleting RDS Cluster ({program.Input(name, "clusterIdentifier")}): operation error RDS: DeleteDBCluster, https response error StatusCode: 400, RequestID: 8a1c0f1e-0000-4000-8000-000000000004, api error InvalidParameterCombination: Cannot delete protected Cluster, please disable deletion protection and try again.", log.Urn(type, name));
                log.Failed(op, type, name, step);
                return Finish(log, backend, lockFile, changes, preview, "failed", started, state, kind, 255, "destroy failed");
            }

            if (delay > 0 && interrupted.Token.WaitHandle.WaitOne(delay))
            {
                return Finish(log, backend, lockFile, changes, preview, "canceled", started, state, kind, 255, "update canceled");
            }

            log.Outputs(first, type, name, preview, step);
            if (op == "replace")
            {
                log.Pre(op, type, name, preview, step);
                log.Outputs(op, type, name, preview, step);
                replacedLater.Add(step);
            }

            changes[op] = changes.GetValueOrDefault(op) + 1;
            if (!preview && kind != "refresh")
            {
                if (op == "delete")
                {
                    resources.Remove(name);
                }
                else
                {
                    resources[name] = step.State();
                }
            }
        }

        foreach (var step in replacedLater)
        {
            // The old copy of a replaced resource goes last, as the engine deletes replaced resources after their dependents moved.
            log.Pre("delete-replaced", step.Type, step.Name, preview, null);
            log.Outputs("delete-replaced", step.Type, step.Name, preview, null);
        }

        if (protectionErrors > 0)
        {
            return Finish(log, backend, lockFile, changes, preview, "failed", started, state, kind, 255, "preview failed");
        }

        if (!preview)
        {
            state["pendingOperations"] = new JsonArray();
            state["outputs"] = kind == "destroy" ? new JsonObject() : program.Outputs(stack);
        }

        return Finish(log, backend, lockFile, changes, preview, "succeeded", started, state, kind, 0, null);
    }

    private static string Verb(string kind) => kind switch { "up" => "update", _ => kind };

    private static List<Step> Steps(string kind, ProjectProgram program, JsonObject resources)
    {
        if (kind == "destroy")
        {
            return resources.Reverse().Select(r => new Step("delete", (string)r.Value!["type"]!, r.Key, (string)r.Value["inputs"]!)
            {
                WasProtected = (bool?)r.Value["protect"] ?? false,
            }).ToList();
        }

        if (kind == "refresh")
        {
            return resources.Select(r => new Step("refresh", (string)r.Value!["type"]!, r.Key, (string)r.Value["inputs"]!)).ToList();
        }

        return Planner.Plan(program, resources);
    }

    private static int Finish(EventLog log, Backend backend, string? lockFile, Dictionary<string, int> changes, bool preview, string result,
        DateTimeOffset started, JsonObject state, string kind, int exitCode, string? error)
    {
        var ended = DateTimeOffset.UtcNow;
        log.Summary(changes, preview, result, (ended - started).TotalSeconds);
        log.Cancel();
        if (!preview)
        {
            var kindName = kind == "up" ? "update" : kind;
            state["history"]!.AsArray().Add(new JsonObject
            {
                ["version"] = state["history"]!.AsArray().Count + 1,
                ["kind"] = kindName,
                ["startTime"] = started.ToString("O", CultureInfo.InvariantCulture),
                ["endTime"] = ended.ToString("O", CultureInfo.InvariantCulture),
                ["message"] = "",
                ["result"] = result,
                ["resourceChanges"] = new JsonObject(changes.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
                ["environment"] = RunIdentity?.DeepClone(),
            });
            backend.Save(state);
            if (lockFile is not null && File.Exists(lockFile))
            {
                File.Delete(lockFile);
            }
        }

        if (error is not null)
        {
            throw new CliException(error);
        }

        return exitCode;
    }

    private static string? HoldForeignLock(Backend backend)
    {
        var path = backend.Lock();
        var held = JsonNode.Parse(File.ReadAllText(path))!;
        held["pid"] = 4242;
        held["host"] = "another-operator-0";
        File.WriteAllText(path, held.ToJsonString());
        backend.Lock();
        return null;
    }

    private static JsonObject Unlocked(Backend backend)
    {
        var state = backend.Load();
        Backend.Unlock(state);
        return state;
    }

    private static int Outputs(Backend backend, bool showSecrets)
    {
        var outputs = Unlocked(backend)["outputs"]!.AsObject();
        var printed = new JsonObject(outputs.Select(o => KeyValuePair.Create(o.Key,
            (bool)o.Value!["secret"]! && !showSecrets ? JsonValue.Create("[secret]") : o.Value["value"]?.DeepClone())));
        Console.WriteLine(printed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static int RemoveStack(Backend backend, Cli cli, string stack)
    {
        var state = backend.Load();
        if (state["resources"]!.AsObject().Count > 0 && !cli.Has("--force"))
        {
            throw new CliException($"'{stack}' still has resources; removal rejected. Possible actions:\n- Make sure that '{stack}' is the stack that you want to destroy\n- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n- Run `pulumi stack rm --force` to override this error");
        }

        File.Delete(backend.StatePath);
        backend.ClearLocks();
        Console.WriteLine($"Stack '{stack}' has been removed!");
        return 0;
    }

    /// <summary>`state unprotect --all --yes`: clears the protect flag of every resource in the state (pkg/cmd/pulumi/state/state_unprotect.go).</summary>
    private static int Unprotect(Backend backend, Cli cli)
    {
        if (!cli.Has("--all"))
        {
            throw new CliException("the fake pulumi supports `state unprotect` only with --all");
        }

        if (!cli.Has("--yes"))
        {
            throw new CliException("--yes must be passed in to proceed when running in non-interactive mode");
        }

        var state = Unlocked(backend);
        var lockFile = backend.Lock();
        foreach (var resource in state["resources"]!.AsObject())
        {
            resource.Value!["protect"] = false;
        }

        backend.Save(state);
        File.Delete(lockFile);
        Console.WriteLine("All resources unprotected");
        return 0;
    }

    private static JsonObject Export(JsonObject state) => new()
    {
        ["version"] = 3,
        ["deployment"] = new JsonObject
        {
            ["manifest"] = new JsonObject { ["time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["magic"] = "fake", ["version"] = Version },
            ["secrets_providers"] = new JsonObject { ["type"] = (string?)state["secretsProvider"] },
            ["resources"] = new JsonArray(state["resources"]!.AsObject().Select(r => (JsonNode)new JsonObject
            {
                ["urn"] = $"urn:pulumi:{state["stack"]}::{state["project"]}::{r.Value!["type"]}::{r.Key}",
                ["custom"] = true,
                ["type"] = r.Value["type"]!.DeepClone(),
                ["inputs"] = new JsonObject { ["fingerprint"] = r.Value["inputs"]!.DeepClone() },
            }).ToArray()),
            ["pending_operations"] = new JsonArray(state["pendingOperations"]!.AsArray().Select(p => (JsonNode)new JsonObject
            {
                ["resource"] = new JsonObject { ["urn"] = p!["urn"]!.DeepClone() },
                ["type"] = p["type"]!.DeepClone(),
            }).ToArray()),
        },
    };

    private static void Import(Backend backend, string file)
    {
        var state = Unlocked(backend);
        var deployment = JsonNode.Parse(File.ReadAllText(file))!["deployment"] ?? throw new CliException("could not deserialize deployment: missing deployment");
        var resources = new JsonObject();
        foreach (var resource in deployment["resources"]!.AsArray())
        {
            var urn = (string)resource!["urn"]!;
            resources[urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..]] = new JsonObject
            {
                ["type"] = resource["type"]!.DeepClone(),
                ["inputs"] = resource["inputs"]!["fingerprint"]!.DeepClone(),
            };
        }

        state["resources"] = resources;
        state["pendingOperations"] = new JsonArray((deployment["pending_operations"]?.AsArray() ?? []).Select(p => (JsonNode)new JsonObject
        {
            ["urn"] = p!["resource"]!["urn"]!.DeepClone(),
            ["type"] = p["type"]!.DeepClone(),
        }).ToArray());
        backend.Save(state);
    }
}
