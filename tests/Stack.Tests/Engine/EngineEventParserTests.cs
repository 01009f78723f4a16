using System.Text.Json.Nodes;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Engine;

public sealed class EngineEventParserTests
{
    public static TheoryData<string> Samples() => new(
        Directory.GetFiles(RepoPaths.Reference("pulumi", "cli", "event-log-samples"), "*.jsonl").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_event_of_every_sample_parses_and_the_summary_matches_the_file(string sample)
    {
        var lines = Lines(sample);
        var progress = new EngineProgress();

        foreach (var line in lines)
        {
            progress.Apply(EngineEventParser.Parse(line));
        }

        Assert.Equal(lines.Count, progress.EventCount);
        Assert.True(progress.Ended, "the stream ends with a cancelEvent");
        var expected = lines.Select(l => JsonNode.Parse(l)!["summaryEvent"]).Single(s => s is not null)!;
        Assert.Equal(
            expected["resourceChanges"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!),
            progress.Summary!.ResourceChanges);
        Assert.Equal((string?)expected["result"], progress.Summary.Result);
        Assert.Equal((bool)expected["maybeCorrupt"]!, progress.Summary.MaybeCorrupt);
    }

    [Fact]
    public void Succeeded_update_leaves_nothing_in_flight()
    {
        var progress = Replay("up-succeeded-aws.jsonl");

        Assert.Empty(progress.InFlight);
        Assert.Equal(6, progress.Done.Values.Sum());
        Assert.Empty(progress.Errors);
    }

    [Fact]
    public void A_real_replacement_preview_plans_one_replace_with_the_property_forcing_it()
    {
        var progress = Replay("up-webserver-aws.jsonl");

        var step = Assert.Single(progress.Planned);
        Assert.Equal(("replace", "web-server-www", "userData", "userData"), (step.Op, step.Name, Assert.Single(step.Keys), Assert.Single(step.Diffs)));
        Assert.Equal(1, progress.Summary!.ResourceChanges["replace"]);
    }

    [Fact]
    public void Interrupted_update_shows_the_steps_in_flight()
    {
        var progress = Replay("up-interrupted-aws.jsonl");

        Assert.Equal(4, progress.InFlight.Count);
    }

    [Fact]
    public void Failed_step_is_recorded_with_its_resource()
    {
        var progress = Replay("up-failed-resopfailed.jsonl");

        Assert.Single(progress.FailedResources);
        Assert.EndsWith("::test-x", progress.FailedResources[0], StringComparison.Ordinal);
        Assert.True(progress.Summary!.MaybeCorrupt);
    }

    [Fact]
    public void Error_diagnostics_are_collected()
    {
        var progress = Replay("engine-check-failure-diagnostic.jsonl");

        Assert.NotEmpty(progress.Errors);
        Assert.Equal("failed", progress.Summary!.Result);
    }

    [Fact]
    public void Policy_events_parse()
    {
        var events = Lines("engine-policy-failure.jsonl").Select(EngineEventParser.Parse).ToList();

        Assert.Single(events, e => e.Payload is PolicyEvent);
        Assert.Contains(events, e => e.Payload is BookkeepingEvent { Kind: "policyAnalyzeSummaryEvent" });
    }

    [Theory]
    [InlineData("{\"sequence\":1,\"timestamp\":2,\"stdoutEvent\":{\"message\":\"hello\",\"color\":\"never\"}}")]
    [InlineData("{\"sequence\":3,\"timestamp\":4,\"progressEvent\":{\"type\":\"plugin-download\",\"id\":\"aws\",\"message\":\"m\",\"received\":10,\"total\":20,\"done\":false}}")]
    [InlineData("{\"sequence\":5,\"timestamp\":6,\"errorEvent\":{\"error\":\"boom\"}}")]
    public void Payloads_absent_from_the_samples_parse_too(string line)
    {
        Assert.NotNull(EngineEventParser.Parse(line).Payload);
    }

    [Theory]
    [InlineData("{\"sequence\":1,\"timestamp\":2}")]
    [InlineData("{\"sequence\":1,\"newKindEvent\":{}}")]
    [InlineData("{\"sequence\":1,\"stdoutEvent\":{},\"cancelEvent\":{}}")]
    public void Malformed_events_are_errors_not_ignored(string line)
    {
        Assert.Throws<FormatException>(() => EngineEventParser.Parse(line));
    }

    private static List<string> Lines(string sample) =>
        File.ReadAllLines(RepoPaths.Reference("pulumi", "cli", "event-log-samples", sample)).Where(l => l.Trim().Length > 0).ToList();

    private static EngineProgress Replay(string sample)
    {
        var progress = new EngineProgress();
        foreach (var line in Lines(sample))
        {
            progress.Apply(EngineEventParser.Parse(line));
        }

        return progress;
    }
}
