using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.Charges;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Invoices;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Billing.ServicePackages;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Notifications.Sending;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Billing;

public static class BillingModule
{
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddSingleton<Payments.PaymentFeed>();
        services.AddScoped<ServicePackageList>();
        services.AddScoped<SaveServicePackage>();
        services.AddScoped<DeleteServicePackage>();

        services.AddScoped<GenerateInvoices>();
        // The PSB's first invoice, in the registration's transaction.
        services.AddScoped<ICustomerRegistrationHandler, FirstInvoice>();
        services.AddScoped<InvoiceRunPreview>();
        services.AddScoped<BillingRunList>();
        services.AddScoped<InvoiceList>();
        services.AddScoped<InvoiceDetails>();
        services.AddScoped<InvoiceCorrections>();
        services.AddScoped<BillingCharges>();

        services.AddScoped<PaymentPosting>();
        services.AddScoped<ArrearsReactivation>();
        services.AddScoped<RecordPayment>();
        services.AddScoped<ReviewTransfer>();
        services.AddScoped<PaymentList>();
        services.AddScoped<CustomerBilling>();
        services.AddScoped<CreateGatewayPayment>();
        services.AddScoped<CreateQrisPayment>();
        services.AddScoped<ReceiveGatewayNotification>();
        services.AddScoped<ReconcileGatewayPayments>();
        services.AddScoped<InvoiceToPay>();
        services.AddScoped<RevokePaymentLinks>();
        services.AddScoped<SavePaymentGatewaySettings>();
        // Only the demo's payment stand-in can settle a QRIS code without a bank (Demo/DemoModule replaces this).
        services.AddSingleton<IPaymentSimulation, NoPaymentSimulation>();

        services.AddScoped<SendInvoiceReminders>();
        services.AddScoped<CheckOverdueInvoices>();
        services.AddScoped<RunBillingSchedule>();
        services.AddScoped<IsolationExemptions>();

        services.AddScoped<BillingDocuments>();
        // Invoices and receipts attached to outgoing messages (the outbox asks every IMessageDocuments).
        services.AddScoped<IMessageDocuments, BillingMessageDocuments>();
        return services;
    }
}
