using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Tickets;

public sealed record TicketSettings : ISettingsGroup<TicketSettings>
{
    public static string Key => "tickets";

    /// <summary>A resolved ticket the customer has not answered is taken as verified after this many days, then closed.</summary>
    public int AutoVerifyAfterDays { get; init; } = 3;

    /// <summary>How long after closing a bare "1"–"5" on WhatsApp is read as the rating, not as a new problem.</summary>
    public int RatingReplyDays { get; init; } = 7;

    /// <summary>Days the customer's ticket link still opens after the ticket is closed or cancelled, then it expires.</summary>
    public int CustomerLinkDaysAfterClosed { get; init; } = CustomerLinkRules.DefaultDays;

    public FieldErrors Validate() => new FieldErrors()
        .When(CustomerLinkDaysAfterClosed is < CustomerLinkRules.MinDays or > CustomerLinkRules.MaxDays, nameof(CustomerLinkDaysAfterClosed),
            $"Link tiket berlaku {CustomerLinkRules.MinDays}–{CustomerLinkRules.MaxDays} hari setelah tiket ditutup.")
        .When(CustomerLinkDaysAfterClosed < RatingReplyDays, nameof(CustomerLinkDaysAfterClosed), "Link tiket harus berlaku paling sedikit selama batas waktu penilaian.")
        .When(AutoVerifyAfterDays is < 1 or > 30, nameof(AutoVerifyAfterDays), "Verifikasi otomatis 1 sampai 30 hari setelah selesai.")
        .When(RatingReplyDays is < 1 or > 30, nameof(RatingReplyDays), "Batas waktu penilaian 1 sampai 30 hari setelah ditutup.");
}

public sealed record BusinessHoursSettings : ISettingsGroup<BusinessHoursSettings>
{
    public static string Key => "business-hours";

    /// <summary>Monday to Saturday, as most Indonesian ISPs' offices.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    public TimeOnly Opens { get; init; } = new(8, 0);

    public TimeOnly Closes { get; init; } = new(17, 0);

    /// <summary>Public holidays and collective leave (cuti bersama): no SLA time passes on them.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public bool IsWorkingDay(DateOnly day) => WorkingDays.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    public FieldErrors Validate() => new FieldErrors()
        .When(WorkingDays.Count == 0, nameof(WorkingDays), "Pilih paling sedikit satu hari kerja.")
        .When(WorkingDays.Distinct().Count() != WorkingDays.Count, nameof(WorkingDays), "Hari kerja tidak boleh sama.")
        .When(Closes <= Opens, nameof(Closes), "Jam tutup harus setelah jam buka (jam kerja tidak melewati tengah malam).")
        .When(Holidays.Distinct().Count() != Holidays.Count, nameof(Holidays), "Tanggal libur tidak boleh sama.")
        .When(Holidays.Count > 100, nameof(Holidays), "Paling banyak 100 tanggal libur.");
}
