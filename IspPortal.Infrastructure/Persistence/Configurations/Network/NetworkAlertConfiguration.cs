using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class NetworkAlertConfiguration : IEntityTypeConfiguration<NetworkAlert>
{
    public void Configure(EntityTypeBuilder<NetworkAlert> builder)
    {
        builder.ToTable("network_alerts", t =>
        {
            t.HasCheckConstraint("ck_network_alerts_resolved_after_opened", "resolved_at IS NULL OR resolved_at >= opened_at");
            t.HasCheckConstraint("ck_network_alerts_occurrences", "occurrences >= 1");
            t.HasCheckConstraint("ck_network_alerts_router", "(router_id IS NULL) = (kind = 'BackupFailed')");
        });
        builder.Property(a => a.Message).HasMaxLength(NetworkAlert.MessageMaxLength);
        builder.Ignore(a => a.IsOpen);
        builder.HasOne(a => a.Router).WithMany().HasForeignKey(a => a.RouterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.AcknowledgedById).OnDelete(DeleteBehavior.SetNull);
        // One open alert per router and kind: a second sync refreshes it instead of opening another;
        // NULLS NOT DISTINCT so the portal's own alerts (no router) are one per kind too.
        builder.HasIndex(a => new { a.RouterId, a.Kind }).IsUnique().AreNullsDistinct(false).HasFilter("resolved_at IS NULL").HasDatabaseName("ux_network_alerts_open_router_kind");
        builder.HasIndex(a => a.OpenedAt);
    }
}
