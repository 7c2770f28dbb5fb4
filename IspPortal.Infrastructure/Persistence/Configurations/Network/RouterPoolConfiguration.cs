using IspPortal.Core.Customers;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class RouterPoolConfiguration : IEntityTypeConfiguration<RouterPool>
{
    public void Configure(EntityTypeBuilder<RouterPool> builder)
    {
        builder.ToTable("router_pools", t => t.HasEnumCheck<RouterPool, PoolBalancing>("balancing"));
        builder.Property(p => p.Name).HasMaxLength(RouterPool.NameMaxLength);
        builder.HasOne<LocationCode>().WithMany().HasForeignKey(p => p.LocationCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Members).WithOne(m => m.Pool).HasForeignKey(m => m.RouterPoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.Name).IsUnique().HasDatabaseName("ux_router_pools_name");
        builder.HasIndex(p => p.LocationCodeId);
    }
}

public class RouterPoolMemberConfiguration : IEntityTypeConfiguration<RouterPoolMember>
{
    public void Configure(EntityTypeBuilder<RouterPoolMember> builder)
    {
        builder.ToTable("router_pool_members", t =>
        {
            t.HasEnumCheck<RouterPoolMember, PoolMemberRole>("role");
            t.HasCheckConstraint("ck_router_pool_members_weight", "weight > 0");
            t.HasCheckConstraint("ck_router_pool_members_capacity", "capacity > 0");
        });
        builder.HasOne(m => m.Router).WithMany(r => r.PoolMemberships).HasForeignKey(m => m.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RouterPoolId, m.RouterId }).IsUnique().HasDatabaseName("ux_router_pool_members_pool_router");
        builder.HasIndex(m => m.RouterId);
    }
}
