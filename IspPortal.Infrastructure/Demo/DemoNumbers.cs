using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// Document numbers for the demo's history, gapless per kind and month as the use cases give them, then
/// reserved through <see cref="IDocumentSequences"/> so the counters continue after the seed.
/// </summary>
public sealed class DemoNumbers
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    public string Next(string kind, string format, DateOnly month)
    {
        var scope = DocumentNumberFormat.Scope(kind, format, month);
        var number = _last.GetValueOrDefault(scope) + 1;
        _last[scope] = number;
        return DocumentNumberFormat.Render(format, month, number);
    }

    /// <summary>Moves every counter used to the last number given; the seed runs on an empty database, so each starts at 1.</summary>
    public async Task ReserveAsync(IIspDb db, IDocumentSequences sequences, CancellationToken cancellationToken)
    {
        foreach (var (scope, last) in _last.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var first = await sequences.ReserveAsync(db, scope, (int)last, cancellationToken);
            if (first != 1)
                throw new InvalidOperationException($"The demo's numbers of {scope} collide with numbers given before the seed (first free {first}).");
        }
        _last.Clear();
    }
}
