using IspPortal.Core.Reports.Exports;

namespace IspPortal.Core.Reports.Saved;

public enum ScheduleFrequency
{
    Monthly,
    Weekly,
}

/// <summary>
/// When a saved report is sent, in which format and to whom (table <c>report_schedules</c>; a saved report may have several).
/// <see cref="Day"/> is the day of the month (1–28, so every month has it) or, weekly, the day of the week (0 = Sunday … 6 = Saturday);
/// <see cref="Hour"/> is the hour in the ISP's time zone; <see cref="NextDueAt"/> is that moment next, stored in UTC.
/// </summary>
public class ReportSchedule
{
    public const int LastMonthDay = 28;
    public const int MaxRecipients = 50;

    private ReportSchedule() { }

    public ReportSchedule(int savedReportId, DateTimeOffset now)
    {
        SavedReportId = savedReportId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int SavedReportId { get; private set; }

    public ScheduleFrequency Frequency { get; private set; }

    public int Day { get; private set; } = 1;

    public int Hour { get; private set; }

    /// <summary>PDF or xlsx (CSV is for downloads, not for mail).</summary>
    public ExportFormat Format { get; private set; } = ExportFormat.Pdf;

    /// <summary>The portal users it is sent to (checked when it is sent: active, with an e-mail, allowed to read the report).</summary>
    public List<Guid> RecipientIds { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    public DateTimeOffset NextDueAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Sets the timing, format, recipients and state, and the next due moment after <paramref name="now"/>.</summary>
    public void Change(ScheduleFrequency frequency, int day, int hour, ExportFormat format, IReadOnlyCollection<Guid> recipients, bool active,
        TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!Enum.IsDefined(frequency))
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency.");
        if (frequency == ScheduleFrequency.Monthly ? day is < 1 or > LastMonthDay : day is < 0 or > 6)
            throw new ArgumentOutOfRangeException(nameof(day), day, "A monthly day is 1 to 28, a weekly day 0 (Sunday) to 6.");
        if (hour is < 0 or > 23)
            throw new ArgumentOutOfRangeException(nameof(hour), hour, "The hour is 0 to 23.");
        if (format is not (ExportFormat.Pdf or ExportFormat.Xlsx))
            throw new ArgumentOutOfRangeException(nameof(format), format, "A scheduled report is sent as PDF or xlsx.");
        var distinct = recipients.Distinct().ToList();
        if (distinct.Count is 0 or > MaxRecipients)
            throw new ArgumentException($"A schedule has 1 to {MaxRecipients} recipients.", nameof(recipients));
        (Frequency, Day, Hour, Format, RecipientIds, IsActive) = (frequency, day, hour, format, distinct, active);
        NextDueAt = ScheduleTimes.Next(frequency, day, hour, zone, now);
        UpdatedAt = now;
    }

    /// <summary>After the occurrence at <paramref name="due"/> was handled: the next one after it, and after <paramref name="now"/>.</summary>
    public void Advance(DateTimeOffset due, TimeZoneInfo zone, DateTimeOffset now)
    {
        var next = ScheduleTimes.Next(Frequency, Day, Hour, zone, due > now ? due : now);
        if (next > NextDueAt)
            NextDueAt = next;
    }
}
