namespace IspPortal.Core.Reports.Saved;

/// <summary>Every report that can be saved and scheduled, by its key (the sources registered in DI).</summary>
public sealed class ReportCatalog(IEnumerable<IReportSource> sources)
{
    private readonly IReadOnlyList<IReportSource> _sources = [.. sources.OrderBy(s => s.Title, StringComparer.Ordinal)];

    public IReadOnlyList<IReportSource> All => _sources;

    public IReportSource? Find(string? key) => _sources.FirstOrDefault(s => s.Key == key);

    public string TitleOf(string key) => Find(key)?.Title ?? key;
}
