namespace DataPlatform.Stack.Model;

/// <summary>
/// An ordered map of property values: strings (possibly with <c>${...}</c> interpolations), numbers, booleans,
/// lists, nested maps and the built-in functions (<see cref="SecretValue"/>, <see cref="JsonValue"/>,
/// <see cref="Invoke"/>). Entries whose value is null are left out, so optional inputs are simply not written.
/// </summary>
public sealed class PropertyMap : OrderedDictionary<string, object>
{
    public PropertyMap()
        : base(StringComparer.Ordinal)
    {
    }

    public static PropertyMap Of(params (string Key, object? Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new PropertyMap();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(key, value);
            }
        }

        return map;
    }
}
