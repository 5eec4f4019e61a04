namespace OrdersPipeline.Functions.Processor;

/// <summary>What this execution environment last saw stored under a key: the object's ETag and the sequence
/// number of the change it holds.</summary>
public sealed record StoredVersion(string ETag, string SequenceNumber);

/// <summary>
/// The stored versions of the keys this execution environment wrote or read recently, kept across invocations and
/// bounded: the least recently used key goes when a new one would exceed <see cref="Capacity"/>. A known ETag lets a
/// write go out with <c>If-Match</c> and no read first. Entries may be stale (another environment wrote since): the
/// condition then fails and the store reads the key again. Thread-safe.
/// </summary>
public sealed class StoredVersionCache
{
    private readonly Dictionary<string, LinkedListNode<(string Key, StoredVersion Version)>> _entries;
    private readonly LinkedList<(string Key, StoredVersion Version)> _recency = new();
    private readonly Lock _gate = new();

    public StoredVersionCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, StoredVersion)>>(StringComparer.Ordinal);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public StoredVersion? Get(string key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Version;
        }
    }

    /// <summary>Records the latest observation of the key (a write's answer or a read), replacing what was
    /// known.</summary>
    public void Set(string key, StoredVersion version)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                node.Value = (key, version);
                _recency.AddFirst(node);
                return;
            }
            if (_entries.Count == Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
            _entries[key] = _recency.AddFirst((key, version));
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}
