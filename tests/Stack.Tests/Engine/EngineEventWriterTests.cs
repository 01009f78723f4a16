using DataPlatform.Stack.Engine.Events;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>An engine Job relays events as event-log lines; what the operator parses back is what the CLI wrote.</summary>
public sealed class EngineEventWriterTests
{
    public static TheoryData<string> Samples() => EngineEventParserTests.Samples();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_event_of_every_real_sample_survives_writing_and_parsing_again(string sample)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Reference("pulumi", "cli", "event-log-samples"), sample)).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(lines);

        foreach (var line in lines)
        {
            var parsed = EngineEventParser.Parse(line);
            var again = EngineEventParser.Parse(EngineEventWriter.Write(parsed));

            Assert.Equal(parsed.Sequence, again.Sequence);
            Assert.Equal(parsed.Timestamp, again.Timestamp);
            Assert.Equal(Describe(parsed.Payload), Describe(again.Payload));
        }
    }

    /// <summary>Records compare dictionaries by reference; compare their printed contents instead.</summary>
    private static string Describe(EngineEventPayload payload) => payload switch
    {
        PreludeEvent p => "prelude " + string.Join(",", p.Config.Select(c => $"{c.Key}={c.Value}")),
        SummaryEvent s => $"summary {s.MaybeCorrupt} {s.DurationSeconds} {s.IsPreview} {s.Result} " + string.Join(",", s.ResourceChanges.Select(c => $"{c.Key}={c.Value}")),
        _ => payload.ToString(),
    };
}
