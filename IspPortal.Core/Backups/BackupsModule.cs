using Microsoft.Extensions.DependencyInjection;
using IspPortal.Core.Common;

namespace IspPortal.Core.Backups;

public static class BackupsModule
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddScoped<StartBackup>();
        services.AddScoped<RunBackup>();
        services.AddScoped<BackupRuns>();
        services.AddScoped<IBackupStatus>(sp => sp.GetRequiredService<BackupRuns>());
        services.AddScoped<BackupSchedule>();
        return services;
    }
}
