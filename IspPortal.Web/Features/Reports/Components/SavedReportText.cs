using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;

namespace IspPortal.Web.Features.Reports.Components;

/// <summary>How a schedule and a delivery read on the saved-reports page (Indonesian; the localizer translates the fixed parts).</summary>
public static class SavedReportText
{
    public static readonly IReadOnlyList<string> Weekdays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary><c>Bulanan tgl 2, 08:00</c> or <c>Mingguan Senin, 08:00</c>.</summary>
    public static string When(ScheduleView schedule) => schedule.Frequency == ScheduleFrequency.Monthly
        ? string.Create(CultureInfo.InvariantCulture, $"Bulanan tgl {schedule.Day}, {schedule.Hour:00}:00")
        : string.Create(CultureInfo.InvariantCulture, $"Mingguan {Weekdays[schedule.Day]}, {schedule.Hour:00}:00");

    public static string Format(ExportFormat format) => format == ExportFormat.Xlsx ? "Excel (.xlsx)" : "PDF";

    public static string Next(ScheduleView schedule, TimeZoneInfo zone) => DisplayFormats.InZone(schedule.NextDueAt, zone);

    public static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "Terkirim",
        DeliveryStatus.Failed => "Gagal",
        _ => "Dilewati",
    };
}
