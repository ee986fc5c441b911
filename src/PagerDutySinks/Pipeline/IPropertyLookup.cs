namespace PagerDutySinks.Pipeline;

/// <summary>
/// Optionally implemented by the list an adapter puts into <see cref="AlertCandidate.Properties"/>, so that the
/// pipeline can look up the few properties it reads for every event (the dedup key and the action) by name, without
/// enumerating the whole list. Worth it when the list is a view built lazily over the adapter's own event.
/// </summary>
public interface IPropertyLookup
{
    /// <summary>Looks up a property by its exact (ordinal) name.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value, as the list would give it; <see langword="null"/> when not found.</param>
    /// <returns>Whether the property is present.</returns>
    bool TryGetProperty(string name, out object? value);
}
