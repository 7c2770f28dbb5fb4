using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Notifications;

public class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("notification_templates");
        builder.Property(t => t.EventKey).HasMaxLength(OutboxMessage.TemplateMaxLength);
        builder.Property(t => t.Body).HasMaxLength(NotificationTemplate.BodyMaxLength);
        builder.Property(t => t.Subject).HasMaxLength(NotificationTemplate.SubjectMaxLength);
        builder.Property(t => t.WhatsAppTemplateName).HasMaxLength(NotificationTemplate.WhatsAppNameMaxLength);
        builder.Property(t => t.WhatsAppLanguage).HasMaxLength(NotificationTemplate.LanguageMaxLength);
        builder.HasIndex(t => new { t.EventKey, t.Channel }).IsUnique().HasDatabaseName("ux_notification_templates_event_channel");
    }
}
