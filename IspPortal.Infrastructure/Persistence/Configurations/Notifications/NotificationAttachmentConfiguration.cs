using IspPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Notifications;

public class NotificationAttachmentConfiguration : IEntityTypeConfiguration<NotificationAttachment>
{
    public void Configure(EntityTypeBuilder<NotificationAttachment> builder)
    {
        builder.ToTable("notification_attachments", t => t.HasCheckConstraint(
            "ck_notification_attachments_size", $"octet_length(content) BETWEEN 1 AND {NotificationAttachment.MaxBytes}"));
        builder.Property(a => a.FileName).HasMaxLength(NotificationAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(NotificationAttachment.ContentTypeMaxLength);
    }
}
