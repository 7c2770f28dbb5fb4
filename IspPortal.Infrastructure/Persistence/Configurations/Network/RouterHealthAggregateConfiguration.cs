using IspPortal.Core.Network;
using IspPortal.Core.Network.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class RouterHealthFiveMinutesConfiguration : IEntityTypeConfiguration<RouterHealthFiveMinutes>
{
    public const string Table = "router_health_5min";

    public void Configure(EntityTypeBuilder<RouterHealthFiveMinutes> builder) => RouterHealthAggregateTable.Configure(builder, Table);
}

public class RouterHealthHourlyConfiguration : IEntityTypeConfiguration<RouterHealthHourly>
{
    public const string Table = "router_health_hourly";

    public void Configure(EntityTypeBuilder<RouterHealthHourly> builder) => RouterHealthAggregateTable.Configure(builder, Table);
}

/// <summary>Both resolutions share one shape: one row per router and bucket (the roll-up's upsert key).</summary>
internal static class RouterHealthAggregateTable
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table) where T : RouterHealthAggregate
    {
        builder.ToTable(table, t => t.HasCheckConstraint($"ck_{table}_samples", "samples > 0"));
        builder.HasKey(a => new { a.RouterId, a.BucketStart });
        builder.HasOne<Router>().WithMany().HasForeignKey(a => a.RouterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.BucketStart).HasDatabaseName($"ix_{table}_bucket_start");
    }
}
