using IspPortal.Web.Features.Backups;
using IspPortal.Web.Features.Billing;
using IspPortal.Web.Features.Customers;
using IspPortal.Web.Features.Finance;
using IspPortal.Web.Features.Identity;
using IspPortal.Web.Features.Network;
using IspPortal.Web.Features.Notifications;
using IspPortal.Web.Features.Reports;
using IspPortal.Web.Features.SelfService;
using IspPortal.Web.Features.Tickets;
using IspPortal.Web.Shell.Settings;

namespace IspPortal.Web.Shell;

/// <summary>Every feature of the portal; a new feature is one line here.</summary>
public static class PortalFeatures
{
    public static readonly IReadOnlyList<IPortalFeature> All =
    [
        new ReportsFeature(),
        new CustomersFeature(),
        new BillingFeature(),
        new FinanceFeature(),
        new TicketsFeature(),
        new NetworkFeature(),
        new NotificationsFeature(),
        new IdentityFeature(),
        new CompanySettingsFeature(),
        new BackupsFeature(),
        new SelfServiceFeature(),
    ];
}
