using IspPortal.Infrastructure.Backups;
using IspPortal.Infrastructure.StandIns.S3;

namespace IspPortal.Tests.Backups;

/// <summary>The off-site copy over real HTTP, against the S3 stand-in on loopback.</summary>
public sealed class OffsiteCopyTests : IAsyncLifetime
{
    private S3StandIn _s3 = null!;
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"ispportal-offsite-{Guid.NewGuid():N}.tar");

    public async Task InitializeAsync()
    {
        _s3 = await S3StandIn.StartAsync();
        await File.WriteAllBytesAsync(_archive, [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))]);
    }

    public async Task DisposeAsync()
    {
        await _s3.DisposeAsync();
        File.Delete(_archive);
    }

    private S3OffsiteBackupCopy Copy() => new(new S3BackupOptions(_s3.BaseAddress.ToString(), "backups", "key", "secret", S3BackupOptions.DefaultRegion));

    [Fact]
    public async Task The_archive_arrives_byte_for_byte_under_its_file_name()
    {
        await Copy().CopyAsync(_archive, "ispportal-20250601-235900-1.tar");

        Assert.Equal(await File.ReadAllBytesAsync(_archive), _s3.Stored("backups", "ispportal-20250601-235900-1.tar"));
    }

    [Fact]
    public async Task A_refused_copy_throws_for_the_run_to_report()
    {
        _s3.Refusing = true;

        await Assert.ThrowsAnyAsync<Exception>(() => Copy().CopyAsync(_archive, "refused.tar"));
        Assert.Null(_s3.Stored("backups", "refused.tar"));
    }

    [Fact]
    public void Without_endpoint_bucket_and_keys_there_is_no_off_site_copy()
    {
        Assert.False(new S3OffsiteBackupCopy(new S3BackupOptions(null, null, null, null, S3BackupOptions.DefaultRegion)).Configured);
    }
}
