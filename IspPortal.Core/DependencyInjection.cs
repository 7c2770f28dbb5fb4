using IspPortal.Core.Backups;
using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Reports;
using IspPortal.Core.SelfService;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IspPortal.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SettingsCache>();
        services.AddScoped<PortalSettings>();
        services.AddScoped<IspClock>();
        services.AddScoped<SaveGuard>();
        services.AddSingleton<OperationsSnapshot>();
        services.AddSingleton<PortalMetrics>();

        services
            .AddCustomers()
            .AddNetwork()
            .AddBilling()
            .AddFinance()
            .AddNotifications()
            .AddTickets()
            .AddIdentity()
            .AddReports()
            .AddBackups()
            .AddSelfService();
        return services;
    }
}
