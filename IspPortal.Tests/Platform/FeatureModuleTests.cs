using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using IspPortal.Core.Reports;
using IspPortal.Core.Tickets;
using IspPortal.Infrastructure.Billing;
using IspPortal.Infrastructure.Customers;
using IspPortal.Infrastructure.Network;
using IspPortal.Infrastructure.Notifications;
using IspPortal.Infrastructure.Tickets;
using IspPortal.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Platform;

/// <summary>
/// Every service a feature module registers resolves from the container the portal composes
/// (AddCore + AddInfrastructure, as the tests' service setup builds it): no module registers a
/// use case or adapter whose dependencies nobody registers.
/// </summary>
public sealed class FeatureModuleTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly Dictionary<string, Func<IServiceCollection, IConfiguration, IServiceCollection>> Modules = new()
    {
        ["Customers"] = (services, _) => services.AddCustomers(),
        ["Network"] = (services, _) => services.AddNetwork(),
        ["Billing"] = (services, _) => services.AddBilling(),
        ["Notifications"] = (services, _) => services.AddNotifications(),
        ["Tickets"] = (services, _) => services.AddTickets(),
        ["Identity"] = (services, _) => services.AddIdentity(),
        ["Reports"] = (services, _) => services.AddReports(),
        ["CustomersInfrastructure"] = (services, configuration) => services.AddCustomersInfrastructure(configuration),
        ["NetworkInfrastructure"] = (services, configuration) => services.AddNetworkInfrastructure(configuration),
        ["BillingInfrastructure"] = (services, configuration) => services.AddBillingInfrastructure(configuration),
        ["NotificationsInfrastructure"] = (services, configuration) => services.AddNotificationsInfrastructure(configuration),
        ["TicketsInfrastructure"] = (services, configuration) => services.AddTicketsInfrastructure(configuration),
    };

    private readonly string _files = Directory.CreateTempSubdirectory("feature-modules-").FullName;

    public static TheoryData<string> ModuleNames => [.. Modules.Keys];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public async Task Every_service_the_module_registers_resolves_from_the_composed_portal(string module)
    {
        var registered = Modules[module](new ServiceCollection(), database.Configuration)
            .Select(d => d.ServiceType)
            .Where(type => type.Namespace?.StartsWith("IspPortal.", StringComparison.Ordinal) == true && !type.IsGenericTypeDefinition)
            .Distinct()
            .ToList();
        Assert.NotEmpty(registered);

        await using var services = CoreServices.Build(database.ConnectionString, photoFolder: _files);
        await using var scope = services.CreateAsyncScope();
        Assert.All(registered, type => Assert.NotEmpty(scope.ServiceProvider.GetServices(type)));
    }

    [Fact]
    public void The_outbox_offers_both_WhatsApp_senders_in_registration_order()
    {
        var senders = new ServiceCollection().AddNotificationsInfrastructure(database.Configuration)
            .Where(d => d.ServiceType == typeof(IspPortal.Core.Notifications.Sending.IWhatsAppSender))
            .Select(d => d.ImplementationType)
            .ToList();

        Assert.Equal(new Type?[] { typeof(CloudApiWhatsAppSender), typeof(HttpGatewayWhatsAppSender) }, senders);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
