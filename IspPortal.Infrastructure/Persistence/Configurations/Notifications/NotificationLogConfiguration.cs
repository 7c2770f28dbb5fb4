using IspPortal.Core.Notifications;
using IspPortal.Infrastructure.Persistence.Partitioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Notifications;

/// <summary>Partitioned by month: the table is created by <see cref="PartitionedTables"/>, not by EF.</summary>
public class NotificationLogConfiguration : IEntityTypeConfiguration<NotificationLog>
{
    public void Configure(EntityTypeBuilder<NotificationLog> builder)
    {
        builder.ToTable(PartitionedTables.NotificationLogs.Table, t => t.ExcludeFromMigrations());
        builder.HasKey(l => new { l.Id, l.OccurredAt });
        builder.Property(l => l.Id).HasDefaultValueSql(PartitionedTables.NotificationLogs.IdDefault);
        builder.Property(l => l.Provider).HasMaxLength(NotificationLog.ProviderMaxLength);
        builder.Property(l => l.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(l => l.Template).HasMaxLength(OutboxMessage.TemplateMaxLength);
        builder.Property(l => l.ProviderMessageId).HasMaxLength(OutboxMessage.ProviderMessageIdMaxLength);
        builder.Property(l => l.ErrorCode).HasMaxLength(NotificationLog.ProviderMaxLength);
        builder.Property(l => l.Error).HasMaxLength(NotificationLog.ErrorMaxLength);
        builder.HasOne(l => l.OutboxMessage).WithMany().HasForeignKey(l => l.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}
