namespace FlexMail.Domain.Audit;

/// <summary>Names the fields that changed (never their values): what an audit event records.</summary>
public sealed class FieldChanges
{
    private readonly List<string> _changed = [];

    public bool Any => _changed.Count > 0;

    public FieldChanges Track<T>(string label, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            _changed.Add(label);
        }
        return this;
    }

    /// <summary>Tracks a field and assigns its new value: one line per field for a form's save.</summary>
    public FieldChanges Set<T>(string label, T current, T value, Action<T> assign)
    {
        ArgumentNullException.ThrowIfNull(assign);
        Track(label, current, value);
        assign(value);
        return this;
    }

    /// <summary>For secrets: records that it changed, with no value at all.</summary>
    public FieldChanges TrackSecret(string label, bool changed)
    {
        if (changed)
        {
            _changed.Add(label + " (new value, not recorded)");
        }
        return this;
    }

    public override string ToString() => "Changed: " + string.Join(", ", _changed);
}
