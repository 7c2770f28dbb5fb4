using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Infrastructure.Billing.Documents;
using IspPortal.Infrastructure.Billing.Payments;
using IspPortal.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Infrastructure.Billing;

public static class BillingInfrastructureModule
{
    public static IServiceCollection AddBillingInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var publicUrl = configuration.PublicUrl();
        services.AddSingleton<IDocumentSequences, PostgresDocumentSequences>();
        services.AddSingleton<IInvoiceWriter, PostgresInvoiceWriter>();
        services.AddSingleton<IPaymentLinks>(sp => new PaymentLinks(sp.GetRequiredService<IDataProtectionProvider>(), publicUrl));
        services.AddSingleton<IBillingDocumentRenderer, PdfSharpBillingDocumentRenderer>();
        services.AddHttpClient(MidtransGateway.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<IPaymentGateway, MidtransGateway>();
        services.AddJob<BillingJob>(Every.Minute);
        return services;
    }
}
