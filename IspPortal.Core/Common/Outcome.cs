namespace IspPortal.Core.Common;

/// <summary>
/// The result of a use case that can be refused: either done, or a set of messages keyed by
/// field ("" for the whole form). Messages are in Indonesian; the UI passes them through its
/// localizer, the API returns them as RFC 7807 validation problems.
/// </summary>
public sealed class Outcome<T>
{
    internal Outcome(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public string FirstError => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? "";

    /// <summary>The same outcome with its value turned into another (a saved entity into what the screen shows).</summary>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) => Succeeded ? Outcome.Done(map(Value!)) : new(default, Errors);
}

public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => new(value, new Dictionary<string, string[]>());

    public static Outcome<T> Refused<T>(FieldErrors errors) => new(default, errors.ToDictionary());

    public static Outcome<T> Refused<T>(string field, string message) => Refused<T>(new FieldErrors().Add(field, message));
}

public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public FieldErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
