namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// A report with its filters saved under a name by a user (table <c>saved_reports</c>): the name is unique per owner, the filters
/// are the report's own (checked by its <see cref="IReportSource"/>), stored as one normalised query string.
/// </summary>
public class SavedReport
{
    public const int NameMaxLength = 100;
    public const int ReportKeyMaxLength = 40;

    private SavedReport() { }

    public SavedReport(Guid ownerId, string name, string reportKey, RelativePeriod period, string parameters, DateTimeOffset now)
    {
        if (reportKey.Length is 0 or > ReportKeyMaxLength)
            throw new ArgumentException($"A report key is 1 to {ReportKeyMaxLength} characters.", nameof(reportKey));
        OwnerId = ownerId;
        ReportKey = reportKey;
        CreatedAt = now;
        Rename(name, now);
        ChangeFilters(period, parameters, now);
    }

    public int Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The catalog's key: <c>profit-loss</c>, <c>aging</c>, …</summary>
    public string ReportKey { get; private set; } = "";

    public RelativePeriod Period { get; private set; }

    /// <summary>The filters as a normalised query string without <c>?</c>, e.g. <c>locationId=3&amp;status=Active</c>.</summary>
    public string Parameters { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ReportParameters Filters => ReportParameters.Parse(Parameters, Period);

    public void Rename(string name, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > NameMaxLength || trimmed.Any(char.IsControl))
            throw new ArgumentException($"A saved report's name is 1 to {NameMaxLength} printable characters.", nameof(name));
        Name = trimmed;
        UpdatedAt = now;
    }

    public void ChangeFilters(RelativePeriod period, string parameters, DateTimeOffset now)
    {
        if (!Enum.IsDefined(period))
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period.");
        if (parameters.Length > ReportParameters.QueryMaxLength)
            throw new ArgumentException($"The filters are at most {ReportParameters.QueryMaxLength} characters.", nameof(parameters));
        Period = period;
        Parameters = parameters;
        UpdatedAt = now;
    }
}
