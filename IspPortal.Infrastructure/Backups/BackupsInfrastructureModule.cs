using IspPortal.Core.Backups;
using IspPortal.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Backups;

public static class BackupsInfrastructureModule
{
    public static IServiceCollection AddBackupsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed: a host that serves no backups (a design-time tool) needs no connection string.
        services.AddSingleton(_ => BackupFolders.From(configuration));
        services.AddSingleton(_ => new PostgresClientTools(configuration[PostgresClientTools.PgDumpPathKey]));
        services.AddSingleton(S3BackupOptions.From(configuration));
        services.AddSingleton<IBackupArchives, TarBackupArchives>();
        services.AddSingleton<IOffsiteBackupCopy, S3OffsiteBackupCopy>();
        services.AddSingleton<IBackgroundBackups, BackgroundBackups>();
        services.AddSingleton<PortalRestore>();
        services.AddJob<BackupJob>(Every.Minute);
        return services;
    }
}
