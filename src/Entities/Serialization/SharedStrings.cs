using System.Collections.Concurrent;

namespace DataPlatform.Entities.Serialization;

/// <summary>
/// One instance of each short text that repeats across a fleet's objects: output names, component names, condition
/// types and reasons, regions, engine versions. The operator caches every environment it manages (1,000 on a large
/// installation) and each watch event or relist deserialises them anew; without this every cached object carries
/// its own copy of the same 50 to 70 texts, a quarter of its heap. The pool is bounded in count and length, so
/// texts a user makes up (a hostile spec, tags unique to each environment) can at worst fill it and stop the
/// sharing, never grow memory. Only fields whose texts repeat across environments use it; secrets never reach it
/// (status carries no secret values, and no secret field is marked).
/// </summary>
internal sealed class SharedStrings(int capacity = SharedStrings.DefaultCapacity, int maxLength = SharedStrings.DefaultMaxLength)
{
    /// <summary>Texts longer than this (in UTF-16 code units) are never shared.</summary>
    public const int DefaultMaxLength = 128;

    /// <summary>Distinct texts the pool holds at most (about 1.1 MiB if every one were as long as allowed).</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    // Kept beside the map: ConcurrentDictionary.Count takes every lock, and a full pool is asked on every miss.
    private int _count;

    /// <summary>The process's pool, used by <see cref="SharedStringConverter"/> and <see cref="SharedKeysConverter"/>.</summary>
    public static SharedStrings Process { get; } = new();

    /// <summary>Distinct texts held now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The pool's instance of <paramref name="text"/>, adding it while there is room; a new string otherwise.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > maxLength)
        {
            return text.ToString();
        }

        if (_pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var shared))
        {
            return shared;
        }

        var made = text.ToString();
        if (Count >= capacity)
        {
            return made;
        }

        if (_pool.TryAdd(made, made))
        {
            Interlocked.Increment(ref _count);
            return made;
        }

        return _pool.TryGetValue(made, out var added) ? added : made;
    }
}
