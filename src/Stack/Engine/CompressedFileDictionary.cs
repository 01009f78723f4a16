using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Text;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// A stack's program files kept gzip-compressed while a run is in flight, each read back in full when asked for.
/// A run holds its <see cref="StackRequest"/> for its whole length (15 to 25 minutes for a real <c>up</c>), and the
/// program is most of it: about 88 KB as a string for the full sample, 5.4 KB compressed. With 32 engine Jobs in flight
/// the operator held 2.6 MB of program text (BENCHMARKS.md, "Memory with engine runs in flight"). Names are ordinal and
/// sorted; every read decompresses again, so readers read each file once (the workspace, the plan digest, the payload).
/// </summary>
public sealed class CompressedFileDictionary : IReadOnlyDictionary<string, string>
{
    /// <summary>The most characters a file may hold once decompressed; a corrupted or hostile payload stops here.</summary>
    public const int MaxFileChars = 8 * 1024 * 1024;

    private readonly SortedDictionary<string, byte[]> _compressed;

    private CompressedFileDictionary(SortedDictionary<string, byte[]> compressed) => _compressed = compressed;

    /// <summary>The compressed bytes of each file (gzip of its UTF-8), as carried by an engine Job's payload.</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> Compressed => _compressed;

    public int Count => _compressed.Count;

    public IEnumerable<string> Keys => _compressed.Keys;

    public IEnumerable<string> Values => _compressed.Values.Select(Decompress);

    public string this[string key] => Decompress(_compressed[key]);

    /// <summary>Compresses <paramref name="files"/> (a <see cref="CompressedFileDictionary"/> is returned as it is).</summary>
    public static CompressedFileDictionary Of(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files is CompressedFileDictionary compressed)
        {
            return compressed;
        }

        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, content) in files)
        {
            entries.Add(name, Compress(content));
        }

        return new CompressedFileDictionary(entries);
    }

    /// <summary>Files from their compressed bytes; each is decompressed once here so that bad bytes fail now, naming the file.</summary>
    public static CompressedFileDictionary FromCompressed(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
        {
            try
            {
                _ = Decompress(bytes);
            }
            catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
            {
                throw new InvalidDataException($"Program file {name} cannot be read: {e.Message}", e);
            }

            entries.Add(name, bytes);
        }

        return new CompressedFileDictionary(entries);
    }

    public bool ContainsKey(string key) => _compressed.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_compressed.TryGetValue(key, out var bytes))
        {
            value = Decompress(bytes);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _compressed.Select(f => KeyValuePair.Create(f.Key, Decompress(f.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static byte[] Compress(string content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        return output.ToArray();
    }

    private static string Decompress(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            if (text.Length + read > MaxFileChars)
            {
                throw new InvalidDataException($"A program file holds more than {MaxFileChars} characters once decompressed, the most one may have.");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
