using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Tickets;

public class TicketReadConfiguration : IEntityTypeConfiguration<TicketRead>
{
    public void Configure(EntityTypeBuilder<TicketRead> builder)
    {
        builder.ToTable("ticket_reads");
        builder.HasKey(r => new { r.UserId, r.TicketId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.TicketId);
    }
}
