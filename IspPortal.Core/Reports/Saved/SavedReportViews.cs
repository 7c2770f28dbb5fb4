using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;

namespace IspPortal.Core.Reports.Saved;

/// <param name="Query">The page's or the API's filters (<c>from=…&amp;to=…</c>), with or without <c>?</c>; dates are dropped when the period is relative.</param>
public sealed record SavedReportInput(string Name, string ReportKey, RelativePeriod Period, string? Query);

/// <param name="Day">Monthly: 1–28; weekly: 0 (Minggu) to 6 (Sabtu).</param>
/// <param name="Hour">0–23 in the ISP's time zone.</param>
public sealed record ScheduleInput(ScheduleFrequency Frequency, int Day, int Hour, ExportFormat Format, IReadOnlyList<Guid> Recipients, bool Active = true);

public sealed record ScheduleView(int Id, int SavedReportId, ScheduleFrequency Frequency, int Day, int Hour, ExportFormat Format,
    IReadOnlyList<Guid> Recipients, bool Active, DateTimeOffset NextDueAt);

/// <param name="Link">The report's page with its filters, the period resolved on today.</param>
public sealed record SavedReportView(int Id, string Name, string ReportKey, string ReportTitle, RelativePeriod Period, string Parameters,
    Guid OwnerId, string OwnerName, string Link, DateTimeOffset UpdatedAt, IReadOnlyList<ScheduleView> Schedules);

public sealed record DeliveryView(long Id, int ScheduleId, DateTimeOffset DueAt, DeliveryStatus Status, string Message, int Emails);

/// <summary>A user a schedule can send to: active, with an e-mail.</summary>
public sealed record RecipientOption(Guid Id, string Name, string Email);

/// <summary>Who may do what with saved reports: reports.read to save; the owner or an Admin to change, delete, schedule and send.</summary>
public static class SavedReportAccess
{
    public const string NotFound = "Laporan tersimpan tidak ditemukan; mungkin sudah dihapus.";
    public const string UsersOnly = "Hanya pengguna portal yang dapat menyimpan laporan.";

    /// <summary>Admin (who manages users and settings) sees and edits every user's saved reports.</summary>
    public static bool IsAdmin(Actor actor) => actor.Holds(Permissions.SettingsManage) && actor.Holds(Permissions.UsersManage);

    public static bool MayEdit(Actor actor, SavedReport report) => actor.Holds(Permissions.ReportsRead) && (report.OwnerId == actor.UserId || IsAdmin(actor));
}
