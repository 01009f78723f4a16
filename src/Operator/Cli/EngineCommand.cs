using System.CommandLine;
using System.Runtime.InteropServices;
using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>engine --payload PATH --workspace DIR --termination-message-path PATH [--passphrase-file PATH]</c>: the
/// command of an engine Job's container (DESIGN.md section 10). Runs the payload's operation, writes engine events
/// on stdout and the outcome as the termination message. SIGTERM (pod deletion, the Job's deadline) interrupts
/// the run as the operator's own shutdown does: SIGINT to the CLI, then kill, then the lock is cleared.
/// Exit codes: 0 the run succeeded, 3 it failed (the outcome says why), 2 usage or an unreadable payload.
/// </summary>
internal static class EngineCommand
{
    public const int RunFailed = 3;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var payload = new Option<FileInfo>("--payload") { Description = "The run's payload (JSON: operation, request, engine settings).", Required = true, HelpName = "PATH" };
        var workspace = new Option<DirectoryInfo>("--workspace") { Description = "A writable folder for the stack's workspace.", Required = true, HelpName = "DIR" };
        var termination = new Option<FileInfo>("--termination-message-path") { Description = "Where the outcome is written (the container's terminationMessagePath).", Required = true, HelpName = "PATH" };
        var passphrase = new Option<FileInfo>("--passphrase-file") { Description = "A file holding the passphrase of the passphrase secrets provider.", HelpName = "PATH" };
        var command = new Command("engine", "Run one engine operation inside an engine Job (used by Engine:Mode=Job).") { payload, workspace, termination, passphrase };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(payload)!, result.GetValue(workspace)!, result.GetValue(termination)!, result.GetValue(passphrase), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo payloadFile, DirectoryInfo workspace, FileInfo termination, FileInfo? passphrase, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        EngineJobPayload payload;
        try
        {
            payload = EngineJobJson.Deserialize<EngineJobPayload>(await File.ReadAllTextAsync(payloadFile.FullName, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // The message names the file and what is wrong with its shape, never its content (it holds credentials).
            await stderr.WriteLineAsync($"engine: cannot read the payload {payloadFile.FullName}: {e.GetType().Name}");
            return Verbs.Usage;
        }

        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });
        Directory.CreateDirectory(workspace.FullName);
        var result = await EngineJobRunner.RunAsync(payload, workspace.FullName, passphrase?.FullName, termination.FullName, stdout, interrupt.Token);
        return result.Outcome == EngineOutcome.Succeeded ? Verbs.Ok : RunFailed;
    }
}
