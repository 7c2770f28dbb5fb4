using IspPortal.Core.Common;
using IspPortal.Core.Reports.Exports;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// One report that can be saved with its filters, opened again and sent on a schedule. Adding a report to the catalog is one class
/// (usually a <see cref="ReportSource"/>) and one line in <see cref="ReportsModule"/>: <c>services.AddScoped&lt;IReportSource, MySource&gt;()</c>.
/// </summary>
public interface IReportSource
{
    /// <summary>The report's name in the API and the export route: <c>profit-loss</c>, <c>aging</c>, …</summary>
    string Key { get; }

    /// <summary>Its Indonesian name, as in the menu and in the e-mail's subject: <c>Laba rugi</c>.</summary>
    string Title { get; }

    /// <summary>The permissions the report asks of a reader; <see cref="MayRead"/> says how (all of them, unless the report reads with any one).</summary>
    IReadOnlyList<string> Permissions { get; }

    /// <summary>Whether <paramref name="actor"/> may read the report: checked when it is saved, before it is rendered, and for each recipient.</summary>
    bool MayRead(Identity.Actor actor);

    /// <summary>The report's page, e.g. <c>/reports/profit-loss</c>; <see cref="Link"/> adds the filters.</summary>
    string Page { get; }

    /// <summary>
    /// Drops what the period decides (the dates of a relative period), then refuses, in Indonesian and keyed by the filter, unknown
    /// filters and bad values. No refusal means the filters can be saved; <see cref="Normalise"/> gives what is stored.
    /// </summary>
    FieldErrors Check(ReportParameters parameters);

    /// <summary>The filters as they are stored: the dates of a relative period removed.</summary>
    ReportParameters Normalise(ReportParameters parameters);

    /// <summary>The filters with the period's days filled in on <paramref name="today"/>: what the page and the API take.</summary>
    ReportParameters Resolve(ReportParameters parameters, DateOnly today);

    /// <summary>The report as its export writes it, for the current actor (the report's own use case checks the permissions again).</summary>
    Task<Outcome<ReportTable>> TableAsync(ReportParameters parameters, CancellationToken cancellationToken = default);
}

public static class ReportSourceExtensions
{
    /// <summary>The report's page with its filters resolved on <paramref name="today"/>: <c>/reports/profit-loss?from=…&amp;to=…</c>.</summary>
    public static string Link(this IReportSource source, ReportParameters parameters, DateOnly today) =>
        source.Resolve(source.Normalise(parameters), today).Query is { Length: > 0 } query ? $"{source.Page}?{query}" : source.Page;
}
