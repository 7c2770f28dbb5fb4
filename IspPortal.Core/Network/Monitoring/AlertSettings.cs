using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Network.Monitoring;

/// <summary>
/// Who is told, by WhatsApp and e-mail, when a network alert opens and when it is resolved, and when
/// a backup fails (Pengaturan → Peringatan). The NOC's phones, not only the monitoring screen.
/// </summary>
public sealed record AlertSettings : ISettingsGroup<AlertSettings>
{
    public static string Key => "alerts";

    public const int MaxFlapsPerHour = 30;

    public IReadOnlyList<string> RouterUnreachableRoles { get; init; } = [Roles.Noc, Roles.Admin];

    public IReadOnlyList<string> SyncFailingRoles { get; init; } = [Roles.Noc, Roles.Admin];

    public IReadOnlyList<string> MassOutageRoles { get; init; } = [Roles.Noc, Roles.Admin];

    public IReadOnlyList<string> BackupFailedRoles { get; init; } = [Roles.Admin];

    /// <summary>More alerts than this opened for one router within an hour is flapping: one summary instead of a message per change.</summary>
    public int FlappingAlertsPerHour { get; init; } = 3;

    public IReadOnlyList<string> RolesFor(NetworkAlertKind kind) => kind switch
    {
        NetworkAlertKind.RouterUnreachable => RouterUnreachableRoles,
        NetworkAlertKind.SyncFailing => SyncFailingRoles,
        NetworkAlertKind.BackupFailed => BackupFailedRoles,
        _ => MassOutageRoles,
    };

    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .When(FlappingAlertsPerHour is < 1 or > MaxFlapsPerHour, nameof(FlappingAlertsPerHour), $"Batas naik-turun 1–{MaxFlapsPerHour} peringatan per jam.");
        foreach (var (field, roles) in new[]
                 {
                     (nameof(RouterUnreachableRoles), RouterUnreachableRoles), (nameof(SyncFailingRoles), SyncFailingRoles),
                     (nameof(MassOutageRoles), MassOutageRoles), (nameof(BackupFailedRoles), BackupFailedRoles),
                 })
        {
            errors.When(roles.Any(r => !Roles.All.Contains(r)), field, "Peran tidak dikenal.")
                .When(roles.Distinct().Count() != roles.Count, field, "Peran tidak boleh sama.");
        }
        return errors;
    }
}
