using IspPortal.Core.Customers.Photos;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Intake;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Infrastructure.Tickets;

public static class TicketsInfrastructureModule
{
    public static IServiceCollection AddTicketsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var publicUrl = configuration.PublicUrl();
        services.AddSingleton<ITicketLinks>(sp => new TicketLinks(sp.GetRequiredService<IDataProtectionProvider>(), publicUrl));

        services.AddSingleton<IInboundEmailReader, MimeInboundEmailReader>();
        services.AddSingleton<ITicketAttachmentStore>(sp => new FileTicketAttachmentStore(
            configuration.StorageFolder(FileTicketAttachmentStore.FolderKey, "ticket-attachments"), sp.GetRequiredService<ICustomerPhotoStore>()));

        // One LISTEN connection per instance carries the chat between the portal's instances.
        services.AddSingleton(sp => new PostgresTicketChatBus(
            configuration.DatabaseConnectionString(), sp.GetRequiredService<TicketChatFeed>(), sp.GetRequiredService<ILogger<PostgresTicketChatBus>>()));
        services.AddSingleton<ITicketChatBus>(sp => sp.GetRequiredService<PostgresTicketChatBus>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresTicketChatBus>());

        services.AddJob<TicketEscalationJob>(Every.Minute);
        services.AddJob<TicketFollowUpJob>(Every.Minute);
        return services;
    }
}
