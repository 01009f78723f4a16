using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Tests.Program;

namespace DataPlatform.Stack.Tests.Engine;

public sealed class CompressedFileDictionaryTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static IReadOnlyDictionary<string, string> FullProgram() =>
        PulumiYamlWriter.Files(StackProgramBuilder.Build(ProgramFixtures.Sample("full.yaml")));

    [Fact]
    public void Reads_back_every_file_as_written_in_ordinal_order()
    {
        var files = new Dictionary<string, string> { ["Pulumi.yaml"] = "name: p\nruntime: yaml\n", ["Pulumi.b.yaml"] = "config: {}\n", ["Pulumi.B.yaml"] = "é ☃ 𝄞\n" };

        var compressed = CompressedFileDictionary.Of(files);

        Assert.Equal(["Pulumi.B.yaml", "Pulumi.b.yaml", "Pulumi.yaml"], compressed.Keys);
        Assert.All(files, f => Assert.Equal(f.Value, compressed[f.Key]));
        Assert.Equal(files.OrderBy(f => f.Key, StringComparer.Ordinal), compressed);
        Assert.True(compressed.TryGetValue("Pulumi.b.yaml", out var value));
        Assert.Equal("config: {}\n", value);
        Assert.False(compressed.TryGetValue("pulumi.yaml", out _));
        Assert.Throws<KeyNotFoundException>(() => compressed["missing"]);
    }

    [Fact]
    public void Holds_the_full_sample_program_in_a_fraction_of_its_text()
    {
        var files = FullProgram();
        var compressed = CompressedFileDictionary.Of(files);

        var textBytes = files.Values.Sum(v => v.Length * sizeof(char));
        var heldBytes = compressed.Compressed.Sum(f => f.Value.Length);
        Assert.True(heldBytes * 5 < textBytes, $"{heldBytes} bytes held for {textBytes} bytes of program text");
        Assert.Equal(files, compressed);
    }

    [Fact]
    public void Travels_in_json_as_gzip_and_comes_back_equal()
    {
        var files = FullProgram();
        var request = new StackRequest { StackName = "team.analytics", Files = files };

        var json = JsonSerializer.Serialize(request, Web);
        var back = JsonSerializer.Deserialize<StackRequest>(json, Web)!;

        Assert.IsType<CompressedFileDictionary>(back.Files);
        Assert.Equal(files, back.Files);
        Assert.DoesNotContain("runtime: yaml", json, StringComparison.Ordinal);
        Assert.True(json.Length * 4 < files.Values.Sum(v => v.Length), $"{json.Length} characters of JSON");
    }

    [Fact]
    public void Bad_bytes_in_json_name_the_file()
    {
        var notGzip = Convert.ToBase64String(Encoding.UTF8.GetBytes("name: p\n"));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StackRequest>($$$"""{"stackName":"s","files":{"Pulumi.yaml":"{{{notGzip}}}"}}""", Web));
        Assert.Contains("Pulumi.yaml", error.Message, StringComparison.Ordinal);

        var notBase64 = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StackRequest>("""{"stackName":"s","files":{"Pulumi.yaml":"name: p"}}""", Web));
        Assert.Contains("files.Pulumi.yaml", notBase64.Message, StringComparison.Ordinal);

        foreach (var files in new[] { """["Pulumi.yaml"]""", "null" })
        {
            var notObject = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StackRequest>($$$"""{"stackName":"s","files":{{{files}}}}""", Web));
            Assert.Contains("files must be an object", notObject.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_that_decompresses_past_the_limit_is_refused_without_reading_it_all()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        var bomb = output.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => CompressedFileDictionary.FromCompressed([KeyValuePair.Create("Pulumi.yaml", bomb)]));
        Assert.Contains("Pulumi.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{CompressedFileDictionary.MaxFileChars} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write([0x6e, 0xff, 0xfe, 0x0a]);
        }

        var error = Assert.Throws<InvalidDataException>(() => CompressedFileDictionary.FromCompressed([KeyValuePair.Create("Pulumi.yaml", output.ToArray())]));
        Assert.Contains("Pulumi.yaml", error.Message, StringComparison.Ordinal);
    }
}
