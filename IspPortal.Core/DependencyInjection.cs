using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.LocationCodes;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.ApiKeys;
using IspPortal.Core.Identity.Audit;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Network.Pools;
using IspPortal.Core.Network.Routers;
using IspPortal.Core.Network.Sync;
using IspPortal.Core.Reports.Dashboard;
using IspPortal.Core.Settings;
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

        services.AddScoped<LocationCodeList>();
        services.AddScoped<SaveLocationCode>();
        services.AddScoped<DeleteLocationCode>();

        services.AddScoped<CustomerList>();
        services.AddScoped<CustomerChoiceList>();
        services.AddScoped<CustomerDetails>();
        services.AddScoped<RegisterCustomer>();
        services.AddScoped<ProvisionCustomer>();
        services.AddScoped<Customers.Service.KickCustomer>();
        services.AddScoped<Customers.Service.ResetPppoePassword>();
        services.AddScoped<Customers.Service.ChangeCustomerPackage>();
        services.AddScoped<Customers.Service.TerminateCustomer>();
        services.AddScoped<Customers.Service.UpdateCustomerProfile>();
        services.AddScoped<Customers.Installations.InstallationList>();
        services.AddScoped<Customers.Installations.CompleteInstallation>();

        services.AddScoped<RouterList>();
        services.AddScoped<SaveRouter>();
        services.AddScoped<DeleteRouter>();
        services.AddScoped<TestRouterConnection>();
        services.AddScoped<CustomerIsolation>();
        services.AddScoped<BulkIsolation>();
        services.AddSingleton<NetworkChangeFeed>();
        services.AddSingleton<Notifications.WhatsApp.WhatsAppFeed>();
        services.AddScoped<SyncRouter>();
        services.AddScoped<SyncAllRouters>();
        services.AddScoped<RunScheduledSync>();
        services.AddScoped<RouterDrift>();
        services.AddScoped<Network.Map.CustomerMap>();
        services.AddScoped<Network.Monitoring.NetworkMonitor>();
        services.AddScoped<Network.Monitoring.AcknowledgeAlert>();
        services.AddScoped<ChooseRouterFromPool>();
        services.AddScoped<RouterPoolList>();
        services.AddScoped<SaveRouterPool>();
        services.AddScoped<DeleteRouterPool>();

        services.AddScoped<ServicePackageList>();
        services.AddScoped<SaveServicePackage>();
        services.AddScoped<DeleteServicePackage>();

        services.AddScoped<IssueApiKey>();
        services.AddScoped<RevokeApiKey>();
        services.AddScoped<ApiKeyList>();
        services.AddScoped<ApiKeyAuthenticator>();

        services.AddScoped<CarriedActor>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AdminSafety>();
        services.AddScoped<UserList>();
        services.AddScoped<CreateUser>();
        services.AddScoped<ChangeUserRoles>();
        services.AddScoped<SetUserActive>();
        services.AddScoped<ResetUserPassword>();
        services.AddScoped<UnlockUser>();

        services.AddScoped<AuditLogSearch>();

        services.AddScoped<DashboardSummary>();

        services.AddScoped<Notifications.Sending.DispatchOutbox>();
        services.AddScoped<Notifications.WhatsApp.ReceiveWhatsAppWebhook>();
        services.AddScoped<Notifications.WhatsApp.QueueWhatsAppMessage>();
        services.AddScoped<Billing.Invoicing.GenerateInvoices>();
        services.AddScoped<Billing.Invoicing.InvoiceRunPreview>();
        services.AddScoped<Billing.Invoicing.BillingRunList>();
        services.AddScoped<Billing.Invoices.InvoiceList>();
        services.AddScoped<Billing.Invoices.InvoiceDetails>();
        services.AddScoped<Billing.Payments.PaymentPosting>();
        services.AddScoped<Billing.Payments.ArrearsReactivation>();
        services.AddScoped<Billing.Payments.RecordPayment>();
        services.AddScoped<Billing.Invoicing.InvoiceCorrections>();
        services.AddScoped<Tickets.OpenTicket>();
        services.AddScoped<Tickets.AssignTicket>();
        services.AddScoped<Tickets.TicketList>();
        services.AddScoped<Tickets.TicketDetail>();
        services.AddScoped<Tickets.ChangeTicketStatus>();
        services.AddScoped<Tickets.TicketWorkload>();
        services.AddScoped<Tickets.TicketCategories>();
        services.AddScoped<Tickets.MyWork>();
        services.AddScoped<Tickets.Sla.EscalateTickets>();
        services.AddScoped<Tickets.WhatsAppTicketIntake>();
        services.AddScoped<Tickets.Lifecycle.FollowUpTickets>();
        services.AddScoped<Tickets.Lifecycle.CustomerTicketAnswers>();
        services.AddScoped<Tickets.Email.EmailTicketIntake>();
        services.AddScoped<Tickets.Analytics.TicketAnalytics>();
        services.AddSingleton<Tickets.Chat.TicketChatFeed>();
        services.AddScoped<Tickets.Chat.TicketConversation>();
        services.AddScoped<Tickets.Chat.SendTicketReply>();
        services.AddScoped<Tickets.Chat.AddInternalNote>();
        services.AddScoped<Tickets.Chat.TicketChatReads>();
        services.AddScoped<Tickets.Chat.SignalTyping>();
        services.AddScoped<Billing.Invoicing.BillingCharges>();
        services.AddScoped<Billing.Automation.SendInvoiceReminders>();
        services.AddScoped<Billing.Automation.CheckOverdueInvoices>();
        services.AddScoped<Billing.Automation.RunBillingSchedule>();
        services.AddScoped<Billing.Payments.ReviewTransfer>();
        services.AddScoped<Billing.Payments.PaymentList>();
        services.AddScoped<Billing.Payments.CustomerBilling>();
        services.AddScoped<Billing.Automation.IsolationExemptions>();
        services.AddScoped<Billing.Documents.BillingDocuments>();
        services.AddScoped<Notifications.Sending.IMessageDocuments, Billing.Documents.BillingMessageDocuments>();
        services.AddScoped<Billing.Payments.CreateQrisPayment>();
        services.AddScoped<Billing.Payments.ReceiveGatewayNotification>();
        services.AddScoped<Billing.Payments.ReconcileGatewayPayments>();
        services.AddScoped<Billing.Payments.InvoiceToPay>();
        services.AddScoped<Notifications.OutboxList>();
        services.AddScoped<Notifications.Templates.NotificationTemplates>();
        // web boundaries (issue 14)
        services.AddScoped<Tickets.Chat.TicketAttachmentDownload>();
        services.AddScoped<Network.Routers.RouterByCode>();
        services.AddSingleton<Billing.Payments.IPaymentSimulation, Billing.Payments.NoPaymentSimulation>();
        services.AddScoped<Billing.Payments.SavePaymentGatewaySettings>();
        services.AddScoped<Notifications.SaveNotificationSettings>();

        return services;
    }
}
