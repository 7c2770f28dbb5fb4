using IspPortal.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Jobs;

public class JobTickConfiguration : IEntityTypeConfiguration<JobTick>
{
    public void Configure(EntityTypeBuilder<JobTick> builder)
    {
        builder.ToTable("job_ticks");
        // The key is the claim: one row, one run, per job and tick across every instance.
        builder.HasKey(t => new { t.Job, t.Tick });
        builder.Property(t => t.Job).HasMaxLength(JobTick.JobMaxLength);
    }
}
