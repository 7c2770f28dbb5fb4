namespace IspPortal.Infrastructure.LocalPostgres;

public sealed class LocalPostgresOptions
{
    public const string DefaultUser = "ispportal";

    // Root folder of the private cluster; the cluster itself lives in "<DataDirectory>/postgres".
    public required string DataDirectory { get; init; }

    // 0 picks a free loopback port.
    public int Port { get; init; }

    // When the requested port is taken by something else, take a free one instead of failing.
    public bool FallBackToFreePort { get; init; }

    public string User { get; init; } = DefaultUser;

    // Null: a random password is generated at initdb and kept in "<DataDirectory>/postgres/superuser.password".
    public string? Password { get; init; }

    // fsync, synchronous_commit and full_page_writes off: a crash can corrupt the cluster. Tests only.
    public bool DisableDurability { get; init; }

    public int? MaxConnections { get; init; }

    // Folder holding initdb and pg_ctl; null searches PATH, then /usr/lib/postgresql/<highest version>/bin.
    public string? BinDirectory { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
