using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// What most reports share: the period (a range <c>from</c>..<c>to</c>, or one day under <see cref="DateKey"/>), the checks of its dates
/// and of the other filters, and resolving a relative period. A report says which filters it takes and how it renders.
/// </summary>
public abstract class ReportSource(IspClock clock) : IReportSource
{
    public const string BadDate = "Tanggal tidak valid; gunakan format YYYY-MM-DD, misalnya 2026-11-30.";
    public const string RangeRequired = "Isi tanggal awal dan akhir, atau pilih periode relatif.";
    public const string TooLong = "Filter laporan terlalu panjang.";

    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract IReadOnlyList<string> Permissions { get; }

    /// <summary>All of <see cref="Permissions"/>, unless the report says otherwise (the network reports: any of them).</summary>
    public virtual bool MayRead(Actor actor) => Permissions.All(actor.Holds);

    public abstract string Page { get; }

    /// <summary>True for a report over <c>from</c>..<c>to</c>; false for one at the end of a day (<see cref="DateKey"/>).</summary>
    protected abstract bool IsRange { get; }

    /// <summary>The day of a date report (<c>to</c> for the neraca, <c>asOf</c> for the aging); absent means today.</summary>
    protected virtual string DateKey => "to";

    /// <summary>The report's other filters: each key with its check (null when the value is fine, else the Indonesian refusal).</summary>
    protected virtual IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>();

    private string[] DateKeys => IsRange ? ["from", "to"] : [DateKey];

    public ReportParameters Normalise(ReportParameters parameters) =>
        parameters.Period == RelativePeriod.Fixed ? parameters : parameters.Without(DateKeys);

    public FieldErrors Check(ReportParameters parameters)
    {
        var normal = Normalise(parameters);
        var errors = new FieldErrors().When(normal.Query.Length > ReportParameters.QueryMaxLength, "", TooLong);
        if (!Enum.IsDefined(normal.Period))
            errors.Add("period", "Periode tidak dikenal.");
        foreach (var (key, value) in normal.Values)
        {
            if (DateKeys.Contains(key))
            {
                if (CheckDay(value) is { } problem)
                    errors.Add(key, problem);
            }
            else if (Filters.TryGetValue(key, out var check))
            {
                if (check(value) is { } problem)
                    errors.Add(key, problem);
            }
            else
                errors.Add(key, $"Filter \"{Shorten(key)}\" tidak dikenal untuk laporan {Title}.");
        }
        return errors.Any || normal.Period != RelativePeriod.Fixed ? errors : CheckFixed(normal);
    }

    /// <summary>The check of one day of the period (<c>from</c>, <c>to</c>, <c>asOf</c>): null when it reads, else the refusal.</summary>
    protected virtual string? CheckDay(string text) => Day(text) is null ? BadDate : null;

    /// <summary>
    /// The checks of a fixed period whose days each read: the statements need both days of a range (at most five years, <see cref="StatementRange"/>);
    /// a date report may leave its day out (today).
    /// </summary>
    protected virtual FieldErrors CheckFixed(ReportParameters normal)
    {
        var errors = new FieldErrors();
        if (!IsRange)
            return normal[DateKey] is { } text ? StatementRange.CheckDate(Day(text)!.Value) : errors;
        if (normal["from"] is not { } from || normal["to"] is not { } to)
            return errors.Add(normal["from"] is null ? "from" : "to", RangeRequired);
        return StatementRange.Check(Day(from)!.Value, Day(to)!.Value);
    }

    public ReportParameters Resolve(ReportParameters parameters, DateOnly today)
    {
        var normal = Normalise(parameters);
        if (RelativePeriods.Resolve(normal.Period, today) is { } range)
        {
            var fixedDays = normal with { Period = RelativePeriod.Fixed };
            return WithRange(fixedDays, range);
        }
        return ResolveFixed(normal, today);
    }

    /// <summary>The filters with a relative period's days (a range report: <c>from</c> and <c>to</c>; a date report: its last day).</summary>
    protected virtual ReportParameters WithRange(ReportParameters fixedDays, DayRange range) =>
        IsRange ? fixedDays.With("from", range.From).With("to", range.To) : fixedDays.With(DateKey, range.To);

    /// <summary>A fixed period's filters as they render: a date report without its day takes <paramref name="today"/>.</summary>
    protected virtual ReportParameters ResolveFixed(ReportParameters normal, DateOnly today) =>
        !IsRange && normal[DateKey] is null ? normal.With(DateKey, today) : normal;

    public async Task<Outcome<ReportTable>> TableAsync(ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        if (Check(parameters) is { Any: true } problems)
            return Outcome.Refused<ReportTable>(problems);
        var resolved = Resolve(parameters, parameters.Today ?? await clock.TodayAsync(cancellationToken));
        return await RenderAsync(resolved, cancellationToken);
    }

    /// <summary>Renders the report from checked filters whose period is fixed: <see cref="Day"/> reads its dates.</summary>
    protected abstract Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken);

    /// <summary>The day under <paramref name="key"/> of checked, resolved filters.</summary>
    protected static DateOnly DayOf(ReportParameters resolved, string key) => Day(resolved[key]) ?? throw new InvalidOperationException($"No {key} in the resolved filters.");

    protected static DateOnly? Day(string? text) =>
        text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A positive whole number (an id filter), or null when <paramref name="text"/> is not one.</summary>
    protected static int? Id(string? text) => FilterValues.Id(text);

    private static string Shorten(string key)
    {
        var plain = new string([.. key.Where(c => !char.IsControl(c)).Take(31)]);
        return plain.Length > 30 ? plain[..30] + "…" : plain;
    }
}
