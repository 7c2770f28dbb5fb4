using IspPortal.Core.Common;
using IspPortal.Core.Customers.Photos;
using IspPortal.Infrastructure.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Network.RouterOs;
using IspPortal.Core.Network.Sync;
using IspPortal.Infrastructure.Network.RouterOs;
using IspPortal.Infrastructure.Network.Sync;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Infrastructure.Persistence.Interceptors;
using IspPortal.Infrastructure.Persistence.Partitioning;
using IspPortal.Infrastructure.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IspPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Default";
    public const string ApplicationName = "IspPortal";
    public const string DataProtectionCertificateKey = "DataProtection:CertificatePath";
    public const string DataProtectionCertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Scoped factory: in Blazor Server a scope is a circuit, so the audit interceptor sees the
        // circuit's user; jobs and the API get their own scope and actor.
        services.AddDbContextFactory<IspDbContext>(
            (sp, options) => ConfigureDatabase(options, configuration, sp),
            ServiceLifetime.Scoped);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<IspDbContext>>().CreateDbContext());
        services.AddScoped<IIspDbFactory, IspDbFactory>();
        // The scope's own context, shared with Identity's stores, for use cases that need one transaction across both.
        services.AddScoped<IIspDb>(sp => sp.GetRequiredService<IspDbContext>());
        services.AddScoped<IDatabaseErrors, PostgresErrors>();
        services.AddSingleton<IDatabaseLocks, PostgresLocks>();
        services.AddSingleton<IConnectionWriter, PostgresConnectionWriter>();
        services.AddSingleton<Core.Billing.Documents.IDocumentSequences, Billing.PostgresDocumentSequences>();
        services.AddSingleton<Core.Billing.InvoiceRuns.IInvoiceWriter, Billing.PostgresInvoiceWriter>();
        services.AddSingleton<Core.Notifications.IOutboxWriter, Notifications.PostgresOutboxWriter>();
        var publicUrl = configuration[Billing.PaymentLinks.PublicUrlKey] is { Length: > 0 } configured ? configured : Billing.PaymentLinks.DefaultPublicUrl;
        services.AddSingleton<Core.Billing.Payments.IPaymentLinks>(sp => new Billing.PaymentLinks(
            sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), publicUrl));
        services.AddSingleton<Core.Tickets.Lifecycle.ITicketLinks>(sp => new Tickets.TicketLinks(
            sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), publicUrl));
        services.AddSingleton<Core.Billing.Documents.IBillingDocumentRenderer, Billing.Documents.PdfSharpBillingDocumentRenderer>();
        services.AddHttpClient(Billing.Payments.MidtransGateway.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<Core.Billing.Payments.IPaymentGateway, Billing.Payments.MidtransGateway>();
        services.AddHttpClient(Notifications.CloudApiWhatsAppSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddScoped<Core.Notifications.Sending.IOutboxClaims, Notifications.PostgresOutboxClaims>();
        services.AddSingleton<Core.Notifications.Sending.IWhatsAppSender, Notifications.CloudApiWhatsAppSender>();
        services.AddSingleton<Core.Notifications.Sending.IWhatsAppSender, Notifications.HttpGatewayWhatsAppSender>();
        services.AddSingleton<Core.Notifications.Sending.IEmailSender, Notifications.SmtpEmailSender>();
        services.AddSingleton<ICustomerPhotoStore>(sp => new FileCustomerPhotoStore(
            configuration[FileCustomerPhotoStore.FolderKey] is { Length: > 0 } folder ? folder
                : Path.Combine(configuration[LocalPostgres.LocalPostgresHosting.DataDirectoryVariable] is { Length: > 0 } data ? data : ".data", "photos"),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FileCustomerPhotoStore>>()));
        services.AddSingleton<Core.Tickets.Chat.ITicketAttachmentStore>(sp => new Tickets.FileTicketAttachmentStore(
            configuration[Tickets.FileTicketAttachmentStore.FolderKey] is { Length: > 0 } folder ? folder
                : Path.Combine(configuration[LocalPostgres.LocalPostgresHosting.DataDirectoryVariable] is { Length: > 0 } data ? data : ".data", "ticket-attachments"),
            sp.GetRequiredService<ICustomerPhotoStore>()));
        services.AddSingleton(sp => new Tickets.PostgresTicketChatBus(
            configuration.GetConnectionString(ConnectionStringName) ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set."),
            sp.GetRequiredService<Core.Tickets.Chat.TicketChatFeed>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Tickets.PostgresTicketChatBus>>()));
        services.AddSingleton<Core.Tickets.Chat.ITicketChatBus>(sp => sp.GetRequiredService<Tickets.PostgresTicketChatBus>());
        services.AddHostedService(sp => sp.GetRequiredService<Tickets.PostgresTicketChatBus>());
        services.AddScoped<AuditInterceptor>();

        services.AddScoped<PartitionMaintenance>();
        services.AddHostedService<PartitionMaintenanceService>();

        // Keys in the database so every instance (and every restart) can read what another protected.
        var dataProtection = services.AddDataProtection()
            .PersistKeysToDbContext<IspDbContext>()
            .SetApplicationName(ApplicationName);
        // With a certificate the key ring is encrypted in the database, so a stolen dump alone
        // decrypts nothing (docs/decisions/0003).
        if (configuration[DataProtectionCertificateKey] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, configuration[DataProtectionCertificatePasswordKey], X509KeyStorageFlags.EphemeralKeySet);
            // Linux has no certificate store to find the decrypting key in: name it explicitly.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddSingleton<IKeyedHasher, HmacKeyedHasher>();

        services.Configure<RouterOsOptions>(configuration.GetSection(RouterOsOptions.Section));
        services.AddSingleton<RouterGateway>();
        services.AddSingleton<IRouterGateway>(sp => sp.GetRequiredService<RouterGateway>());
        return services;
    }

    /// <param name="services">The scope's services; supplies the audit interceptor's clock and
    /// current user. Without it (design time) changes are audited as <see cref="Actor.System"/>.</param>
    public static void ConfigureDatabase(DbContextOptionsBuilder options, IConfiguration configuration, IServiceProvider? services = null)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services?.GetService<AuditInterceptor>()
                ?? new AuditInterceptor(services?.GetService<TimeProvider>() ?? TimeProvider.System, services?.GetService<ICurrentUser>()));
    }
}
