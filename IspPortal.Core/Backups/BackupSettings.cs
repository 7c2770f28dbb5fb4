using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Backups;

public sealed record BackupSettings : ISettingsGroup<BackupSettings>
{
    public static string Key => "backups";

    public bool Enabled { get; init; } = true;

    /// <summary>When the nightly backup runs, in the ISP's time zone (the brief asks for 23:59).</summary>
    public TimeOnly TimeOfDay { get; init; } = new(23, 59);

    public int KeepDaily { get; init; } = 7;

    public int KeepWeekly { get; init; } = 4;

    public int KeepMonthly { get; init; } = 12;

    public FieldErrors Validate() => new FieldErrors()
        .When(KeepDaily is < 1 or > 60, nameof(KeepDaily), "Cadangan harian disimpan 1 sampai 60.")
        .When(KeepWeekly is < 0 or > 52, nameof(KeepWeekly), "Cadangan mingguan disimpan 0 sampai 52.")
        .When(KeepMonthly is < 0 or > 120, nameof(KeepMonthly), "Cadangan bulanan disimpan 0 sampai 120.");
}
