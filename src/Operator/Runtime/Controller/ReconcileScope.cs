using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>
/// The logging scope of one reconcile: namespace, name, uid, generation and a reconcile id, so every log line
/// written during it (the engine's included) says which object and which pass it belongs to. Structured providers
/// get the pairs; text providers get <see cref="ToString"/>.
/// </summary>
internal sealed class ReconcileScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    public ReconcileScope(IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Namespace = entity.Metadata.NamespaceProperty;
        Name = entity.Metadata.Name;
        Uid = entity.Metadata.Uid;
        Generation = entity.Metadata.Generation;
        ReconcileId = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        _values =
        [
            new("Namespace", Namespace),
            new("Name", Name),
            new("Uid", Uid),
            new("Generation", Generation),
            new("ReconcileId", ReconcileId),
        ];
    }

    public string? Namespace { get; }

    public string Name { get; }

    public string? Uid { get; }

    public long? Generation { get; }

    public string ReconcileId { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Namespace}/{Name} uid={Uid} generation={Generation} reconcile={ReconcileId}");
}
