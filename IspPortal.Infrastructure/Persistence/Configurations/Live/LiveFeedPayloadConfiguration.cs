using IspPortal.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence.Configurations.Live;

public class LiveFeedPayloadConfiguration : IEntityTypeConfiguration<LiveFeedPayload>
{
    public void Configure(EntityTypeBuilder<LiveFeedPayload> builder)
    {
        builder.ToTable("live_feed_payloads");
        builder.HasKey(p => p.Id);
        // The sender deletes what every instance has had time to read.
        builder.HasIndex(p => p.CreatedAt);
    }
}
