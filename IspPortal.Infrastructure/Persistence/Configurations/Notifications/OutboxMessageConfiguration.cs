using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Notifications;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("notification_outbox", t =>
        {
            t.HasEnumCheck<OutboxMessage, NotificationChannel>("channel");
            t.HasEnumCheck<OutboxMessage, OutboxStatus>("status");
            t.HasCheckConstraint("ck_notification_outbox_attempt_count", "attempt_count >= 0");
        });

        builder.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMessage.IdempotencyKeyMaxLength);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(m => m.Template).HasMaxLength(OutboxMessage.TemplateMaxLength);
        builder.Property(m => m.Parameters).HasColumnType("jsonb");
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(OutboxMessage.ProviderMessageIdMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Ignore(m => m.IsFinished);

        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attachments).HasField("_attachments");

        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(m => m.IdempotencyKey).IsUnique().HasDatabaseName("ux_notification_outbox_idempotency_key");
        // The dispatcher's query: what is due and not finished.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status IN ('Pending', 'Sending')").HasDatabaseName("ix_notification_outbox_due");
        builder.HasIndex(m => m.ProviderMessageId).HasFilter("provider_message_id IS NOT NULL");
        builder.HasIndex(m => new { m.CustomerId, m.CreatedAt });
    }
}
