using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Notifications;

public class WhatsAppMessageConfiguration : IEntityTypeConfiguration<WhatsAppMessage>
{
    public void Configure(EntityTypeBuilder<WhatsAppMessage> builder)
    {
        builder.ToTable("whatsapp_messages", t =>
        {
            t.HasEnumCheck<WhatsAppMessage, MessageDirection>("direction");
            t.HasEnumCheck<WhatsAppMessage, WhatsAppMessageType>("type");
            t.HasEnumCheck<WhatsAppMessage, WhatsAppMessageStatus>("status");
            t.HasCheckConstraint("ck_whatsapp_messages_phone_e164", "phone ~ '^\\+[1-9][0-9]{6,14}$'");
            t.HasCheckConstraint("ck_whatsapp_messages_inbound_id", "direction <> 'Inbound' OR provider_message_id IS NOT NULL");
        });

        builder.Property(m => m.Phone).HasMaxLength(WhatsAppMessage.PhoneMaxLength);
        builder.Property(m => m.ContactName).HasMaxLength(WhatsAppMessage.ContactNameMaxLength);
        builder.Property(m => m.Body).HasMaxLength(WhatsAppMessage.BodyMaxLength);
        builder.Property(m => m.MediaPath).HasMaxLength(WhatsAppMessage.MediaPathMaxLength);
        builder.Property(m => m.MediaType).HasMaxLength(WhatsAppMessage.MediaTypeMaxLength);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(WhatsAppMessage.ProviderMessageIdMaxLength);
        builder.Property(m => m.Error).HasMaxLength(WhatsAppMessage.ErrorMaxLength);

        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(m => m.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.SentById).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => m.ProviderMessageId).IsUnique().HasFilter("provider_message_id IS NOT NULL")
            .HasDatabaseName("ux_whatsapp_messages_provider_message_id");
        builder.HasIndex(m => new { m.Phone, m.OccurredAt });
        builder.HasIndex(m => new { m.CustomerId, m.OccurredAt });
        builder.HasIndex(m => new { m.TicketId, m.OccurredAt });
        builder.HasIndex(m => m.OutboxMessageId);
        builder.HasIndex(m => m.SentById);
    }
}
