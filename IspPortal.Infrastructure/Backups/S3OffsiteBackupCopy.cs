using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using IspPortal.Core.Backups;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure.Backups;

/// <summary>Where the off-site copies go: <c>Backup:S3:*</c>; all of endpoint, bucket and keys, or none.</summary>
public sealed record S3BackupOptions(string? Endpoint, string? Bucket, string? AccessKey, string? SecretKey, string Region)
{
    public const string Section = "Backup:S3";
    public const string DefaultRegion = "us-east-1";

    public bool Configured => Endpoint is { Length: > 0 } && Bucket is { Length: > 0 } && AccessKey is { Length: > 0 } && SecretKey is { Length: > 0 };

    public static S3BackupOptions From(IConfiguration configuration)
    {
        var s3 = configuration.GetSection(Section);
        return new(s3["Endpoint"], s3["Bucket"], s3["AccessKey"], s3["SecretKey"], s3["Region"] is { Length: > 0 } region ? region : DefaultRegion);
    }
}

/// <summary>PUTs each archive to S3-compatible object storage (AWS, MinIO, Wasabi) with the AWS SDK.</summary>
public sealed class S3OffsiteBackupCopy(S3BackupOptions options) : IOffsiteBackupCopy
{
    public bool Configured => options.Configured;

    public async Task CopyAsync(string path, string file, CancellationToken cancellationToken = default)
    {
        if (!Configured)
            throw new InvalidOperationException("Off-site backup storage is not configured (Backup__S3__*).");
        var config = new AmazonS3Config
        {
            ServiceURL = options.Endpoint,
            AuthenticationRegion = options.Region,
            // MinIO and most S3-compatible stores answer on path-style URLs.
            ForcePathStyle = true,
            // Checksums only where S3 requires them: compatible stores differ in the flexible-checksum headers they accept.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromMinutes(30),
        };
        using var client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = file,
            FilePath = path,
            ContentType = "application/x-tar",
            UseChunkEncoding = false,
        }, cancellationToken);
    }
}
