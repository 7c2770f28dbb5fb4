using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Tickets;

public class TicketCategoryConfiguration : IEntityTypeConfiguration<TicketCategory>
{
    public void Configure(EntityTypeBuilder<TicketCategory> builder)
    {
        builder.ToTable("ticket_categories", t =>
        {
            t.HasEnumCheck<TicketCategory, TicketPriority>("default_priority");
            t.HasCheckConstraint("ck_ticket_categories_code_format", "code ~ '^[A-Z0-9][A-Z0-9-]*$'");
            t.HasCheckConstraint("ck_ticket_categories_sla_positive",
                "first_response_minutes_low > 0 AND first_response_minutes_medium > 0 AND first_response_minutes_high > 0 AND first_response_minutes_urgent > 0 " +
                "AND resolution_minutes_low > 0 AND resolution_minutes_medium > 0 AND resolution_minutes_high > 0 AND resolution_minutes_urgent > 0");
            t.HasCheckConstraint("ck_ticket_categories_sla_order",
                "first_response_minutes_low <= resolution_minutes_low AND first_response_minutes_medium <= resolution_minutes_medium " +
                "AND first_response_minutes_high <= resolution_minutes_high AND first_response_minutes_urgent <= resolution_minutes_urgent");
        });

        builder.Property(c => c.Code).HasMaxLength(TicketCategory.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(TicketCategory.NameMaxLength);
        builder.Property(c => c.EscalationRoleLevel1).HasMaxLength(TicketCategory.RoleMaxLength);
        builder.Property(c => c.EscalationRoleLevel2).HasMaxLength(TicketCategory.RoleMaxLength);
        builder.Property(c => c.EscalationRoleLevel3).HasMaxLength(TicketCategory.RoleMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.EscalationUserIdLevel1).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.EscalationUserIdLevel2).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.EscalationUserIdLevel3).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.Code).IsUnique().HasDatabaseName("ux_ticket_categories_code");
        builder.HasIndex(c => c.Name).IsUnique().HasDatabaseName("ux_ticket_categories_name");
    }
}
