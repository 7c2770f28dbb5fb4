using IspPortal.Core.Billing.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Billing;

public class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.ToTable("document_sequences", t => t.HasCheckConstraint("ck_document_sequences_last_value", "last_value >= 0"));
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).HasMaxLength(DocumentSequence.ScopeMaxLength);
    }
}
