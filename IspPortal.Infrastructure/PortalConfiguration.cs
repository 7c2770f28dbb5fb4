using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure;

/// <summary>Configuration values more than one feature reads, read the same way everywhere.</summary>
public static class PortalConfiguration
{
    public const string PublicUrlKey = "Portal:PublicUrl";
    public const string DefaultPublicUrl = "http://localhost:5000";

    /// <summary>The address customers reach the portal at, for the links in their messages (pay page, ticket page).</summary>
    public static string PublicUrl(this IConfiguration configuration) =>
        configuration[PublicUrlKey] is { Length: > 0 } url ? url : DefaultPublicUrl;

    /// <summary>
    /// Where uploaded files of one kind live: the folder configured under <paramref name="key"/>, else
    /// <paramref name="name"/> in the portal's data directory ($ISPPORTAL_DATA, else <c>.data</c>).
    /// </summary>
    public static string StorageFolder(this IConfiguration configuration, string key, string name) =>
        configuration[key] is { Length: > 0 } folder ? folder
            : Path.Combine(configuration[LocalPostgresHosting.DataDirectoryVariable] is { Length: > 0 } data ? data : ".data", name);

    public static string DatabaseConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(DependencyInjection.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DependencyInjection.ConnectionStringName} is not set.");
}
