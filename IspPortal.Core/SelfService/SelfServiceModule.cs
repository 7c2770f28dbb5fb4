using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.SelfService.Account;
using IspPortal.Core.SelfService.Package;
using IspPortal.Core.SelfService.Profile;
using IspPortal.Core.SelfService.SignIn;
using IspPortal.Core.SelfService.Staff;
using IspPortal.Core.SelfService.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.SelfService;

public static class SelfServiceModule
{
    public static IServiceCollection AddSelfService(this IServiceCollection services)
    {
        services.AddScoped<SelfServiceThrottle>();
        services.AddScoped<RequestSignInCode>();
        services.AddScoped<VerifySignInCode>();
        services.AddScoped<CustomerSessions>();
        services.AddScoped<IMessageSecrets, SignInCodeSecrets>();

        services.AddScoped<CustomerHome>();
        services.AddScoped<CustomerDocuments>();
        services.AddScoped<CustomerPayments>();
        services.AddScoped<CustomerAccount>();
        services.AddScoped<ChangeCustomerPhone>();
        services.AddScoped<CustomerContactChoices>();

        services.AddScoped<CustomerTickets>();
        services.AddScoped<OpenCustomerTicket>();
        services.AddScoped<CustomerTicketChat>();

        services.AddScoped<CustomerPackages>();
        services.AddScoped<RequestPackageChange>();
        services.AddScoped<CancelPackageChange>();
        services.AddScoped<ApplyPackageChanges>();
        services.AddScoped<ScheduledPackageChanges>();

        services.AddScoped<SendPortalLink>();
        services.AddScoped<PortalActivityList>();
        return services;
    }
}
