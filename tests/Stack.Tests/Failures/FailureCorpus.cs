using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Stack.Failures;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Failures;

/// <summary>One labelled real error text of failure-corpus.json.</summary>
internal sealed record FailureCorpusEntry(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("expectedClass")] string ExpectedClass,
    [property: JsonPropertyName("expectedOutcome"), JsonConverter(typeof(JsonStringEnumConverter<FailureOutcome>))] FailureOutcome ExpectedOutcome,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>The corpus file and the figures a classifier reaches on it.</summary>
internal static class FailureCorpus
{
    private static readonly Lazy<IReadOnlyList<FailureCorpusEntry>> LazyEntries = new(() =>
        JsonSerializer.Deserialize<CorpusFile>(File.ReadAllText(RepoPaths.InRepo("tests", "Stack.Tests", "Failures", "failure-corpus.json")))!.Entries);

    public static IReadOnlyList<FailureCorpusEntry> Entries => LazyEntries.Value;

    public static Score Evaluate(FailureClassifier classifier) =>
        new(Entries.Select(e => (e, classifier.Classify([e.Text]))).ToList());

    internal sealed record Score(IReadOnlyList<(FailureCorpusEntry Entry, Failure Got)> Results)
    {
        public double Accuracy => Results.Count(r => r.Got.Outcome == r.Entry.ExpectedOutcome) / (double)Results.Count;

        public double ClassAgreement => Results.Count(r => r.Got.Class == r.Entry.ExpectedClass) / (double)Results.Count;

        public double TransientRecall => Recall(FailureOutcome.Transient);

        public double TerminalRecall => Recall(FailureOutcome.Terminal);

        public int Unmatched => Results.Count(r => r.Got.PatternId is null);

        public IEnumerable<(FailureCorpusEntry Entry, Failure Got)> Misses => Results.Where(r => r.Got.Outcome != r.Entry.ExpectedOutcome);

        private double Recall(FailureOutcome outcome)
        {
            var expected = Results.Where(r => r.Entry.ExpectedOutcome == outcome).ToList();
            return expected.Count(r => r.Got.Outcome == outcome) / (double)expected.Count;
        }
    }

    private sealed record CorpusFile([property: JsonPropertyName("entries")] List<FailureCorpusEntry> Entries);
}
