using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Tickets;

public class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("tickets", t =>
        {
            t.HasEnumCheck<Ticket, TicketChannel>("channel");
            t.HasEnumCheck<Ticket, TicketPriority>("priority");
            t.HasEnumCheck<Ticket, TicketStatus>("status");
            t.HasCheckConstraint("ck_tickets_rating", "rating BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_tickets_escalation_level", $"escalation_level BETWEEN 0 AND {Ticket.MaxEscalationLevel}");
            t.HasCheckConstraint("ck_tickets_closed_at", "status NOT IN ('Closed', 'Cancelled') OR closed_at IS NOT NULL");
        });

        builder.Property(t => t.Number).HasMaxLength(Ticket.NumberMaxLength);
        builder.Property(t => t.Subject).HasMaxLength(Ticket.SubjectMaxLength);
        builder.Property(t => t.ContactName).HasMaxLength(Ticket.ContactNameMaxLength);
        builder.Property(t => t.ContactPhone).HasMaxLength(Core.Customers.Customer.PhoneMaxLength);
        builder.Property(t => t.ContactEmail).HasMaxLength(Ticket.ContactMaxLength);
        builder.Property(t => t.Version).IsXminRowVersion();

        builder.HasOne(t => t.Customer).WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Category).WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Comments).WithOne(c => c.Ticket).HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Activities).WithOne(a => a.Ticket).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Escalations).WithOne(e => e.Ticket).HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(t => t.Number).IsUnique().HasDatabaseName("ux_tickets_number");
        builder.HasIndex(t => new { t.Status, t.Priority });
        builder.HasIndex(t => new { t.AssigneeId, t.Status });
        builder.HasIndex(t => new { t.CustomerId, t.CreatedAt });
        builder.HasIndex(t => t.CategoryId);
        builder.HasIndex(t => t.CreatedById);
        // The escalation job's query: open tickets by deadline.
        builder.HasIndex(t => t.ResolutionDueAt).HasFilter("status NOT IN ('Resolved', 'Verified', 'Closed', 'Cancelled')")
            .HasDatabaseName("ix_tickets_open_resolution_due_at");
        // The chat's unread count (TicketChatReads): tickets in a queue that heard from the customer.
        builder.HasIndex(t => new { t.AssigneeId, t.LastCustomerMessageAt })
            .HasFilter("last_customer_message_at IS NOT NULL AND status NOT IN ('Verified', 'Closed', 'Cancelled')")
            .HasDatabaseName("ix_tickets_unread");
    }
}

public class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> builder)
    {
        builder.ToTable("ticket_comments", t =>
        {
            t.HasEnumCheck<TicketComment, CommentAuthor>("author_kind");
            t.HasCheckConstraint("ck_ticket_comments_internal_by_agent", "NOT is_internal OR author_kind = 'Agent'");
        });
        builder.Property(c => c.WhatsAppMessageId).HasColumnName("whatsapp_message_id");
        builder.Property(c => c.AttachmentPath).HasMaxLength(TicketComment.AttachmentPathMaxLength);
        builder.Property(c => c.AttachmentName).HasMaxLength(TicketComment.AttachmentNameMaxLength);
        builder.Property(c => c.AttachmentContentType).HasMaxLength(TicketComment.AttachmentTypeMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("ck_ticket_comments_attachment_size", "attachment_size IS NULL OR attachment_size >= 0"));
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Core.Notifications.WhatsAppMessage>().WithMany().HasForeignKey(c => c.WhatsAppMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TicketId, c.CreatedAt });
        builder.HasIndex(c => c.AuthorId);
        builder.HasIndex(c => c.WhatsAppMessageId).IsUnique().HasFilter("whatsapp_message_id IS NOT NULL")
            .HasDatabaseName("ux_ticket_comments_whatsapp_message_id");
        builder.Property(c => c.EmailMessageId).HasMaxLength(TicketComment.EmailMessageIdMaxLength);
        builder.HasOne<Core.Notifications.OutboxMessage>().WithMany().HasForeignKey(c => c.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.OutboxMessageId).IsUnique().HasFilter("outbox_message_id IS NOT NULL")
            .HasDatabaseName("ux_ticket_comments_outbox_message_id");
        builder.HasIndex(c => c.EmailMessageId).IsUnique().HasFilter("email_message_id IS NOT NULL")
            .HasDatabaseName("ux_ticket_comments_email_message_id");
    }
}

public class TicketActivityConfiguration : IEntityTypeConfiguration<TicketActivity>
{
    public void Configure(EntityTypeBuilder<TicketActivity> builder)
    {
        builder.ToTable("ticket_activities", t => t.HasEnumCheck<TicketActivity, TicketActivityKind>("kind"));
        builder.Property(a => a.FromValue).HasMaxLength(TicketActivity.ValueMaxLength);
        builder.Property(a => a.ToValue).HasMaxLength(TicketActivity.ValueMaxLength);
        builder.Property(a => a.Note).HasMaxLength(TicketActivity.NoteMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TicketId, a.OccurredAt });
        builder.HasIndex(a => a.ActorId);
    }
}

public class TicketEscalationConfiguration : IEntityTypeConfiguration<TicketEscalation>
{
    public void Configure(EntityTypeBuilder<TicketEscalation> builder)
    {
        builder.ToTable("ticket_escalations", t =>
        {
            t.HasEnumCheck<TicketEscalation, EscalationReason>("reason");
            t.HasCheckConstraint("ck_ticket_escalations_level", $"level BETWEEN 1 AND {Ticket.MaxEscalationLevel}");
        });
        builder.Property(e => e.EscalatedToRole).HasMaxLength(TicketCategory.RoleMaxLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.EscalatedToUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.AcknowledgedById).OnDelete(DeleteBehavior.Restrict);
        // The escalation job runs every minute on several instances: each level happens once.
        builder.HasIndex(e => new { e.TicketId, e.Level }).IsUnique().HasDatabaseName("ux_ticket_escalations_ticket_level");
        builder.HasIndex(e => e.EscalatedToUserId);
        builder.HasIndex(e => e.AcknowledgedById);
    }
}
