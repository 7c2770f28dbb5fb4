using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class RouterHealthSampleConfiguration : IEntityTypeConfiguration<RouterHealthSample>
{
    public void Configure(EntityTypeBuilder<RouterHealthSample> builder)
    {
        builder.ToTable("router_health_samples", t =>
        {
            t.HasCheckConstraint("ck_router_health_samples_cpu", "cpu_load_percent BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_router_health_samples_counters", "rx_bytes >= 0 AND tx_bytes >= 0 AND uptime_seconds >= 0 AND active_sessions >= 0");
        });
        builder.HasOne<Router>().WithMany().HasForeignKey(s => s.RouterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.RouterId, s.SampledAt }).HasDatabaseName("ix_router_health_samples_router_id_sampled_at");
    }
}
