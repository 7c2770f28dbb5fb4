using System.Globalization;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// A report's filters as the API and the page take them (<c>from</c>, <c>to</c>, <c>asOf</c>, <c>locationId</c>, …, string values)
/// and the period they cover. <see cref="Today"/> is the day a relative period is resolved against: the ISP's today when null,
/// the due day when the delivery job renders a scheduled report.
/// </summary>
public sealed record ReportParameters(RelativePeriod Period, IReadOnlyDictionary<string, string> Values, DateOnly? Today = null)
{
    public const int QueryMaxLength = 1000;

    public static readonly ReportParameters None = new(RelativePeriod.Fixed, new Dictionary<string, string>());

    public string? this[string key] => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// Reads a query string (<c>?from=2026-11-01&amp;to=2026-11-30</c> or without the <c>?</c>); empty values are dropped; a key given twice
    /// keeps its last value (the checks of the source refuse what it does not know).
    /// </summary>
    public static ReportParameters Parse(string? query, RelativePeriod period = RelativePeriod.Fixed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(query))
        {
            foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var split = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Unescape(split < 0 ? pair : pair[..split]).Trim();
                var value = split < 0 ? "" : Unescape(pair[(split + 1)..]).Trim();
                if (key.Length > 0 && value.Length > 0)
                    values[key] = value;
            }
        }
        return new ReportParameters(period, values);
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    /// <summary>The filters as one normalised query string (keys in order, escaped, without <c>?</c>): what a saved report stores.</summary>
    public string Query => string.Join("&", Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal)
        .Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value.Trim())}"));

    /// <summary>The same filters without <paramref name="keys"/>, e.g. the dates once a relative period decides them.</summary>
    public ReportParameters Without(params IEnumerable<string> keys)
    {
        var drop = keys.ToHashSet(StringComparer.Ordinal);
        return this with { Values = Values.Where(v => !drop.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal) };
    }

    /// <summary>The same filters with <paramref name="key"/> set to the day (<c>yyyy-MM-dd</c>).</summary>
    public ReportParameters With(string key, DateOnly day) => With(key, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The same filters with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ReportParameters With(string key, string value)
    {
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal) { [key] = value };
        return this with { Values = values };
    }
}
