using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Engine.Jobs;

/// <summary>How the ways an engine Job or its pod can end become a classified failure the lifecycle acts on.</summary>
public sealed class EngineJobOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_oom_killed_pod_is_transient_and_names_the_limit_and_the_setting()
    {
        var result = EngineJobOutcome.Of(Job(), Pod(new V1ContainerStateTerminated { ExitCode = 137, Reason = "OOMKilled" }), null, EngineOperation.Up, Start, Start.AddMinutes(3));

        Assert.Equal(EngineOutcome.Failed, result.Outcome);
        Assert.Equal("EngineOutOfMemory", result.Failure!.Class);
        Assert.Equal(FailureOutcome.Transient, result.Failure.Outcome);
        Assert.Contains("limit 2Gi", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("Engine:Job:MemoryLimit", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_past_its_deadline_is_a_transient_timeout()
    {
        var job = Job(new V1JobCondition { Type = "Failed", Status = "True", Reason = "DeadlineExceeded", Message = "Job was active longer than specified deadline" });

        var result = EngineJobOutcome.Of(job, null, null, EngineOperation.Up, Start, Start.AddHours(2));

        Assert.Equal(EngineOutcome.TimedOut, result.Outcome);
        Assert.Equal("TimedOut", result.Failure!.Class);
        Assert.True(result.Failure.Transient);
        Assert.Contains("7320 s", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_stopped_at_the_jobs_deadline_is_a_timeout_even_when_it_reported_itself_cancelled()
    {
        var cancelled = new EngineRunResult(EngineOperation.Up, EngineOutcome.Cancelled, new Dictionary<string, int>(),
            new Failure("Cancelled", FailureOutcome.Transient, null, null, "The Up run was cancelled."), ["Cleared the stack lock left by the interrupted run."], Start, Start);
        var job = Job(new V1JobCondition { Type = "Failed", Status = "True", Reason = "DeadlineExceeded" });

        var result = EngineJobOutcome.Of(job, null, cancelled, EngineOperation.Up, Start, Start.AddHours(2));

        Assert.Equal(EngineOutcome.TimedOut, result.Outcome);
        Assert.Equal(["Cleared the stack lock left by the interrupted run."], result.Recoveries);
    }

    [Fact]
    public void An_evicted_pod_is_transient()
    {
        var pod = Pod(new V1ContainerStateTerminated { ExitCode = 137, Reason = "Error" });
        pod.Status.Reason = "Evicted";
        pod.Status.Message = "The node was low on resource: memory.";

        var result = EngineJobOutcome.Of(Job(Failed("BackoffLimitExceeded")), pod, null, EngineOperation.Destroy, Start, Start.AddMinutes(1));

        Assert.Equal("EnginePodEvicted", result.Failure!.Class);
        Assert.True(result.Failure.Transient);
        Assert.Contains("low on resource", result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ImagePullBackOff", FailureOutcome.Transient)]
    [InlineData("ErrImagePull", FailureOutcome.Transient)]
    [InlineData("InvalidImageName", FailureOutcome.Terminal)]
    public void A_pod_whose_image_cannot_be_pulled_fails_the_run(string reason, FailureOutcome outcome)
    {
        var pod = Pod(null);
        pod.Status.ContainerStatuses[0].State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = "pull access denied" } };

        var result = EngineJobOutcome.Stuck(pod, EngineOperation.Up, Start, Start.AddMinutes(1));

        Assert.Equal("EngineImageUnavailable", result!.Failure!.Class);
        Assert.Equal(outcome, result.Failure.Outcome);
        Assert.Contains("registry.example/operator:1", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_still_creating_is_not_stuck()
    {
        var pod = Pod(null);
        pod.Status.ContainerStatuses[0].State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } };

        Assert.Null(EngineJobOutcome.Stuck(pod, EngineOperation.Up, Start, Start));
    }

    [Fact]
    public void The_reported_result_wins_and_a_termination_message_is_read_when_the_log_had_none()
    {
        var reported = new EngineRunResult(EngineOperation.Up, EngineOutcome.Failed, new Dictionary<string, int> { ["create"] = 3 },
            new Failure("Throttling", FailureOutcome.Transient, null, "aws-throttling", "Rate exceeded"), ["Removed a stale lock."], Start, Start.AddMinutes(5));
        var pod = Pod(new V1ContainerStateTerminated { ExitCode = 3, Reason = "Error", Message = EngineJobRunner.TerminationMessage(reported, []) });

        var fromMessage = EngineJobOutcome.Of(Job(Failed("BackoffLimitExceeded")), pod, null, EngineOperation.Up, Start, Start.AddMinutes(6));

        Assert.Equal("Throttling", fromMessage.Failure!.Class);
        Assert.Equal(3, fromMessage.ResourceChanges["create"]);
        Assert.Equal(["Removed a stale lock."], fromMessage.Recoveries);
        Assert.Equal(Start.AddMinutes(5), fromMessage.Ended);
    }

    [Fact]
    public void A_pod_that_exits_without_an_outcome_is_an_engine_crash_and_a_deleted_job_is_lost()
    {
        var crashed = EngineJobOutcome.Of(Job(Failed("BackoffLimitExceeded")), Pod(new V1ContainerStateTerminated { ExitCode = 139, Reason = "Error", Message = "panic: runtime error" }), null, EngineOperation.Up, Start, Start);
        var lost = EngineJobOutcome.Of(null, null, null, EngineOperation.Up, Start, Start);

        Assert.Equal("EngineCrash", crashed.Failure!.Class);
        Assert.Contains("code 139", crashed.Failure.Message, StringComparison.Ordinal);
        Assert.Equal("EngineJobLost", lost.Failure!.Class);
        Assert.True(lost.Failure.Transient && crashed.Failure.Transient);
    }

    [Fact]
    public void A_termination_message_fits_in_4096_bytes_and_carries_no_secret()
    {
        var message = string.Concat(Enumerable.Repeat("AccessDenied for key AKIASECRET1234 on arn:aws:iam::123456789012:role/x. ", 200));
        var result = new EngineRunResult(EngineOperation.Up, EngineOutcome.Failed, new Dictionary<string, int>(),
            new Failure("AccessDenied", FailureOutcome.Terminal, null, "aws-access-denied", message), ["é recovered", "another"], Start, Start);

        var text = EngineJobRunner.TerminationMessage(result, ["AKIASECRET1234"]);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) <= EngineJobRunner.TerminationMessageLimit);
        Assert.DoesNotContain("AKIASECRET1234", text, StringComparison.Ordinal);
        Assert.Equal("AccessDenied", EngineJobOutcome.Parse(text)!.Failure!.Class);
    }

    [Fact]
    public void A_plan_too_large_for_the_termination_message_becomes_a_transient_failure_that_previews_again()
    {
        var steps = Enumerable.Range(0, 80)
            .Select(i => new DataPlatform.Stack.Engine.Events.StepMetadata("update", $"urn:pulumi:dev::dataplatform::aws:rds/cluster:Cluster::resource-number-{i}", "aws:rds/cluster:Cluster") { Diffs = ["tags", "tagsAll"] })
            .ToList();
        var preview = new EngineRunResult(EngineOperation.Preview, EngineOutcome.Succeeded, new Dictionary<string, int> { ["update"] = 80 }, null, [], Start, Start)
        {
            Plan = new PreviewPlan("0123456789abcdef", steps),
        };

        var text = EngineJobRunner.TerminationMessage(preview, []);
        var parsed = EngineJobOutcome.Parse(text)!;

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) <= EngineJobRunner.TerminationMessageLimit);
        Assert.Equal((EngineOutcome.Failed, EngineJobRunner.PlanTooLarge, true), (parsed.Outcome, parsed.Failure!.Class, parsed.Failure.Transient));
        Assert.Null(parsed.Plan);
        var small = preview with { Plan = new PreviewPlan("0123456789abcdef", steps.Take(2).ToList()) };
        Assert.Equal(["tags", "tagsAll"], EngineJobOutcome.Parse(EngineJobRunner.TerminationMessage(small, []))!.Plan!.Steps[1].Diffs);
    }

    private static V1JobCondition Failed(string reason) => new() { Type = "Failed", Status = "True", Reason = reason, Message = "Job has reached the specified backoff limit" };

    private static V1Job Job(params V1JobCondition[] conditions) => new()
    {
        Metadata = new V1ObjectMeta { Name = "dpe-0123456789abcdef-up-abcde" },
        Spec = new V1JobSpec { ActiveDeadlineSeconds = 7320 },
        Status = new V1JobStatus { Conditions = conditions },
    };

    private static V1Pod Pod(V1ContainerStateTerminated? terminated) => new()
    {
        Metadata = new V1ObjectMeta { Name = "dpe-0123456789abcdef-up-abcde-x1y2z" },
        Spec = new V1PodSpec
        {
            Containers = [new V1Container
            {
                Name = "engine",
                Image = "registry.example/operator:1",
                Resources = new V1ResourceRequirements { Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("2Gi") } },
            }],
        },
        Status = new V1PodStatus
        {
            Phase = terminated is null ? "Pending" : "Failed",
            ContainerStatuses = [new V1ContainerStatus { Name = "engine", State = new V1ContainerState { Terminated = terminated } }],
        },
    };
}
