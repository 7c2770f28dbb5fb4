using IspPortal.Core.Identity;
using IspPortal.Infrastructure.Backups;
using IspPortal.Infrastructure.Billing;
using IspPortal.Infrastructure.Customers;
using IspPortal.Infrastructure.Finance;
using IspPortal.Infrastructure.Live;
using IspPortal.Infrastructure.Network;
using IspPortal.Infrastructure.Notifications;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Persistence.Interceptors;
using IspPortal.Infrastructure.Reports;
using IspPortal.Infrastructure.Security;
using IspPortal.Infrastructure.SelfService;
using IspPortal.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IspPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";
    public const string ApplicationName = "IspPortal";
    public const string MigrationsHistoryTable = "__ef_migrations_history";
    public const string DataProtectionCertificateKey = "DataProtection:CertificatePath";
    public const string DataProtectionCertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddPersistence(configuration)
            .AddLiveBus(configuration)
            .AddSecurity(configuration)
            .AddCustomersInfrastructure(configuration)
            .AddNetworkInfrastructure(configuration)
            .AddBillingInfrastructure(configuration)
            .AddNotificationsInfrastructure(configuration)
            .AddTicketsInfrastructure(configuration)
            .AddFinanceInfrastructure(configuration)
            .AddBackupsInfrastructure(configuration)
            .AddReportsInfrastructure()
            .AddSelfServiceInfrastructure();
    }

    /// <param name="services">The scope's services; supplies the audit interceptor's clock and
    /// current user. Without it (design time) changes are audited as <see cref="Actor.System"/>.</param>
    public static void ConfigureDatabase(DbContextOptionsBuilder options, IConfiguration configuration, IServiceProvider? services = null)
    {
        options.UseNpgsql(PortalConfiguration.WithoutJit(configuration.DatabaseConnectionString()), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services?.GetService<AuditInterceptor>()
                ?? new AuditInterceptor(services?.GetService<TimeProvider>() ?? TimeProvider.System, services?.GetService<ICurrentUser>()));
    }
}
