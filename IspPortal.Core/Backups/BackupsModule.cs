using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IspPortal.Core.Backups;

public static class BackupsModule
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddScoped<StartBackup>();
        services.AddScoped<RunBackup>();
        services.AddScoped<BackupRuns>();
        services.AddScoped<BackupSchedule>();
        services.TryAddSingleton<IBackupFailureAlerts, LoggedBackupFailureAlerts>();
        return services;
    }
}
