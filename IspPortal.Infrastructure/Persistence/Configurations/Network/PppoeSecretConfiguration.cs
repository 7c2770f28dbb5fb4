using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Network;

public class PppoeSecretConfiguration : IEntityTypeConfiguration<PppoeSecret>
{
    public void Configure(EntityTypeBuilder<PppoeSecret> builder)
    {
        builder.ToTable("pppoe_secrets", t =>
        {
            t.HasEnumCheck<PppoeSecret, PppoeSecretStatus>("status");
            t.HasCheckConstraint("ck_pppoe_secrets_username", "length(username) > 0 AND username !~ '\\s'");
            t.HasCheckConstraint("ck_pppoe_secrets_attempts", "provisioning_attempts >= 0");
        });

        builder.Property(s => s.Username).HasMaxLength(PppoeSecret.UsernameMaxLength);
        builder.Property(s => s.Profile).HasMaxLength(PppoeSecret.ProfileMaxLength);
        builder.Property(s => s.Comment).HasMaxLength(PppoeSecret.CommentMaxLength);
        builder.Property(s => s.RouterItemId).HasMaxLength(PppoeSecret.RouterItemIdMaxLength);
        builder.Property(s => s.LastError).HasMaxLength(PppoeSecret.ErrorMaxLength);

        builder.HasOne(s => s.Router).WithMany().HasForeignKey(s => s.RouterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Customer).WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(s => new { s.RouterId, s.Username }).IsUnique().HasDatabaseName("ux_pppoe_secrets_router_username");
        // A customer has one secret per router: the primary one, and replicas on a pool's backups.
        builder.HasIndex(s => new { s.CustomerId, s.RouterId }).IsUnique().HasDatabaseName("ux_pppoe_secrets_customer_router");
        builder.HasIndex(s => s.Username);
        builder.HasIndex(s => s.Status).HasFilter("status IN ('Pending', 'Failed')");
    }
}
